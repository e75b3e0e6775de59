# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The cooperative's chart of accounts as the app reads it: an account by its number (the app's
chart numbers every account, rules/akun.py and setup/chart.json). Imports nothing of the app, so
any module may use it."""

import frappe
from frappe import _


def account_by_number(company: str, number: str) -> str | None:
	"""The cooperative's account with this number, or None."""
	return frappe.db.get_value("Account", {"company": company, "account_number": number})


def akun(company: str, nomor: str) -> str:
	"""The cooperative's account with this number; a clear refusal if its chart lacks it."""
	name = account_by_number(company, nomor)
	if not name:
		frappe.throw(_("{0} has no account number {1} in its chart.").format(company, nomor))
	return name
