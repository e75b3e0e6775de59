"""Loan products: seeded per cooperative with their accounts; the schedule simulation (the KDMP
demo), fees deducted at disbursement, the effective annual rate, and the limits refused."""

import random

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.pinjaman.doctype.produk_pinjaman.produk_pinjaman import simulasi
from tests.support.kasus import KoperasiTestCase


class TestProdukPinjaman(KoperasiTestCase):
	def test_seeded_product_and_accounts(self):
		doc = frappe.get_doc("Produk Pinjaman", "Pinjaman Anggota")
		row = next(r for r in doc.akun if r.company == self.company)
		self.assertEqual(row.akun_piutang, account_by_number(self.company, "1121"))
		self.assertEqual(row.akun_pendapatan_jasa, account_by_number(self.company, "4101"))
		self.assertEqual(row.akun_cadangan, account_by_number(self.company, "1129"))
		self.assertEqual((doc.metode, doc.basis_tarif), ("Menurun", "Per Tahun"))

	def test_kdmp_demo_simulation(self):
		nama = f"Pinjaman Demo KDMP {random.randint(1000, 9999)}"
		frappe.get_doc(
			{
				"doctype": "Produk Pinjaman",
				"nama_produk": nama,
				"metode": "Flat",
				"tarif": 12,
				"basis_tarif": "Per Bulan",
				"tenor_minimal": 1,
				"tenor_maksimal": 12,
				"plafond": 1000000,
			}
		).insert()
		hasil = simulasi(nama, 500000, 3)
		self.assertEqual([a["total"] for a in hasil["jadwal"]], [226667, 226667, 226666])
		self.assertEqual([a["jasa"] for a in hasil["jadwal"]], [60000] * 3)
		self.assertEqual(
			(hasil["total_jasa"], hasil["total_bayar"], hasil["diterima"]), (180000, 680000, 500000)
		)
		self.assertGreater(hasil["suku_efektif_tahunan"], 144)  # 12% a month flat is far above 144% a year
		with self.assertRaisesRegex(frappe.ValidationError, "Plafond"):
			simulasi(nama, 1000001, 3)
		with self.assertRaisesRegex(frappe.ValidationError, "1 sampai 12 bulan"):
			simulasi(nama, 500000, 13)
		with self.assertRaisesRegex(frappe.ValidationError, "lebih dari nol"):
			simulasi(nama, 0, 3)
		frappe.set_user("Guest")
		with self.assertRaises(frappe.PermissionError):
			simulasi(nama, 500000, 3)

	def test_fees_deducted_at_disbursement(self):
		hasil = simulasi("Pinjaman Anggota", 5000000, 12)
		self.assertEqual(
			hasil["biaya"],
			[{"jenis_biaya": "Administrasi", "cara": "Dipotong saat Pencairan", "jumlah": 50000}],
		)
		self.assertEqual(hasil["diterima"], 4950000)
		self.assertEqual(sum(a["pokok"] for a in hasil["jadwal"]), 5000000)
		# menurun at 18% a year: the first month's jasa is 1.5% of 5,000,000
		self.assertEqual(hasil["jadwal"][0]["jasa"], 75000)

	def test_bad_settings_refused(self):
		for values, pesan in (
			({"tenor_minimal": 6, "tenor_maksimal": 3}, "tenor"),
			({"tarif": -1}, "negatif"),
			({"plafond": 0}, "plafond"),
		):
			doc = frappe.get_doc(
				{
					"doctype": "Produk Pinjaman",
					"nama_produk": f"Salah {random.randint(1000, 9999)}",
					"metode": "Anuitas",
					"tarif": 1,
					"basis_tarif": "Per Bulan",
					"tenor_minimal": 1,
					"tenor_maksimal": 12,
					"plafond": 1000000,
					**values,
				}
			)
			with self.assertRaisesRegex(frappe.ValidationError, pesan):
				doc.insert()
