"""Custom fields the app adds to ERPNext doctypes, created in code (not fixtures) and idempotent."""

import frappe
from frappe.custom.doctype.custom_field.custom_field import create_custom_fields

CUSTOM_FIELDS = {
	"Customer": [
		{
			"fieldname": "anggota",
			"fieldtype": "Link",
			"label": "Anggota Koperasi",
			"options": "Anggota",
			"insert_after": "customer_group",
			"read_only": 1,
			"no_copy": 1,
			"unique": 1,
			"search_index": 1,
			"description": "Diisi otomatis saat pendaftaran anggota disetujui.",
		}
	],
	# a member who sells through an outlet (titip jual) is a Supplier too
	"Supplier": [
		{
			"fieldname": "anggota",
			"fieldtype": "Link",
			"label": "Anggota Koperasi",
			"options": "Anggota",
			"insert_after": "supplier_group",
			"read_only": 1,
			"no_copy": 1,
			"unique": 1,
			"search_index": 1,
			"description": "Diisi otomatis saat produk titipan anggota diterbitkan.",
		}
	],
	# the consigned goods of a member's product (stocked and sold at zero valuation)
	"Item": [
		{
			"fieldname": "produk_anggota",
			"fieldtype": "Link",
			"label": "Produk Anggota (Titip Jual)",
			"options": "Produk Anggota",
			"insert_after": "item_group",
			"read_only": 1,
			"no_copy": 1,
			"search_index": 1,
		}
	],
}


def sync() -> None:
	create_custom_fields(CUSTOM_FIELDS, ignore_validate=True, update=True)


def remove() -> None:
	for doctype, fields in CUSTOM_FIELDS.items():
		for field in fields:
			frappe.db.delete("Custom Field", {"dt": doctype, "fieldname": field["fieldname"]})
		frappe.clear_cache(doctype=doctype)
