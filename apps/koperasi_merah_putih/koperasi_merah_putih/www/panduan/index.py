"""/panduan and /panduan/<halaman>: the user guide (docs/panduan in the repository, Indonesian
Markdown) for the cooperative's staff, linked from the desk's help menu. Its screenshots are the
ones the browser tests take (tests/browser/conftest.py `shot`), shown inline."""

import base64
import re
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import md_to_html

PANDUAN = Path(__file__).resolve().parents[5] / "docs" / "panduan"
HALAMAN = re.compile(r"[a-z0-9-]+")
GAMBAR = re.compile(r'src="gambar/([a-z0-9-]+\.jpg)"')
STAF = {"System Manager", "Pengurus", "Kasir", "Pengawas"}

no_cache = 1


def halaman_panduan() -> list[str]:
	return sorted(p.stem for p in PANDUAN.glob("*.md"))


def _gambar(match) -> str:
	berkas = PANDUAN / "gambar" / match.group(1)
	if not berkas.is_file():
		return 'src="" data-hilang="1"'
	return f'src="data:image/jpeg;base64,{base64.b64encode(berkas.read_bytes()).decode()}" loading="lazy"'


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/panduan"
		raise frappe.Redirect
	if not STAF & set(frappe.get_roles()):
		raise frappe.PermissionError(_("The guide is for the cooperative's staff."))
	nama = (frappe.form_dict.halaman or "index").strip("/")
	if not HALAMAN.fullmatch(nama) or nama not in halaman_panduan():
		raise frappe.DoesNotExistError
	teks = (PANDUAN / f"{nama}.md").read_text(encoding="utf-8")
	html = md_to_html(teks)
	# links between pages: "anggota" -> /panduan/anggota
	html = re.sub(r'href="([a-z0-9-]+)"', r'href="/panduan/\1"', html)
	context.isi = GAMBAR.sub(_gambar, html)
	judul = re.search(r"^# (.+)$", teks, flags=re.M)
	context.title = judul.group(1) if judul else _("Panduan")
	context.utama = nama == "index"
	context.show_sidebar = False
	context.no_breadcrumbs = True
	return context
