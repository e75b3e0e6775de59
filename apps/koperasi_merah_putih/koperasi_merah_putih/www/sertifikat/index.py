"""/sertifikat?kode=...: the public check of a training certificate (the QR on it points here, with
the certificate's random verification code). Shows only whether it is valid, the name, the
training and the date. Everything shown is escaped in the template."""

import frappe
from frappe import _

from koperasi_merah_putih.pelatihan.portal import verifikasi

no_cache = 1


def get_context(context):
	context.title = _("Verifikasi Sertifikat")
	context.show_sidebar = False
	context.kode = (frappe.form_dict.kode or "").strip()[:40]
	context.sertifikat = verifikasi(context.kode) if context.kode else None
	return context
