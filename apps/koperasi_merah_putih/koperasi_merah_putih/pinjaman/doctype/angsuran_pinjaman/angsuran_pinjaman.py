# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Angsuran Pinjaman: a repayment on a loan: part of an instalment, one, several, or the early
settlement (pelunasan) of the whole loan.

The amount is split by the pure rules (oldest instalment first; within it any billed fee, then
the product's order, by default denda, jasa, pokok); denda is accrued to the payment date. A
pelunasan charges the jasa not yet due as the product says and waives the rest. More than the
loan's payoff is refused, or moved to the member's simpanan sukarela, as configured. Posting:
debit cash/bank; credit piutang pinjaman (pokok and fees, against the loan), jasa and denda
income, and any overpayment to sukarela. A repayment on a written-off loan is a recovery: all
of it is income (pemulihan). Cancelling reverses the ledger and the schedule."""

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import cint, flt, getdate, today

from koperasi_merah_putih.integritas import dari_klien
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import (
	pengaturan,
)
from koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman import akun_produk
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import pinjaman as aturan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang
from koperasi_merah_putih.simpanan.saldo import akun_sukarela

KOMPONEN = ("biaya", "denda", "jasa", "pokok")


class AngsuranPinjaman(DokumenBerjurnal):
	def has_website_permission(self, ptype, user=None, verbose=False):
		"""The borrower may read and print their own loan documents (agreement, schedule, receipt)."""
		return ptype in ("read", "print") and self.docstatus == 1 and self.anggota == anggota_untuk_user(user)

	def validate(self):
		pinjaman = frappe.db.get_value(
			"Pinjaman",
			self.pinjaman,
			[
				"docstatus",
				"status",
				"anggota",
				"nama_anggota",
				"customer",
				"company",
				"produk",
				"akun_piutang",
			],
			as_dict=True,
		)
		if not pinjaman or pinjaman.docstatus != 1:
			frappe.throw(_("Loan {0} has not been disbursed.").format(self.pinjaman))
		if pinjaman.status not in (aturan.AKTIF, aturan.HAPUS_BUKU):
			frappe.throw(
				_("Loan {0} is {1}: nothing is left to pay.").format(self.pinjaman, _(pinjaman.status))
			)
		self.anggota, self.nama_anggota = pinjaman.anggota, pinjaman.nama_anggota
		self.customer, self.company = pinjaman.customer, pinjaman.company
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		self.pemulihan = int(pinjaman.status == aturan.HAPUS_BUKU)
		self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		self._alokasi()
		self.terbilang = rupiah_terbilang(int(flt(self.jumlah)))
		if not self.remarks:
			self.remarks = " ".join((_(self.jenis), self.pinjaman, self.nama_anggota or ""))

	def tanggal_akrual(self):
		"""The date denda and a settlement's jasa are accrued to: the payment date, but for a
		repayment entered later than its date, the day it is entered (backdating it does not
		waive what fell due since; the ledger keeps the date entered)."""
		tanggal = getdate(self.posting_date)
		if dari_klien() and not self.flags.oleh_server:
			tanggal = max(tanggal, getdate(today()))
		return tanggal

	def _alokasi(self, for_update: bool = False):
		tanggal = self.tanggal_akrual()
		produk = frappe.get_cached_doc(
			"Produk Pinjaman", frappe.db.get_value("Pinjaman", self.pinjaman, "produk")
		)
		owed = posisi.tagihan(posisi.baris_jadwal(self.pinjaman, for_update=for_update), produk, tanggal)
		aturan_pelunasan = produk.aturan_pelunasan or aturan.PELUNASAN_BERJALAN
		if self.jenis == aturan.PELUNASAN and not flt(self.jumlah):
			self.jumlah = sum(t.total for t in aturan.tagihan_pelunasan(owed, tanggal, aturan_pelunasan))
		jumlah = int(flt(self.jumlah))
		if jumlah <= 0:
			frappe.throw(_("The amount must be more than zero."), title=_("Invalid amount"))
		if jumlah != flt(self.jumlah):
			frappe.throw(_("Amounts are in whole rupiah."), title=_("Invalid amount"))
		bayar = aturan.bayar(
			jumlah, owed, tanggal, aturan_pelunasan, aturan.urutan_alokasi(produk.urutan_alokasi)
		)
		if self.jenis == aturan.PELUNASAN and not bayar.pelunasan:
			frappe.throw(
				_("Settling the loan today takes {0}; {1} was entered.").format(
					rupiah(bayar.payoff), rupiah(jumlah)
				),
				title=_("Amount too small"),
			)
		if bayar.kelebihan and pengaturan().kelebihan_bayar != aturan.KE_SUKARELA:
			frappe.throw(
				_("The most that can be paid on loan {0} today is {1} (its payoff); {2} was entered.").format(
					self.pinjaman, rupiah(bayar.payoff), rupiah(jumlah)
				),
				title=_("More than the payoff"),
			)
		self.jenis = aturan.PELUNASAN if bayar.pelunasan else aturan.ANGSURAN
		self.kelebihan = bayar.kelebihan
		per_ke = {t.ke: t for t in owed}
		self.set("rincian", [])
		for ke, b in bayar.bagian:
			self.append(
				"rincian",
				{
					"ke": ke,
					"jatuh_tempo": per_ke[ke].jatuh_tempo,
					**b,
					"jasa_dibebaskan": bayar.dibebaskan.get(ke, 0),
				},
			)
		dibayar = {r.ke for r in self.rincian}
		for ke, nilai in bayar.dibebaskan.items():
			if ke not in dibayar:
				self.append(
					"rincian", {"ke": ke, "jatuh_tempo": per_ke[ke].jatuh_tempo, "jasa_dibebaskan": nilai}
				)
		for k in KOMPONEN:
			self.set(k, sum(flt(r.get(k)) for r in self.rincian))
		self.sisa_pokok_sesudah = sum(t.pokok for t in owed) - flt(self.pokok)

	def before_submit(self):
		# one loan's repayments are posted one at a time: the loan's row lock queues the others and
		# the locking read of the schedule sees what the one before committed
		frappe.db.get_value("Pinjaman", self.pinjaman, "name", for_update=True)
		jumlah = flt(self.jumlah)
		self._alokasi(for_update=True)
		if flt(self.jumlah) != jumlah:
			frappe.throw(_("The amount changed while posting; please check it again."))

	def on_submit(self):
		super().on_submit()
		self._terapkan(1)

	def on_cancel(self):
		super().on_cancel()
		self._terapkan(-1)

	def _terapkan(self, arah: int):
		"""Add this repayment's split to the schedule rows (or take it back on cancel), under the
		loan's row lock."""
		frappe.db.get_value("Pinjaman", self.pinjaman, "name", for_update=True)
		per_ke = {cint(r.ke): r for r in posisi.baris_jadwal(self.pinjaman, for_update=True)}
		for r in self.rincian:
			row = per_ke[cint(r.ke)]
			baru = aturan.terapkan_bayar(
				posisi.cicilan(row), {k: flt(r.get(k)) for k in KOMPONEN}, flt(r.jasa_dibebaskan), arah
			)
			nilai = {f: getattr(baru, f) for f in posisi.KOLOM_UANG}
			frappe.db.set_value(
				"Jadwal Angsuran Pinjaman",
				row.name,
				{**nilai, "lunas": int(baru.lunas)},
				update_modified=False,
			)
		posisi.perbarui(self.pinjaman, self.posting_date)

	def baris_jurnal(self) -> list[dict]:
		member = {"party_type": "Customer", "party": self.customer}
		pinjaman = frappe.db.get_value("Pinjaman", self.pinjaman, ["produk", "akun_piutang"], as_dict=True)
		akun = akun_produk(frappe.get_cached_doc("Produk Pinjaman", pinjaman.produk), self.company)
		diterima = flt(self.jumlah) - flt(self.kelebihan)
		lines = [{"account": self.akun_kas, "debit": flt(self.jumlah), "against": self.customer}]
		if self.pemulihan:
			lines.append({"account": akun.akun_pemulihan, "credit": diterima, "against": self.customer})
		else:
			lines += [
				{
					"account": pinjaman.akun_piutang,
					"credit": flt(self.pokok) + flt(self.biaya),
					"against": self.akun_kas,
					"against_voucher_type": "Pinjaman",
					"against_voucher": self.pinjaman,
					**member,
				},
				{"account": akun.akun_pendapatan_jasa, "credit": flt(self.jasa), "against": self.customer},
				{"account": akun.akun_pendapatan_denda, "credit": flt(self.denda), "against": self.customer},
			]
		if flt(self.kelebihan):
			lines.append(
				{
					"account": akun_sukarela(self.company),
					"credit": flt(self.kelebihan),
					"against": self.akun_kas,
					**member,
				}
			)
		return lines
