"""The member register's outputs: the report, the number cards, the print formats, the public form."""

from datetime import date

import frappe
from frappe.desk.doctype.number_card.number_card import get_result
from frappe.utils import add_years, getdate, today

from koperasi_merah_putih.jinja import qr_code
from koperasi_merah_putih.keanggotaan import portal
from koperasi_merah_putih.keanggotaan.report.daftar_anggota import daftar_anggota
from tests.support.data import PNG_1PX, buat_anggota, data_anggota, ensure_user
from tests.support.kasus import KoperasiTestCase


class TestDaftarAnggota(KoperasiTestCase):
	bahasa = None

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.kelurahan = f"Kel Uji {frappe.generate_hash(length=6)}"
		k = {"kelurahan": cls.kelurahan}
		cls.muda = buat_anggota("Aktif", tanggal_lahir=getdate(add_years(today(), -20)), **k)
		cls.ibu = buat_anggota("Aktif", tanggal_lahir=date(1980, 3, 1), jenis_kelamin="Perempuan", **k)
		cls.baru = buat_anggota("Pendaftaran", tanggal_lahir=date(1970, 7, 7), **k)

	def names(self, **filters) -> list[str]:
		_cols, rows, _msg, _chart = daftar_anggota.execute({"kelurahan": self.kelurahan, **filters})
		return [r["name"] for r in rows]

	def test_filters_by_status_gender_age_band_and_month_joined(self):
		self.assertEqual(set(self.names()), {self.muda.name, self.ibu.name, self.baru.name})
		self.assertEqual(set(self.names(status="Aktif")), {self.muda.name, self.ibu.name})
		self.assertEqual(self.names(jenis_kelamin="Perempuan"), [self.ibu.name])
		self.assertEqual(self.names(kelompok_umur="< 25"), [self.muda.name])
		self.assertEqual(self.names(kelompok_umur="45-54", pada="2026-11-28"), [self.ibu.name])
		now = getdate(today())
		self.assertEqual(
			set(self.names(tahun_bergabung=now.year, bulan_bergabung=now.month)),
			{self.muda.name, self.ibu.name},
		)
		self.assertEqual(self.names(tahun_bergabung=now.year - 1), [])

	def test_rows_carry_age_band_and_chart_counts_them(self):
		_cols, rows, _msg, chart = daftar_anggota.execute({"kelurahan": self.kelurahan})
		ibu = next(r for r in rows if r["name"] == self.ibu.name)
		self.assertEqual(ibu["nomor_anggota"], self.ibu.nomor_anggota)
		self.assertEqual(ibu["umur"], daftar_anggota.aturan.umur(date(1980, 3, 1), getdate(today())))
		total = sum(sum(ds["values"]) for ds in chart["data"]["datasets"])
		self.assertEqual(total, 3)

	def test_the_report_is_for_staff_only(self):
		frappe.set_user(ensure_user("anggota"))
		try:
			with self.assertRaises(frappe.PermissionError):
				daftar_anggota.execute({})
		finally:
			frappe.set_user("Administrator")

	def test_number_cards_count_members(self):
		def card(name):
			doc = frappe.get_doc("Number Card", name)
			return get_result(doc.as_dict(), doc.filters_json)

		before = {n: card(n) for n in ("Anggota Aktif", "Pendaftaran Menunggu", "Anggota Baru Bulan Ini")}
		buat_anggota("Aktif")
		buat_anggota("Diverifikasi")
		after = {n: card(n) for n in before}
		self.assertEqual(after["Anggota Aktif"] - before["Anggota Aktif"], 1)
		self.assertEqual(after["Pendaftaran Menunggu"] - before["Pendaftaran Menunggu"], 1)
		self.assertEqual(after["Anggota Baru Bulan Ini"] - before["Anggota Baru Bulan Ini"], 1)


class TestCetak(KoperasiTestCase):
	bahasa = None

	def test_member_card_has_the_number_as_qr_and_renders_to_pdf(self):
		doc = buat_anggota("Aktif")
		html = frappe.get_print("Anggota", doc.name, "Kartu Anggota", no_letterhead=1)
		self.assertIn(doc.nomor_anggota, html)
		self.assertIn(doc.nama_lengkap, html)
		self.assertIn(qr_code(doc.nomor_anggota), html)
		self.assertNotIn(doc.nik, html)  # the card does not expose the NIK
		pdf = frappe.get_print("Anggota", doc.name, "Kartu Anggota", as_pdf=True, no_letterhead=1)
		self.assertTrue(pdf.startswith(b"%PDF"))
		self.assertGreater(len(pdf), 2000)

	def test_application_form_in_indonesian_to_pdf(self):
		doc = buat_anggota()
		html = frappe.get_print("Anggota", doc.name, "Formulir Pendaftaran", no_letterhead=1)
		for text in (
			"Formulir Pendaftaran Anggota",
			doc.nik,
			doc.no_kk,
			doc.nama_lengkap,
			"Pemohon",
			"15 Mei 1990",
		):
			self.assertIn(text, html)
		pdf = frappe.get_print("Anggota", doc.name, "Formulir Pendaftaran", as_pdf=True, no_letterhead=1)
		self.assertTrue(pdf.startswith(b"%PDF"))


class TestPendaftaranPortal(KoperasiTestCase):
	bahasa = None

	def test_public_application_keeps_only_applicant_fields_and_a_private_ktp(self):
		frappe.set_user("Guest")
		try:
			values = data_anggota()
			values.update(
				{
					"status": "Aktif",
					"nomor_anggota": "CURANG-1",
					"customer": "x",
					"tanggal_lahir": "1990-05-15",
				}
			)
			result = portal.daftar(**values)
		finally:
			frappe.set_user("Administrator")
		doc = frappe.get_doc("Anggota", result["nomor_pendaftaran"])
		self.assertEqual(
			(doc.status, doc.nomor_anggota, doc.customer, doc.sumber_pendaftaran),
			("Pendaftaran", None, None, "Portal"),
		)
		self.assertEqual(doc.nik, values["nik"])

		file_url = portal.simpan_foto_ktp(doc, PNG_1PX, "png")
		self.assertTrue(file_url.startswith("/private/files/"))
		self.assertEqual(frappe.db.get_value("Anggota", doc.name, "foto_ktp"), file_url)

	def test_a_ktp_uploaded_in_the_desk_is_made_private(self):
		doc = buat_anggota()
		file = frappe.get_doc(
			{
				"doctype": "File",
				"file_name": "ktp-desk.png",
				"is_private": 0,
				"content": PNG_1PX,
				"attached_to_doctype": "Anggota",
				"attached_to_name": doc.name,
				"attached_to_field": "foto_ktp",
			}
		).insert()
		self.assertTrue(file.file_url.startswith("/files/"))
		doc.foto_ktp = file.file_url
		doc.save()
		self.assertTrue(doc.foto_ktp.startswith("/private/files/"))
		self.assertEqual(frappe.db.get_value("File", file.name, "is_private"), 1)
