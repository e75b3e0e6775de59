"""Reading the books in tests: ERPNext's own reports (Trial Balance, Balance Sheet, Profit and
Loss) for a cooperative's fiscal year, a journal posted the ERPNext way, and a loan's schedule as
stored. Used by the integration level; nothing here posts through the app."""

import frappe
from frappe.utils import flt, nowdate, today

from koperasi_merah_putih.akun import account_by_number


def fiscal_year():
	"""This year's fiscal year as ERPNext reads it: (name, start, end)."""
	from erpnext.accounts.utils import get_fiscal_year

	return get_fiscal_year(nowdate())


def _neraca_saldo(company: str, sampai=None) -> list[dict]:
	from erpnext.accounts.report.trial_balance.trial_balance import execute

	fy = fiscal_year()
	_columns, data = execute(
		frappe._dict(
			company=company,
			fiscal_year=fy[0],
			from_date=fy[1],
			to_date=sampai or fy[2],
			show_zero_values=1,
			presentation_currency="IDR",
		)
	)
	return data


def trial_balance_totals(company: str) -> dict:
	"""The total row of ERPNext's Trial Balance for the year."""
	total = next(r for r in _neraca_saldo(company) if r and "Total" in str(r.get("account")))
	return {
		k: flt(total.get(k))
		for k in ("opening_debit", "opening_credit", "debit", "credit", "closing_debit", "closing_credit")
	} | {
		"openingdebit": flt(total.get("opening_debit")),
		"openingcredit": flt(total.get("opening_credit")),
		"closingdebit": flt(total.get("closing_debit")),
		"closingcredit": flt(total.get("closing_credit")),
	}


def trial_balance(company: str) -> dict[str, float]:
	"""Closing balance today (credit - debit) of every ledger account in ERPNext's Trial Balance."""
	return {
		r["account"]: flt(r["closing_credit"]) - flt(r["closing_debit"])
		for r in _neraca_saldo(company, today())
		if r and r.get("account") and not r.get("is_group")
	}


def report_value(report: str, company: str, account_name: str, **saring) -> float:
	"""The year's figure of one row of ERPNext's Balance Sheet or Profit and Loss report (`saring`:
	more of the report's filters, e.g. cost_center=[...])."""
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
		**saring,
	)
	columns, data, *_ = module.execute(filters)
	key = columns[-1]["fieldname"] if columns[-1]["fieldname"] != "total" else columns[-2]["fieldname"]
	row = next((r for r in data if r and r.get("account_name") == account_name), None)
	return flt(row.get(key)) if row else 0.0


def post_journal(company: str, debit_no: str, credit_no: str, amount: float, remark: str):
	"""An ERPNext Journal Entry of two lines between accounts given by number, submitted."""
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


def jadwal(pinjaman: str) -> list[tuple]:
	"""A loan's schedule as stored: (ke, due date, pokok, jasa, paid pokok, paid jasa, paid denda, lunas)."""
	return [
		(r.ke, str(r.jatuh_tempo), r.pokok, r.jasa, r.pokok_dibayar, r.jasa_dibayar, r.denda_dibayar, r.lunas)
		for r in frappe.get_all(
			"Jadwal Angsuran Pinjaman",
			{"parent": pinjaman},
			["ke", "jatuh_tempo", "pokok", "jasa", "pokok_dibayar", "jasa_dibayar", "denda_dibayar", "lunas"],
			order_by="idx",
		)
	]
