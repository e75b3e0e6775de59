# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Access to a cooperative's figures: one site may hold several cooperatives (Companies), and
staff restricted to theirs by a User Permission must not read another's through a report or a
page that queries the ledger directly."""

import frappe
from frappe import _


def periksa_koperasi(company: str | None) -> str:
	"""Throw unless the user may read `company`; returns it."""
	if not company:
		frappe.throw(_("Choose the cooperative first."))
	if not frappe.has_permission("Company", "read", doc=company):
		raise frappe.PermissionError(_("You have no access to {0}.").format(company))
	return company


def koperasi_diizinkan() -> list[str]:
	"""The cooperatives the user may read (every Company for the unrestricted)."""
	return frappe.get_list("Company", pluck="name", limit_page_length=0)
