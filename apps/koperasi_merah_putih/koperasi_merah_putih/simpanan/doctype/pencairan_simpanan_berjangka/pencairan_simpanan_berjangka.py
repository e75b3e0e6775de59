# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pencairan Simpanan Berjangka: a placement at (or, where the product allows, before) maturity.

- Cairkan: principal plus jasa, less withholding tax (and less the penalty if early), paid out.
- Perpanjang: the principal stays and starts a new term (a new Simpanan Berjangka that moves no
  money); the jasa is paid out, or added to the new principal.

One posting: jasa expense; tax payable; the placement's account debited by the principal (Cairkan)
or credited by the jasa (added to the principal); penalty income; cash for what is paid out.
"""

from decimal import Decimal

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import flt, getdate

from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang
from koperasi_merah_putih.simpanan.doctype.simpanan_berjangka.simpanan_berjangka import produk_berjangka
from koperasi_merah_putih.simpanan.doctype.transaksi_simpanan.transaksi_simpanan import pesan_penolakan


class PencairanSimpananBerjangka(DokumenBerjurnal):
	def validate(self):
		# the placement's row lock serialises payouts; a placement is paid out once, whatever its
		# status field says (it follows the payout documents)
		frappe.db.get_value("Simpanan Berjangka", self.simpanan_berjangka, "name", for_update=True)
		sb = frappe.get_doc("Simpanan Berjangka", self.simpanan_berjangka)
		if sb.docstatus != 1 or sb.status != aturan.AKTIF:
			frappe.throw(
				_("Simpanan Berjangka {0} is not active ({1}).").format(sb.name, _(sb.status or aturan.DRAF))
			)
		# a locking read: it sees a payout another request committed while this one waited
		lain = frappe.db.get_value(
			"Pencairan Simpanan Berjangka",
			{"simpanan_berjangka": sb.name, "docstatus": 1, "name": ("!=", self.name)},
			"name",
			for_update=True,
		)
		if lain:
			frappe.throw(
				_("Simpanan Berjangka {0} has already been paid out or rolled over by {1}.").format(
					sb.name, lain
				),
				title=_("Already paid out"),
			)
		for field in ("anggota", "nama_anggota", "nomor_anggota", "customer", "company", "jenis_simpanan"):
			self.set(field, sb.get(field))
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		tanggal = getdate(self.posting_date)
		if tanggal < getdate(sb.posting_date):
			frappe.throw(_("The date is before the placement date {0}.").format(sb.posting_date))
		produk = produk_berjangka(sb.jenis_simpanan)
		akun = produk.akun_untuk(self.company)
		b = sb.berjangka()
		try:
			hasil = aturan.pencairan_berjangka(
				b,
				tanggal,
				boleh_sebelum_jatuh_tempo=bool(produk.boleh_cair_sebelum_jatuh_tempo),
				penalti_persen=Decimal(str(flt(produk.penalti_persen))),
				potong_pajak=bool(produk.potong_pajak),
				ambang_pajak=int(flt(produk.ambang_pajak)) if produk.ambang_pajak is not None else 240000,
				tarif_pajak=Decimal(str(flt(produk.tarif_pajak) or 10)),
			)
		except aturan.TransaksiDitolak as err:
			frappe.throw(pesan_penolakan(err), title=_("Withdrawal refused"))
		self.sebelum_jatuh_tempo = int(tanggal < b.jatuh_tempo)
		if self.sebelum_jatuh_tempo and self.tindakan == aturan.PERPANJANG:
			frappe.throw(_("A placement can be rolled over only at or after maturity."))
		self.pokok, self.tanggal_jatuh_tempo = b.pokok, b.jatuh_tempo
		self.jasa, self.pajak, self.penalti = hasil.jasa, hasil.pajak, hasil.penalti
		if self.tindakan == aturan.CAIRKAN:
			self.jasa_ditambahkan = 0
		self.dibayar = hasil.dibayar(b.pokok, self.tindakan == aturan.CAIRKAN, bool(self.jasa_ditambahkan))
		self.akun_simpanan, self.akun_beban_jasa = akun.akun_simpanan, akun.akun_beban_jasa
		self.akun_utang_pajak, self.akun_pendapatan_penalti = (
			akun.akun_utang_pajak,
			akun.akun_pendapatan_penalti,
		)
		for needed, label in (
			(self.jasa and not self.akun_beban_jasa, _("Akun Beban Jasa")),
			(self.pajak and not self.akun_utang_pajak, _("Akun Utang PPh Jasa")),
			(self.penalti and not self.akun_pendapatan_penalti, _("Akun Pendapatan Penalti")),
		):
			if needed:
				frappe.throw(_("Set {0} of {1} for {2}.").format(label, self.jenis_simpanan, self.company))
		if self.dibayar:
			self.mode_of_payment = self.mode_of_payment or sb.mode_of_payment or "Cash"
			self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		else:
			self.mode_of_payment = self.akun_kas = None
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		self.terbilang = rupiah_terbilang(int(flt(self.dibayar)))
		if not self.remarks:
			self.remarks = _("{0} of fixed-term savings {1}").format(_(self.tindakan), sb.name)

	def before_submit(self):
		# the placement is closed once: a second Pencairan waits on this lock, then finds it closed
		status = frappe.db.get_value("Simpanan Berjangka", self.simpanan_berjangka, "status", for_update=True)
		if status != aturan.AKTIF:
			frappe.throw(
				_("Simpanan Berjangka {0} is not active ({1}).").format(self.simpanan_berjangka, _(status))
			)

	def on_submit(self):
		super().on_submit()
		sb = frappe.get_doc("Simpanan Berjangka", self.simpanan_berjangka)
		sb.db_set(
			{
				"status": aturan.DICAIRKAN if self.tindakan == aturan.CAIRKAN else aturan.DIPERPANJANG,
				"pencairan": self.name,
			}
		)
		if self.tindakan == aturan.PERPANJANG:
			baru = frappe.get_doc(
				{
					"doctype": "Simpanan Berjangka",
					"anggota": sb.anggota,
					"jenis_simpanan": sb.jenis_simpanan,
					"posting_date": sb.tanggal_jatuh_tempo,
					# the same term, at the product's rate of the day (rates change, terms are chosen)
					"tenor_bulan": sb.tenor_bulan,
					"jumlah": flt(self.pokok)
					+ (flt(self.jasa) - flt(self.pajak) if self.jasa_ditambahkan else 0),
					"perpanjang_otomatis": sb.perpanjang_otomatis,
					"perpanjangan_dari": sb.name,
					"cost_center": sb.cost_center,
				}
			)
			baru.flags.ignore_permissions = baru.flags.oleh_server = True
			baru.insert()
			baru.submit()
			self.db_set("berjangka_baru", baru.name)

	def before_cancel(self):
		# refused before anything is written (Frappe saves the cancelled status before on_cancel)
		if self.berjangka_baru:
			baru = frappe.db.get_value(
				"Simpanan Berjangka", self.berjangka_baru, ["docstatus", "status"], as_dict=True
			)
			if baru and baru.docstatus == 1 and baru.status != aturan.AKTIF:
				frappe.throw(
					_(
						"The rolled-over placement {0} has been closed already: cancel its Pencairan first."
					).format(self.berjangka_baru)
				)

	def on_cancel(self):
		if self.berjangka_baru:
			baru = frappe.get_doc("Simpanan Berjangka", self.berjangka_baru)
			if baru.docstatus == 1:
				baru.flags.dari_pencairan = True
				baru.flags.ignore_permissions = True
				baru.cancel()
		super().on_cancel()
		# the placements link here (closed by / made by this document); they are updated below
		self.ignore_linked_doctypes = (*self.ignore_linked_doctypes, "Simpanan Berjangka")
		frappe.db.set_value(
			"Simpanan Berjangka", self.simpanan_berjangka, {"status": aturan.AKTIF, "pencairan": None}
		)

	def baris_jurnal(self) -> list[dict]:
		member = {"party_type": "Customer", "party": self.customer}
		jasa, pajak, penalti = flt(self.jasa), flt(self.pajak), flt(self.penalti)
		lines = []
		if jasa:
			lines.append({"account": self.akun_beban_jasa, "debit": jasa, "against": self.customer})
		if pajak:
			lines.append({"account": self.akun_utang_pajak, "credit": pajak, "against": self.customer})
		if self.tindakan == aturan.CAIRKAN:
			lines.append(
				{"account": self.akun_simpanan, "debit": flt(self.pokok), "against": self.akun_kas, **member}
			)
		elif self.jasa_ditambahkan:
			lines.append(
				{
					"account": self.akun_simpanan,
					"credit": jasa - pajak,
					"against": self.akun_beban_jasa,
					**member,
				}
			)
		if penalti:
			lines.append(
				{"account": self.akun_pendapatan_penalti, "credit": penalti, "against": self.customer}
			)
		if flt(self.dibayar):
			lines.append({"account": self.akun_kas, "credit": flt(self.dibayar), "against": self.customer})
		return lines
