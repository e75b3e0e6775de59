# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pinjaman: the loan made from an approved application. Submitting it disburses the loan.

The schedule comes from the pure rules (`rules.pinjaman.jadwal`); disbursement posts through the
app's one posting path: debit piutang pinjaman (the member's Customer as party) for the principal
and any fee billed with the first instalment, credit cash/bank for what the member receives, and
credit each fee to its income (or, for insurance, to the premium held for the insurer).
"""

from decimal import Decimal

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import add_months, flt, getdate, today

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import (
	anggota_untuk_user,
	periksa_dapat_bertransaksi,
)
from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import pinjaman as aturan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang

DIPOTONG = aturan.DIPOTONG_SAAT_PENCAIRAN
AKUN_BIAYA = {
	"Administrasi": "akun_pendapatan_administrasi",
	"Provisi": "akun_pendapatan_provisi",
	"Asuransi": "akun_titipan_asuransi",
}
DARI_PENGAJUAN = (
	"anggota",
	"produk",
	"jumlah",
	"tenor",
	"nama_penjamin",
	"nik_penjamin",
	"hubungan_penjamin",
	"hp_penjamin",
	"agunan",
)


def akun_produk(produk, company: str):
	row = next((r for r in produk.akun if r.company == company), None)
	if not row:
		frappe.throw(_("Loan product {0} is not set up for {1}.").format(produk.name, company))
	return row


class Pinjaman(DokumenBerjurnal):
	def has_website_permission(self, ptype, user=None, verbose=False):
		"""The borrower may read and print their own loan documents (agreement, schedule, receipt)."""
		return ptype in ("read", "print") and self.docstatus == 1 and self.anggota == anggota_untuk_user(user)

	def validate(self):
		pengajuan = frappe.get_doc("Pengajuan Pinjaman", self.pengajuan)
		if pengajuan.status != aturan.DISETUJUI or not pengajuan.diputuskan_oleh:
			frappe.throw(
				_("Application {0} is {1}: only an approved application can be disbursed.").format(
					pengajuan.name, _(pengajuan.status)
				)
			)
		lain = frappe.db.get_value(
			"Pinjaman", {"pengajuan": self.pengajuan, "docstatus": ("<", 2), "name": ("!=", self.name)}
		)
		if lain:
			frappe.throw(_("Application {0} already has loan {1}.").format(self.pengajuan, lain))
		for field in DARI_PENGAJUAN:
			self.set(field, pengajuan.get(field))
		anggota = periksa_dapat_bertransaksi(self.anggota)
		self.customer, self.company = anggota.customer, anggota.company
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		produk = frappe.get_cached_doc("Produk Pinjaman", self.produk)
		akun = akun_produk(produk, self.company)
		self.metode, self.tarif, self.basis_tarif = produk.metode, produk.tarif, produk.basis_tarif
		self.akun_piutang = akun.akun_piutang
		self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		if not self.tanggal_angsuran_pertama:
			self.tanggal_angsuran_pertama = add_months(self.posting_date, 1)
		if getdate(self.tanggal_angsuran_pertama) <= getdate(self.posting_date):
			frappe.throw(_("The first instalment must fall due after the disbursement date."))
		self._biaya(produk, akun)
		self._jadwal(produk)
		self.status = "Draft"

	def _biaya(self, produk, akun):
		self.set("biaya", [])
		for b in produk.biaya_untuk(int(flt(self.jumlah))):
			if not b["jumlah"]:
				continue
			akun_biaya = akun.get(AKUN_BIAYA[b["jenis_biaya"]])
			if not akun_biaya:
				frappe.throw(
					_("Loan product {0} has no account for the {1} fee.").format(
						produk.name, _(b["jenis_biaya"])
					)
				)
			self.append("biaya", {**b, "akun": akun_biaya})
		self.total_biaya_dipotong = sum(flt(b.jumlah) for b in self.biaya if b.cara == DIPOTONG)
		self.diterima = flt(self.jumlah) - self.total_biaya_dipotong
		if self.diterima <= 0:
			frappe.throw(_("The fees deducted are not less than the loan."))
		self.terbilang = rupiah_terbilang(int(self.diterima))

	def _jadwal(self, produk):
		k = aturan.ketentuan(
			int(flt(self.jumlah)),
			int(self.tenor),
			Decimal(str(flt(self.tarif))),
			self.basis_tarif,
			self.metode,
			[(b.cara, int(flt(b.jumlah))) for b in self.biaya],
		)
		self.set("jadwal", [])
		for a, biaya in k.angsuran:
			self.append(
				"jadwal",
				{
					"ke": a.ke,
					"jatuh_tempo": add_months(self.tanggal_angsuran_pertama, a.ke - 1),
					"pokok": a.pokok,
					"jasa": a.jasa,
					"biaya": biaya,
					"total": a.total + biaya,
					"sisa_pokok": a.sisa_pokok,
				},
			)
		self.total_jasa = k.total_jasa
		self.suku_efektif_tahunan = float(round(k.suku_efektif_tahunan, 2))
		self.sisa_pokok = flt(self.jumlah)
		self.sisa_biaya = k.ditagih

	def before_submit(self):
		# one disbursement per application, even with two clerks pressing Submit together
		frappe.db.get_value("Pengajuan Pinjaman", self.pengajuan, "name", for_update=True)
		if (
			frappe.db.get_value("Pengajuan Pinjaman", self.pengajuan, "status", for_update=True)
			!= aturan.DISETUJUI
		):
			frappe.throw(_("Application {0} has already been disbursed.").format(self.pengajuan))
		self.status = aturan.AKTIF

	def on_submit(self):
		super().on_submit()
		frappe.db.set_value(
			"Pengajuan Pinjaman",
			self.pengajuan,
			{"status": aturan.DICAIRKAN, "pinjaman_dicairkan": self.name},
		)
		# the form shows the returned document: give it the position just stored
		self.update(posisi.perbarui(self.name, self.posting_date))

	def on_cancel(self):
		super().on_cancel()
		self.db_set("status", aturan.DIBATALKAN)
		frappe.db.set_value(
			"Pengajuan Pinjaman", self.pengajuan, {"status": aturan.DISETUJUI, "pinjaman_dicairkan": None}
		)

	def baris_jurnal(self) -> list[dict]:
		member = {"party_type": "Customer", "party": self.customer}
		ditagih = sum(flt(b.jumlah) for b in self.biaya if b.cara != DIPOTONG)
		lines = [
			{
				"account": self.akun_piutang,
				"debit": flt(self.jumlah) + ditagih,
				"against": self.akun_kas,
				**member,
			},
			{"account": self.akun_kas, "credit": flt(self.diterima), "against": self.customer},
		]
		for b in self.biaya:
			lines.append({"account": b.akun, "credit": flt(b.jumlah), "against": self.customer})
		return lines


@frappe.whitelist()
def tagihan_hari_ini(pinjaman: str, tanggal: str | None = None, pelunasan: int = 0) -> dict:
	"""What the member owes on a date, per instalment and in total (and the payoff), for the
	repayment form and the portal."""
	doc = frappe.get_doc("Pinjaman", pinjaman)
	doc.check_permission("read")
	# what a repayment entered today owes, even when dated earlier (as Angsuran Pinjaman accrues it)
	return hitung_tagihan(doc, max(getdate(tanggal), getdate(today())), bool(int(pelunasan)))


def hitung_tagihan(doc, tanggal, pelunasan: bool = False) -> dict:
	produk = frappe.get_cached_doc("Produk Pinjaman", doc.produk)
	owed = posisi.tagihan(posisi.baris_jadwal(doc.name), produk, tanggal)
	jatuh_tempo = [t for t in owed if t.jatuh_tempo <= tanggal and t.total > 0]
	lunas = aturan.tagihan_pelunasan(owed, tanggal, produk.aturan_pelunasan or aturan.PELUNASAN_BERJALAN)
	return {
		"jatuh_tempo": sum(t.total for t in jatuh_tempo),
		"pelunasan": sum(t.total for t in lunas),
		"tagihan": [t.__dict__ | {"total": t.total} for t in (lunas if pelunasan else owed) if t.total > 0],
	}
