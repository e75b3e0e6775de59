# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pengembalian Simpanan: the exit settlement of a member, made by the exit itself (never by hand).

One posting: every savings account of the member debited by its balance, each debt credited to
its account against the document it settles (ERPNext updates the invoice's outstanding), and
cash/bank credited with the rest, paid to the member.
"""

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang


class PengembalianSimpanan(DokumenBerjurnal):
	# made only by the app's own methods (integritas.periksa refuses a client's insert)
	hanya_server = True

	update_outstanding = "Yes"

	def validate(self):
		data = frappe.db.get_value("Anggota", self.anggota, ["customer", "company"], as_dict=True)
		self.customer, self.company = data.customer, data.company
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		self.total_simpanan = sum(flt(r.saldo) for r in self.simpanan)
		self.total_potongan = sum(flt(r.jumlah) for r in self.potongan)
		self.dibayar = self.total_simpanan - self.total_potongan
		if self.dibayar < 0:
			frappe.throw(_("Deductions are larger than the savings."))
		self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		self.terbilang = rupiah_terbilang(int(flt(self.dibayar)))
		if not self.remarks:
			self.remarks = _("Savings refunded on exit of {0}").format(self.nama_anggota or self.anggota)

	def before_cancel(self):
		if frappe.db.get_value("Anggota", self.anggota, "status") == keanggotaan.KELUAR:
			frappe.throw(
				_("The member has left; the exit settlement stays. Record a correction with a Journal Entry.")
			)

	def baris_jurnal(self) -> list[dict]:
		member = {"party_type": "Customer", "party": self.customer}
		lines = [
			{"account": r.akun, "debit": flt(r.saldo), "against": self.akun_kas, **member}
			for r in self.simpanan
			if flt(r.saldo) > 0
		]
		# a negative balance (should not happen) is settled the other way round
		lines += [
			{"account": r.akun, "credit": -flt(r.saldo), "against": self.akun_kas, **member}
			for r in self.simpanan
			if flt(r.saldo) < 0
		]
		for r in self.potongan:
			line = {
				"account": r.akun,
				"credit": flt(r.jumlah),
				"against": self.akun_kas,
				"party_type": r.party_type,
				"party": r.party,
			}
			if r.reference_doctype and r.reference_name:
				line.update(against_voucher_type=r.reference_doctype, against_voucher=r.reference_name)
			lines.append(line)
		if flt(self.dibayar):
			lines.append({"account": self.akun_kas, "credit": flt(self.dibayar), "against": self.customer})
		return lines
