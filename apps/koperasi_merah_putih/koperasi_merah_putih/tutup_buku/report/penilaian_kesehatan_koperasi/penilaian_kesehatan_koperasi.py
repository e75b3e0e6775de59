# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Penilaian Kesehatan Koperasi (indicative): the ratios a supervisor reads, from the ledger, with
the bands of rules/shu.RASIO. Not the Kemenkop rating itself."""

from frappe import _

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.tutup_buku import laporan


def execute(filters=None):
	filters = filter_laporan(filters, "GL Entry")
	if not filters or not filters.fiscal_year:
		return [], []
	columns = [
		{"fieldname": "rasio", "label": _("Rasio"), "fieldtype": "Data", "width": 380},
		{"fieldname": "nilai", "label": _("Nilai (%)"), "fieldtype": "Float", "precision": 2, "width": 120},
		{"fieldname": "predikat", "label": _("Predikat"), "fieldtype": "Data", "width": 140},
	]
	rows = [
		{
			"rasio": _(r["rasio"]),
			"nilai": float(r["nilai"]) if r["nilai"] is not None else None,
			"predikat": _(r["predikat"]),
		}
		for r in laporan.kesehatan(filters.company, filters.fiscal_year)
	]
	message = _("Indicative figures from the ledger, not the Kemenkop health rating.")
	return columns, rows, message
