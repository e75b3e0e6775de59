"""Bulk import of an existing member register through Frappe's Data Import.

The importer commits each good row and rolls back each bad one, so this test's data stays on the
(throwaway) test site. It checks row-level errors in Indonesian, that a bad row leaves no Customer,
Contact or User behind, and that the portal accounts follow in one job.
"""

import tempfile
from pathlib import Path

import frappe

from benchmarks.impor_anggota import HEADER_ANGGOTA, generate_members, run_data_import, write_csv
from koperasi_merah_putih.keanggotaan.pihak import anggota_tanpa_akun, buat_akun_portal
from tests.support.data import ensure_koperasi
from tests.support.kasus import KoperasiTestCase


class TestImporAnggota(KoperasiTestCase):
	bahasa = None

	def test_import_creates_members_with_parties_and_reports_bad_rows(self):
		company = ensure_koperasi()["company"]
		rows = generate_members(4, company)
		rows[1][1] = "9901011505900001"  # unknown province
		rows[2][13] = "021-555"  # not a mobile number
		bad_niks = {rows[1][1], rows[2][1]}
		counts = {dt: frappe.db.count(dt) for dt in ("Anggota", "Customer", "Contact", "User")}
		with tempfile.TemporaryDirectory() as tmp:
			result = run_data_import("Anggota", write_csv(HEADER_ANGGOTA, rows, Path(tmp), "register.csv"))
		self.assertEqual((result["status"], result["ok"], result["failed"]), ("Partial Success", 2, 2))

		imported = frappe.get_all(
			"Anggota",
			{"nik": ("in", [r[1] for r in rows])},
			["name", "nik", "status", "sumber_pendaftaran", "nomor_anggota", "customer", "contact", "user"],
		)
		self.assertEqual({a.nik for a in imported}, {rows[0][1], rows[3][1]})
		for a in imported:
			self.assertEqual((a.status, a.sumber_pendaftaran), ("Aktif", "Impor"))
			self.assertTrue(a.nomor_anggota and a.customer)
			self.assertIsNone(a.user)  # the portal account and contact come from the job below
			self.assertIsNone(a.contact)
		after = {dt: frappe.db.count(dt) for dt in ("Anggota", "Customer", "Contact", "User")}
		self.assertEqual(after["Anggota"] - counts["Anggota"], 2)
		self.assertEqual(after["Customer"] - counts["Customer"], 2)
		self.assertEqual(after["Contact"] - counts["Contact"], 0)  # contacts come with the accounts job
		self.assertFalse(frappe.db.exists("Anggota", {"nik": ("in", list(bad_niks))}))

		# row-level errors, in Indonesian, on the import log
		di = frappe.get_last_doc("Data Import", {"reference_doctype": "Anggota"})
		errors = frappe.get_all(
			"Data Import Log", {"data_import": di.name, "success": 0}, ["messages", "row_indexes"]
		)
		text = " ".join(e.messages or "" for e in errors)
		self.assertIn("bukan kode provinsi", text)
		self.assertIn("Nomor HP", text)
		self.assertEqual(sorted(frappe.parse_json(e.row_indexes)[0] for e in errors), [3, 4])

		# the portal accounts: made once, and a second run has nothing left to do
		pending = set(anggota_tanpa_akun())
		self.assertTrue({a.name for a in imported} <= pending)
		buat_akun_portal()
		for a in imported:
			user, contact = frappe.db.get_value("Anggota", a.name, ["user", "contact"])
			self.assertTrue(user)
			self.assertIn("Anggota", frappe.get_roles(user))
			self.assertEqual(frappe.db.get_value("Contact", contact, "user"), user)
		self.assertEqual(frappe.db.count("Contact") - counts["Contact"], 2)
		self.assertFalse({a.name for a in imported} & set(anggota_tanpa_akun()))
		self.assertEqual(buat_akun_portal(), 0)
