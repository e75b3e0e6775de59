"""The one posting path to the general ledger.

Every money document of the app subclasses `DokumenBerjurnal` and says only which lines it posts
(`baris_jurnal`); this class turns them into GL Entries with ERPNext's own `get_gl_dict` (company,
fiscal year, voucher, accounting dimensions) and `make_gl_entries` (balance check, closed
accounting periods, frozen accounts, rounding), on submit, and reverses them exactly on cancel.
The pattern is frappe/lending's and frappe/hrms's; a Journal Entry per transaction would cost more.

Batch documents (a month's jasa for 10,000 members) post thousands of lines that differ only in the
member (party) and the amount. ERPNext inserts GL Entries one Document at a time (about 10 ms
each here), so above `MASSAL` lines the same steps run once per voucher (closed period, disabled
accounts, rounding, balance, freezing date, period closing), the first line of each account goes
through ERPNext's own `make_entry` (every per-line check), the parties are checked in one query,
and the other lines are written row by row without re-running the per-account checks.
"""

import copy

import frappe
from erpnext.accounts import general_ledger as gl
from erpnext.accounts.doctype.accounting_dimension_filter.accounting_dimension_filter import (
	get_dimension_filter_map,
)
from erpnext.accounts.general_ledger import make_gl_entries
from erpnext.accounts.party import PartyDisabled, PartyFrozen
from erpnext.accounts.utils import create_payment_ledger_entry
from erpnext.controllers.accounts_controller import AccountsController
from frappe import _
from frappe.utils import flt, now

from koperasi_merah_putih.integritas import dari_klien, periksa_tanggal

# lines per voucher above which the batch path is taken (a document's `flags.massal_di_atas` may
# lower it: the tests compare both paths on the same voucher)
MASSAL = 200
# members above which a batch document (a month's jasa, the SHU and its payment) submits in a
# background job
ANTRE_DI_ATAS = 500


class DokumenBerjurnal(AccountsController):
	"""Base class for the app's posting documents (fields: company, posting_date, remarks)."""

	# "Yes" where lines settle invoices (against_voucher): ERPNext then updates their outstanding
	update_outstanding = "No"
	# True where a line may name a disabled Customer: a member who has exited is still owed what
	# the document books (their SHU share); ERPNext refuses disabled parties otherwise
	pihak_nonaktif_boleh = False

	def validate(self):
		# not AccountsController.validate: that one is for invoices and orders (items, taxes)
		self.validate_date_with_fiscal_year()
		periksa_tanggal(self)
		self.periksa_akses()
		company_currency = frappe.get_cached_value("Company", self.company, "default_currency")
		if self.get("currency") and self.currency != company_currency:
			frappe.throw(
				_("Transactions are in {0}, the cooperative's currency, not {1}.").format(
					company_currency, self.currency
				)
			)

	def ajukan_per_anggota(self, jumlah_anggota: int | None):
		"""Submit a batch of one line per member now, or above `ANTRE_DI_ATAS` members in a
		background job (as ERPNext does for large documents); the form refreshes when it is done."""
		if (jumlah_anggota or 0) > ANTRE_DI_ATAS and not frappe.flags.in_test:
			frappe.msgprint(
				_(
					"{0} members: the posting runs in the background; this page refreshes when it is done."
				).format(jumlah_anggota),
				alert=True,
			)
			self.queue_action("submit", timeout=3600)
			return None
		return self._submit()

	def periksa_akses(self):
		"""The record's own permission, once the controller has filled the cooperative (and the
		member, the loan...) from the parent it names: Frappe checks a new record's permission before
		`validate`, while `company` is still what the client sent, so a user restricted to one
		cooperative could otherwise post into another by naming its record."""
		if self.flags.oleh_server or self.flags.ignore_permissions or not dari_klien():
			return
		if not frappe.has_permission(self.doctype, "read", doc=self):
			raise frappe.PermissionError(_("You have no access to {0}.").format(self.company))

	def baris_jurnal(self) -> list[dict]:
		"""The ledger lines: dicts with account, debit or credit, and party_type/party where needed."""
		raise NotImplementedError

	def make_gl_entries(self, cancel: bool = False):
		if cancel:
			# reverse exactly what was posted (the lines a document would compute now may differ:
			# a provision journal's depend on the balances it moved)
			posted = frappe.db.count(
				"GL Entry", {"voucher_type": self.doctype, "voucher_no": self.name, "is_cancelled": 0}
			)
			if posted > (self.flags.massal_di_atas or MASSAL):
				batalkan_massal(self.doctype, self.name)
			elif posted:
				gl.make_reverse_gl_entries(
					voucher_type=self.doctype,
					voucher_no=self.name,
					update_outstanding=self.update_outstanding,
				)
			return
		rows = []
		for line in self.baris_jurnal():
			amount = flt(line.get("debit")) or flt(line.get("credit"))
			if not amount:
				continue
			line = dict(line)
			if self.get("cost_center"):
				line.setdefault("cost_center", self.cost_center)
			line.setdefault("debit_in_account_currency", flt(line.get("debit")))
			line.setdefault("credit_in_account_currency", flt(line.get("credit")))
			rows.append(self.get_gl_dict(line))
		if not rows:
			return
		settles = any(r.get("against_voucher") for r in rows)
		abaikan = frappe.flags.ignore_party_validation
		frappe.flags.ignore_party_validation = abaikan or self.pihak_nonaktif_boleh
		try:
			if settles or len(rows) <= (self.flags.massal_di_atas or MASSAL):
				make_gl_entries(rows, update_outstanding=self.update_outstanding, merge_entries=False)
			else:
				posting_massal(rows)
		finally:
			frappe.flags.ignore_party_validation = abaikan

	def on_submit(self):
		self.make_gl_entries()

	def on_cancel(self):
		self.ignore_linked_doctypes = ("GL Entry", "Payment Ledger Entry")
		self.make_gl_entries(cancel=True)


def _periksa_pihak(entries: list[dict]) -> None:
	"""ERPNext's party check (exists, not disabled, not frozen) for all the lines in one query each."""
	per_type: dict[str, set] = {}
	for e in entries:
		if e.get("party_type") and e.get("party"):
			per_type.setdefault(e["party_type"], set()).add(e["party"])
	for party_type, names in per_type.items():
		if party_type not in ("Customer", "Supplier"):
			for name in names:
				gl.validate_party_frozen_disabled(party_type, name)
			continue
		found = {
			r.name: r
			for r in frappe.get_all(
				party_type,
				filters={"name": ("in", list(names))},
				fields=["name", "disabled", "is_frozen"],
			)
		}
		for name in sorted(names):
			row = found.get(name)
			if not row:
				frappe.throw(_("{0} {1} does not exist.").format(_(party_type), name))
			if row.disabled and not frappe.flags.ignore_party_validation:
				frappe.throw(_("{0} {1} is disabled").format(party_type, name), PartyDisabled)
			if row.is_frozen:
				modifier = frappe.db.get_single_value("Accounts Settings", "frozen_accounts_modifier")
				if modifier not in frappe.get_roles():
					frappe.throw(_("{0} {1} is frozen").format(party_type, name), PartyFrozen)


def _tulis(entries: list[dict]) -> None:
	stamp, user = now(), frappe.session.user
	for i, entry in enumerate(entries, 1):
		if i % 1000 == 0:
			frappe.publish_progress(100 * i / len(entries), title=_("Posting to the general ledger"))
		doc = frappe.new_doc("GL Entry")
		doc.update(entry)
		doc.name = frappe.generate_hash(length=10)
		doc.docstatus = 1
		doc.creation = doc.modified = stamp
		doc.owner = doc.modified_by = user
		doc.db_insert()


def posting_massal(gl_map: list[dict]) -> None:
	"""ERPNext's make_gl_entries for one voucher of many lines (see the module docstring)."""
	gl.make_acc_dimensions_offsetting_entry(gl_map)
	gl.validate_accounting_period(gl_map)
	gl.validate_disabled_accounts(gl_map)
	gl_map = gl.process_gl_map(gl_map, merge_entries=False)
	if len(gl_map) < 2:
		frappe.throw(_("Incorrect number of General Ledger Entries found."))
	create_payment_ledger_entry(gl_map, cancel=0, adv_adj=False, update_outstanding="No")
	gl.validate_cwip_accounts(gl_map)
	gl.process_debit_credit_difference(gl_map)
	gl.check_freezing_date(gl_map[0]["posting_date"], False)
	gl.validate_against_pcv(
		any(d.get("is_opening") == "Yes" for d in gl_map), gl_map[0]["posting_date"], gl_map[0]["company"]
	)
	_periksa_pihak(gl_map)
	dimension_filter_map = get_dimension_filter_map()
	contoh, sisa = set(), []
	abaikan = frappe.flags.ignore_party_validation
	frappe.flags.ignore_party_validation = True
	try:
		for entry in gl_map:
			gl.validate_allowed_dimensions(entry, dimension_filter_map)
			key = (entry.get("account"), entry.get("party_type"), entry.get("cost_center"))
			if key in contoh:
				sisa.append(entry)
			else:
				contoh.add(key)
				gl.make_entry(entry, False, "No")
	finally:
		frappe.flags.ignore_party_validation = abaikan
	_tulis(sisa)


def batalkan_massal(voucher_type: str, voucher_no: str) -> None:
	"""ERPNext's make_reverse_gl_entries for one voucher of many lines: the same checks, the
	originals marked cancelled, and a reversing line for each."""
	if gl.is_immutable_ledger_enabled():
		gl.make_reverse_gl_entries(voucher_type=voucher_type, voucher_no=voucher_no, update_outstanding="No")
		return
	t = frappe.qb.DocType("GL Entry")
	entries = (
		frappe.qb.from_(t)
		.select("*")
		.where((t.voucher_type == voucher_type) & (t.voucher_no == voucher_no) & (t.is_cancelled == 0))
		.for_update()
		.run(as_dict=True)
	)
	if not entries:
		return
	create_payment_ledger_entry(entries, cancel=1, adv_adj=False, update_outstanding="No")
	gl.validate_accounting_period(entries)
	gl.check_freezing_date(entries[0]["posting_date"], False)
	gl.validate_against_pcv(
		any(d.get("is_opening") == "Yes" for d in entries), entries[0]["posting_date"], entries[0]["company"]
	)
	(
		frappe.qb.update(t)
		.set(t.is_cancelled, 1)
		.set(t.modified, now())
		.set(t.modified_by, frappe.session.user)
		.where((t.voucher_type == voucher_type) & (t.voucher_no == voucher_no) & (t.is_cancelled == 0))
		.run()
	)
	reversed_ = []
	for entry in entries:
		new = copy.copy(entry)
		for a, b in (("debit", "credit"), ("debit_in_account_currency", "credit_in_account_currency")):
			new[a], new[b] = entry.get(b) or 0, entry.get(a) or 0
		for a, b in (("debit_in_transaction_currency", "credit_in_transaction_currency"),):
			if a in entry:
				new[a], new[b] = entry.get(b) or 0, entry.get(a) or 0
		new["remarks"] = "On cancellation of " + voucher_no
		new["is_cancelled"] = 1
		for meta_field in ("name", "creation", "modified", "owner", "modified_by"):
			new.pop(meta_field, None)
		if new["debit"] or new["credit"]:
			reversed_.append(new)
	_tulis(reversed_)
