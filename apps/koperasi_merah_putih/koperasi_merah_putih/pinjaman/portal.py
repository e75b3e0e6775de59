# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""What members do with loans on the portal: preview an application (the schedule and the
product's conditions with reasons), apply, withdraw a pending application, download their loan
agreement and schedule. The member is always the logged-in user's own record: no parameter can
name another member, and a loan or application of someone else is refused."""

import frappe
from frappe import _
from frappe.utils import cint, flt

from koperasi_merah_putih.berkas import nama_acak
from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.keanggotaan.portal import JENIS_FOTO, MAX_FOTO, lampirkan_privat
from koperasi_merah_putih.pinjaman.doctype.pengajuan_pinjaman.pengajuan_pinjaman import alasan_tidak_layak
from koperasi_merah_putih.rules import pinjaman as aturan

STAFF = {"System Manager", "Pengurus", "Kasir", "Pengawas"}
# what a member may attach to an application (a photo of the collateral, a business permit...)
JENIS_LAMPIRAN = {**JENIS_FOTO, b"%PDF": "pdf"}


def baca_lampiran() -> tuple[bytes, str] | None:
	"""The file the portal form sent as `lampiran`, checked (5 MB, a photo or a PDF)."""
	berkas = frappe.request.files.get("lampiran") if frappe.request and frappe.request.files else None
	if not berkas or not berkas.filename:
		return None
	content = berkas.stream.read(MAX_FOTO + 1)
	if len(content) > MAX_FOTO:
		frappe.throw(_("The attachment is larger than 5 MB. Please send a smaller file."))
	ext = next((e for magic, e in JENIS_LAMPIRAN.items() if content.startswith(magic)), None)
	if not ext or (ext == "webp" and content[8:12] != b"WEBP"):
		frappe.throw(_("The attachment must be a photo (JPG, PNG, WebP) or a PDF."))
	return content, ext


def anggota_saya() -> str:
	anggota = anggota_untuk_user()
	if not anggota:
		raise frappe.PermissionError(
			_("Only members can apply for a loan; please log in with your member account.")
		)
	return anggota


def _milik_saya(doctype: str, name: str):
	doc = frappe.get_doc(doctype, name)
	staf = STAFF & set(frappe.get_roles()) and frappe.has_permission(doctype, "read", doc)
	if not staf and (frappe.session.user == "Guest" or doc.anggota != anggota_untuk_user()):
		raise frappe.PermissionError(_("This is not your loan."))
	return doc


def produk_untuk(anggota: str) -> list[dict]:
	"""The loan products offered to the member's cooperative."""
	koperasi = frappe.db.get_value("Anggota", anggota, "company")
	P = frappe.qb.DocType("Produk Pinjaman")
	A = frappe.qb.DocType("Akun Produk Pinjaman")
	return (
		frappe.qb.from_(P)
		.join(A)
		.on(A.parent == P.name)
		.select(P.name, P.metode, P.tarif, P.basis_tarif, P.tenor_minimal, P.tenor_maksimal, P.plafond)
		.where((P.nonaktif == 0) & (A.company == koperasi))
		.orderby(P.name)
		.run(as_dict=True)
	)


@frappe.whitelist(methods=["POST"])
def pratinjau(produk: str, jumlah, tenor) -> dict:
	"""The schedule the member would pay, and the product's conditions they do not meet."""
	anggota = anggota_saya()
	if produk not in {p.name for p in produk_untuk(anggota)}:
		frappe.throw(_("Loan product {0} is not offered by your cooperative.").format(produk))
	doc = frappe.get_cached_doc("Produk Pinjaman", produk)
	hasil = doc.simulasi(jumlah, tenor)
	hasil["alasan"] = alasan_tidak_layak(anggota, doc, int(flt(jumlah)))
	return hasil


@frappe.whitelist(methods=["POST"])
def ajukan(
	produk: str,
	jumlah,
	tenor,
	tujuan: str,
	nama_penjamin: str,
	nik_penjamin: str,
	hubungan_penjamin: str,
	hp_penjamin: str,
	agunan: str | None = None,
) -> dict:
	"""A member applies for a loan, optionally with one attachment (a photo or PDF, sent as the
	multipart field `lampiran`). Refused, with the reasons, when a condition is not met. (No
	rate limit: Frappe's limits per IP address would lock out a village sharing one connection,
	and a member can have only one application waiting at a time anyway.)"""
	anggota = anggota_saya()
	if produk not in {p.name for p in produk_untuk(anggota)}:
		frappe.throw(_("Loan product {0} is not offered by your cooperative.").format(produk))
	lampiran = baca_lampiran()
	doc = frappe.get_doc(
		{
			"doctype": "Pengajuan Pinjaman",
			"anggota": anggota,
			"produk": produk,
			"jumlah": flt(jumlah),
			"tenor": cint(tenor),
			"tujuan": (tujuan or "").strip(),
			"nama_penjamin": (nama_penjamin or "").strip(),
			"nik_penjamin": nik_penjamin,
			"hubungan_penjamin": hubungan_penjamin,
			"hp_penjamin": hp_penjamin,
			"agunan": (agunan or "").strip(),
		}
	)
	tetapkan(doc, sumber="Portal")
	doc.flags.ignore_permissions = True
	# from the portal an application the member is not eligible for is refused, with the reasons
	doc.flags.tolak_bila_tidak_layak = True
	doc.insert()
	if lampiran:
		lampirkan_privat(doc, "lampiran", nama_acak("lampiran", lampiran[1]), lampiran[0])
	return {"name": doc.name, "status": doc.status}


@frappe.whitelist(methods=["POST"])
def batalkan(pengajuan: str) -> dict:
	"""The member withdraws their own application while it waits for a decision."""
	doc = _milik_saya("Pengajuan Pinjaman", pengajuan)
	if doc.anggota != anggota_untuk_user() or doc.status != aturan.DIAJUKAN:
		frappe.throw(_("Only your own application that is still waiting can be withdrawn."))
	tetapkan(doc, status=aturan.DIBATALKAN)
	doc.flags.keputusan = True
	doc.flags.ignore_permissions = True
	doc.save()
	return {"name": doc.name, "status": doc.status}


@frappe.whitelist()
def unduh(pinjaman: str, dokumen: str = "Perjanjian Pinjaman"):
	"""The loan agreement or the schedule as a PDF: for the borrower, or for staff."""
	if dokumen not in ("Perjanjian Pinjaman", "Jadwal Angsuran"):
		frappe.throw(_("Unknown document."))
	doc = _milik_saya("Pinjaman", pinjaman)
	if doc.docstatus != 1:
		frappe.throw(_("Loan {0} has not been disbursed.").format(doc.name))
	frappe.local.response.filename = f"{dokumen} {doc.name}.pdf"
	frappe.local.response.filecontent = frappe.get_print("Pinjaman", doc.name, dokumen, as_pdf=True, doc=doc)
	# an attachment (saved on a phone), not shown inline
	frappe.local.response.type = "download"
	frappe.local.response.content_type = "application/pdf"
