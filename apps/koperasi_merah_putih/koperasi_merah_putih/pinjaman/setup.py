"""Seed data of the loans module, made at provisioning for each cooperative (idempotent; a site's
own changes are kept: only a missing product or accounts row is added)."""

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.rules import pinjaman as aturan
from koperasi_merah_putih.setup.produk import pastikan_produk

PRODUK = {
	"nama_produk": "Pinjaman Anggota",
	"metode": "Menurun",
	"tarif": 18,
	"basis_tarif": "Per Tahun",
	"tenor_minimal": 3,
	"tenor_maksimal": 24,
	"plafond": 10000000,
	"kelipatan_simpanan": 5,
	"tarif_denda": 0.1,
	"basis_denda": "Per Hari",
	"hari_toleransi": 3,
	"minimal_bulan_anggota": 3,
	"wajib_lunas": 1,
	"biaya": [
		{"jenis_biaya": "Administrasi", "dasar": "Persen", "nilai": 1, "cara": "Dipotong saat Pencairan"}
	],
}
AKUN = {
	"akun_piutang": "1121",
	"akun_pendapatan_jasa": "4101",
	"akun_pendapatan_administrasi": "4102",
	"akun_pendapatan_provisi": "4103",
	"akun_pendapatan_denda": "4104",
	"akun_cadangan": "1129",
	"akun_beban_ppap": "5204",
	"akun_titipan_asuransi": "2141",
	"akun_pemulihan": "4302",
}


def ensure(company: str) -> None:
	ensure_pengaturan()
	akun = {"company": company, **{f: account_by_number(company, n) for f, n in AKUN.items()}}
	pastikan_produk("Produk Pinjaman", PRODUK["nama_produk"], PRODUK, akun)


def ensure_pengaturan() -> None:
	"""The loan settings start from the bank-style five classes, a Rp5 million approval limit for
	the Kasir and overpayments refused; a site's own settings are kept."""
	doc = frappe.get_single("Pengaturan Pinjaman")
	if doc.kelas:
		return
	doc.skema = doc.skema or aturan.SKEMA_LIMA
	doc.batas_persetujuan_kasir = doc.batas_persetujuan_kasir or 5_000_000
	doc.kelebihan_bayar = doc.kelebihan_bayar or aturan.TOLAK
	doc.save(ignore_permissions=True)
