"""/konfirmasi-email?kode=...: the applicant confirms their email address (the link in the mail
sent when the address already had a login). The page only asks; the button POSTs the code."""

import frappe
from frappe import _

no_cache = 1


def get_context(context):
	context.title = _("Konfirmasi Email")
	context.show_sidebar = False
	context.kode = (frappe.form_dict.kode or "").strip()[:64]
	return context
