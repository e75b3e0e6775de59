"""Savings deposits and withdrawals against the real ledger: GL lines, balances, cancel, amend,
and the rules that protect the money (locked products, balance, inactive member, closed period)."""

import frappe
from frappe.utils import add_days, today

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.simpanan import saldo
from tests.support.data import baris_gl, buat_anggota, transaksi_simpanan
from tests.support.kasus import KoperasiTestCase


def gl(voucher: str, cancelled: int = 0) -> list[tuple]:
	return baris_gl("Transaksi Simpanan", voucher, cancelled)


class TestTransaksiSimpanan(KoperasiTestCase):
	def setUp(self):
		super().setUp()
		self.anggota = buat_anggota("Aktif")
		self.akun_sukarela = account_by_number(self.company, "2101")

	def balance(self, number="2101"):
		return saldo.saldo(self.anggota.customer, account_by_number(self.company, number), self.company)

	def test_deposit_posts_cash_against_the_members_savings(self):
		doc = transaksi_simpanan(self.anggota, "Simpanan Sukarela", 123000)
		self.assertEqual(
			gl(doc.name),
			[("1101", 123000, 0, ""), ("2101", 0, 123000, self.anggota.customer)],
		)
		self.assertEqual((doc.saldo_sebelum, doc.saldo_sesudah), (0, 123000))
		self.assertEqual(doc.terbilang, "seratus dua puluh tiga ribu rupiah")
		self.assertEqual(self.balance(), 123000)

	def test_bank_transfer_posts_to_the_bank_account(self):
		doc = transaksi_simpanan(self.anggota, "Simpanan Wajib", 20000, mode_of_payment="Transfer Bank")
		self.assertEqual(
			gl(doc.name),
			[("1111", 20000, 0, ""), ("3102", 0, 20000, self.anggota.customer)],
		)

	def test_withdrawal_reverses_the_lines_and_never_overdraws(self):
		transaksi_simpanan(self.anggota, "Simpanan Sukarela", 150000)
		doc = transaksi_simpanan(self.anggota, "Simpanan Sukarela", 50000, "Penarikan")
		self.assertEqual(
			gl(doc.name),
			[("1101", 0, 50000, ""), ("2101", 50000, 0, self.anggota.customer)],
		)
		self.assertEqual(self.balance(), 100000)
		before = frappe.db.count("GL Entry")
		with self.assertRaises(frappe.ValidationError) as ctx:
			transaksi_simpanan(self.anggota, "Simpanan Sukarela", 100001, "Penarikan")
		self.assertIn("tidak dapat dilakukan", str(ctx.exception))
		self.assertEqual(frappe.db.count("GL Entry"), before)
		self.assertEqual(self.balance(), 100000)

	def test_pokok_and_wajib_are_locked_while_a_member(self):
		transaksi_simpanan(self.anggota, "Simpanan Wajib", 20000)
		with self.assertRaises(frappe.ValidationError) as ctx:
			transaksi_simpanan(self.anggota, "Simpanan Wajib", 10000, "Penarikan")
		self.assertIn("tidak dapat ditarik selama", str(ctx.exception))

	def test_simpanan_pokok_is_paid_once_at_its_amount(self):
		pokok = frappe.db.get_value("Jenis Simpanan", "Simpanan Pokok", "jumlah_tetap")
		transaksi_simpanan(self.anggota, "Simpanan Pokok", pokok)
		with self.assertRaises(frappe.ValidationError):
			transaksi_simpanan(self.anggota, "Simpanan Pokok", 1000)

	def test_cancel_reverses_exactly_and_amend_works(self):
		doc = transaksi_simpanan(self.anggota, "Simpanan Sukarela", 75000)
		doc.cancel()
		self.assertEqual(self.balance(), 0)
		self.assertEqual(gl(doc.name), [])
		self.assertEqual(len(gl(doc.name, cancelled=1)), 4)  # the two lines and their reversal
		amended = frappe.copy_doc(doc)
		amended.amended_from = doc.name
		amended.jumlah = 80000
		amended.insert().submit()
		self.assertEqual(amended.name, f"{doc.name}-1")
		self.assertEqual(self.balance(), 80000)

	def test_bad_input_is_refused_and_posts_nothing(self):
		before = frappe.db.count("GL Entry")
		for jumlah in (0, -5000, 1000.5):
			with self.assertRaises(frappe.ValidationError):
				transaksi_simpanan(self.anggota, "Simpanan Sukarela", jumlah)
		pending = buat_anggota()
		with self.assertRaises(frappe.ValidationError) as ctx:
			transaksi_simpanan(pending, "Simpanan Sukarela", 10000)
		self.assertIn("tidak boleh ada transaksi baru", str(ctx.exception))
		with self.assertRaises(frappe.ValidationError):
			transaksi_simpanan(self.anggota, "Simpanan Sukarela", 10000, currency="USD")
		self.assertEqual(frappe.db.count("GL Entry"), before)

	def test_exited_member_cannot_deposit(self):
		self.anggota.keluar("Pindah domisili")
		with self.assertRaises(frappe.ValidationError):
			transaksi_simpanan(self.anggota, "Simpanan Sukarela", 10000)

	def test_no_posting_into_a_closed_accounting_period(self):
		start = add_days(today(), -40)
		period = frappe.get_doc(
			{
				"doctype": "Accounting Period",
				"period_name": f"Tutup Buku Uji {frappe.generate_hash(length=5)}",
				"company": self.company,
				"start_date": start,
				"end_date": add_days(start, 5),
				"closed_documents": [{"document_type": "Transaksi Simpanan", "closed": 1}],
			}
		).insert()
		with self.assertRaises(frappe.ValidationError):
			transaksi_simpanan(self.anggota, "Simpanan Sukarela", 10000, posting_date=add_days(start, 2))
		self.assertEqual(self.balance(), 0)
		period.delete()

	def test_berjangka_goes_through_its_own_document(self):
		with self.assertRaises(frappe.ValidationError) as ctx:
			transaksi_simpanan(self.anggota, "Simpanan Berjangka", 1000000)
		self.assertIn("Simpanan Berjangka", str(ctx.exception))
		self.assertEqual(self.balance("2102"), 0)

	def test_balances_per_product_come_from_the_ledger(self):
		transaksi_simpanan(self.anggota, "Simpanan Sukarela", 60000)
		transaksi_simpanan(self.anggota, "Simpanan Wajib", 20000)
		rows = {r["jenis_simpanan"]: r["saldo"] for r in saldo.saldo_per_jenis(self.anggota.name)}
		self.assertEqual(rows["Simpanan Sukarela"], 60000)
		self.assertEqual(rows["Simpanan Wajib"], 20000)
		self.assertEqual(rows["Simpanan Pokok"], 0)


class TestBuktiTransaksi(KoperasiTestCase):
	bahasa = None

	def test_receipt_has_the_amount_in_indonesian_words_and_renders_to_pdf(self):
		anggota = buat_anggota("Aktif")
		doc = transaksi_simpanan(anggota, "Simpanan Sukarela", 123000)
		html = frappe.get_print("Transaksi Simpanan", doc.name, "Bukti Transaksi Simpanan", no_letterhead=1)
		for text in (
			"Bukti Setoran Simpanan",
			"Seratus dua puluh tiga ribu rupiah",
			anggota.nama_lengkap,
			doc.name,
		):
			self.assertIn(text, html)
		pdf = frappe.get_print(
			"Transaksi Simpanan", doc.name, "Bukti Transaksi Simpanan", as_pdf=True, no_letterhead=1
		)
		self.assertTrue(pdf.startswith(b"%PDF"))
