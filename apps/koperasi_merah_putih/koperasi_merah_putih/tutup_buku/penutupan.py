"""ERPNext's Period Closing Voucher, with its background posting made safe.

On a site with over 100,000 GL entries ERPNext posts a closing's entries in a background job; it
enqueues that job at once, inside the request, so a worker may start it before the request has
committed the voucher ("Could not find Voucher No") and mark the closing Failed. Here the job is
enqueued when the request commits, and it posts only a closing still waiting for its entries (under
the voucher's row lock), so it can run twice, or after someone posted it already, without harm."""

import frappe
from erpnext.accounts.doctype.period_closing_voucher.period_closing_voucher import (
	PeriodClosingVoucher as ERPNextPeriodClosingVoucher,
)
from erpnext.accounts.doctype.period_closing_voucher.period_closing_voucher import (
	process_gl_and_closing_entries,
)
from frappe import _

# ERPNext's own threshold (period_closing_voucher.make_gl_entries)
ANTRE_DI_ATAS = 100_000


class PeriodClosingVoucher(ERPNextPeriodClosingVoucher):
	def make_gl_entries(self):
		if frappe.db.estimate_count("GL Entry") > ANTRE_DI_ATAS:
			frappe.enqueue(
				"koperasi_merah_putih.tutup_buku.penutupan.proses",
				pcv=self.name,
				timeout=1800,
				enqueue_after_commit=True,
			)
			frappe.msgprint(
				_("ERPNext posts the year's closing entries in the background; it takes a few minutes."),
				alert=True,
			)
		else:
			process_gl_and_closing_entries(self)


def proses(pcv: str) -> str:
	"""Post a queued closing's entries if they are still waiting; returns the closing's status."""
	status = frappe.db.get_value("Period Closing Voucher", pcv, "gle_processing_status", for_update=True)
	if status == "In Progress" and frappe.db.get_value("Period Closing Voucher", pcv, "docstatus") == 1:
		process_gl_and_closing_entries(frappe.get_doc("Period Closing Voucher", pcv))
		status = frappe.db.get_value("Period Closing Voucher", pcv, "gle_processing_status")
	return status
