# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Buku Simpanan: one member's savings statement for a period (opening, movements, closing)."""

import frappe
from frappe import _

from koperasi_merah_putih.simpanan.buku import buku, periksa_akses


def execute(filters=None):
	filters = frappe._dict(filters or {})
	if not filters.anggota:
		return columns(), []
	periksa_akses(filters.anggota)
	return columns(), data(buku(filters.anggota, filters.dari, filters.sampai))


def columns() -> list[dict]:
	return [
		{"fieldname": "tanggal", "label": _("Tanggal"), "fieldtype": "Date", "width": 100},
		{"fieldname": "jenis_simpanan", "label": _("Jenis Simpanan"), "fieldtype": "Data", "width": 160},
		{"fieldname": "jenis", "label": _("Transaksi"), "fieldtype": "Data", "width": 170},
		{"fieldname": "voucher_type", "label": _("Jenis Dokumen"), "fieldtype": "Data", "hidden": 1},
		{
			"fieldname": "nomor",
			"label": _("Nomor"),
			"fieldtype": "Dynamic Link",
			"options": "voucher_type",
			"width": 160,
		},
		{"fieldname": "setor", "label": _("Setor"), "fieldtype": "Currency", "width": 130},
		{"fieldname": "tarik", "label": _("Tarik"), "fieldtype": "Currency", "width": 130},
		{"fieldname": "saldo", "label": _("Saldo"), "fieldtype": "Currency", "width": 140},
	]


def data(b) -> list[dict]:
	rows = []
	for p in b.produk:
		rows.append(
			{
				"tanggal": b.dari,
				"jenis_simpanan": p.jenis_simpanan,
				"jenis": _("Saldo awal"),
				"saldo": p.saldo_awal,
				"bold": 1,
			}
		)
		for r in p.baris:
			rows.append({**r, "jenis_simpanan": p.jenis_simpanan, "voucher_type": r.voucher_type})
		rows.append(
			{
				"tanggal": b.sampai,
				"jenis_simpanan": p.jenis_simpanan,
				"jenis": _("Saldo akhir"),
				"setor": p.total_setor,
				"tarik": p.total_tarik,
				"saldo": p.saldo_akhir,
				"bold": 1,
			}
		)
	return rows
