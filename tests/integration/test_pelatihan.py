"""Trainings against the real site: registration with quota and waiting list (promotion on
cancel), the refusals, public sign-up for outreach, attendance by member number, completion and
certificate numbers, the public check, paid trainings invoiced in ERPNext, feedback."""

import random

import frappe
from frappe.utils import add_days, add_to_date, now_datetime, today

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.pelatihan import layanan, portal
from tests.support.data import (
	akun_email_keluar,
	anggota_dengan_login,
	baris_gl,
	buat_anggota,
	buat_pelatihan,
)
from tests.support.kasus import KoperasiTestCase


def status(name):
	return frappe.db.get_value("Pendaftaran Pelatihan", name, "status")


class TestPelatihan(KoperasiTestCase):
	def test_quota_waiting_list_and_promotion_on_cancel(self):
		plt = buat_pelatihan(self.company, kuota=2)
		a, b, c = (buat_anggota("Aktif") for _ in range(3))
		ra, rb, rc = (layanan.daftar(plt.name, anggota=x.name) for x in (a, b, c))
		self.assertEqual([ra.status, rb.status, rc.status], ["Terdaftar", "Terdaftar", "Daftar Tunggu"])
		with self.assertRaisesRegex(frappe.ValidationError, "Sudah terdaftar"):
			layanan.daftar(plt.name, anggota=a.name)
		layanan.batalkan(ra.name)
		self.assertEqual((status(ra.name), status(rc.name)), ("Dibatalkan", "Terdaftar"))
		plt.reload()
		self.assertEqual((plt.jumlah_terdaftar, plt.jumlah_tunggu), (2, 0))
		# the one who cancelled may register again, and waits now
		self.assertEqual(layanan.daftar(plt.name, anggota=a.name).status, "Daftar Tunggu")
		# a larger quota moves the waiting list up
		plt.reload()
		plt.kuota = 3
		plt.save()
		self.assertEqual(frappe.db.get_value("Pelatihan", plt.name, "jumlah_tunggu"), 0)

	def test_refusals(self):
		a = buat_anggota("Aktif")
		lewat = buat_pelatihan(self.company, batas_pendaftaran=add_to_date(now_datetime(), hours=-1))
		with self.assertRaisesRegex(frappe.ValidationError, "Batas pendaftaran"):
			layanan.daftar(lewat.name, anggota=a.name)
		pengurus_saja = buat_pelatihan(self.company, peserta="Pengurus", topik="Manajemen Koperasi")
		with self.assertRaisesRegex(frappe.ValidationError, "hanya untuk Pengurus"):
			layanan.daftar(pengurus_saja.name, anggota=a.name)
		tutup = buat_pelatihan(self.company, status="Ditutup")
		with self.assertRaisesRegex(frappe.ValidationError, "ditutup"):
			layanan.daftar(tutup.name, anggota=a.name)
		anggota_saja = buat_pelatihan(self.company)
		with self.assertRaisesRegex(frappe.ValidationError, "hanya untuk Anggota"):
			layanan.daftar(anggota_saja.name, nama="Warga", nomor_hp="081234567890")
		with self.assertRaisesRegex(frappe.ValidationError, "sesi"):
			frappe.get_doc(
				{
					"doctype": "Pelatihan",
					"judul": "Tanpa sesi",
					"topik": "Digital",
					"company": self.company,
					"peserta": "Umum",
				}
			).insert()

	def test_public_sign_up_for_outreach(self):
		plt = buat_pelatihan(self.company, peserta="Umum", topik="Sosialisasi", kuota=0)
		nomor = f"0813{random.randint(10000000, 99999999)}"
		r = layanan.daftar(
			plt.name, sumber="Umum", nama="Warga Sosialisasi", nomor_hp=nomor, kelurahan="Sukamaju"
		)
		self.assertEqual((r.status, r.nomor_hp, r.anggota), ("Terdaftar", "+62" + nomor[1:], None))
		with self.assertRaisesRegex(frappe.ValidationError, "Sudah terdaftar"):
			layanan.daftar(plt.name, sumber="Umum", nama="Lagi", nomor_hp="+62" + nomor[1:])
		with self.assertRaisesRegex(frappe.ValidationError, "Nomor HP"):
			layanan.daftar(plt.name, sumber="Umum", nama="Salah", nomor_hp="021-555")

	def test_attendance_completion_and_certificate(self):
		plt = buat_pelatihan(self.company, kuota=2, minimal_kehadiran=50)
		a, b, c = (buat_anggota("Aktif") for _ in range(3))
		ra, rb, rc = (layanan.daftar(plt.name, anggota=x.name) for x in (a, b, c))
		sesi = [s.name for s in plt.sesi]
		# a scanned member card carries the member number
		hasil = layanan.hadir(plt.name, sesi[0], a.nomor_anggota, "Pindai")
		self.assertEqual((hasil["pendaftaran"], hasil["sudah"], hasil["jumlah_hadir"]), (ra.name, False, 1))
		self.assertTrue(layanan.hadir(plt.name, sesi[0], ra.name)["sudah"])  # twice: noted once
		with self.assertRaisesRegex(frappe.ValidationError, "tidak terdaftar"):
			layanan.hadir(plt.name, sesi[0], c.nomor_anggota)  # on the waiting list
		self.assertEqual(rc.status, "Daftar Tunggu")
		hasil = layanan.tetapkan_kelulusan(plt.name)
		self.assertEqual(hasil["lulus"], 1)
		ra.reload()
		rb.reload()
		self.assertTrue(ra.lulus and ra.nomor_sertifikat.startswith(f"SRT-{today()[:4]}-"))
		self.assertFalse(rb.lulus or rb.nomor_sertifikat)
		self.assertEqual(str(ra.tanggal_lulus), str(plt.sesi[-1].tanggal))
		self.assertEqual(frappe.db.get_value("Pelatihan", plt.name, "status"), "Selesai")
		# numbers are unique and run on
		plt2 = buat_pelatihan(self.company)
		r2 = layanan.daftar(plt2.name, anggota=b.name)
		layanan.hadir(plt2.name, plt2.sesi[0].name, b.nomor_anggota)
		layanan.tetapkan_kelulusan(plt2.name)
		n1, n2 = (
			ra.nomor_sertifikat,
			frappe.db.get_value("Pendaftaran Pelatihan", r2.name, "nomor_sertifikat"),
		)
		self.assertEqual(int(n2.rsplit("-", 1)[1]), int(n1.rsplit("-", 1)[1]) + 1)
		# the certificate: only for who completed
		with self.assertRaisesRegex(frappe.ValidationError, "belum menyelesaikan"):
			portal.unduh_sertifikat(rb.name)
		portal.unduh_sertifikat(ra.name)
		self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		# the public check shows the name, the training and the date, nothing more
		self.assertIsNone(portal.verifikasi(ra.nomor_sertifikat))  # serial numbers verify nothing
		v = portal.verifikasi(ra.kode_verifikasi)
		self.assertEqual(set(v), {"nama", "judul_pelatihan", "tanggal_lulus", "nomor_sertifikat"})
		self.assertEqual(v.nama, a.nama_lengkap)
		self.assertIsNone(portal.verifikasi("SRT-1999-00001"))

	def test_paid_training_invoices_the_member_who_gets_a_seat(self):
		plt = buat_pelatihan(self.company, kuota=1, biaya=75000, topik="Kewirausahaan")
		a, b = buat_anggota("Aktif"), buat_anggota("Aktif")
		ra, rb = layanan.daftar(plt.name, anggota=a.name), layanan.daftar(plt.name, anggota=b.name)
		si = frappe.get_doc("Sales Invoice", ra.sales_invoice)
		self.assertEqual((si.docstatus, si.customer, si.grand_total), (1, a.customer, 75000))
		self.assertEqual(si.items[0].income_account, account_by_number(self.company, "4202"))
		# the ledger: the member owes the fee, the cooperative earns it
		receivable = si.debit_to.split(" - ")[0]
		self.assertEqual(
			baris_gl("Sales Invoice", si.name),
			sorted([(receivable, 75000.0, 0.0, a.customer), ("4202", 0.0, 75000.0, "")]),
		)
		self.assertFalse(rb.sales_invoice)  # waiting: not billed
		layanan.batalkan(ra.name)
		self.assertEqual(frappe.db.get_value("Sales Invoice", si.name, "docstatus"), 2)  # unpaid: cancelled
		self.assertEqual(baris_gl("Sales Invoice", si.name), [])  # reversed
		rb.reload()
		self.assertEqual(rb.status, "Terdaftar")
		self.assertEqual(frappe.db.get_value("Sales Invoice", rb.sales_invoice, "customer"), b.customer)

	def test_a_member_joins_only_their_own_cooperatives_trainings(self):
		from koperasi_merah_putih.setup.provisioning import provision_koperasi

		lain = provision_koperasi("Kauman Uji", abbr="KMP-KMU")["company"]
		plt = buat_pelatihan(lain, judul="Pelatihan Koperasi Lain Uji")
		a = buat_anggota("Aktif")
		with self.assertRaisesRegex(frappe.ValidationError, "koperasi lain"):
			layanan.daftar(plt.name, anggota=a.name)

	def test_feedback_from_the_participant_only_once(self):
		member = anggota_dengan_login()
		plt = buat_pelatihan(self.company, sesi=[today()])
		r = layanan.daftar(plt.name, anggota=member.name)
		layanan.hadir(plt.name, plt.sesi[0].name, r.name)
		layanan.tetapkan_kelulusan(plt.name)
		frappe.set_user(member.user)
		self.assertEqual(portal.umpan_balik(r.name, 5, 4, 5, "Sangat bermanfaat"), {"ok": True})
		with self.assertRaisesRegex(frappe.ValidationError, "sudah"):
			portal.umpan_balik(r.name, 5, 5, 5)
		frappe.set_user("Administrator")
		other = buat_anggota("Aktif")
		r2 = layanan.daftar(buat_pelatihan(self.company).name, anggota=other.name)
		frappe.set_user(member.user)
		with self.assertRaises(frappe.PermissionError):
			portal.umpan_balik(r2.name, 1, 1, 1)
		frappe.set_user("Administrator")
		fb = frappe.get_all(
			"Umpan Balik Pelatihan",
			filters={"pendaftaran": r.name},
			fields=["nilai_keseluruhan", "nilai_materi"],
		)
		self.assertEqual(fb, [{"nilai_keseluruhan": 1.0, "nilai_materi": 0.8}])

	def test_reports_participation_and_board_training(self):
		from koperasi_merah_putih.pelatihan.report.partisipasi_pelatihan import (
			partisipasi_pelatihan as partisipasi,
		)
		from koperasi_merah_putih.pelatihan.report.pelatihan_pengurus import pelatihan_pengurus

		plt = buat_pelatihan(
			self.company, topik="Manajemen Koperasi", sesi=[today()], judul="Manajemen Koperasi Dasar"
		)
		pengurus, lain = buat_anggota("Aktif", jenis_kelamin="Perempuan"), buat_anggota("Aktif")
		frappe.get_doc(
			{
				"doctype": "Masa Jabatan",
				"anggota": pengurus.name,
				"organ": "Pengurus",
				"jabatan": "Anggota Pengurus",
				"tanggal_mulai": add_days(today(), -30),
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "Masa Jabatan",
				"anggota": lain.name,
				"organ": "Pengawas",
				"jabatan": "Anggota Pengawas",
				"tanggal_mulai": add_days(today(), -30),
			}
		).insert()
		r1 = layanan.daftar(plt.name, anggota=pengurus.name)
		r2 = layanan.daftar(plt.name, anggota=lain.name)
		layanan.hadir(plt.name, plt.sesi[0].name, r1.name)
		layanan.tetapkan_kelulusan(plt.name)
		_cols, rows = pelatihan_pengurus.execute({"company": self.company})
		by = {r["anggota"]: r for r in rows}
		self.assertEqual((by[pengurus.name]["sudah"], by[pengurus.name]["pelatihan"]), (1, plt.name))
		self.assertEqual(by[lain.name]["sudah"], 0)
		self.assertFalse(frappe.db.get_value("Pendaftaran Pelatihan", r2.name, "lulus"))  # did not attend
		# participation by topic counts this training's two participants, one completed
		_cols, rows, _msg, chart = partisipasi.execute({"company": self.company, "kelompok": "Topik"})
		mk = next(r for r in rows if r["kelompok"] == "Manajemen Koperasi")
		self.assertGreaterEqual(mk["peserta"], 2)
		self.assertGreaterEqual(mk["lulus"], 1)
		self.assertAlmostEqual(mk["tingkat_kelulusan"], 100.0 * mk["lulus"] / mk["peserta"])
		self.assertIn("Manajemen Koperasi", chart["data"]["labels"])
		for kelompok in ("Kelurahan", "Jenis Kelamin", "Bulan"):
			_cols, rows, _msg, _chart = partisipasi.execute({"company": self.company, "kelompok": kelompok})
			self.assertTrue(rows, kelompok)
		_cols, rows, _msg, _chart = partisipasi.execute({"company": self.company, "kelompok": "Bulan"})
		self.assertIn(today()[:7], [r["kelompok"] for r in rows])
		# a member's trainings are on their record
		links = {link.link_doctype for link in frappe.get_meta("Anggota").links}
		self.assertIn("Pendaftaran Pelatihan", links)

	def test_reminders_the_day_before(self):
		from koperasi_merah_putih.pelatihan import pengingat

		a = buat_anggota("Aktif", email=None)  # no portal welcome email to send
		with akun_email_keluar():
			plt = buat_pelatihan(self.company, sesi=[add_days(today(), 1)], judul="Pemasaran Digital UMKM")
			frappe.db.set_value("Anggota", a.name, "email", f"peserta.{a.name.lower()}@contoh.id")
			r = layanan.daftar(plt.name, anggota=a.name)
			self.assertGreaterEqual(pengingat.kirim_pengingat_besok(), 1)
			sent = frappe.get_all(
				"Email Queue",
				filters={"reference_doctype": "Pendaftaran Pelatihan", "reference_name": r.name},
				fields=["message"],
			)
			self.assertEqual(len(sent), 1)
			self.assertIn("Pemasaran Digital UMKM", sent[0].message)
			links = pengingat.tautan_whatsapp(plt.name)
			self.assertEqual(len(links), 1)
			self.assertTrue(links[0]["tautan"].startswith("https://wa.me/62"))
			self.assertIn("Pemasaran%20Digital%20UMKM", links[0]["tautan"])
