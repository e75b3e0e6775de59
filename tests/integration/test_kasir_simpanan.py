"""The teller screen's server side: search by name, NIK and number; the member's summary; posting
as the logged-in user, so the roles' rights decide (a supervisor may look, not post; a member
may do neither)."""

import frappe

from koperasi_merah_putih.simpanan import kasir
from tests.support.data import buat_anggota, ensure_user
from tests.support.kasus import KoperasiTestCase


class TestKasirSimpanan(KoperasiTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.kasir, cls.pengawas, cls.anggota_user = (ensure_user(k) for k in ("kasir", "pengawas", "anggota"))

	def setUp(self):
		super().setUp()
		self.anggota = buat_anggota("Aktif", nama_lengkap="Ratna Kasirwati Uji")

	def test_search_by_name_nik_and_number(self):
		frappe.set_user(self.kasir)
		for teks in ("Kasirwati", self.anggota.nik[:10], self.anggota.nomor_anggota):
			hasil = kasir.cari_anggota(teks)
			self.assertIn(self.anggota.name, [r.name for r in hasil], teks)
		r = next(r for r in kasir.cari_anggota("Kasirwati") if r.name == self.anggota.name)
		self.assertNotIn(self.anggota.nik, str(r))  # masked
		self.assertTrue(r.boleh)
		self.assertEqual(kasir.cari_anggota("R"), [])

	def test_teller_posts_a_deposit_and_sees_the_summary(self):
		frappe.set_user(self.kasir)
		hasil = kasir.transaksi(self.anggota.name, "Simpanan Sukarela", "123000")
		doc = frappe.get_doc("Transaksi Simpanan", hasil["name"])
		self.assertEqual((doc.docstatus, doc.owner, hasil["saldo_sesudah"]), (1, self.kasir, 123000))
		self.assertEqual(hasil["terbilang"], "seratus dua puluh tiga ribu rupiah")
		ringkas = kasir.ringkasan(self.anggota.name)
		saldo = {s["kategori"]: s["saldo"] for s in ringkas["saldo"]}
		self.assertEqual(saldo["Sukarela"], 123000)
		self.assertEqual(ringkas["terakhir"][0]["name"], doc.name)
		with self.assertRaisesRegex(frappe.ValidationError, "lebih dari nol"):
			kasir.transaksi(self.anggota.name, "Simpanan Sukarela", "0")

	def test_supervisor_may_look_but_not_post_and_members_get_nothing(self):
		frappe.set_user(self.pengawas)
		self.assertTrue(kasir.cari_anggota("Kasirwati"))
		with self.assertRaises(frappe.PermissionError):
			kasir.transaksi(self.anggota.name, "Simpanan Sukarela", "10000")
		frappe.set_user(self.anggota_user)
		for call in (
			lambda: kasir.cari_anggota("Kasirwati"),
			lambda: kasir.ringkasan(self.anggota.name),
			lambda: kasir.transaksi(self.anggota.name, "Simpanan Sukarela", "10000"),
		):
			with self.assertRaises(frappe.PermissionError):
				call()

	def test_teller_takes_a_loan_repayment(self):
		from tests.support.data import pinjaman_cair

		pinjaman = pinjaman_cair(
			jumlah=1_200_000, tenor=3, posting_date=frappe.utils.add_months(frappe.utils.today(), -1)
		)
		frappe.set_user(self.kasir)
		ringkasan = kasir.ringkasan(pinjaman.anggota)
		baris = next(p for p in ringkasan["pinjaman"] if p.name == pinjaman.name)
		self.assertEqual(baris.angsuran_berikutnya, 418_000)  # 400,000 + 1.5% of 1,200,000
		hasil = kasir.bayar_angsuran(pinjaman.name, baris.angsuran_berikutnya)
		self.assertEqual(
			(hasil["pokok"], hasil["jasa"], hasil["sisa_pokok_sesudah"]), (400_000, 18_000, 800_000)
		)
		self.assertEqual(frappe.db.get_value("Angsuran Pinjaman", hasil["name"], "owner"), self.kasir)
		# the supervisor looks, and cannot post
		frappe.set_user(self.pengawas)
		self.assertTrue(kasir.ringkasan(pinjaman.anggota)["pinjaman"])
		self.assertRaises(frappe.PermissionError, kasir.bayar_angsuran, pinjaman.name, 1000)
