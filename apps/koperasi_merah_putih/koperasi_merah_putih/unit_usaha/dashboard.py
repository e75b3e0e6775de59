# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Figures of the Unit Usaha workspace: today's sales of every outlet (POS sales not yet
consolidated included), the stock the outlets hold, and the members' open credit (bon)."""

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Sum
from frappe.utils import flt, today

from koperasi_merah_putih.izin import periksa_koperasi
from koperasi_merah_putih.koperasi.dashboard import _company
from koperasi_merah_putih.unit_usaha import laporan, penjualan


def _koperasi(filters) -> str:
	frappe.has_permission("Unit Usaha", "read", throw=True)
	return periksa_koperasi(_company(filters))


def penjualan_hari_ini_per_unit(company: str, tanggal=None) -> dict:
	"""cost center -> today's net sales (Sales Invoices, and POS Invoices not yet consolidated)."""
	tanggal = tanggal or today()
	hasil = {}
	for doctype in ("Sales Invoice", "POS Invoice"):
		T = DocType(doctype)
		q = (
			frappe.qb.from_(T)
			.select(T.cost_center, Coalesce(Sum(T.base_net_total), 0))
			.where((T.company == company) & (T.docstatus == 1) & (T.posting_date == tanggal))
			.groupby(T.cost_center)
		)
		if doctype == "POS Invoice":
			q = q.where(Coalesce(T.consolidated_invoice, "") == "")
		for cc, s in q.run():
			hasil[cc] = hasil.get(cc, 0) + flt(s)
	return hasil


def _uang(company: str, value: float, route: list) -> dict:
	return {
		"value": value,
		"fieldtype": "Currency",
		"options": frappe.get_cached_value("Company", company, "default_currency"),
		"route": route,
	}


@frappe.whitelist()
def penjualan_hari_ini(filters: str | dict | None = None) -> dict:
	company = _koperasi(filters)
	ccs = set(penjualan.pusat_biaya_unit(company))
	nilai = sum(v for cc, v in penjualan_hari_ini_per_unit(company).items() if cc in ccs)
	return _uang(company, nilai, ["query-report", "Laporan Hasil Usaha per Unit"])


@frappe.whitelist()
def nilai_persediaan(filters: str | dict | None = None) -> dict:
	company = _koperasi(filters)
	gudang = set(frappe.get_all("Unit Usaha", filters={"company": company}, pluck="warehouse"))
	nilai = sum(v for w, v in laporan.nilai_persediaan(company, today()).items() if w in gudang)
	return _uang(company, nilai, ["query-report", "Stock Balance"])


@frappe.whitelist()
def bon_anggota(filters: str | dict | None = None) -> dict:
	company = _koperasi(filters)
	frappe.has_permission("Sales Invoice", "read", throw=True)
	return _uang(
		company,
		penjualan.bon_terbuka(None, company),
		["List", "Sales Invoice", {"outstanding_amount": [">", 0]}],
	)
