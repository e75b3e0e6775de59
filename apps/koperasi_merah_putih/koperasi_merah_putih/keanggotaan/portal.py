"""Member-facing endpoints: the public application (/daftar) and the member's own data (/anggota).

The public endpoint copies only the fields an applicant may fill in, saves the KTP photo as a
private file, and is rate-limited per IP. Members never get a DocPerm on Anggota: their own record
reaches them only through these functions and `Anggota.has_website_permission` (their card).
"""

import hashlib

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint

from koperasi_merah_putih.berkas import nama_acak
from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.keanggotaan import pihak
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.rules import keanggotaan

FIELDS_PEMOHON = (
	"nama_lengkap",
	"nik",
	"no_kk",
	"tempat_lahir",
	"tanggal_lahir",
	"jenis_kelamin",
	"pekerjaan",
	"alamat",
	"rt",
	"rw",
	"kelurahan",
	"kecamatan",
	"kota_kabupaten",
	"provinsi",
	"nomor_hp",
	"email",
	"nama_usaha",
	"bidang_usaha",
)
MAX_FOTO = 5 * 1024 * 1024
JENIS_FOTO = {b"\xff\xd8\xff": "jpg", b"\x89PNG": "png", b"RIFF": "webp"}


def batas_per_jam() -> int:
	return cint(frappe.db.get_single_value("Pengaturan Koperasi", "batas_pendaftaran_per_jam")) or 20


def _jenis_foto(content: bytes) -> str | None:
	for magic, ext in JENIS_FOTO.items():
		if content.startswith(magic) and (ext != "webp" or content[8:12] == b"WEBP"):
			return ext
	return None


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=batas_per_jam, seconds=60 * 60, methods=["POST"])
def daftar(**data) -> dict:
	"""Apply for membership (no account needed). Returns the registration number."""
	values = {f: (str(data.get(f)).strip() if data.get(f) is not None else None) for f in FIELDS_PEMOHON}
	foto = frappe.request.files.get("foto_ktp") if frappe.request and frappe.request.files else None
	content = None
	if foto:
		content = foto.stream.read(MAX_FOTO + 1)
		if len(content) > MAX_FOTO:
			frappe.throw(_("The KTP photo is larger than 5 MB. Please send a smaller photo."))
		if not _jenis_foto(content):
			frappe.throw(_("The KTP photo must be a JPG, PNG or WebP image."))

	doc = frappe.new_doc("Anggota")
	doc.update({k: v for k, v in values.items() if v})
	tetapkan(doc, status=keanggotaan.PENDAFTARAN, sumber_pendaftaran=keanggotaan.PORTAL)
	doc.flags.ignore_permissions = True
	doc.insert()
	if content:
		simpan_foto_ktp(doc, content, _jenis_foto(content))
	if doc.email and frappe.db.exists("User", doc.email) and pihak._can_send_email():
		minta_konfirmasi_email(doc)
	return {"nomor_pendaftaran": doc.name, "nama_lengkap": doc.nama_lengkap}


def _hash(kode: str) -> str:
	return hashlib.sha256(kode.encode()).hexdigest()


def minta_konfirmasi_email(doc) -> None:
	"""The address already has a login: the application is linked to it only once the applicant
	opens the link sent to that mailbox (only its hash is stored)."""
	kode = frappe.generate_hash(length=32)
	doc.db_set("kode_konfirmasi_email", _hash(kode))
	tautan = frappe.utils.get_url(f"/konfirmasi-email?kode={kode}")
	frappe.sendmail(
		recipients=[doc.email],
		subject=_("Confirm your email for the membership application"),
		message=_(
			"Hello {0}, someone applied for membership of the cooperative with this address. If it was you, confirm it here: {1}"
		).format(frappe.utils.escape_html(doc.nama_lengkap), tautan),
		now=False,
	)


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=20, seconds=60 * 60, methods=["POST"])
def konfirmasi_email(kode: str) -> dict:
	"""The applicant confirms the address from the link in their mailbox."""
	tandai_email_terkonfirmasi(kode)
	return {"ok": True}


def tandai_email_terkonfirmasi(kode: str) -> str:
	kode = (kode or "").strip()
	name = frappe.db.get_value("Anggota", {"kode_konfirmasi_email": _hash(kode)}) if len(kode) >= 32 else None
	if not name:
		frappe.throw(_("This confirmation link is not valid (or was used already)."))
	frappe.db.set_value("Anggota", name, {"email_terkonfirmasi": 1, "kode_konfirmasi_email": None})
	return name


def simpan_foto_ktp(doc, content: bytes, ext: str) -> str:
	"""Attach the KTP photo to the member as a private file and point the field at it."""
	return lampirkan_privat(doc, "foto_ktp", nama_acak("ktp", ext), content)


def lampirkan_privat(doc, field: str, file_name: str, content: bytes) -> str:
	"""Attach `content` to `doc` as a private file and point `field` at it (portal uploads)."""
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": file_name,
			"attached_to_doctype": doc.doctype,
			"attached_to_name": doc.name,
			"attached_to_field": field,
			"is_private": 1,
			"content": content,
		}
	)
	file.flags.ignore_permissions = True
	file.insert()
	doc.db_set(field, file.file_url, update_modified=False)
	return file.file_url


def halaman_anggota(context, route: str, judul: str) -> str | None:
	"""The start of a member's own page: guests go to the login; the page's title; and
	`context.anggota`, the logged-in member's record (None for a user who is not a member).
	Returns the member's name: the only member the page may show."""
	minta_login(route)
	context.title = judul
	context.show_sidebar = False
	name = anggota_untuk_user()
	context.anggota = (
		frappe.db.get_value(
			"Anggota", name, ["name", "nama_lengkap", "nomor_anggota", "status", "company"], as_dict=True
		)
		if name
		else None
	)
	return name


def profil_saya() -> frappe._dict | None:
	"""The logged-in member's own record as a plain dict for the portal (None if not a member)."""
	name = anggota_untuk_user()
	if not name:
		return None
	doc = frappe.get_doc("Anggota", name)
	return frappe._dict(doc.as_dict(no_default_fields=True))


def minta_login(route: str) -> None:
	"""For a member page: a guest is sent to the login page, and back here afterwards."""
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = f"/login?redirect-to={route}"
		raise frappe.Redirect
