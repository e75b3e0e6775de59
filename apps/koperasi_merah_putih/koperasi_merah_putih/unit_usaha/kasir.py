# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The outlet's till (ERPNext's point of sale) and the teller's screen: find the member from the
member card (its QR holds the member number), and the member's open credit (bon) at the outlets,
collected at the teller with ERPNext Payment Entries against the oldest invoices first."""

import re

import frappe
from erpnext.accounts.doctype.payment_entry.payment_entry import get_payment_entry
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import DEFAULT_SERIES
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import simpanan as aturan_simpanan
from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.simpanan.doctype.transaksi_simpanan.transaksi_simpanan import pesan_penolakan
from koperasi_merah_putih.unit_usaha import penjualan


def _awalan() -> str:
	seri = frappe.db.get_single_value("Pengaturan Koperasi", "seri_nomor_anggota") or DEFAULT_SERIES
	return re.split(r"[.#]", seri, maxsplit=1)[0].upper()


@frappe.whitelist()
def awalan_nomor_anggota() -> str:
	"""How member numbers begin ("AGT-"): the till treats a scan that begins so as a member card."""
	if not frappe.has_permission("POS Invoice", "create"):
		raise frappe.PermissionError
	return _awalan()


@frappe.whitelist()
def anggota_pos(kode: str) -> dict:
	"""The member whose card was scanned (or number typed) at the till: their Customer, and what
	they may still buy on credit. A member who may not transact is refused with the reason."""
	if not frappe.has_permission("POS Invoice", "create"):
		raise frappe.PermissionError(_("Only the outlet's cashiers may look members up at the till."))
	nomor = (kode or "").strip().rstrip("/").split("/")[-1].split("=")[-1].upper()
	a = frappe.db.get_value(
		"Anggota",
		{"nomor_anggota": nomor},
		["name", "nama_lengkap", "status", "customer", "company"],
		as_dict=True,
	)
	if not a or not frappe.has_permission("Anggota", "read", doc=a.name):
		frappe.throw(
			_("No member has the number {0}.").format(frappe.utils.escape_html(nomor)),
			title=_("Member not found"),
		)
	if a.status not in keanggotaan.BOLEH_BERTRANSAKSI or not a.customer:
		frappe.throw(
			_(
				"{0} is a member with status {1}: they cannot buy as a member. Sell to the walk-in customer instead."
			).format(a.nama_lengkap, _(a.status)),
			title=_("Member cannot transact"),
		)
	batas = penjualan.batas_bon()
	terbuka = penjualan.bon_terbuka(a.customer, a.company)
	return {
		"customer": a.customer,
		"nama": a.nama_lengkap,
		"nomor_anggota": nomor,
		"bon_terbuka": terbuka,
		"sisa_bon": aturan.sisa_bon(batas, int(terbuka)),
	}


def bon_anggota(anggota: str) -> dict:
	"""The member's open outlet invoices (for the teller's screen)."""
	a = frappe.db.get_value("Anggota", anggota, ["customer", "company"], as_dict=True)
	if not a or not a.customer or not frappe.has_permission("Sales Invoice", "read"):
		return {"total": 0, "faktur": []}
	faktur = frappe.get_all(
		"Sales Invoice",
		filters={
			"customer": a.customer,
			"company": a.company,
			"docstatus": 1,
			"outstanding_amount": (">", 0),
			"cost_center": ("in", penjualan.pusat_biaya_unit(a.company) or [""]),
		},
		fields=["name", "posting_date", "grand_total", "outstanding_amount"],
		order_by="posting_date asc, name asc",
	)
	return {"total": penjualan.bon_terbuka(a.customer, a.company), "faktur": faktur}


@frappe.whitelist(methods=["POST"])
def bayar_bon(anggota: str, jumlah, mode_of_payment: str = "Cash") -> dict:
	"""Collect the member's outlet credit at the teller: one ERPNext Payment Entry per invoice,
	oldest first. The teller needs to read the member and to create Payment Entries; the entries
	are built by the server from the member's own open invoices and submitted by it (the teller
	chooses only the amount and how it was paid), so a Kasir without submit rights on Payment
	Entry can collect."""
	frappe.has_permission("Anggota", "read", doc=anggota, throw=True)
	if not frappe.has_permission("Payment Entry", "create"):
		raise frappe.PermissionError(_("Only the cooperative's tellers may collect credit."))
	try:
		sisa = aturan_simpanan.periksa_jumlah(flt(jumlah))
	except aturan_simpanan.TransaksiDitolak as err:
		frappe.throw(pesan_penolakan(err), title=_("Invalid amount"))
	bon = bon_anggota(anggota)
	if sisa > flt(sum(flt(f.outstanding_amount) for f in bon["faktur"])):
		frappe.throw(
			_("The member owes {0} on closed invoices; {1} is more than that.").format(
				rupiah(sum(flt(f.outstanding_amount) for f in bon["faktur"])),
				rupiah(sisa),
			)
		)
	frappe.db.get_value("Anggota", anggota, "name", for_update=True)
	dibuat = []
	for f in bon["faktur"]:
		if sisa <= 0:
			break
		bayar = min(sisa, flt(f.outstanding_amount))
		pe = get_payment_entry("Sales Invoice", f.name, party_amount=bayar)
		pe.mode_of_payment = mode_of_payment or "Cash"
		pe.paid_to = get_bank_cash_account(pe.mode_of_payment, pe.company).get("account")
		pe.paid_amount = pe.received_amount = bayar
		pe.references[0].allocated_amount = bayar
		pe.reference_no = f.name
		pe.reference_date = frappe.utils.today()
		pe.flags.ignore_permissions = True
		pe.insert()
		pe.submit()
		dibuat.append(pe.name)
		sisa -= bayar
	return {
		"pembayaran": dibuat,
		"sisa_bon": penjualan.bon_terbuka(*frappe.db.get_value("Anggota", anggota, ["customer", "company"])),
	}
