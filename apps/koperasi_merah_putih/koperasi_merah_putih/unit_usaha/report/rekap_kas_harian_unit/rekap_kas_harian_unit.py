# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Rekap Kas Harian Unit: an outlet's cash book as its manager kept it on paper, one line a day
(opening balance, cash in, cash out, closing balance), read from the unit's own cash account."""

import frappe
from frappe import _
from frappe.utils import get_first_day, get_last_day, getdate

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.unit_usaha import laporan


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.unit_usaha:
		return kolom(), []
	filters.company = frappe.db.get_value("Unit Usaha", filters.unit_usaha, "company")
	filters = filter_laporan(filters, "GL Entry")
	if not filters:
		return kolom(), []
	frappe.has_permission("Unit Usaha", "read", doc=filters.unit_usaha, throw=True)
	hari_ini = getdate()
	dari = getdate(filters.dari_tanggal or get_first_day(hari_ini))
	sampai = getdate(filters.sampai_tanggal or get_last_day(hari_ini))
	return kolom(), laporan.kas_harian(filters.unit_usaha, dari, sampai)


def kolom():
	uang = {"fieldtype": "Currency", "options": "IDR", "width": 150}
	return [
		{"fieldname": "tanggal", "label": _("Tanggal"), "fieldtype": "Date", "width": 110},
		{"fieldname": "saldo_awal", "label": _("Saldo Awal"), **uang},
		{"fieldname": "masuk", "label": _("Kas Masuk"), **uang},
		{"fieldname": "keluar", "label": _("Kas Keluar"), **uang},
		{"fieldname": "saldo_akhir", "label": _("Saldo Akhir"), **uang},
		{"fieldname": "transaksi", "label": _("Jumlah Transaksi"), "fieldtype": "Int", "width": 120},
	]
