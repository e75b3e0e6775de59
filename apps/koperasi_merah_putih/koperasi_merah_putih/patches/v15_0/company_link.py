"""One fieldname for the Company link on every DocType (0.7): `koperasi` becomes `company`, as on
ERPNext's documents and the app's posting DocTypes. Runs after the model sync has added the new
column: the values move over (with report and list settings, by Frappe's rename_field) and the old
column goes. The filters people saved for the app's reports (Auto Email Reports, report copies,
report-based charts and number cards) name `company` too."""

import json

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


# the app's script reports whose cooperative filter was `koperasi`
LAPORAN = (
	"Daftar Anggota",
	"Partisipasi Pelatihan",
	"Pelatihan Pengurus",
	"Tunggakan Pinjaman",
	"Proyeksi Penerimaan Angsuran",
	"Kolektibilitas dan NPL",
	"Outstanding Pinjaman",
	"Tunggakan Simpanan Wajib",
	"Rekap Simpanan",
	"Penilaian Kesehatan Koperasi",
	"Laporan Posisi Keuangan",
	"Laporan Hasil Usaha",
)
# (DocType, field naming the report, field holding the saved filters as JSON)
FILTER_TERSIMPAN = (
	("Auto Email Report", "report", "filters"),
	("Report", "reference_report", "json"),
	("Dashboard Chart", "report_name", "filters_json"),
	("Number Card", "report_name", "filters_json"),
)


def ganti_kunci(teks: str | None) -> str | None:
	"""Saved filters with the key `koperasi` renamed `company` (top level or under "filters");
	None when there is nothing to change."""
	try:
		data = json.loads(teks or "")
	except ValueError:
		return None
	ubah = False
	for wadah in (data, data.get("filters") if isinstance(data, dict) else None):
		if isinstance(wadah, dict) and "koperasi" in wadah:
			wadah.setdefault("company", wadah.pop("koperasi"))
			ubah = True
	return json.dumps(data) if ubah else None


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
	for doctype, field_laporan, field_filter in FILTER_TERSIMPAN:
		for row in frappe.get_all(
			doctype, filters={field_laporan: ("in", LAPORAN)}, fields=["name", field_filter]
		):
			baru = ganti_kunci(row[field_filter])
			if baru is not None:
				frappe.db.set_value(doctype, row.name, field_filter, baru, update_modified=False)
