import frappe
from frappe import _

from koperasi_merah_putih.keanggotaan.portal import profil_saya

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/anggota"
		raise frappe.Redirect
	context.title = _("Keanggotaan Saya")
	context.show_sidebar = False
	context.anggota = profil_saya()
	return context
