"""/ (the site's home page, also /beranda): the cooperative for residents on their phones. Who it
is, what it offers, how to join (to /daftar, with the pokok and wajib amounts), its open
trainings, the members' market, contact, office hours and location, and what the ledger says of
it (transparency). A page of its own, without Frappe's web bundle or icon sprites, so it stays light
on a cheap phone and a slow connection; Frappe's router, context and translations serve it."""

from urllib.parse import urlparse

import frappe
from frappe import _

from koperasi_merah_putih.koperasi import situs
from koperasi_merah_putih.pelatihan.portal import pelatihan_terbuka
from koperasi_merah_putih.rules import kontak
from koperasi_merah_putih.rules import pelatihan as aturan_pelatihan
from koperasi_merah_putih.rules import unit_usaha as aturan_unit

no_cache = 1


def _kontak(p) -> dict:
	hasil = {"alamat": p.alamat_kantor, "jam": p.jam_layanan, "email": p.email_kontak}
	try:
		nomor = kontak.normalisasi_hp(p.nomor_kontak)
	except kontak.NomorHPTidakValid:
		nomor = None
	if nomor:
		hasil["telepon"] = kontak.nomor_lokal(nomor)
		hasil["wa"] = kontak.tautan_wa(nomor, _("Hello, I have a question about the cooperative."))
	peta = (p.tautan_peta or "").strip()
	if urlparse(peta).scheme == "https":
		hasil["peta"] = peta
	return hasil


def get_context(context):
	company = situs.koperasi_situs()
	p = frappe.get_cached_doc("Pengaturan Koperasi")
	context.koperasi = (
		frappe.get_cached_value("Company", company, "company_name") if company else _("Koperasi Merah Putih")
	)
	context.title = context.koperasi
	context.tentang = p.tentang_koperasi
	context.logo = situs.logo()
	context.warna = situs.warna_utama()
	context.menu = situs.menu()
	context.kontak = _kontak(p)
	context.iuran = situs.iuran_masuk()
	context.transparansi = situs.transparansi(company) if company else None
	context.pelatihan = pelatihan_terbuka([aturan_pelatihan.UMUM], company, batas=3)
	context.unit = situs.unit_beroperasi(company) if company else []
	context.ada_pasar = bool(frappe.db.exists("Produk Anggota", {"status": aturan_unit.TERBIT}))
	context.masuk = frappe.session.user != "Guest"
	context.metatags = {"title": context.koperasi, "description": p.tentang_koperasi or context.koperasi}
	return context
