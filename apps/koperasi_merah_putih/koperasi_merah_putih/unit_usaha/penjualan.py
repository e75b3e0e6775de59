# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The cooperative's rules on ERPNext's own selling, buying and stock documents (doc_events):

- every line of an outlet's stock carries the outlet's Cost Center (Sales, POS and Purchase
  Invoices, Purchase Receipts, Delivery Notes, Stock Entries, Stock Reconciliations), so the
  per-unit results and the unit's cash book read straight from the ledger;
- a member who may not transact (exited, suspended) buys nothing as a member;
- a member may leave part of an outlet sale unpaid (bon) up to the limit in Pengaturan Koperasi,
  the walk-in buyer never; checked again under the member's row lock on submit;
- members' consigned goods (titip jual) are stocked and sold at zero valuation: the cooperative
  never bought them, it settles what sold with the member (Penyelesaian Titip Jual).
"""

import frappe
from frappe import _
from frappe.query_builder.functions import Coalesce, Sum
from frappe.utils import flt

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import unit_usaha as aturan

JUAL = ("Sales Invoice", "POS Invoice")


def unit_per_gudang(company: str) -> dict:
	"""warehouse -> (unit, cost center) of the cooperative's outlets."""
	return {
		r.warehouse: (r.name, r.cost_center)
		for r in frappe.get_all(
			"Unit Usaha", filters={"company": company}, fields=["name", "warehouse", "cost_center"]
		)
		if r.warehouse
	}


def pusat_biaya_unit(company: str) -> list[str]:
	return frappe.get_all("Unit Usaha", filters={"company": company}, pluck="cost_center")


def _gudang_baris(row) -> list[str]:
	return [w for w in (row.get("warehouse"), row.get("t_warehouse"), row.get("s_warehouse")) if w]


def tandai_pusat_biaya(doc, method=None) -> None:
	"""Rows stocked in an outlet's warehouse get the outlet's cost center, and so does the header
	when every stocked row is the same outlet's."""
	units = unit_per_gudang(doc.company)
	if not units:
		return
	dipakai = set()
	for row in doc.get("items") or []:
		unit = next((units[w] for w in _gudang_baris(row) if w in units), None)
		if not unit:
			continue
		dipakai.add(unit[1])
		if row.meta.has_field("cost_center"):
			row.cost_center = unit[1]
	if doc.doctype in JUAL and doc.get("pos_profile"):
		cc = frappe.get_cached_value("POS Profile", doc.pos_profile, "cost_center")
		if cc in {u[1] for u in units.values()}:
			dipakai.add(cc)
	if len(dipakai) == 1 and doc.meta.has_field("cost_center"):
		doc.cost_center = dipakai.pop()


def tandai_titipan(doc, method=None) -> None:
	"""Consigned goods move at zero valuation (the member, not the cooperative, owns them)."""
	kode = {row.item_code for row in doc.get("items") or [] if row.get("item_code")}
	if not kode:
		return
	titipan = set(
		frappe.get_all(
			"Item", filters={"name": ("in", list(kode)), "produk_anggota": ("is", "set")}, pluck="name"
		)
	)
	for row in doc.items:
		if row.item_code in titipan:
			row.allow_zero_valuation_rate = 1
			if doc.doctype == "Stock Entry":
				row.basic_rate = 0


def sebelum_validasi(doc, method=None) -> None:
	"""Sales and POS Invoices: the buyer may buy (a member who exited may not, as a member)."""
	anggota = frappe.db.get_value("Customer", doc.customer, "anggota") if doc.customer else None
	if anggota:
		status, nama = frappe.db.get_value("Anggota", anggota, ["status", "nama_lengkap"])
		if status not in keanggotaan.BOLEH_BERTRANSAKSI and not doc.get("is_return"):
			frappe.throw(
				_(
					"{0} is a member with status {1}: they cannot buy as a member. Sell to the walk-in customer instead."
				).format(nama, _(status)),
				title=_("Member cannot transact"),
			)


def validasi(doc, method=None) -> None:
	tandai_pusat_biaya(doc)
	tandai_titipan(doc)
	if doc.doctype in JUAL:
		periksa_bon(doc)


def sebelum_ajukan(doc, method=None) -> None:
	if doc.doctype in JUAL:
		periksa_bon(doc, kunci=True)


def belum_dibayar(doc) -> float:
	"""What the sale leaves open: its total less what was paid (net of change) and written off."""
	if doc.get("is_return"):
		return 0
	total = flt(doc.get("rounded_total")) or flt(doc.grand_total)
	dibayar = 0
	if doc.get("is_pos") or doc.doctype == "POS Invoice":
		# the payments as entered (ERPNext's POS page computes paid_amount in the browser only)
		dibayar = sum(flt(p.amount) for p in doc.get("payments") or []) - flt(doc.get("change_amount"))
	return max(total - dibayar - flt(doc.get("write_off_amount")), 0)


def penjualan_gerai(doc) -> bool:
	"""A sale of one of the outlets (not a training fee or another service invoice)."""
	return doc.get("cost_center") in set(pusat_biaya_unit(doc.company))


def bon_terbuka(customer: str, company: str, kecuali: str | None = None) -> float:
	"""What a buyer still owes the outlets: open Sales Invoices of the units' cost centers, and
	POS sales not yet consolidated into one."""
	ccs = pusat_biaya_unit(company)
	if not ccs:
		return 0
	SI = frappe.qb.DocType("Sales Invoice")
	PI = frappe.qb.DocType("POS Invoice")
	si = (
		frappe.qb.from_(SI)
		.select(Coalesce(Sum(SI.outstanding_amount), 0))
		.where(
			(SI.customer == customer)
			& (SI.company == company)
			& (SI.docstatus == 1)
			& SI.cost_center.isin(ccs)
			& (SI.name != (kecuali or ""))
		)
		.run()[0][0]
	)
	pos = (
		frappe.qb.from_(PI)
		.select(Coalesce(Sum(PI.outstanding_amount), 0))
		.where(
			(PI.customer == customer)
			& (PI.company == company)
			& (PI.docstatus == 1)
			& (Coalesce(PI.consolidated_invoice, "") == "")
			& (PI.name != (kecuali or ""))
		)
		.run()[0][0]
	)
	return flt(si) + flt(pos)


def batas_bon() -> int:
	return int(flt(frappe.db.get_single_value("Pengaturan Koperasi", "batas_bon_anggota")))


def periksa_bon(doc, kunci: bool = False) -> None:
	tambahan = belum_dibayar(doc)
	if tambahan <= 0 or not penjualan_gerai(doc):
		return
	anggota = frappe.db.get_value("Customer", doc.customer, "anggota")
	if anggota and kunci:
		# one member's credit sales are submitted one at a time
		frappe.db.get_value("Anggota", anggota, "name", for_update=True)
	batas = batas_bon()
	terbuka = bon_terbuka(doc.customer, doc.company, kecuali=doc.name) if anggota else 0
	try:
		aturan.periksa_bon(batas, int(terbuka), int(tambahan), bool(anggota))
	except aturan.TitipDitolak as err:
		if err.kode == "bon_umum":
			pesan = _("The walk-in customer pays in full: {0} is still unpaid.").format(rupiah(tambahan))
		elif not batas:
			pesan = _("Members may not buy on credit (the credit limit in Pengaturan Koperasi is 0).")
		else:
			pesan = _(
				"This sale leaves {0} unpaid; with {1} already open the member would exceed the credit limit of {2}."
			).format(rupiah(tambahan), rupiah(terbuka), rupiah(batas))
		frappe.throw(pesan, title=_("Credit limit"))
