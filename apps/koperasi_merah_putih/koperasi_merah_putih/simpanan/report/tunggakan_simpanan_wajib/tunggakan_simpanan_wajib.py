# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Tunggakan Simpanan Wajib: members with unpaid wajib months, with a WhatsApp reminder link (the
query is `simpanan.tagihan.tunggakan`, which the email reminders read too)."""

import frappe
from frappe import _

from koperasi_merah_putih.simpanan.tagihan import tunggakan


def execute(filters=None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Tagihan Simpanan Wajib", "report", throw=True)
	return columns(), tunggakan(filters.company, filters.pada, filters.anggota)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "anggota",
			"label": _("Anggota"),
			"fieldtype": "Link",
			"options": "Anggota",
			"width": 140,
		},
		{"fieldname": "nama_anggota", "label": _("Nama Lengkap"), "fieldtype": "Data", "width": 200},
		{"fieldname": "nomor_hp", "label": _("Nomor HP"), "fieldtype": "Data", "width": 140},
		{"fieldname": "jumlah_bulan", "label": _("Bulan Tertunggak"), "fieldtype": "Int", "width": 90},
		{"fieldname": "bulan", "label": _("Periode"), "fieldtype": "Data", "width": 220},
		{"fieldname": "total", "label": _("Jumlah Tunggakan"), "fieldtype": "Currency", "width": 140},
		{"fieldname": "pengingat", "label": _("Pengingat"), "fieldtype": "HTML", "width": 120},
	]
