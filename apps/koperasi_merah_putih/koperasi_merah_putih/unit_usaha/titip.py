# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Titip jual: members' products sold through an outlet on consignment.

A published consigned product is an ERPNext Item (group "Titip Jual Anggota", linked back by
`Item.produk_anggota`) priced in the outlet's selling price list, and its member an ERPNext
Supplier (linked by `Supplier.anggota`). Goods come in with a Stock Entry (Material Receipt) at
zero valuation: the cooperative does not buy them. They sell at the outlet like any item (income
4201 at the full price, no cost of goods). What sold is settled with the member by a Penyelesaian
Titip Jual: an ERPNext Purchase Invoice for the member's due (sales less the commission in
Pengaturan Koperasi, booked as cost of goods 5101) paid at once in cash, by transfer or into the
member's simpanan sukarela, through the app's posting path.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import flt, getdate, nowdate

from koperasi_merah_putih.unit_usaha.siapkan import (
	GRUP_TITIP_JUAL,
	HARGA_UMUM,
	daftar_harga,
	grup_pemasok_anggota,
	kelompok_barang,
)

# the non-stock line of a settlement's Purchase Invoice
BARANG_PENYELESAIAN = "TITIP-JUAL-ANGGOTA"


def pemasok(anggota) -> str:
	"""The member's Supplier (made once, named like the member's Customer: the member number)."""
	ada = frappe.db.get_value("Supplier", {"anggota": anggota.name})
	if ada:
		return ada
	d = frappe.get_doc(
		{
			"doctype": "Supplier",
			"supplier_name": anggota.nama_usaha or anggota.nama_lengkap,
			"supplier_group": grup_pemasok_anggota(),
			"supplier_type": "Individual",
			"country": "Indonesia",
			"anggota": anggota.name,
		}
	)
	d.flags.ignore_permissions = True
	d.insert(
		set_name=anggota.nomor_anggota if not frappe.db.exists("Supplier", anggota.nomor_anggota) else None
	)
	return d.name


def barang(produk) -> str:
	"""The consigned product's Item, its name and price kept in step with the product."""
	harga = flt(produk.harga)
	if produk.item and frappe.db.exists("Item", produk.item):
		frappe.db.set_value("Item", produk.item, {"item_name": produk.nama_produk[:140], "disabled": 0})
	else:
		item = frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": produk.name,
				"item_name": produk.nama_produk[:140],
				"item_group": kelompok_barang(GRUP_TITIP_JUAL, produk.company),
				"stock_uom": produk.satuan or "Nos",
				"is_stock_item": 1,
				"is_purchase_item": 0,
				"include_item_in_manufacturing": 0,
				"valuation_rate": 0,
				"description": produk.deskripsi or produk.nama_produk,
				"produk_anggota": produk.name,
			}
		)
		item.flags.ignore_permissions = True
		item.insert()
		produk.item = item.name
	daftar = daftar_harga(HARGA_UMUM)
	ada = frappe.db.get_value("Item Price", {"item_code": produk.item, "price_list": daftar})
	if ada:
		frappe.db.set_value("Item Price", ada, "price_list_rate", harga)
	else:
		d = frappe.get_doc(
			{
				"doctype": "Item Price",
				"item_code": produk.item,
				"price_list": daftar,
				"price_list_rate": harga,
			}
		)
		d.flags.ignore_permissions = True
		d.insert()
	return produk.item


def barang_penyelesaian() -> str:
	if not frappe.db.exists("Item", BARANG_PENYELESAIAN):
		d = frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": BARANG_PENYELESAIAN,
				"item_name": _("Settlement of members' consigned goods"),
				"item_group": frappe.db.exists("Item Group", "Services") or kelompok_barang(_("Jasa")),
				"stock_uom": "Nos",
				"is_stock_item": 0,
				"is_sales_item": 0,
				"is_purchase_item": 1,
			}
		)
		d.flags.ignore_permissions = True
		d.insert()
	return BARANG_PENYELESAIAN


@frappe.whitelist(methods=["POST"])
def terima_titipan(produk: str, qty, posting_date: str | None = None) -> str:
	"""Receive a member's consigned goods into the outlet's warehouse (a Stock Entry, submitted as
	the user: their Stock Entry permissions apply)."""
	doc = frappe.get_doc("Produk Anggota", produk)
	doc.check_permission("read")
	from koperasi_merah_putih.rules import unit_usaha as aturan

	if doc.status != aturan.TERBIT or not doc.titip_jual or not doc.item:
		frappe.throw(_("Only a published consigned product can be received into an outlet."))
	qty = flt(qty)
	if qty <= 0:
		frappe.throw(_("The quantity received must be more than zero."))
	gudang = frappe.db.get_value("Unit Usaha", doc.unit_usaha, "warehouse")
	se = frappe.get_doc(
		{
			"doctype": "Stock Entry",
			"stock_entry_type": "Material Receipt",
			"purpose": "Material Receipt",
			"company": doc.company,
			"posting_date": getdate(posting_date or nowdate()),
			"set_posting_time": 1,
			"remarks": _("Consigned goods of {0} ({1})").format(doc.nama_anggota, doc.name),
			"items": [
				{
					"item_code": doc.item,
					"qty": qty,
					"t_warehouse": gudang,
					"allow_zero_valuation_rate": 1,
					"basic_rate": 0,
				}
			],
		}
	)
	se.insert()
	se.submit()
	return se.name


def penjualan_belum_diselesaikan(
	anggota: str, unit: str, dari, sampai, kecuali: str | None = None
) -> list[dict]:
	"""The member's consigned goods sold by the outlet between two dates (returns negative) and not
	yet in a settlement that is not cancelled (`kecuali`: the settlement being made)."""
	SI = DocType("Sales Invoice")
	SII = DocType("Sales Invoice Item")
	IT = DocType("Item")
	PA = DocType("Produk Anggota")
	R = DocType("Rincian Titip Jual")
	P = DocType("Penyelesaian Titip Jual")
	gudang = frappe.db.get_value("Unit Usaha", unit, "warehouse")
	sudah = (
		frappe.qb.from_(R)
		.join(P)
		.on(P.name == R.parent)
		.select(R.sales_invoice_item)
		# a sale settled once is settled, whoever's settlement took it
		.where((P.docstatus < 2) & (P.name != (kecuali or "")))
	)
	return (
		frappe.qb.from_(SII)
		.join(SI)
		.on(SI.name == SII.parent)
		.join(IT)
		.on(IT.name == SII.item_code)
		.join(PA)
		.on(PA.name == IT.produk_anggota)
		.select(
			PA.name.as_("produk_anggota"),
			SII.item_code,
			SI.name.as_("sales_invoice"),
			SII.name.as_("sales_invoice_item"),
			SI.posting_date,
			SII.stock_qty.as_("qty"),
			SII.base_net_amount.as_("penjualan"),
		)
		.where(
			(SI.docstatus == 1)
			& (PA.anggota == anggota)
			& (SII.warehouse == gudang)
			& (SI.posting_date >= getdate(dari))
			& (SI.posting_date <= getdate(sampai))
			& SII.name.notin(sudah)
		)
		.orderby(SI.posting_date)
		.orderby(SII.name)
		.run(as_dict=True)
	)
