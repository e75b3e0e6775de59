"""The one posting path to the general ledger.

Every money document of the app subclasses `DokumenBerjurnal` and says only which lines it posts
(`baris_jurnal`); this class turns them into GL Entries with ERPNext's own `get_gl_dict` (company,
fiscal year, voucher, accounting dimensions) and `make_gl_entries` (balance check, closed
accounting periods, frozen accounts, rounding), on submit, and reverses them exactly on cancel.
The pattern is frappe/lending's and frappe/hrms's; a Journal Entry per transaction would cost more.
"""

import frappe
from erpnext.accounts.general_ledger import make_gl_entries
from erpnext.controllers.accounts_controller import AccountsController
from frappe import _
from frappe.utils import flt


class DokumenBerjurnal(AccountsController):
	"""Base class for the app's posting documents (fields: company, posting_date, remarks)."""

	def validate(self):
		# not AccountsController.validate: that one is for invoices and orders (items, taxes)
		self.validate_date_with_fiscal_year()
		company_currency = frappe.get_cached_value("Company", self.company, "default_currency")
		if self.get("currency") and self.currency != company_currency:
			frappe.throw(
				_("Transactions are in {0}, the cooperative's currency, not {1}.").format(
					company_currency, self.currency
				)
			)

	def baris_jurnal(self) -> list[dict]:
		"""The ledger lines: dicts with account, debit or credit, and party_type/party where needed."""
		raise NotImplementedError

	def make_gl_entries(self, cancel: bool = False):
		rows = []
		for line in self.baris_jurnal():
			amount = flt(line.get("debit")) or flt(line.get("credit"))
			if not amount:
				continue
			line = dict(line)
			line.setdefault("debit_in_account_currency", flt(line.get("debit")))
			line.setdefault("credit_in_account_currency", flt(line.get("credit")))
			rows.append(self.get_gl_dict(line))
		if rows:
			make_gl_entries(rows, cancel=cancel, update_outstanding="No", merge_entries=False)

	def on_submit(self):
		self.make_gl_entries()

	def on_cancel(self):
		self.ignore_linked_doctypes = ("GL Entry", "Payment Ledger Entry")
		self.make_gl_entries(cancel=True)
