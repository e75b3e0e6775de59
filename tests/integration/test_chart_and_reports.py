"""The provisioned cooperative's books: chart under the right roots, reports that run and balance."""

import json

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import flt, nowdate

from koperasi_merah_putih.rules.akun import iter_accounts
from koperasi_merah_putih.setup.provisioning import CHART_FILE, account_by_number
from tests.support.data import ensure_koperasi


def fiscal_year():
	from erpnext.accounts.utils import get_fiscal_year

	return get_fiscal_year(nowdate())


class TestChartOfAccounts(FrappeTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.company = ensure_koperasi()["company"]

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
		main = frappe.db.get_single_value("Pengaturan Koperasi", "koperasi")
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


def report_value(report: str, company: str, account_name: str) -> float:
	"""The year's figure of one row of ERPNext's Balance Sheet or Profit and Loss report."""
	module = frappe.get_module(f"erpnext.accounts.report.{report}.{report}")
	fy = fiscal_year()
	filters = frappe._dict(
		company=company,
		filter_based_on="Fiscal Year",
		period_start_date=fy[1],
		period_end_date=fy[2],
		from_fiscal_year=fy[0],
		to_fiscal_year=fy[0],
		periodicity="Yearly",
		accumulated_values=1,
		presentation_currency="IDR",
	)
	columns, data, *_ = module.execute(filters)
	key = columns[-1]["fieldname"] if columns[-1]["fieldname"] != "total" else columns[-2]["fieldname"]
	row = next((r for r in data if r and r.get("account_name") == account_name), None)
	return flt(row.get(key)) if row else 0.0


def post_journal(company: str, debit_no: str, credit_no: str, amount: float, remark: str):
	je = frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": company,
			"posting_date": nowdate(),
			"accounts": [
				{"account": account_by_number(company, debit_no), "debit_in_account_currency": amount},
				{"account": account_by_number(company, credit_no), "credit_in_account_currency": amount},
			],
			"user_remark": remark,
		}
	).insert()
	je.submit()
	return je


def trial_balance_totals(company: str) -> dict:
	from erpnext.accounts.report.trial_balance.trial_balance import execute

	fy = fiscal_year()
	filters = frappe._dict(
		company=company,
		fiscal_year=fy[0],
		from_date=fy[1],
		to_date=fy[2],
		show_zero_values=1,
		presentation_currency="IDR",
	)
	_columns, data = execute(filters)
	total = next(r for r in data if r and "Total" in str(r.get("account")))
	return {
		k: flt(total.get(k))
		for k in ("opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit")
	} | {
		"openingdebit": flt(total.get("opening_debit")),
		"openingcredit": flt(total.get("opening_credit")),
		"closingdebit": flt(total.get("closing_debit")),
		"closingcredit": flt(total.get("closing_credit")),
	}
