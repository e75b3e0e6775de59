"""Seed data of the savings module, made at provisioning for each cooperative (idempotent; a
site's own changes to the products are kept: only missing products and account rows are added)."""

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.setup.produk import pastikan_produk

# name, category, classification, account number, amounts and jasa settings
PRODUK = [
	("Simpanan Pokok", "Pokok", "Ekuitas", "3101", {"jumlah_tetap": 100000}),
	("Simpanan Wajib", "Wajib", "Ekuitas", "3102", {"jumlah_bulanan": 20000}),
	(
		"Simpanan Sukarela",
		"Sukarela",
		"Kewajiban",
		"2101",
		{
			"setoran_minimal": 10000,
			"tarif_jasa": 3,
			"metode_jasa": "Saldo Harian",
			"saldo_minimal_jasa": 50000,
		},
	),
	(
		"Simpanan Berjangka",
		"Berjangka",
		"Kewajiban",
		"2102",
		{"setoran_minimal": 1000000, "tarif_jasa": 5, "tenor_bulan": 12, "penalti_persen": 1},
	),
]
BEBAN_JASA = "5201"
UTANG_PAJAK = "2122"
PENDAPATAN_PENALTI = "4104"

MODES = [("Transfer Bank", "Bank", "1111")]


def ensure_modes_of_payment(company: str) -> None:
	"""ERPNext's Cash mode points at the company's cash account already; add the bank transfer."""
	for name, kind, number in MODES:
		if not frappe.db.exists("Mode of Payment", name):
			frappe.get_doc({"doctype": "Mode of Payment", "mode_of_payment": name, "type": kind}).insert(
				ignore_permissions=True
			)
		mode = frappe.get_doc("Mode of Payment", name)
		if not any(row.company == company for row in mode.accounts):
			mode.append(
				"accounts", {"company": company, "default_account": account_by_number(company, number)}
			)
			mode.save(ignore_permissions=True)


def ensure_jenis_simpanan(company: str) -> None:
	for name, kategori, klasifikasi, number, values in PRODUK:
		akun = {
			"company": company,
			"akun_simpanan": account_by_number(company, number),
			"akun_beban_jasa": account_by_number(company, BEBAN_JASA),
			"akun_utang_pajak": account_by_number(company, UTANG_PAJAK),
			"akun_pendapatan_penalti": account_by_number(company, PENDAPATAN_PENALTI),
		}
		baru = {"nama_simpanan": name, "kategori": kategori, "klasifikasi": klasifikasi, **values}
		pastikan_produk("Jenis Simpanan", name, baru, akun)


def ensure(company: str) -> None:
	ensure_modes_of_payment(company)
	ensure_jenis_simpanan(company)
