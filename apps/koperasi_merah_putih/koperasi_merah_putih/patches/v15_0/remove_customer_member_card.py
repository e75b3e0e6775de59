"""The "Anggota Terdaftar" card counted Customers; the Anggota cards replace it."""

import frappe


def execute():
	frappe.delete_doc_if_exists("Number Card", "Anggota Terdaftar", force=True)
