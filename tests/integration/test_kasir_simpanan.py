"""The teller screen's server side: search by name, NIK and number; the member's summary; posting
as the logged-in user, so the roles' rights decide (a supervisor may look, not post; a member
may do neither)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from koperasi_merah_putih.simpanan import kasir
from tests.support.data import buat_anggota, ensure_koperasi, ensure_user


class TestKasirSimpanan(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		ensure_koperasi()
		cls.kasir, cls.pengawas, cls.anggota_user = (ensure_user(k) for k in ("kasir", "pengawas", "anggota"))

	def setUp(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "id"
		self.anggota = buat_anggota("Aktif", nama_lengkap="Ratna Kasirwati Uji")

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"

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
