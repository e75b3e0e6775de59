"""Monthly simpanan wajib bills: made once per member and month, settled oldest first by wajib
deposits (exactly undone by a cancel), and listed as arrears."""

import frappe
from frappe.utils import add_months, today

from koperasi_merah_putih.simpanan import tagihan
from tests.support.data import (
	akun_email_keluar,
	buat_anggota,
	ensure_koperasi,
	ensure_user,
	transaksi_simpanan,
)
from tests.support.kasus import KoperasiTestCase


def bills(anggota) -> list[tuple]:
	return [
		(r.periode, r.jumlah, r.terbayar, r.sisa, r.status)
		for r in frappe.get_all(
			"Tagihan Simpanan Wajib",
			{"anggota": anggota.name},
			["periode", "jumlah", "terbayar", "sisa", "status"],
			order_by="periode",
		)
	]


class TestTagihanWajib(KoperasiTestCase):
	bahasa = None

	def setUp(self):
		super().setUp()
		self.company = ensure_koperasi()["company"]
		self.bulanan = frappe.db.get_value("Jenis Simpanan", "Simpanan Wajib", "jumlah_bulanan")
		self.anggota = buat_anggota("Aktif")
		# joined three months ago
		frappe.db.set_value("Anggota", self.anggota.name, "tanggal_bergabung", add_months(today(), -2))
		self.periode = [tagihan.periode_dari(add_months(today(), -i)) for i in (2, 1, 0)]

	def test_bills_are_made_once_per_member_and_month(self):
		for p in self.periode:
			tagihan.buat_tagihan_bulanan(p, self.company)
		again = tagihan.buat_tagihan_bulanan(self.periode[-1], self.company)
		self.assertEqual(again["dibuat"], 0)
		self.assertEqual([b[0] for b in bills(self.anggota)], self.periode)
		pending = buat_anggota()  # not active: no bill
		tagihan.buat_tagihan_bulanan(self.periode[-1], self.company)
		self.assertEqual(bills(pending), [])
		with self.assertRaises(frappe.ValidationError):
			tagihan.buat_tagihan_bulanan("11-2026")

	def test_deposit_settles_oldest_first_and_cancel_undoes_it(self):
		for p in self.periode:
			tagihan.buat_tagihan_bulanan(p, self.company)
		doc = transaksi_simpanan(self.anggota, "Simpanan Wajib", self.bulanan * 1.5)
		b = bills(self.anggota)
		self.assertEqual(b[0][2:], (self.bulanan, 0, "Lunas"))
		self.assertEqual(b[1][2:], (self.bulanan / 2, self.bulanan / 2, "Sebagian"))
		self.assertEqual(b[2][2:], (0, self.bulanan, "Belum Dibayar"))
		self.assertEqual([r.periode for r in doc.alokasi_tagihan], self.periode[:2])
		arrears = tagihan.tunggakan_anggota(self.anggota.name)
		self.assertEqual(arrears, {"total": self.bulanan * 1.5, "bulan": self.periode[1:]})
		doc.cancel()
		self.assertTrue(all(x[2:] == (0, self.bulanan, "Belum Dibayar") for x in bills(self.anggota)))
		self.assertEqual(tagihan.tunggakan_anggota(self.anggota.name)["total"], self.bulanan * 3)

	def test_a_member_joining_later_is_not_billed_for_earlier_months(self):
		frappe.db.set_value("Anggota", self.anggota.name, "tanggal_bergabung", today())
		tagihan.buat_tagihan_bulanan(self.periode[0], self.company)
		self.assertEqual(bills(self.anggota), [])

	def test_arrears_report_lists_the_months_and_a_whatsapp_reminder(self):
		from koperasi_merah_putih.simpanan.report.tunggakan_simpanan_wajib import (
			tunggakan_simpanan_wajib as report,
		)

		for p in self.periode:
			tagihan.buat_tagihan_bulanan(p, self.company)
		transaksi_simpanan(self.anggota, "Simpanan Wajib", self.bulanan)
		_cols, rows = report.execute({"company": self.company})
		row = next(r for r in rows if r.anggota == self.anggota.name)
		self.assertEqual((row.jumlah_bulan, row.total), (2, self.bulanan * 2))
		self.assertEqual(row.bulan, ", ".join(self.periode[1:]))
		self.assertIn("https://wa.me/62", row.pengingat)

	def test_email_reminders_go_to_members_in_arrears_with_an_address(self):
		tagihan.buat_tagihan_bulanan(self.periode[2], self.company)
		with akun_email_keluar():
			frappe.db.set_value(
				"Anggota", self.anggota.name, "email", f"penunggak.{self.anggota.name.lower()}@contoh.id"
			)
			lunas = buat_anggota("Aktif", email=None)
			frappe.db.set_value("Anggota", lunas.name, "email", f"lunas.{lunas.name.lower()}@contoh.id")
			tagihan.buat_tagihan_bulanan(self.periode[2], self.company)
			transaksi_simpanan(lunas, "Simpanan Wajib", self.bulanan)
			self.assertEqual(
				tagihan.kirim_pengingat_email(self.company, anggota=self.anggota.name), {"terkirim": 1}
			)
			self.assertEqual(tagihan.kirim_pengingat_email(self.company, anggota=lunas.name), {"terkirim": 0})
			sent = frappe.get_all(
				"Email Queue",
				filters={
					"reference_doctype": "Anggota",
					"reference_name": ("in", [self.anggota.name, lunas.name]),
				},
				fields=["reference_name", "message"],
			)
			self.assertEqual([s.reference_name for s in sent], [self.anggota.name])
			self.assertIn("belum dibayar", sent[0].message)
			# a member's login may not send them
			frappe.set_user(ensure_user("anggota"))
			try:
				with self.assertRaises(frappe.PermissionError):
					tagihan.kirim_pengingat_email(self.company)
			finally:
				frappe.set_user("Administrator")
		# without an outgoing email account: a clear message, nothing queued
		frappe.local.lang = "id"
		with self.assertRaisesRegex(frappe.ValidationError, "akun email keluar"):
			tagihan.kirim_pengingat_email(self.company, anggota=self.anggota.name)
