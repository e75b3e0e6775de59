# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Today's sales of each outlet, a bar per unit (the workspace's chart).

Not wrapped in Frappe's `cache_source`: its cache is keyed by the chart alone, so on a site shared
by several cooperatives one cooperative's figures would be shown to another's staff.
"""

import frappe
from frappe import _

from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.unit_usaha.dashboard import _koperasi, penjualan_hari_ini_per_unit


@frappe.whitelist()
def get(
	chart_name=None,
	chart=None,
	no_cache=None,
	filters=None,
	from_date=None,
	to_date=None,
	timespan=None,
	time_interval=None,
	heatmap_year=None,
	refresh=None,
) -> dict:
	company = _koperasi(filters)
	per_cc = penjualan_hari_ini_per_unit(company)
	units = frappe.get_all(
		"Unit Usaha",
		filters={"company": company, "status": ["!=", aturan.TUTUP]},
		fields=["nama_unit", "cost_center"],
		order_by="nama_unit asc",
	)
	return {
		"labels": [u.nama_unit for u in units],
		"datasets": [{"name": _("Today's sales"), "values": [per_cc.get(u.cost_center, 0) for u in units]}],
		"type": "bar",
	}
