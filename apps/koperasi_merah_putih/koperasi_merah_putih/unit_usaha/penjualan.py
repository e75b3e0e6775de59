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
from erpnext.stock.get_item_details import get_price_list_rate_for
from frappe import _
from frappe.query_builder import Case
from frappe.query_builder.functions import Coalesce, Sum
from frappe.utils import flt

from koperasi_merah_putih.integritas import periksa_tanggal
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
	when every stocked row is the same outlet's. A sale is one outlet's: rows from two outlets, or
	from another outlet than the till's, are refused (the sale would fall out of both outlets'
	results, credit and the members' purchases)."""
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
	if doc.doctype in JUAL and len(dipakai) > 1:
		frappe.throw(
			_(
				"One sale is one outlet's: these items are stocked at different outlets, or not at this till's."
			),
			title=_("Several outlets"),
		)
	if len(dipakai) == 1 and doc.meta.has_field("cost_center"):
		doc.cost_center = dipakai.pop()


def tandai_titipan(doc, method=None) -> None:
	"""Consigned goods move at zero valuation (the member, not the cooperative, owns them); run
	before ERPNext values the rows, so whatever rate a client sent is not taken."""
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
			for field in ("basic_rate", "valuation_rate", "incoming_rate"):
				if row.meta.has_field(field):
					row.set(field, 0)


def sebelum_validasi_stok(doc, method=None) -> None:
	"""Buying and stock documents: consigned goods at zero valuation, dated as the app's rule says."""
	tandai_titipan(doc)
	periksa_tanggal(doc)


def sebelum_validasi(doc, method=None) -> None:
	"""Sales and POS Invoices: dated as the app's rule says, consigned goods at zero valuation, and
	the buyer may buy (a member who exited may not, as a member)."""
	periksa_tanggal(doc)
	tandai_titipan(doc)
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
	# the till's closing merges POS Invoices already checked one by one into a Sales Invoice
	if doc.doctype in JUAL and not doc.get("is_consolidated"):
		periksa_kasir(doc)
		periksa_bon(doc)


def sebelum_ajukan(doc, method=None) -> None:
	if doc.doctype in JUAL and not doc.get("is_consolidated"):
		periksa_bon(doc, kunci=True)


def _dibayar(doc) -> float:
	# the payments as entered (ERPNext's POS page computes paid_amount in the browser only, so the
	# field is whatever a client sent)
	if doc.get("is_pos") or doc.doctype == "POS Invoice":
		return sum(flt(p.amount) for p in doc.get("payments") or [])
	return 0


def belum_dibayar(doc) -> float:
	"""What the sale leaves open: its total less what was paid (net of change) and written off."""
	if doc.get("is_return"):
		return 0
	return aturan.belum_dibayar(
		flt(doc.get("rounded_total")) or flt(doc.grand_total),
		_dibayar(doc),
		flt(doc.get("change_amount")),
		flt(doc.get("write_off_amount")),
	)


def penjualan_gerai(doc) -> bool:
	"""A sale of one of the outlets (not a training fee or another service invoice)."""
	return doc.get("cost_center") in set(pusat_biaya_unit(doc.company))


def periksa_kasir(doc) -> None:
	"""What ERPNext's till enforces only in the browser, enforced here for a sale made on a POS
	Profile: its price list (or the member's), its prices unless it allows changing them, no
	discount unless it allows one, and no write-off above its limit."""
	if not doc.get("pos_profile") or doc.get("is_return"):
		return
	profil = frappe.get_cached_doc("POS Profile", doc.pos_profile)
	boleh_daftar = {profil.selling_price_list}
	if doc.customer:
		grup = frappe.get_cached_value("Customer", doc.customer, "customer_group")
		boleh_daftar |= {
			frappe.get_cached_value("Customer", doc.customer, "default_price_list"),
			frappe.get_cached_value("Customer Group", grup, "default_price_list") if grup else None,
		}
	if doc.selling_price_list not in boleh_daftar:
		frappe.throw(_("This till sells at the prices of {0}.").format(profil.selling_price_list))
	if not profil.allow_discount_change and (
		flt(doc.get("additional_discount_percentage")) or flt(doc.get("discount_amount"))
	):
		frappe.throw(_("This till does not give discounts."), title=_("Discount"))
	if flt(doc.get("write_off_amount")) > flt(profil.write_off_limit):
		frappe.throw(
			_("This till writes off at most {0}; {1} was asked.").format(
				rupiah(profil.write_off_limit), rupiah(doc.write_off_amount)
			),
			title=_("Write-off"),
		)
	for row in doc.items:
		harga = get_price_list_rate_for(
			frappe._dict(
				price_list=doc.selling_price_list,
				customer=doc.customer,
				uom=row.uom,
				stock_uom=row.stock_uom,
				conversion_factor=row.conversion_factor or 1,
				transaction_date=doc.posting_date,
				qty=row.qty,
			),
			row.item_code,
		)
		try:
			aturan.periksa_harga_kasir(
				flt(harga) if harga else None,
				flt(row.price_list_rate),
				flt(row.rate),
				bool(profil.allow_rate_change),
				bool(profil.allow_discount_change),
			)
		except aturan.TitipDitolak as err:
			if err.kode == "tanpa_harga":
				pesan = _("{0} has no price above zero in {1}.").format(
					row.item_name or row.item_code, doc.selling_price_list
				)
			elif err.kode == "ubah_harga":
				pesan = _("{0} sells at {1} at this till, not {2}.").format(
					row.item_name or row.item_code, rupiah(err.nilai[0]), rupiah(err.nilai[1])
				)
			else:
				pesan = _("This till does not give discounts: {0} sells at {1}.").format(
					row.item_name or row.item_code, rupiah(err.nilai[0])
				)
			frappe.throw(pesan, title=_("Price"))


def bon_terbuka(customer: str | None, company: str, kecuali: str | None = None) -> float:
	"""What a buyer (None: every member) still owes the outlets: open Sales Invoices of the units'
	cost centers, and POS sales not yet consolidated into one."""
	ccs = pusat_biaya_unit(company)
	if not ccs:
		return 0
	SI = frappe.qb.DocType("Sales Invoice")
	PI = frappe.qb.DocType("POS Invoice")
	C = frappe.qb.DocType("Customer")

	def pembeli(T):
		if customer:
			return T.customer == customer
		return T.customer.isin(frappe.qb.from_(C).select(C.name).where(C.anggota.isnotnull()))

	si = (
		frappe.qb.from_(SI)
		.select(Coalesce(Sum(SI.outstanding_amount), 0))
		.where(
			pembeli(SI)
			& (SI.company == company)
			& (SI.docstatus == 1)
			& SI.cost_center.isin(ccs)
			& (SI.name != (kecuali or ""))
		)
		.run()[0][0]
	)
	# a POS sale's outstanding_amount stays 0 until its closing (ERPNext computes it there): what is
	# open is its total less what its payments rows hold
	P = frappe.qb.DocType("Sales Invoice Payment")
	dibayar = (
		frappe.qb.from_(P)
		.select(Coalesce(Sum(P.amount), 0))
		.where((P.parent == PI.name) & (P.parenttype == "POS Invoice"))
	)
	pos = sum(
		aturan.belum_dibayar(flt(total), flt(bayar), flt(kembali), flt(hapus))
		for total, bayar, kembali, hapus in frappe.qb.from_(PI)
		.select(
			Case().when(PI.rounded_total > 0, PI.rounded_total).else_(PI.grand_total),
			dibayar,
			PI.change_amount,
			PI.write_off_amount,
		)
		.where(
			pembeli(PI)
			& (PI.company == company)
			& (PI.docstatus == 1)
			& (PI.is_return == 0)
			& (Coalesce(PI.consolidated_invoice, "") == "")
			& (PI.name != (kecuali or ""))
		)
		.run()
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
