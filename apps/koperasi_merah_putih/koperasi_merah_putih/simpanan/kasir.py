"""The teller's screen (page kasir-simpanan): find a member by name, NIK or number, see their
balances, arrears, active loans and open outlet credit (bon), take a deposit, a withdrawal, a loan
repayment or a bon payment (unit_usaha/kasir.py) and print the receipt.

Every method checks the caller's permissions: searching and reading need read access to Anggota
and Transaksi Simpanan; the transaction is inserted and submitted as the user (no permission
bypass), so a role without submit rights cannot post.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import flt

from koperasi_merah_putih.izin import koperasi_terpilih
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import pinjaman as aturan_pinjaman
from koperasi_merah_putih.rules import simpanan as aturan_simpanan
from koperasi_merah_putih.simpanan import tagihan
from koperasi_merah_putih.simpanan.saldo import saldo_per_jenis
from koperasi_merah_putih.unit_usaha.kasir import bon_anggota


def _periksa():
	if not (frappe.has_permission("Anggota", "read") and frappe.has_permission("Transaksi Simpanan", "read")):
		raise frappe.PermissionError(_("Only the cooperative's staff may use the teller screen."))


@frappe.whitelist()
def cari_anggota(teks: str) -> list[dict]:
	"""Members whose name, member number or NIK matches what the teller typed (at most 10)."""
	_periksa()
	teks = (teks or "").strip()
	if len(teks) < 2:
		return []
	A = DocType("Anggota")
	digits = teks.replace(" ", "")
	kondisi = (A.nama_lengkap.like(f"%{teks}%")) | (A.nomor_anggota.like(f"%{teks}%"))
	if digits.isdigit() and len(digits) >= 6:
		kondisi = kondisi | A.nik.like(f"{digits}%")
	rows = (
		frappe.qb.from_(A)
		.select(A.name, A.nama_lengkap, A.nomor_anggota, A.nik, A.status, A.kelurahan)
		.where(
			kondisi
			& A.status.isin(list(keanggotaan.BERNOMOR))
			# staff restricted to one cooperative find only its members
			& A.company.isin(koperasi_terpilih())
		)
		.orderby(A.nama_lengkap)
		.limit(10)
		.run(as_dict=True)
	)
	for r in rows:
		r.nik = f"{r.nik[:6]}••••••{r.nik[-4:]}" if r.nik else ""
		r.boleh = r.status in keanggotaan.BOLEH_BERTRANSAKSI
	return rows


@frappe.whitelist()
def ringkasan(anggota: str) -> dict:
	"""What the teller sees once a member is chosen: balances, arrears, last transactions."""
	_periksa()
	frappe.has_permission("Anggota", "read", doc=anggota, throw=True)
	data = frappe.db.get_value(
		"Anggota", anggota, ["name", "nama_lengkap", "nomor_anggota", "status", "nomor_hp"], as_dict=True
	)
	if not data:
		frappe.throw(_("Member {0} does not exist.").format(anggota))
	produk = frappe.get_all(
		"Jenis Simpanan",
		filters={"nonaktif": 0, "kategori": ("!=", aturan_simpanan.BERJANGKA)},
		fields=["name", "kategori", "jumlah_tetap", "jumlah_bulanan", "setoran_minimal"],
	)
	return {
		"anggota": data,
		"boleh": data.status in keanggotaan.BOLEH_BERTRANSAKSI,
		"saldo": saldo_per_jenis(anggota),
		"tunggakan": tagihan.tunggakan_anggota(anggota),
		"produk": produk,
		"pinjaman": pinjaman_aktif(anggota),
		# open credit (bon) at the outlets, collected here too
		"bon": bon_anggota(anggota),
		"terakhir": frappe.get_all(
			"Transaksi Simpanan",
			filters={"anggota": anggota, "docstatus": 1},
			fields=["name", "posting_date", "jenis_transaksi", "jenis_simpanan", "jumlah"],
			order_by="creation desc",
			limit=5,
		),
	}


@frappe.whitelist(methods=["POST"])
def transaksi(
	anggota: str, jenis_simpanan: str, jumlah, mode_of_payment: str = "Cash", jenis_transaksi: str = "Setoran"
) -> dict:
	"""Insert and submit a deposit (or withdrawal) as the logged-in teller; returns its number."""
	_periksa()
	if jenis_transaksi not in aturan_simpanan.JENIS_TRANSAKSI:
		frappe.throw(_("Unknown transaction type."))
	doc = frappe.get_doc(
		{
			"doctype": "Transaksi Simpanan",
			"anggota": anggota,
			"jenis_simpanan": jenis_simpanan,
			"jenis_transaksi": jenis_transaksi,
			"jumlah": flt(jumlah),
			"mode_of_payment": mode_of_payment or "Cash",
		}
	)
	doc.insert()
	doc.submit()
	return {"name": doc.name, "saldo_sesudah": doc.saldo_sesudah, "terbilang": doc.terbilang}


def pinjaman_aktif(anggota: str) -> list[dict]:
	"""The member's active loans the teller may see, with what is due next."""
	if not frappe.has_permission("Pinjaman", "read"):
		return []
	return frappe.get_list(
		"Pinjaman",
		filters={
			"anggota": anggota,
			"docstatus": 1,
			"status": ("in", [aturan_pinjaman.AKTIF, aturan_pinjaman.HAPUS_BUKU]),
		},
		fields=[
			"name",
			"produk",
			"status",
			"sisa_pokok",
			"jatuh_tempo_berikutnya",
			"angsuran_berikutnya",
			"hari_tunggakan",
			"denda_terutang",
		],
		order_by="posting_date asc",
	)


@frappe.whitelist(methods=["POST"])
def bayar_angsuran(pinjaman: str, jumlah, mode_of_payment: str = "Cash") -> dict:
	"""Insert and submit a loan repayment as the logged-in teller; returns its number and split."""
	_periksa()
	doc = frappe.get_doc(
		{
			"doctype": "Angsuran Pinjaman",
			"pinjaman": pinjaman,
			"jumlah": flt(jumlah),
			"mode_of_payment": mode_of_payment or "Cash",
		}
	)
	doc.insert()
	doc.submit()
	return {
		"name": doc.name,
		"jenis": doc.jenis,
		"pokok": doc.pokok,
		"jasa": doc.jasa,
		"denda": doc.denda,
		"sisa_pokok_sesudah": doc.sisa_pokok_sesudah,
		"terbilang": doc.terbilang,
	}
