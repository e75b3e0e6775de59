import frappe
from frappe import _

no_cache = 1


def get_context(context):
	settings = frappe.get_cached_doc("Pengaturan Koperasi")
	context.title = _("Daftar Anggota")
	context.koperasi = settings.company or ""
	context.bidang_usaha = [
		o for o in (frappe.get_meta("Anggota").get_field("bidang_usaha").options or "").split("\n") if o
	]
	context.usia_minimal = settings.usia_minimal_anggota
	return context
