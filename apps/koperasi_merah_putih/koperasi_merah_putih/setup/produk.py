# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The products the app seeds (savings products, the loan product): one record per site, with a
row of accounts per cooperative."""

import frappe


def pastikan_produk(doctype: str, name: str, baru: dict, akun: dict) -> None:
	"""The product `name` with its accounts row for the cooperative `akun["company"]`: made from
	`baru` if missing, the cooperative's row added, accounts added by a later version of the app
	filled in; what a site set itself is kept."""
	if not frappe.db.exists(doctype, name):
		doc = frappe.get_doc({"doctype": doctype, **baru})
		doc.append("akun", akun)
		doc.insert(ignore_permissions=True)
		return
	doc = frappe.get_doc(doctype, name)
	row = next((r for r in doc.akun if r.company == akun["company"]), None)
	if not row:
		doc.append("akun", akun)
	elif any(not row.get(field) for field in akun):
		row.update({field: value for field, value in akun.items() if not row.get(field)})
	else:
		return
	doc.save(ignore_permissions=True)
