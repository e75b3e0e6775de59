# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Penggunaan Dana SHU: a fund the RAT set aside from the SHU is used (dana pendidikan pays a
training, dana sosial a donation): Dr the fund's account, Cr cash/bank, never beyond the fund's
balance on the day."""

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.tutup_buku import buku


class PenggunaanDanaSHU(DokumenBerjurnal):
	def validate(self):
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		super().validate()
		if self.dana not in aturan.AKUN_KOMPONEN or self.dana in (aturan.CADANGAN, aturan.JASA_ANGGOTA):
			frappe.throw(_("Choose one of the SHU funds."))
		if flt(self.jumlah) <= 0:
			frappe.throw(_("The amount must be more than zero."))
		self.akun_dana = buku.akun(self.company, aturan.AKUN_KOMPONEN[self.dana])
		self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		if self.pelatihan and frappe.db.get_value("Pelatihan", self.pelatihan, "company") not in (
			None,
			self.company,
		):
			frappe.throw(_("Training {0} belongs to another cooperative.").format(self.pelatihan))
		if self._action == "submit":
			frappe.db.get_value("Account", self.akun_dana, "name", for_update=True)
		self.saldo_dana = buku.saldo_terendah_sejak(self.company, self.akun_dana, self.posting_date)
		if flt(self.jumlah) > flt(self.saldo_dana):
			frappe.throw(
				_("{0} holds {1}: it cannot pay {2}.").format(
					_(self.dana),
					rupiah(self.saldo_dana),
					rupiah(self.jumlah),
				),
				title=_("Fund too small"),
			)
		if not self.remarks:
			self.remarks = _("{0} used for: {1}").format(_(self.dana), self.keterangan)

	def baris_jurnal(self) -> list[dict]:
		return [
			{"account": self.akun_dana, "debit": flt(self.jumlah), "against": self.akun_kas},
			{"account": self.akun_kas, "credit": flt(self.jumlah), "against": self.akun_dana},
		]
