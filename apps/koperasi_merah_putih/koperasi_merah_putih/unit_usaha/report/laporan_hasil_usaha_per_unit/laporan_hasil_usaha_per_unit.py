# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Laporan Hasil Usaha per Unit: for a month or a year, each outlet's income, cost of goods sold,
expenses and result (by its Cost Center), the rest of the cooperative (savings and loans, the
office) on a line of its own, and the stock each outlet holds at the period's end. The total line
is the cooperative's result, equal to ERPNext's Profit and Loss for the same dates (the year-end
closing entries left out, as there)."""

from frappe import _
from frappe.utils import flt, getdate

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.unit_usaha import laporan


def execute(filters=None):
	filters = filter_laporan(filters, "GL Entry")
	if not filters:
		return kolom(), []
	dari, sampai = periode(filters)
	baris = laporan.hasil_per_unit(filters.company, dari, sampai)
	ringkas = [{"unit": _("Total"), "bold": 1, **{k: sum(flt(b[k]) for b in baris) for k in laporan.ANGKA}}]
	chart = {
		"data": {
			"labels": [b["unit"] for b in baris],
			"datasets": [{"name": _("Hasil Usaha"), "values": [b["hasil"] for b in baris]}],
		},
		"type": "bar",
	}
	return kolom(), baris + ringkas, None, chart


def periode(filters):
	if not (filters.get("dari_tanggal") and filters.get("sampai_tanggal")):
		hari_ini = getdate()
		return getdate(f"{hari_ini.year}-01-01"), getdate(f"{hari_ini.year}-12-31")
	return getdate(filters.dari_tanggal), getdate(filters.sampai_tanggal)


def kolom():
	uang = {"fieldtype": "Currency", "options": "IDR", "width": 150}
	return [
		{"fieldname": "unit", "label": _("Unit Usaha"), "fieldtype": "Data", "width": 220},
		{"fieldname": "pendapatan", "label": _("Pendapatan"), **uang},
		{"fieldname": "hpp", "label": _("Harga Pokok Penjualan"), **uang},
		{"fieldname": "laba_kotor", "label": _("Laba Kotor"), **uang},
		{"fieldname": "beban", "label": _("Beban"), **uang},
		{"fieldname": "hasil", "label": _("Hasil Usaha"), **uang},
		{"fieldname": "nilai_persediaan", "label": _("Nilai Persediaan"), **uang},
	]
