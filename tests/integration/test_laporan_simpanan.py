"""Savings reports against the ledger after a mixed month: the Trial Balance balances and agrees
with Rekap Simpanan account by account (and the members' balances add up to it); ERPNext's
General Ledger shows a member's movements; Buku Simpanan runs its balance and downloads as PDF,
for staff and for the member themselves only."""

import frappe
from frappe.utils import flt, get_first_day, getdate, today

from koperasi_merah_putih.simpanan import buku as buku_simpanan
from koperasi_merah_putih.simpanan.report.rekap_simpanan import rekap_simpanan
from tests.support.buku import fiscal_year, trial_balance, trial_balance_totals
from tests.support.data import anggota_dengan_login, buat_anggota, transaksi_simpanan
from tests.support.kasus import KoperasiTestCase


class TestLaporanSimpanan(KoperasiTestCase):
	bahasa = None

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		frappe.set_user("Administrator")
		cls.a = buat_anggota("Aktif")
		cls.b = buat_anggota("Aktif")
		awal = str(get_first_day(today()))
		# a mixed month: every kind of savings document
		cls.docs = [
			transaksi_simpanan(cls.a, "Simpanan Pokok", 100000, posting_date=awal),
			transaksi_simpanan(cls.a, "Simpanan Wajib", 20000, posting_date=awal),
			transaksi_simpanan(cls.a, "Simpanan Sukarela", 500000, posting_date=awal),
			transaksi_simpanan(cls.a, "Simpanan Sukarela", 120000, "Penarikan"),
			transaksi_simpanan(cls.b, "Simpanan Sukarela", 75000, mode_of_payment="Transfer Bank"),
		]
		sb = frappe.get_doc(
			{
				"doctype": "Simpanan Berjangka",
				"anggota": cls.b.name,
				"jenis_simpanan": "Simpanan Berjangka",
				"jumlah": 2000000,
				"mode_of_payment": "Cash",
			}
		).insert()
		sb.submit()
		cls.docs.append(sb)

	def test_trial_balance_balances_and_reconciles_with_rekap_per_product(self):
		totals = trial_balance_totals(self.company)
		self.assertAlmostEqual(totals["closing_debit"], totals["closing_credit"], places=2)
		tb = trial_balance(self.company)
		_cols, rows = rekap_simpanan.execute({"company": self.company, "pada": today()})
		self.assertEqual({r["jenis_simpanan"] for r in rows} >= {"Simpanan Pokok", "Simpanan Sukarela"}, True)
		for r in rows:
			self.assertEqual(r["saldo_buku_besar"], tb.get(r["akun"], 0), r["akun"])
			self.assertEqual(r["selisih"], 0, r["akun"])
		# the members' balances add up to the product line
		_cols, members = rekap_simpanan.execute(
			{"company": self.company, "pada": today(), "tampilan": rekap_simpanan.PER_ANGGOTA}
		)
		for r in rows:
			key = frappe.scrub(r["jenis_simpanan"])
			self.assertEqual(sum(flt(m.get(key)) for m in members), r["saldo_anggota"])
		mine = next(m for m in members if m["anggota"] == self.a.name)
		self.assertEqual(
			(mine["simpanan_pokok"], mine["simpanan_wajib"], mine["simpanan_sukarela"], mine["total"]),
			(100000, 20000, 380000, 500000),
		)

	def test_general_ledger_report_shows_the_members_movements(self):
		from erpnext.accounts.report.general_ledger.general_ledger import execute

		fy = fiscal_year()
		_cols, data = execute(
			frappe._dict(
				company=self.company,
				from_date=fy[1],
				to_date=getdate(today()),
				party_type="Customer",
				party=[self.a.customer],
				group_by="Group by Voucher (Consolidated)",
				presentation_currency="IDR",
			)
		)
		vouchers = {r.get("voucher_no") for r in data if r}
		self.assertLessEqual({d.name for d in self.docs[:4]}, vouchers)
		self.assertNotIn(self.docs[4].name, vouchers)  # the other member's
		closing = next(r for r in data if r and "Closing" in str(r.get("account")))
		self.assertEqual(flt(closing["credit"]) - flt(closing["debit"]), 500000)

	def test_buku_simpanan_runs_the_balance_and_downloads_as_pdf(self):
		b = buku_simpanan.buku(self.a.name, get_first_day(today()), today())
		sukarela = next(p for p in b.produk if p.jenis_simpanan == "Simpanan Sukarela")
		self.assertEqual(sukarela.saldo_awal, 0)
		self.assertEqual([r.saldo for r in sukarela.baris], [500000, 380000])
		self.assertEqual(
			(sukarela.total_setor, sukarela.total_tarik, sukarela.saldo_akhir), (500000, 120000, 380000)
		)
		buku_simpanan.unduh_buku_simpanan(self.a.name, str(get_first_day(today())), today())
		self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
		self.assertEqual(
			(frappe.local.response.type, frappe.local.response.content_type), ("download", "application/pdf")
		)

	def test_a_member_gets_only_their_own_statement(self):
		member = anggota_dengan_login()
		other = self.a
		frappe.set_user(member.user)
		try:
			buku_simpanan.unduh_buku_simpanan()  # their own, by default
			self.assertTrue(frappe.local.response.filecontent.startswith(b"%PDF"))
			with self.assertRaises(frappe.PermissionError):
				buku_simpanan.unduh_buku_simpanan(other.name)
			with self.assertRaises(frappe.PermissionError):
				rekap_simpanan.execute({"company": self.company})
		finally:
			frappe.set_user("Administrator")
