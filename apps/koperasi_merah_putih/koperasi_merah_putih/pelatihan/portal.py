"""What members and the public do with trainings: sign up, cancel, give feedback, download the
certificate; and the public check of a certificate. Every method says who may call it."""

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit
from frappe.utils import cint, flt, get_datetime, now_datetime

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.keanggotaan.portal import batas_per_jam
from koperasi_merah_putih.pelatihan import layanan
from koperasi_merah_putih.rules import pelatihan as aturan

STAFF = {"System Manager", "Pengurus", "Kasir", "Pengawas"}


def pelatihan_terbuka(peserta: list[str], company: str | None = None, batas: int | None = None) -> list[dict]:
	"""Trainings open for sign-up to the given kinds of participant, soonest first (one
	cooperative's only, if given): what the public pages list."""
	P = frappe.qb.DocType("Pelatihan")
	q = (
		frappe.qb.from_(P)
		.select(
			P.name,
			P.judul,
			P.topik,
			P.peserta,
			P.penyelenggara,
			P.mulai,
			P.selesai,
			P.kuota,
			P.jumlah_terdaftar,
			P.batas_pendaftaran,
			P.biaya,
			P.deskripsi,
		)
		.where((P.status == aturan.DIBUKA) & P.peserta.isin(peserta) & (P.selesai >= now_datetime()))
		.where(P.batas_pendaftaran.isnull() | (P.batas_pendaftaran >= now_datetime()))
		.orderby(P.mulai)
	)
	if company:
		q = q.where(P.company == company)
	if batas:
		q = q.limit(batas)
	return q.run(as_dict=True)


def _milik_saya(pendaftaran: str):
	doc = frappe.get_doc(layanan.DOCTYPE, pendaftaran)
	if frappe.session.user == "Guest" or doc.user != frappe.session.user:
		raise frappe.PermissionError(_("This is not your registration."))
	return doc


@frappe.whitelist(methods=["POST"])
def daftar_saya(pelatihan: str) -> dict:
	"""A member signs up from the portal."""
	anggota = anggota_untuk_user()
	if not anggota:
		raise frappe.PermissionError(_("Only members can sign up here; the public uses the outreach form."))
	doc = layanan.daftar(pelatihan, anggota=anggota, sumber="Portal")
	return {"name": doc.name, "status": doc.status}


@frappe.whitelist(methods=["POST"])
def batal_saya(pendaftaran: str) -> dict:
	doc = layanan.batalkan(_milik_saya(pendaftaran).name)
	return {"name": doc.name, "status": doc.status}


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=batas_per_jam, seconds=60 * 60)
def daftar_umum(
	pelatihan: str, nama: str, nomor_hp: str, kelurahan: str | None = None, jenis_kelamin: str | None = None
) -> dict:
	"""Residents sign up for outreach events open to the public (name, phone, kelurahan)."""
	if jenis_kelamin not in (None, "", "Laki-laki", "Perempuan"):
		frappe.throw(_("Choose Laki-laki or Perempuan."))
	doc = layanan.daftar(
		pelatihan,
		sumber="Umum",
		nama=(nama or "")[:140],
		nomor_hp=nomor_hp,
		kelurahan=(kelurahan or "")[:140],
		jenis_kelamin=jenis_kelamin or None,
	)
	return {"name": doc.name, "status": doc.status}


@frappe.whitelist(methods=["POST"])
def umpan_balik(
	pendaftaran: str, nilai_keseluruhan=None, nilai_materi=None, nilai_pelatih=None, saran: str | None = None
) -> dict:
	"""A participant's short feedback after the event, once."""
	doc = _milik_saya(pendaftaran)
	if doc.status != aturan.TERDAFTAR:
		frappe.throw(_("Only participants can give feedback."))
	selesai = frappe.db.get_value("Pelatihan", doc.pelatihan, "selesai")
	if selesai and get_datetime(selesai) > now_datetime() and not doc.lulus:
		frappe.throw(_("Feedback opens when the training has ended."))
	if frappe.db.exists("Umpan Balik Pelatihan", {"pendaftaran": doc.name}):
		frappe.throw(_("Thank you: your feedback was already received."))
	nilai = {}
	for field, value in (
		("nilai_keseluruhan", nilai_keseluruhan),
		("nilai_materi", nilai_materi),
		("nilai_pelatih", nilai_pelatih),
	):
		bintang = cint(value)
		if not 1 <= bintang <= 5:
			frappe.throw(_("Give 1 to 5 stars."))
		nilai[field] = flt(bintang) / 5
	umpan = frappe.get_doc(
		{
			"doctype": "Umpan Balik Pelatihan",
			"pendaftaran": doc.name,
			"pelatihan": doc.pelatihan,
			"saran": (saran or "")[:1000],
			**nilai,
		}
	)
	umpan.flags.oleh_server = True  # the member's own registration, checked above
	umpan.insert(ignore_permissions=True)
	return {"ok": True}


@frappe.whitelist()
def unduh_sertifikat(pendaftaran: str):
	"""The certificate as a PDF: for its holder, or for staff."""
	doc = frappe.get_doc(layanan.DOCTYPE, pendaftaran)
	staf = (
		STAFF & set(frappe.get_roles())
		and frappe.has_permission(layanan.DOCTYPE, "read", doc=doc)
		and frappe.has_permission("Pelatihan", "read", doc=doc.pelatihan)
	)
	if not staf and (frappe.session.user == "Guest" or doc.user != frappe.session.user):
		raise frappe.PermissionError(_("This is not your registration."))
	if not doc.lulus or not doc.nomor_sertifikat:
		frappe.throw(
			_("{0} has not completed this training: there is no certificate.").format(doc.nama),
			title=_("No certificate"),
		)
	frappe.local.response.filename = f"Sertifikat {doc.nomor_sertifikat}.pdf"
	frappe.local.response.filecontent = frappe.get_print(
		layanan.DOCTYPE, doc.name, "Sertifikat Pelatihan", as_pdf=True, doc=doc
	)
	# an attachment (saved on a phone), not shown inline
	frappe.local.response.type = "download"
	frappe.local.response.content_type = "application/pdf"


def verifikasi(kode: str) -> dict | None:
	"""The public check of a certificate by the random code its QR carries (certificate numbers run
	in series and could be enumerated): only the name, the training and the date."""
	kode = (kode or "").strip()
	if len(kode) < 16:
		return None
	row = frappe.db.get_value(
		layanan.DOCTYPE,
		{"kode_verifikasi": kode, "lulus": 1, "status": aturan.TERDAFTAR},
		["nama", "judul_pelatihan", "tanggal_lulus", "nomor_sertifikat"],
		as_dict=True,
	)
	return row
