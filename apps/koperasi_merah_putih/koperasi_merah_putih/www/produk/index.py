"""/produk: Pasar Anggota, the members' products the staff published, for everyone (guests
included), with a WhatsApp order link and a share link per product (/produk?p=NAME)."""

import frappe
from frappe import _

from koperasi_merah_putih.unit_usaha.portal import katalog

no_cache = 1


def get_context(context):
	context.title = _("Pasar Anggota")
	context.show_sidebar = False
	args = frappe.form_dict
	context.cari = (args.get("q") or "").strip()[:60]
	context.dipilih = (args.get("p") or "").strip()[:40] or None
	context.produk = katalog(cari=context.cari or None, produk=context.dipilih)
	if context.dipilih and context.produk:
		p = context.produk[0]
		context.title = p.nama_produk
		context.metatags = {
			"title": p.nama_produk,
			"description": p.deskripsi or p.nama_usaha,
			"image": p.foto,
		}
	return context
