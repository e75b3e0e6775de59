"""One fieldname for the Company link on every DocType (0.7): `koperasi` becomes `company`, as on
ERPNext's documents and the app's posting DocTypes. Runs after the model sync has added the new
column: the values move over (with report and list settings, by Frappe's rename_field) and the old
column goes."""

import frappe
from frappe.model.utils.rename_field import rename_field

DOCTYPES = (
	"Anggota",
	"Masa Jabatan",
	"Pelatihan",
	"Pengajuan Pinjaman",
	"Akun Produk Pinjaman",
	"Akun Jenis Simpanan",
)


def execute():
	S = frappe.qb.DocType("Singles")
	lama = (
		frappe.qb.from_(S)
		.select(S.value)
		.where((S.doctype == "Pengaturan Koperasi") & (S.field == "koperasi"))
		.run()
	)
	if lama:
		frappe.db.delete("Singles", {"doctype": "Pengaturan Koperasi", "field": "company"})
		rename_field("Pengaturan Koperasi", "koperasi", "company")
	for doctype in DOCTYPES:
		if frappe.db.has_column(doctype, "koperasi") and frappe.db.has_column(doctype, "company"):
			rename_field(doctype, "koperasi", "company")
			frappe.db.sql_ddl(f"alter table `tab{doctype}` drop column `koperasi`")
