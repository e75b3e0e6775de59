"""One site, two cooperatives: staff restricted to one (a User Permission on Company) find and
report only on theirs, through the app's own searches and reports that query tables directly."""

import frappe

from koperasi_merah_putih.setup.provisioning import provision_koperasi
from tests.support.data import buat_anggota, ensure_koperasi, pengguna_terbatas
from tests.support.kasus import KoperasiTestCase

KASIR_SATU = "kasir.satu.koperasi@koperasi.test"


class TestIsolasiKoperasi(KoperasiTestCase):
	bahasa = "en"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.milik = ensure_koperasi()["company"]
		cls.lain = provision_koperasi("Kauman Uji", abbr="KMP-KMU")["company"]
		pengguna_terbatas(KASIR_SATU, "Kasir", cls.milik)

	def test_teller_search_finds_only_their_cooperatives_members(self):
		from koperasi_merah_putih.simpanan.kasir import cari_anggota

		sini = buat_anggota("Aktif", nama_lengkap="Ratna Isolasi Sini")
		sana = buat_anggota("Aktif", nama_lengkap="Ratna Isolasi Sana", company=self.lain)
		frappe.set_user(KASIR_SATU)
		found = {r.name for r in cari_anggota("Ratna Isolasi")}
		self.assertIn(sini.name, found)
		self.assertNotIn(sana.name, found)

	def test_reports_refuse_the_other_cooperative(self):
		from frappe.desk.query_report import run

		frappe.set_user(KASIR_SATU)
		for report in (
			"Rekap Simpanan",
			"Outstanding Pinjaman",
			"Tunggakan Pinjaman",
			"Kolektibilitas dan NPL",
		):
			with self.subTest(report=report):
				self.assertRaises(
					frappe.PermissionError,
					run,
					report,
					filters={"company": self.lain},
					ignore_prepared_report=True,
				)
				run(report, filters={"company": self.milik}, ignore_prepared_report=True)

	def test_reports_without_a_cooperative_cover_only_the_permitted_ones(self):
		from frappe.desk.query_report import run

		buat_anggota("Aktif", nama_lengkap="Daftar Isolasi Sana", company=self.lain)
		frappe.set_user(KASIR_SATU)
		hasil = run("Daftar Anggota", filters={}, ignore_prepared_report=True)
		nama = {r.get("nama_lengkap") for r in hasil["result"] if isinstance(r, dict)}
		self.assertNotIn("Daftar Isolasi Sana", nama)

	def test_statement_pdf_and_wajib_bills_stay_in_the_users_cooperative(self):
		from koperasi_merah_putih.simpanan import buku, tagihan

		sini = buat_anggota("Aktif", nama_lengkap="Budi Buku Sini")
		sana = buat_anggota("Aktif", nama_lengkap="Budi Buku Sana", company=self.lain)
		frappe.set_user(KASIR_SATU)
		self.assertTrue(buku.boleh_melihat(sini.name))
		self.assertFalse(buku.boleh_melihat(sana.name))
		self.assertRaises(frappe.PermissionError, buku.unduh_buku_simpanan, sana.name)
		# the bills button makes bills only in the cooperatives the user may read
		self.assertRaises(frappe.PermissionError, tagihan.buat_tagihan, None, self.lain)
		tagihan.buat_tagihan()
		frappe.set_user("Administrator")
		self.assertTrue(frappe.db.exists("Tagihan Simpanan Wajib", {"anggota": sini.name}))
		self.assertFalse(frappe.db.exists("Tagihan Simpanan Wajib", {"anggota": sana.name}))

	def test_a_teller_cannot_post_into_another_cooperative_by_naming_its_member(self):
		"""The cooperative of a money document comes from the member (or loan, or sharing) it
		names; the record's permission is checked again once it is filled in."""
		sini = buat_anggota("Aktif", nama_lengkap="Tari Setor Sini")
		sana = buat_anggota("Aktif", nama_lengkap="Tari Setor Sana", company=self.lain)
		frappe.set_user(KASIR_SATU)
		data = {
			"doctype": "Transaksi Simpanan",
			"jenis_simpanan": "Simpanan Sukarela",
			"jenis_transaksi": "Setoran",
			"jumlah": 25_000,
			"mode_of_payment": "Cash",
		}
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc({**data, "anggota": sana.name, "company": self.milik}).insert()
		sendiri = frappe.get_doc({**data, "anggota": sini.name}).insert()
		self.assertEqual(sendiri.company, self.milik)
