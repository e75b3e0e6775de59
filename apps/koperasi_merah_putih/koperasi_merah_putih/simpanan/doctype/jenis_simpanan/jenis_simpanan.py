# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Jenis Simpanan: a savings product (pokok, wajib, sukarela, berjangka) and its accounts."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import flt

from koperasi_merah_putih.rules import simpanan as aturan

ROOT_TYPE = {"Ekuitas": "Equity", "Kewajiban": "Liability"}


class JenisSimpanan(Document):
	def validate(self):
		if self.kategori == aturan.POKOK and flt(self.jumlah_tetap) <= 0:
			frappe.throw(_("Set the amount of the simpanan pokok."))
		if self.kategori == aturan.WAJIB and flt(self.jumlah_bulanan) <= 0:
			frappe.throw(_("Set the monthly amount of the simpanan wajib."))
		if self.kategori == aturan.BERJANGKA and (not self.tenor_bulan or self.tenor_bulan <= 0):
			frappe.throw(_("Set the term (months) of the fixed-term savings."))
		seen = set()
		for row in self.akun:
			if row.company in seen:
				frappe.throw(_("Cooperative {0} appears twice in the accounts table.").format(row.company))
			seen.add(row.company)
			account = frappe.get_cached_value(
				"Account", row.akun_simpanan, ["company", "root_type", "is_group"], as_dict=True
			)
			if account.company != row.company:
				frappe.throw(_("Account {0} does not belong to {1}.").format(row.akun_simpanan, row.company))
			if account.is_group:
				frappe.throw(
					_("Account {0} is a group account; choose a ledger account.").format(row.akun_simpanan)
				)
			if account.root_type != ROOT_TYPE[self.klasifikasi]:
				frappe.throw(
					_("Account {0} is not an {1} account, but the product is classified as {1}.").format(
						row.akun_simpanan, _(self.klasifikasi)
					)
				)

	def akun_untuk(self, company: str):
		"""The accounts row of this product for a cooperative; a clear message if there is none."""
		for row in self.akun:
			if row.company == company:
				return row
		frappe.throw(
			_("{0} has no account for {1}: add it in the product's accounts table.").format(
				self.name, company
			)
		)
