"""Ledger locks and party links the server owns: an Accounting Period closed through the desk's
own defaults refuses the app's money documents; a public application never takes over a staff
login."""

import frappe
from erpnext.accounts.doctype.accounting_period.accounting_period import ClosedAccountingPeriod
from frappe.tests.utils import FrappeTestCase
from frappe.utils import add_days, get_first_day, get_last_day, today

from tests.support.data import buat_anggota, ensure_koperasi, ensure_user, transaksi_simpanan


class TestIntegritas(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.company = ensure_koperasi()["company"]

	def setUp(self):
		frappe.set_user("Administrator")

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
		# what the desk's form fills in: every period-closing DocType, closed
		period.bootstrap_doctypes_for_closing()
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
