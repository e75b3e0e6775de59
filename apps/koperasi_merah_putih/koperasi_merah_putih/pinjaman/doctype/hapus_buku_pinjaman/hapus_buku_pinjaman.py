# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Hapus Buku Pinjaman: writing off a loan the cooperative no longer expects to collect; only the
Pengurus submit it (their approval). The piutang still owed leaves the books against the loss
provision (PPAP) as far as it goes, the rest as an expense. Whatever the member pays later is a
recovery, booked as income by Angsuran Pinjaman."""

import frappe
from erpnext.accounts.utils import get_balance_on
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.izin import wajib_pengurus
from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman import akun_produk
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import pinjaman as aturan


class HapusBukuPinjaman(DokumenBerjurnal):
	def validate(self):
		pinjaman = frappe.db.get_value(
			"Pinjaman",
			self.pinjaman,
			[
				"docstatus",
				"status",
				"customer",
				"company",
				"produk",
				"akun_piutang",
				"sisa_pokok",
				"sisa_biaya",
			],
			as_dict=True,
		)
		if not pinjaman or pinjaman.docstatus != 1 or pinjaman.status != aturan.AKTIF:
			frappe.throw(_("Only an active loan can be written off."))
		self.customer, self.company = pinjaman.customer, pinjaman.company
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		akun = akun_produk(frappe.get_cached_doc("Produk Pinjaman", pinjaman.produk), self.company)
		if not (akun.akun_cadangan and akun.akun_beban_ppap):
			frappe.throw(_("Loan product {0} has no provision accounts.").format(pinjaman.produk))
		self.akun_piutang, self.akun_cadangan, self.akun_beban = (
			pinjaman.akun_piutang,
			akun.akun_cadangan,
			akun.akun_beban_ppap,
		)
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		self.sisa_pokok = flt(pinjaman.sisa_pokok) + flt(pinjaman.sisa_biaya)
		if self.sisa_pokok <= 0:
			frappe.throw(_("Loan {0} has no principal left to write off.").format(self.pinjaman))
		cadangan = max(
			-get_balance_on(
				self.akun_cadangan, self.posting_date, company=self.company, ignore_account_permission=True
			),
			0,
		)
		self.dari_cadangan = min(cadangan, self.sisa_pokok)
		self.ke_beban = self.sisa_pokok - self.dari_cadangan

	def before_submit(self):
		wajib_pengurus(_("A write-off must be approved by the Pengurus."))
		frappe.db.get_value("Pinjaman", self.pinjaman, "name", for_update=True)
		self.validate()

	def on_submit(self):
		super().on_submit()
		frappe.db.set_value("Pinjaman", self.pinjaman, "status", aturan.HAPUS_BUKU)

	def before_cancel(self):
		# checked before anything is written (Frappe saves the cancelled status before on_cancel)
		pemulihan = frappe.db.get_value(
			"Angsuran Pinjaman", {"pinjaman": self.pinjaman, "docstatus": 1, "pemulihan": 1}, "name"
		)
		if pemulihan:
			frappe.throw(_("Recovery {0} was booked on this loan; cancel it first.").format(pemulihan))

	def on_cancel(self):
		super().on_cancel()
		frappe.db.set_value("Pinjaman", self.pinjaman, "status", aturan.AKTIF)
		posisi.perbarui(self.pinjaman)

	def baris_jurnal(self) -> list[dict]:
		return [
			{"account": self.akun_cadangan, "debit": flt(self.dari_cadangan), "against": self.customer},
			{"account": self.akun_beban, "debit": flt(self.ke_beban), "against": self.customer},
			{
				"account": self.akun_piutang,
				"credit": flt(self.sisa_pokok),
				"party_type": "Customer",
				"party": self.customer,
				"against": self.akun_cadangan,
				"against_voucher_type": "Pinjaman",
				"against_voucher": self.pinjaman,
			},
		]
