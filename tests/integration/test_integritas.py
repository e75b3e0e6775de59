"""Ledger locks and party links the server owns: an Accounting Period closed through the desk's
own defaults refuses the app's money documents; a public application never takes over a staff
login."""

import frappe
from erpnext.accounts.doctype.accounting_period.accounting_period import ClosedAccountingPeriod
from frappe.utils import add_days, get_first_day, get_last_day, today

from tests.support.data import buat_anggota, ensure_user, transaksi_simpanan
from tests.support.kasus import KoperasiTestCase


class TestIntegritas(KoperasiTestCase):
	bahasa = None

	def test_app_posting_doctypes_are_offered_and_closed_by_an_accounting_period(self):
		anggota = buat_anggota("Aktif")
		bulan_lalu = str(add_days(get_first_day(today()), -1))
		period = frappe.new_doc("Accounting Period")
		period.update(
			{
				"period_name": f"Tutup {bulan_lalu[:7]} {frappe.generate_hash(length=4)}",
				"company": self.company,
				"start_date": get_first_day(bulan_lalu),
				"end_date": get_last_day(bulan_lalu),
			}
		)
		# what the desk's form fills in (accounting_period.js): every period-closing DocType, closed
		for row in period.get_doctypes_for_closing():
			period.append("closed_documents", row)
		ditutup = {r.get("document_type") for r in period.closed_documents if r.get("closed")}
		for doctype in frappe.get_hooks("period_closing_doctypes", app_name="koperasi_merah_putih"):
			self.assertIn(doctype, ditutup)
		period.insert()
		with self.assertRaises(ClosedAccountingPeriod):
			transaksi_simpanan(anggota, "Simpanan Sukarela", 50_000, posting_date=bulan_lalu)
		# the day after the period is open
		transaksi_simpanan(anggota, "Simpanan Sukarela", 50_000, posting_date=str(get_first_day(today())))

	def test_a_public_application_never_links_a_staff_login(self):
		kasir = ensure_user("kasir")
		roles = set(frappe.get_roles(kasir))
		anggota = buat_anggota("Pendaftaran", email=kasir, sumber_pendaftaran="Portal")
		anggota.verifikasi()
		anggota.setujui()
		anggota.reload()
		self.assertNotEqual(anggota.user, kasir)
		self.assertEqual(set(frappe.get_roles(kasir)), roles)

	def test_an_existing_portal_login_is_linked_only_once_the_applicant_confirms_the_email(self):
		from koperasi_merah_putih.keanggotaan import portal

		email = f"pemilik.{frappe.generate_hash(length=6)}@contoh.test"
		frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": "Pemilik Akun",
				"user_type": "Website User",
				"send_welcome_email": 0,
			}
		).insert(ignore_permissions=True)
		anggota = buat_anggota("Pendaftaran", email=email, sumber_pendaftaran="Portal")
		anggota.verifikasi()
		anggota.setujui()
		anggota.reload()
		self.assertFalse(anggota.user)  # not linked: the address was not confirmed
		kode = frappe.generate_hash(length=32)
		frappe.db.set_value("Anggota", anggota.name, "kode_konfirmasi_email", portal._hash(kode))
		with self.assertRaises(frappe.ValidationError):
			portal.tandai_email_terkonfirmasi("x" * 32)
		portal.tandai_email_terkonfirmasi(kode)
		anggota.reload()
		self.assertTrue(anggota.email_terkonfirmasi)
		anggota.aktifkan()
		anggota.reload()
		self.assertEqual(anggota.user, email)

	def test_a_members_photo_loses_its_exif_metadata_on_upload(self):
		import io

		from PIL import Image

		from koperasi_merah_putih.keanggotaan.portal import simpan_foto_ktp

		exif = Image.Exif()
		exif[0x010F] = "Kamera Pelacak"  # Make
		exif[0x0132] = "2026:01:02 03:04:05"  # DateTime
		buf = io.BytesIO()
		Image.new("RGB", (8, 8), "red").save(buf, "JPEG", exif=exif.tobytes())
		self.assertIn(b"Kamera Pelacak", buf.getvalue())
		anggota = buat_anggota("Pendaftaran")
		url = simpan_foto_ktp(anggota, buf.getvalue(), "jpg")
		self.assertTrue(url.startswith("/private/files/ktp-"))
		name = frappe.db.get_value("File", {"file_url": url, "attached_to_name": anggota.name})
		tersimpan = frappe.get_doc("File", name).get_content()
		self.assertNotIn(b"Kamera Pelacak", tersimpan)
		self.assertFalse(dict(Image.open(io.BytesIO(tersimpan)).getexif()))

	def test_a_job_run_for_a_kasir_cannot_decide_an_application(self):
		"""Frappe's bulk update queues 20 or more records as a job run for the user: the same
		guard holds there (no HTTP request in a worker)."""
		from tests.support.data import anggota_peminjam, ensure_user, pengajuan_pinjaman

		pengajuan = pengajuan_pinjaman(anggota_peminjam(), jumlah=1_000_000, tenor=3)
		frappe.set_user(ensure_user("kasir"))
		try:
			doc = frappe.get_doc("Pengajuan Pinjaman", pengajuan.name)
			doc.update({"status": "Disetujui", "diputuskan_oleh": "Administrator"})
			with self.assertRaises(frappe.PermissionError):
				doc.save()
		finally:
			frappe.set_user("Administrator")
		self.assertEqual(frappe.db.get_value("Pengajuan Pinjaman", pengajuan.name, "status"), "Diajukan")
