"""/titip-jual: the member's own products (offered in the members' market, consigned at an
outlet), their stock at the outlet, what sold and the settlements paid. Nothing of another member's."""

import frappe
from frappe import _

from koperasi_merah_putih.keanggotaan.portal import halaman_anggota
from koperasi_merah_putih.unit_usaha.portal import titip_saya

no_cache = 1


def get_context(context):
	name = halaman_anggota(context, "/titip-jual", _("Titip Jual"))
	if not name:
		return context
	context.titip = titip_saya(name)
	context.gerai = frappe.get_all(
		"Unit Usaha",
		filters={"company": context.anggota.company, "status": "Beroperasi"},
		fields=["name", "nama_unit"],
		order_by="nama_unit asc",
	)
	return context
