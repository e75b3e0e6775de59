"""The provisioned cooperative's books: chart under the right roots, reports that run and balance."""

import json

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.rules.akun import iter_accounts
from koperasi_merah_putih.setup.provisioning import CHART_FILE
from tests.support.buku import post_journal, report_value, trial_balance_totals
from tests.support.kasus import KoperasiTestCase


class TestChartOfAccounts(KoperasiTestCase):
	bahasa = None

	def test_company_is_an_indonesian_cooperative(self):
		company = frappe.get_doc("Company", self.company)
		self.assertTrue(company.name.startswith("Koperasi Kelurahan Merah Putih"))
		self.assertEqual(company.default_currency, "IDR")
		self.assertEqual(company.country, "Indonesia")
		self.assertEqual(frappe.db.get_single_value("System Settings", "time_zone"), "Asia/Jakarta")
		self.assertEqual(frappe.db.get_single_value("System Settings", "number_format"), "#.###,##")
		self.assertEqual(frappe.db.get_single_value("System Settings", "language"), "id")
		self.assertTrue(frappe.is_setup_complete())
		# some cooperative is the site's default (the first one provisioned), through ERPNext's defaults
		default = frappe.db.get_single_value("Global Defaults", "default_company")
		self.assertTrue(default and default.startswith("Koperasi Kelurahan Merah Putih"))
		self.assertEqual(frappe.db.get_default("company"), default)
		main = frappe.db.get_single_value("Pengaturan Koperasi", "company")
		self.assertTrue(
			frappe.db.exists("Company", main) and main.startswith("Koperasi Kelurahan Merah Putih")
		)

	def test_every_account_of_the_chart_exists_under_its_root_type(self):
		chart = json.loads(CHART_FILE.read_text())
		for name, spec, _parent, root_type, is_group in iter_accounts(chart):
			account = account_by_number(self.company, str(spec["account_number"]))
			self.assertTrue(account, f"{name} missing")
			row = frappe.db.get_value(
				"Account", account, ["root_type", "is_group", "account_type", "report_type"], as_dict=True
			)
			self.assertEqual(row.root_type, root_type, name)
			self.assertEqual(bool(row.is_group), is_group, name)
			self.assertEqual(row.account_type or None, spec.get("account_type"), name)
			expected_report = (
				"Balance Sheet" if root_type in ("Asset", "Liability", "Equity") else "Profit and Loss"
			)
			self.assertEqual(row.report_type, expected_report, name)

	def test_children_share_their_parents_root_type(self):
		accounts = frappe.get_all(
			"Account", {"company": self.company}, ["name", "parent_account", "root_type"]
		)
		by_name = {a.name: a for a in accounts}
		roots = [a for a in accounts if not a.parent_account]
		self.assertEqual(
			sorted(a.root_type for a in roots), ["Asset", "Equity", "Expense", "Income", "Liability"]
		)
		for a in accounts:
			if a.parent_account:
				self.assertEqual(a.root_type, by_name[a.parent_account].root_type, a.name)

	def test_default_accounts_point_into_the_cooperative_chart(self):
		company = frappe.get_doc("Company", self.company)
		self.assertEqual(company.default_cash_account, account_by_number(self.company, "1101"))
		self.assertEqual(company.default_bank_account, account_by_number(self.company, "1111"))
		self.assertEqual(company.round_off_account, account_by_number(self.company, "5301"))
		self.assertEqual(company.default_receivable_account, account_by_number(self.company, "1123"))

	def test_trial_balance_of_the_empty_company_balances(self):
		totals = trial_balance_totals(self.company)
		for side in ("opening", "", "closing"):
			self.assertAlmostEqual(totals[f"{side}debit"], totals[f"{side}credit"], places=2)

	def test_trial_balance_balances_after_a_posting(self):
		"""A member's pokok paid in cash: both sides land and the trial balance still balances."""
		je = post_journal(self.company, "1101", "3101", 100000, "Simpanan pokok (uji)")
		totals = trial_balance_totals(self.company)
		self.assertAlmostEqual(totals["debit"], totals["credit"], places=2)
		self.assertGreaterEqual(totals["debit"], 100000)
		self.assertAlmostEqual(totals["closingdebit"], totals["closingcredit"], places=2)
		je.cancel()

	def test_balance_sheet_and_profit_and_loss_show_the_postings(self):
		aset_before = report_value("balance_sheet", self.company, "1 - Aset")
		equity_before = report_value("balance_sheet", self.company, "3 - Ekuitas")
		income_before = report_value("profit_and_loss_statement", self.company, "4 - Pendapatan")
		pokok = post_journal(self.company, "1101", "3101", 100000, "Simpanan pokok (uji)")
		jasa = post_journal(self.company, "1101", "4203", 25000, "Pendapatan jasa (uji)")
		self.assertEqual(report_value("balance_sheet", self.company, "1 - Aset") - aset_before, 125000)
		self.assertEqual(report_value("balance_sheet", self.company, "3 - Ekuitas") - equity_before, 100000)
		self.assertEqual(
			report_value("profit_and_loss_statement", self.company, "4 - Pendapatan") - income_before, 25000
		)
		jasa.cancel()
		pokok.cancel()
		self.assertEqual(report_value("balance_sheet", self.company, "1 - Aset"), aset_before)
