"""Figures for the Koperasi workspace's number cards."""

import frappe
from erpnext import get_default_company
from frappe import _
from frappe.query_builder.functions import Sum


def _company(filters) -> str | None:
	try:
		filters = frappe.parse_json(filters) if filters else {}
	except ValueError:
		filters = None
	if not isinstance(filters, dict) or not isinstance(filters.get("company") or "", str):
		frappe.throw(_("Invalid filters."))
	return filters.get("company") or get_default_company()


def cash_and_bank_balance(company: str) -> float:
	gle = frappe.qb.DocType("GL Entry")
	acc = frappe.qb.DocType("Account")
	row = (
		frappe.qb.from_(gle)
		.join(acc)
		.on(gle.account == acc.name)
		.select(Sum(gle.debit) - Sum(gle.credit))
		.where((gle.company == company) & (gle.is_cancelled == 0) & (acc.account_type.isin(["Cash", "Bank"])))
	).run()
	return float(row[0][0] or 0) if row else 0.0


@frappe.whitelist()
def saldo_kas_dan_bank(filters: str | dict | None = None) -> dict:
	"""Cash and bank balance of the user's company, from the general ledger."""
	frappe.has_permission("GL Entry", "read", throw=True)
	company = _company(filters)
	if not company:
		frappe.throw(_("No cooperative (company) has been selected yet."))
	frappe.has_permission("Company", "read", doc=company, throw=True)
	return {
		"value": cash_and_bank_balance(company),
		"fieldtype": "Currency",
		"options": frappe.get_cached_value("Company", company, "default_currency"),
		"route": ["query-report", "General Ledger"],
	}
