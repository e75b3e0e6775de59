# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""What members see of the SHU on the portal: their own share per year (jasa modal, jasa usaha,
how it was paid) with a PDF slip, and their cooperative's summary of the year. The member is
always the logged-in user's own record: no parameter can name another member."""

import frappe
from frappe import _
from frappe.utils.pdf import get_pdf

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.tutup_buku import laporan


def shu_anggota(anggota: str) -> list[dict]:
	"""The member's rows of every submitted Pembagian SHU, newest year first."""
	R = frappe.qb.DocType("Rincian SHU Anggota")
	P = frappe.qb.DocType("Pembagian SHU")
	return (
		frappe.qb.from_(R)
		.join(P)
		.on(P.name == R.pembagian_shu)
		.select(
			R.name,
			R.pembagian_shu,
			P.tahun_buku,
			P.company,
			P.posting_date,
			R.simpanan_dasar,
			R.transaksi_dasar,
			R.jasa_modal,
			R.jasa_usaha,
			R.jumlah,
			R.pph,
			R.bersih,
			R.dibayar,
			R.cara_bayar,
			R.tanggal_bayar,
		)
		.where((R.anggota == anggota) & (P.docstatus == 1))
		.orderby(P.tahun_buku, order=frappe.qb.desc)
		.run(as_dict=True)
	)


def ringkasan_tahun(company: str) -> list[dict]:
	"""The cooperative's summary of each year it has shared an SHU for (or closed)."""
	tahun = frappe.get_all(
		"Tutup Buku",
		filters={"company": company, "docstatus": 1},
		pluck="fiscal_year",
		order_by="posting_date desc",
		limit=2,
	)
	return [laporan.ringkasan(company, t) for t in tahun]


def _baris_saya(pembagian_shu: str) -> dict:
	anggota = anggota_untuk_user()
	if not anggota:
		raise frappe.PermissionError(
			_("Only members have an SHU slip; please log in with your member account.")
		)
	baris = next((r for r in shu_anggota(anggota) if r.pembagian_shu == pembagian_shu), None)
	if not baris:
		raise frappe.PermissionError(_("You have no SHU in {0}.").format(pembagian_shu))
	return anggota, baris


@frappe.whitelist()
def unduh_slip(pembagian_shu: str):
	"""The member's own SHU slip of one year as a PDF."""
	anggota, baris = _baris_saya(pembagian_shu)
	profil = frappe.db.get_value(
		"Anggota", anggota, ["nama_lengkap", "nomor_anggota", "company"], as_dict=True
	)
	html = frappe.render_template(
		"templates/shu/slip_shu.html", {"anggota": profil, "baris": baris, "title": _("Slip SHU")}
	)
	frappe.local.response.filename = f"Slip SHU {baris.tahun_buku} {profil.nomor_anggota}.pdf"
	frappe.local.response.filecontent = get_pdf(html)
	frappe.local.response.type = "download"
	frappe.local.response.content_type = "application/pdf"
