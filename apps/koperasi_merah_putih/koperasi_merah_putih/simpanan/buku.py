"""Buku Simpanan: a member's savings statement for a period, per product (opening balance, every
movement with its running balance, closing balance), from the ledger; on screen (report, portal)
and as a PDF for the member or the teller.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate, today
from frappe.utils.pdf import get_pdf

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.simpanan.saldo import saldo_per_jenis

STAFF = {"System Manager", "Pengurus", "Kasir", "Pengawas"}

# what the member sees for each kind of voucher
JENIS_VOUCHER = {
	"Jasa Simpanan": "Jasa Simpanan",
	"Simpanan Berjangka": "Penempatan Berjangka",
	"Pencairan Simpanan Berjangka": "Pencairan Berjangka",
	"Pengembalian Simpanan": "Pengembalian Simpanan",
	"Journal Entry": "Jurnal",
}


def jenis_baris(r) -> str:
	if r.voucher_type == "Transaksi Simpanan":
		return aturan.SETORAN if flt(r.credit) else aturan.PENARIKAN
	return JENIS_VOUCHER.get(r.voucher_type, r.voucher_type)


def boleh_melihat(anggota: str) -> bool:
	"""Staff may see every member's savings; a member only their own."""
	if STAFF & set(frappe.get_roles()) and frappe.has_permission("Anggota", "read", doc=anggota):
		return True
	return anggota_untuk_user() == anggota


def periksa_akses(anggota: str) -> None:
	if not anggota or not boleh_melihat(anggota):
		raise frappe.PermissionError(_("You may only see your own savings."))


def buku(anggota: str, dari=None, sampai=None) -> dict:
	"""The statement: {anggota, dari, sampai, produk: [{jenis_simpanan, kategori, saldo_awal,
	baris: [{tanggal, jenis, nomor, keterangan, setor, tarik, saldo}], saldo_akhir}]}."""
	data = frappe.db.get_value(
		"Anggota", anggota, ["name", "nama_lengkap", "nomor_anggota", "customer", "company"], as_dict=True
	)
	sampai = getdate(sampai or today())
	dari = getdate(dari or sampai.replace(day=1))
	if dari > sampai:
		frappe.throw(_("The start date is after the end date."))
	out = frappe._dict(anggota=data, dari=dari, sampai=sampai, produk=[])
	if not data or not data.customer:
		return out
	gl = DocType("GL Entry")
	for p in saldo_per_jenis(anggota, termasuk_nonaktif=True):
		milik = (
			(gl.party_type == "Customer")
			& (gl.party == data.customer)
			& (gl.account == p["akun"])
			& (gl.company == data.company)
			& (gl.is_cancelled == 0)
		)
		awal = flt(
			frappe.qb.from_(gl)
			.select(Sum(gl.credit - gl.debit))
			.where(milik & (gl.posting_date < dari))
			.run()[0][0]
		)
		rows = (
			frappe.qb.from_(gl)
			.select(gl.posting_date, gl.voucher_type, gl.voucher_no, gl.remarks, gl.debit, gl.credit)
			.where(milik & (gl.posting_date[dari:sampai]))
			.orderby(gl.posting_date)
			.orderby(gl.creation)
			.run(as_dict=True)
		)
		if not rows and not awal and not p["saldo"]:
			continue
		saldo, baris = awal, []
		for r in rows:
			saldo += flt(r.credit) - flt(r.debit)
			baris.append(
				frappe._dict(
					tanggal=r.posting_date,
					jenis=_(jenis_baris(r)),
					voucher_type=r.voucher_type,
					nomor=r.voucher_no,
					keterangan=r.remarks,
					setor=flt(r.credit),
					tarik=flt(r.debit),
					saldo=saldo,
				)
			)
		out.produk.append(
			frappe._dict(
				jenis_simpanan=p["jenis_simpanan"],
				kategori=p["kategori"],
				saldo_awal=awal,
				baris=baris,
				total_setor=sum(b.setor for b in baris),
				total_tarik=sum(b.tarik for b in baris),
				saldo_akhir=saldo,
			)
		)
	return out


@frappe.whitelist()
def unduh_buku_simpanan(anggota: str | None = None, dari: str | None = None, sampai: str | None = None):
	"""The statement as a PDF download: staff for any member, a member for themselves (the default)."""
	anggota = anggota or anggota_untuk_user()
	periksa_akses(anggota)
	data = buku(anggota, dari, sampai)
	html = frappe.render_template(
		"templates/simpanan/buku_simpanan.html",
		{"buku": data, "koperasi": data.anggota.company, "dicetak": frappe.utils.now_datetime()},
	)
	frappe.local.response.filename = (
		f"Buku Simpanan {data.anggota.nomor_anggota or anggota} {data.dari} {data.sampai}.pdf"
	)
	frappe.local.response.filecontent = get_pdf(html)
	# an attachment (saved on a phone), not shown inline
	frappe.local.response.type = "download"
	frappe.local.response.content_type = "application/pdf"
