# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The cooperative's public website, on Frappe's own: the home page (www/beranda.html, `/`), and
Website Settings kept in step with Pengaturan Koperasi (name and logo on the login page, the
cooperative's menu, no newsletter box, no self sign-up: residents join through /daftar).

The transparency block reads the ledger: members, the savings held (the balances of the savings
products' accounts), loans outstanding (the balances of the loan products' receivable accounts)
and the last members' meeting (RAT). Aggregates only: nothing of a single member.
"""

import re

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Sum
from frappe.utils import escape_html, flt, now_datetime

from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import simpanan as aturan_simpanan
from koperasi_merah_putih.rules import unit_usaha as aturan_unit
from koperasi_merah_putih.simpanan.saldo import produk_simpanan

BERANDA = "beranda"
WARNA = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")
# a public file of our own naming (Frappe prints the logo's URL unescaped on the login page and
# the desk): letters, digits, dot, dash and underscore, an image extension
LOGO = re.compile(r"/files/[A-Za-z0-9][A-Za-z0-9._-]*\.(?:png|jpe?g|webp|svg|gif)", re.IGNORECASE)
WARNA_BAWAAN = "#B71C1C"
# the app's own emblem until the cooperative uploads its logo (never Frappe's or ERPNext's)
LOGO_BAWAAN = "/assets/koperasi_merah_putih/images/logo.svg"
# pages Frappe itself may have put as the home page before the cooperative's existed
BERANDA_BAWAAN = {"", "login", "home", "index", "me"}


def koperasi_situs() -> str | None:
	"""The cooperative the website speaks for (Pengaturan Koperasi's; the first one provisioned)."""
	return frappe.db.get_single_value("Pengaturan Koperasi", "company")


def warna_utama() -> str:
	warna = frappe.db.get_single_value("Pengaturan Koperasi", "warna_utama", cache=True) or ""
	return warna if WARNA.fullmatch(warna) else WARNA_BAWAAN


def logo_sah(url: str | None) -> bool:
	return bool(url and LOGO.fullmatch(url))


def logo() -> str:
	"""The cooperative's logo if it is a public file of a safe name (checked again here: a value can
	reach the database without the settings' validation), else the app's emblem."""
	url = frappe.db.get_single_value("Pengaturan Koperasi", "logo_koperasi")
	return url if logo_sah(url) else LOGO_BAWAAN


def menu(lang: str | None = None) -> list[tuple[str, str]]:
	"""The public menu: (label, route), in `lang` (the reader's by default)."""
	return [
		(_("Home", lang), "/"),
		(_("Trainings", lang), "/pelatihan"),
		(_("Members' Market", lang), "/produk"),
		(_("Become a Member", lang), "/daftar"),
	]


def terapkan_situs() -> None:
	"""Website Settings from Pengaturan Koperasi. What an administrator added (menu items, a home
	page of their own, header HTML) stays."""
	company = koperasi_situs()
	if not company:
		return
	p = frappe.get_single("Pengaturan Koperasi")
	nama = frappe.get_cached_value("Company", company, "company_name") or company
	ws = frappe.get_single("Website Settings")
	gambar = logo()
	nilai = {
		# Frappe prints these unescaped (the login page, the desk's title, the footer)
		"app_name": escape_html(nama),
		"app_logo": gambar,
		"favicon": gambar,
		# shown while the desk loads after login
		"splash_image": gambar,
		"brand_html": f'<img src="{escape_html(gambar)}" alt="" style="height: 28px; margin-right: 8px;">'
		+ escape_html(nama),
		"copyright": escape_html(nama),
		# Frappe writes the footer address unescaped
		"address": escape_html(p.alamat_kantor or "").replace("\n", "<br>"),
		"hide_footer_signup": 1,
		"disable_signup": 1,
	}
	if (ws.home_page or "").strip("/") in BERANDA_BAWAAN:
		nilai["home_page"] = BERANDA
	ada = {(row.url or "").rstrip("/") or "/" for row in ws.top_bar_items}
	# stored once, so in the site's language rather than whoever saved the settings
	bahasa = frappe.db.get_single_value("System Settings", "language") or "id"
	baru = [(label, url) for label, url in menu(bahasa) if url not in ada]
	if not baru and all((ws.get(k) or None) == (v or None) for k, v in nilai.items()):
		return
	ws.update(nilai)
	for label, url in baru:
		ws.append("top_bar_items", {"label": label, "url": url})
	# Website Settings clears the website's caches (and the cached home pages) on save; a web
	# request between that and the commit would cache the old settings again, so once more after
	ws.flags.ignore_permissions = True
	ws.save()
	frappe.db.after_commit.add(_caches_situs)


def _caches_situs() -> None:
	from frappe.website.utils import clear_cache

	frappe.clear_document_cache("Website Settings", "Website Settings")
	frappe.cache.delete_key("home_page")
	clear_cache()


def disiapkan(company: str) -> None:
	"""koperasi_disiapkan hook: the website speaks for the first cooperative provisioned."""
	if koperasi_situs() == company:
		terapkan_situs()


def tema(context) -> None:
	"""update_website_context hook: the cooperative's colour on every web page (Frappe's primary
	buttons read `--btn-primary`, links `--primary`). Only a validated hex colour reaches the page."""
	warna = warna_utama()
	# `html:root` outranks the `:root` of Frappe's stylesheet, which comes after this; a long name
	# in the navbar wraps instead of widening a phone's page
	context.head_html = (context.get("head_html") or "") + (
		f"<style>html:root {{ --primary: {warna}; --btn-primary: {warna}; --kmp-utama: {warna}; }}"
		" html body .navbar .navbar-brand { white-space: normal; max-width: calc(100vw - 5rem); }</style>"
	)


def _saldo(company: str, akun: list[str], kredit: bool) -> float:
	if not akun:
		return 0.0
	GL = DocType("GL Entry")
	selisih = GL.credit - GL.debit if kredit else GL.debit - GL.credit
	return flt(
		frappe.qb.from_(GL)
		.select(Coalesce(Sum(selisih), 0))
		.where((GL.company == company) & (GL.is_cancelled == 0) & GL.account.isin(akun))
		.run()[0][0]
	)


def akun_piutang_pinjaman(company: str) -> list[str]:
	return frappe.get_all(
		"Akun Produk Pinjaman",
		filters={"company": company, "parenttype": "Produk Pinjaman"},
		pluck="akun_piutang",
		distinct=True,
	)


def transparansi(company: str) -> dict:
	"""The figures every resident may see, from the ledger."""
	simpanan = sorted({p.akun_simpanan for p in produk_simpanan(company, termasuk_nonaktif=True)})
	rat = frappe.get_all(
		"Rapat Anggota Tahunan",
		filters={"company": company, "docstatus": 1},
		fields=["tanggal", "fiscal_year", "jumlah_hadir", "jumlah_anggota_berhak", "kuorum_terpenuhi"],
		order_by="tanggal desc",
		limit=1,
	)
	return {
		"anggota_aktif": frappe.db.count("Anggota", {"company": company, "status": keanggotaan.AKTIF}),
		"total_simpanan": _saldo(company, simpanan, kredit=True),
		"pinjaman_beredar": _saldo(company, akun_piutang_pinjaman(company), kredit=False),
		"rat_terakhir": rat[0] if rat else None,
		"per": now_datetime(),
	}


def iuran_masuk() -> dict:
	"""The pokok (once) and wajib (monthly) amounts a new member pays, from the savings products."""
	rows = frappe.get_all(
		"Jenis Simpanan",
		filters={"nonaktif": 0, "kategori": ("in", [aturan_simpanan.POKOK, aturan_simpanan.WAJIB])},
		fields=["kategori", "jumlah_tetap", "jumlah_bulanan"],
		order_by="creation asc",
	)
	hasil = {}
	for r in rows:
		jumlah = r.jumlah_tetap if r.kategori == aturan_simpanan.POKOK else r.jumlah_bulanan
		hasil.setdefault(r.kategori, flt(jumlah))
	return {"pokok": hasil.get(aturan_simpanan.POKOK), "wajib": hasil.get(aturan_simpanan.WAJIB)}


def unit_beroperasi(company: str) -> list[dict]:
	return frappe.get_all(
		"Unit Usaha",
		filters={"company": company, "status": aturan_unit.BEROPERASI},
		fields=["nama_unit", "jenis_unit"],
		order_by="nama_unit asc",
	)
