# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Figures for the loans' number cards on the Koperasi workspace (positions as the daily job
left them)."""

import frappe
from frappe.utils import flt

from koperasi_merah_putih.izin import periksa_koperasi
from koperasi_merah_putih.koperasi.dashboard import _company
from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import tabel_kelas
from koperasi_merah_putih.rules import pinjaman as aturan


def _aktif(filters) -> tuple[str, list]:
	frappe.has_permission("Pinjaman", "read", throw=True)
	company = periksa_koperasi(_company(filters))
	rows = frappe.get_all(
		"Pinjaman",
		filters={"company": company, "docstatus": 1, "status": aturan.AKTIF},
		fields=["sisa_pokok", "sisa_biaya", "hari_tunggakan"],
	)
	return company, rows


@frappe.whitelist()
def outstanding(filters: str | dict | None = None) -> dict:
	company, rows = _aktif(filters)
	return {
		"value": sum(flt(r.sisa_pokok) + flt(r.sisa_biaya) for r in rows),
		"fieldtype": "Currency",
		"options": frappe.get_cached_value("Company", company, "default_currency"),
		"route": ["query-report", "Outstanding Pinjaman"],
	}


@frappe.whitelist()
def npl(filters: str | dict | None = None) -> dict:
	_company_, rows = _aktif(filters)
	rasio = aturan.rasio_npl(
		[(int(flt(r.sisa_pokok) + flt(r.sisa_biaya)), int(r.hari_tunggakan or 0)) for r in rows],
		tabel_kelas(),
	)
	return {
		"value": flt(rasio, 2),
		"fieldtype": "Percent",
		"route": ["query-report", "Kolektibilitas dan NPL"],
	}
