"""Exit settlement: pokok, wajib and sukarela refunded in one posting, net of the member's open
invoices; refused (and nothing kept) when debts exceed savings or a fixed-term placement is open."""

import frappe
from frappe.utils import today
from frappe.utils.nestedset import get_root_of

from koperasi_merah_putih.simpanan import saldo, tagihan
from tests.support.data import baris_gl, buat_anggota, transaksi_simpanan
from tests.support.kasus import KoperasiTestCase


def lines(voucher: str) -> list[tuple]:
	return baris_gl("Pengembalian Simpanan", voucher, against=True)


class TestPengembalianSimpanan(KoperasiTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		if not frappe.db.exists("Item", "KMP-BERAS-UJI"):
			frappe.get_doc(
				{
					"doctype": "Item",
					"item_code": "KMP-BERAS-UJI",
					"item_name": "Beras 5 kg (uji)",
					"item_group": get_root_of("Item Group"),
					"stock_uom": "Nos",
					"is_stock_item": 0,
				}
			).insert()

		cls.price_list = frappe.db.get_value("Price List", {"selling": 1, "enabled": 1})
		if not cls.price_list:
			cls.price_list = (
				frappe.get_doc(
					{
						"doctype": "Price List",
						"price_list_name": "Harga Jual Uji",
						"selling": 1,
						"currency": "IDR",
					}
				)
				.insert()
				.name
			)

	def setUp(self):
		super().setUp()
		self.anggota = buat_anggota("Aktif")
		transaksi_simpanan(self.anggota, "Simpanan Pokok", 100000)
		transaksi_simpanan(self.anggota, "Simpanan Wajib", 40000)
		transaksi_simpanan(self.anggota, "Simpanan Sukarela", 250000)

	def invoice(self, rate):
		si = frappe.get_doc(
			{
				"doctype": "Sales Invoice",
				"customer": self.anggota.customer,
				"company": self.company,
				"posting_date": today(),
				"due_date": today(),
				"currency": "IDR",
				"conversion_rate": 1,
				"selling_price_list": self.price_list,
				"price_list_currency": "IDR",
				"plc_conversion_rate": 1,
				"items": [{"item_code": "KMP-BERAS-UJI", "qty": 1, "rate": rate}],
			}
		).insert()
		si.submit()
		return si

	def settlement(self):
		return frappe.get_last_doc("Pengembalian Simpanan", {"anggota": self.anggota.name, "docstatus": 1})

	def balances(self):
		return {s["kategori"]: s["saldo"] for s in saldo.saldo_per_jenis(self.anggota.name)}

	def test_exit_refunds_every_savings_in_one_posting(self):
		c = self.anggota.customer
		tagihan.buat_tagihan_bulanan(company=self.company)
		self.anggota.reload()
		self.anggota.keluar("Pindah domisili", cara_bayar="Transfer Bank")
		doc = self.settlement()
		self.assertEqual((doc.total_simpanan, doc.total_potongan, doc.dibayar), (390000, 0, 390000))
		self.assertEqual(doc.terbilang, "tiga ratus sembilan puluh ribu rupiah")
		html = frappe.get_print(doc.doctype, doc.name, "Bukti Pengembalian Simpanan")
		self.assertIn("Tiga ratus sembilan puluh ribu rupiah", html)
		self.assertIn("Rp 250.000", html)
		self.assertEqual(
			lines(doc.name),
			[
				("1111", 0, 390000, "", ""),
				("2101", 250000, 0, c, ""),
				("3101", 100000, 0, c, ""),
				("3102", 40000, 0, c, ""),
			],
		)
		self.assertEqual(set(self.balances().values()), {0})
		self.assertEqual(frappe.db.get_value("Anggota", self.anggota.name, "status"), "Keluar")
		self.assertEqual(tagihan.tunggakan_anggota(self.anggota.name)["total"], 0)
		with self.assertRaisesRegex(frappe.ValidationError, "sudah keluar"):
			doc.cancel()

	def test_open_invoices_are_deducted_and_settled(self):
		si = self.invoice(50000)
		self.anggota.reload()
		self.anggota.keluar("Meninggal dunia")
		doc = self.settlement()
		self.assertEqual((doc.total_potongan, doc.dibayar), (50000, 340000))
		self.assertIn(("1101", 0, 340000, "", ""), lines(doc.name))
		receivable = frappe.db.get_value("Sales Invoice", si.name, "debit_to").split(" - ")[0]
		self.assertIn((receivable, 0, 50000, self.anggota.customer, si.name), lines(doc.name))
		self.assertEqual(frappe.db.get_value("Sales Invoice", si.name, "outstanding_amount"), 0)

	def test_a_negative_balance_is_settled_the_other_way_round(self):
		from koperasi_merah_putih.akun import account_by_number

		c = self.anggota.customer
		# a correction entered by hand left sukarela 10,000 below zero (250,000 paid out as 260,000)
		je = frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": self.company,
				"posting_date": today(),
				"user_remark": "Koreksi penarikan",
				"accounts": [
					{
						"account": account_by_number(self.company, "2101"),
						"debit_in_account_currency": 260000,
						"party_type": "Customer",
						"party": c,
					},
					{
						"account": account_by_number(self.company, "1101"),
						"credit_in_account_currency": 260000,
					},
				],
			}
		).insert()
		je.submit()
		self.anggota.reload()
		self.anggota.keluar("Pindah domisili")
		doc = self.settlement()
		self.assertEqual((doc.total_simpanan, doc.dibayar), (130000, 130000))
		self.assertEqual(
			lines(doc.name),
			[
				("1101", 0, 130000, "", ""),
				("2101", 0, 10000, c, ""),
				("3101", 100000, 0, c, ""),
				("3102", 40000, 0, c, ""),
			],
		)
		self.assertEqual(set(self.balances().values()), {0})

	def test_debts_above_savings_stop_the_exit(self):
		si = self.invoice(500000)
		self.anggota.reload()
		with self.assertRaisesRegex(frappe.ValidationError, "selisihnya"):
			self.anggota.keluar("Pindah domisili")
		self.assertEqual(frappe.db.get_value("Anggota", self.anggota.name, "status"), "Aktif")
		self.assertFalse(frappe.db.exists("Pengembalian Simpanan", {"anggota": self.anggota.name}))
		self.assertEqual(frappe.db.get_value("Sales Invoice", si.name, "outstanding_amount"), 500000)
		self.assertEqual(self.balances()["Sukarela"], 250000)

	def test_open_fixed_term_placement_stops_the_exit(self):
		sb = frappe.get_doc(
			{
				"doctype": "Simpanan Berjangka",
				"anggota": self.anggota.name,
				"jenis_simpanan": "Simpanan Berjangka",
				"jumlah": 1000000,
				"mode_of_payment": "Cash",
			}
		).insert()
		sb.submit()
		self.anggota.reload()
		with self.assertRaisesRegex(frappe.ValidationError, sb.name):
			self.anggota.keluar("Pindah domisili")
		self.assertEqual(frappe.db.get_value("Anggota", self.anggota.name, "status"), "Aktif")
