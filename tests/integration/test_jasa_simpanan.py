"""Month-end jasa on simpanan sukarela: the per-member breakdown, the GL of the batch (expense,
members' savings, withholding tax), the refusals, cancel, and the batch posting path (used above
200 lines) giving the same ledger as ERPNext's own."""

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.simpanan import jasa, saldo
from tests.support.data import baris_gl, buat_anggota, transaksi_simpanan
from tests.support.kasus import KoperasiTestCase

TAHUN = frappe.utils.getdate().year if False else None  # noqa: F841 (set in setUpClass)


def lines(voucher: str, cancelled: int = 0) -> list[tuple]:
	return baris_gl("Jasa Simpanan", voucher, cancelled)


class TestJasaSimpanan(KoperasiTestCase):
	def setUp(self):
		super().setUp()
		self.produk = frappe.db.get_value(
			"Jenis Simpanan",
			"Simpanan Sukarela",
			["potong_pajak", "ambang_pajak", "tarif_pajak"],
			as_dict=True,
		)

	def tearDown(self):
		frappe.db.set_value("Jenis Simpanan", "Simpanan Sukarela", self.produk)
		frappe.clear_document_cache("Jenis Simpanan", "Simpanan Sukarela")
		super().tearDown()

	def periode(self, bulan: int) -> str:
		return f"{self.tahun}-{bulan:02d}"

	def tanggal(self, bulan: int, hari: int) -> str:
		return f"{self.tahun}-{bulan:02d}-{hari:02d}"

	def jasa(self, bulan: int, submit=True, **flags):
		doc = frappe.get_doc(
			{
				"doctype": "Jasa Simpanan",
				"company": self.company,
				"jenis_simpanan": "Simpanan Sukarela",
				"periode": self.periode(bulan),
			}
		).insert()
		doc.flags.update(flags)
		if submit:
			doc.submit()
		return doc

	def rincian(self, doc, anggota) -> dict | None:
		return frappe.db.get_value(
			"Rincian Jasa Simpanan",
			{"jasa_simpanan": doc.name, "anggota": anggota.name},
			["saldo_dasar", "jasa", "pajak", "bersih"],
			as_dict=True,
		)

	def test_daily_balance_jasa_is_credited_to_each_member(self):
		a = buat_anggota("Aktif")
		b = buat_anggota("Aktif")
		transaksi_simpanan(a, "Simpanan Sukarela", 1000000, posting_date=self.tanggal(2, 15))
		transaksi_simpanan(b, "Simpanan Sukarela", 30000, posting_date=self.tanggal(3, 1))
		doc = self.jasa(3)
		# 1,000,000 for all 31 days at 3% a year: 31,000,000 x 3% / 365 = 2,547.9 -> 2,548
		self.assertEqual(
			self.rincian(doc, a), {"saldo_dasar": 1000000, "jasa": 2548, "pajak": 0, "bersih": 2548}
		)
		# under the 50,000 minimum: no jasa, no line
		self.assertIsNone(self.rincian(doc, b))
		got = lines(doc.name)
		self.assertIn(("2101", 0, 2548, a.customer), got)
		self.assertNotIn(b.customer, [g[3] for g in got])
		self.assertIn(("5201", doc.total_jasa, 0, ""), got)
		self.assertEqual(sum(g[1] for g in got), sum(g[2] for g in got))
		self.assertEqual(doc.total_jasa, doc.total_bersih)
		self.assertEqual(
			doc.jumlah_anggota, frappe.db.count("Rincian Jasa Simpanan", {"jasa_simpanan": doc.name})
		)
		akun = account_by_number(self.company, "2101")
		self.assertEqual(saldo.saldo(a.customer, akun, self.company), 1002548)

		# cancel takes the jasa back out of the member's savings
		doc.cancel()
		self.assertEqual(saldo.saldo(a.customer, akun, self.company), 1000000)
		self.assertEqual(len(lines(doc.name, cancelled=1)), 2 * len(got))

	def test_withholding_tax_above_the_threshold(self):
		frappe.db.set_value(
			"Jenis Simpanan",
			"Simpanan Sukarela",
			{"potong_pajak": 1, "ambang_pajak": 240000, "tarif_pajak": 10},
		)
		frappe.clear_document_cache("Jenis Simpanan", "Simpanan Sukarela")
		a = buat_anggota("Aktif")
		transaksi_simpanan(a, "Simpanan Sukarela", 200000000, posting_date=self.tanggal(4, 1))
		doc = self.jasa(4)
		# 200,000,000 x 30 days x 3% / 365 = 493,150.7 -> 493,151; 10% of it withheld
		self.assertEqual(
			self.rincian(doc, a), {"saldo_dasar": 200000000, "jasa": 493151, "pajak": 49315, "bersih": 443836}
		)
		got = lines(doc.name)
		self.assertIn(("2101", 0, 443836, a.customer), got)
		self.assertIn(("2122", 0, doc.total_pajak, ""), got)
		self.assertGreaterEqual(doc.total_pajak, 49315)

	def test_refusals(self):
		a = buat_anggota("Aktif")
		transaksi_simpanan(a, "Simpanan Sukarela", 500000, posting_date=self.tanggal(5, 1))
		self.jasa(5)
		with self.assertRaisesRegex(frappe.ValidationError, "sudah diposting"):
			self.jasa(5)
		with self.assertRaisesRegex(frappe.ValidationError, "TTTT-BB"):
			frappe.get_doc(
				{
					"doctype": "Jasa Simpanan",
					"company": self.company,
					"jenis_simpanan": "Simpanan Sukarela",
					"periode": "Mei",
				}
			).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "hanya untuk simpanan sukarela"):
			frappe.get_doc(
				{
					"doctype": "Jasa Simpanan",
					"company": self.company,
					"jenis_simpanan": "Simpanan Wajib",
					"periode": self.periode(5),
				}
			).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "hari terakhir"):
			frappe.get_doc(
				{
					"doctype": "Jasa Simpanan",
					"company": self.company,
					"jenis_simpanan": "Simpanan Sukarela",
					"periode": self.periode(6),
					"posting_date": self.tanggal(6, 10),
				}
			).insert()

	def test_batch_path_posts_and_reverses_like_erpnext(self):
		a = buat_anggota("Aktif")
		b = buat_anggota("Aktif")
		transaksi_simpanan(a, "Simpanan Sukarela", 1000000, posting_date=self.tanggal(6, 1))
		transaksi_simpanan(b, "Simpanan Sukarela", 2000000, posting_date=self.tanggal(6, 16))
		biasa = self.jasa(6)
		expected = lines(biasa.name)
		biasa.cancel()
		# the same month again, through the batch path this time
		massal = self.jasa(6, massal_di_atas=1)
		got = lines(massal.name)
		self.assertEqual(got, expected)
		self.assertIn(("2101", 0, 2466, a.customer), got)  # 1,000,000 x 30 x 3% / 365
		self.assertIn(("2101", 0, 2466, b.customer), got)  # 2,000,000 x 15 x 3% / 365
		fields = [
			"fiscal_year",
			"cost_center",
			"company",
			"posting_date",
			"account_currency",
			"voucher_type",
			"docstatus",
		]
		first = frappe.get_all("GL Entry", {"voucher_no": massal.name}, fields, limit=1)[0]
		for row in frappe.get_all("GL Entry", {"voucher_no": massal.name}, fields):
			self.assertEqual(
				{k: row[k] for k in fields if k != "cost_center"},
				{k: first[k] for k in fields if k != "cost_center"},
			)
		massal.flags.massal_di_atas = 1
		massal.cancel()
		self.assertEqual(frappe.db.count("GL Entry", {"voucher_no": massal.name, "is_cancelled": 0}), 0)
		self.assertEqual(len(lines(massal.name, cancelled=1)), 2 * len(got))
		akun = account_by_number(self.company, "2101")
		self.assertEqual(saldo.saldo(a.customer, akun, self.company), 1000000)

	def test_monthly_job_leaves_a_computed_draft_once(self):
		a = buat_anggota("Aktif")
		transaksi_simpanan(a, "Simpanan Sukarela", 1000000, posting_date=self.tanggal(7, 1))
		# one draft for this cooperative (a kept test site holds other tests' cooperatives too)
		made = [
			d
			for d in jasa.buat_draf_bulanan(self.periode(7))
			if frappe.db.get_value("Jasa Simpanan", d, "company") == self.company
		]
		self.assertEqual(len(made), 1)
		doc = frappe.get_doc("Jasa Simpanan", made[0])
		self.assertEqual((doc.docstatus, doc.periode), (0, self.periode(7)))
		self.assertEqual(self.rincian(doc, a)["jasa"], 2548)  # 31 days of 1,000,000 at 3%
		self.assertEqual(jasa.buat_draf_bulanan(self.periode(7)), [])  # once: a second run makes none
