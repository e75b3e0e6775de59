# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Access to a cooperative's figures: one site may hold several cooperatives (Companies), and
staff restricted to theirs by a User Permission must not read another's through a report or a
page that queries the ledger directly."""

import frappe
from frappe import _


def periksa_koperasi(company: str | None) -> str:
	"""Throw unless the user may read `company`; returns it."""
	if not company or not isinstance(company, str):
		frappe.throw(_("Choose the cooperative first."))
	# one answer whether it exists or not: the refusal says nothing of which cooperatives there are
	if not frappe.db.exists("Company", company) or not frappe.has_permission("Company", "read", doc=company):
		raise frappe.PermissionError(_("You have no access to {0}.").format(company))
	return company


def koperasi_diizinkan() -> list[str]:
	"""The cooperatives the user may read (every Company for the unrestricted)."""
	return frappe.get_list("Company", pluck="name", limit_page_length=0)


def filter_laporan(filters, doctype: str):
	"""A report's filters, once the user may report on `doctype` and read the cooperative chosen;
	None while no cooperative is chosen yet (the report then shows nothing)."""
	filters = frappe._dict(filters or {})
	frappe.has_permission(doctype, "report", throw=True)
	if not filters.company:
		return None
	periksa_koperasi(filters.company)
	return filters


def wajib_pengurus(pesan: str) -> None:
	"""Throw `pesan` unless the user is on the board (Pengurus) or a System Manager."""
	if not {"Pengurus", "System Manager"} & set(frappe.get_roles()):
		frappe.throw(pesan, frappe.PermissionError)


def koperasi_terpilih(koperasi: str | None = None) -> list[str]:
	"""The cooperatives a report or search covers: the one chosen (if the user may read it), else
	every one the user may read (never an empty list: a query `IN ()` is invalid SQL)."""
	if koperasi:
		return [periksa_koperasi(koperasi)]
	return koperasi_diizinkan() or [""]
