"""/sertifikat?nomor=...: the public check of a training certificate (the QR on it points here).
Shows only whether it is valid, the name, the training and the date."""

import frappe
from frappe import _

from koperasi_merah_putih.pelatihan.portal import verifikasi

no_cache = 1


def get_context(context):
	context.title = _("Verifikasi Sertifikat")
	context.show_sidebar = False
	context.nomor = (frappe.form_dict.nomor or "").strip()[:40]
	context.sertifikat = verifikasi(context.nomor) if context.nomor else None
	return context
