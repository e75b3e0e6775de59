"""The sample member register in fixtures/impor (the one the README and the guide show) imports
as it says: its good rows become members, its three bad rows fail with Indonesian messages (an
unknown province in the NIK, a landline instead of a mobile number, a NIK already registered), as
CSV and as the Excel file a secretary keeps the register in."""

from pathlib import Path

import frappe

from benchmarks.impor_anggota import run_data_import
from koperasi_merah_putih.setup.provisioning import provision_koperasi
from tests.support.kasus import KoperasiTestCase

CONTOH = Path(__file__).resolve().parents[2] / "fixtures" / "impor" / "anggota_contoh.csv"
CONTOH_XLSX = CONTOH.with_suffix(".xlsx")


class TestImporContoh(KoperasiTestCase):
	bahasa = None

	def test_the_sample_register_imports_as_documented(self):
		self.impor_contoh(CONTOH)

	def test_the_excel_register_imports_as_documented(self):
		self.impor_contoh(CONTOH_XLSX)

	def impor_contoh(self, berkas: Path):
		provision_koperasi("Podosugih")
		frappe.db.commit()
		niks = [line.split(",")[1] for line in CONTOH.read_text(encoding="utf-8").splitlines()[1:]]
		baik = set(niks[:5])
		sudah = set(frappe.get_all("Anggota", {"nik": ("in", list(baik))}, pluck="nik"))
		hasil = run_data_import("Anggota", berkas)
		# on a site that imported it before, the good rows are refused as already registered
		self.assertEqual((hasil["ok"], hasil["failed"]), (5 - len(sudah), 3 + len(sudah)))
		self.assertEqual(set(frappe.get_all("Anggota", {"nik": ("in", list(baik))}, pluck="nik")), baik)
		di = frappe.get_last_doc("Data Import", {"reference_doctype": "Anggota"})
		pesan = " ".join(
			e.messages or ""
			for e in frappe.get_all("Data Import Log", {"data_import": di.name, "success": 0}, ["messages"])
		)
		self.assertIn("bukan kode provinsi", pesan)
		self.assertIn("Nomor HP", pesan)
		self.assertIn("sudah terdaftar", pesan)
