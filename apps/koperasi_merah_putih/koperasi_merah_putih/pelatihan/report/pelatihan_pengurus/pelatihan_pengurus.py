# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pelatihan Pengurus: who sits on the board or the supervisory board today and whether they have
completed the training the settings require of them (default: Manajemen Koperasi)."""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import getdate, today

from koperasi_merah_putih.izin import koperasi_terpilih
from koperasi_merah_putih.rules import pelatihan as aturan


def topik_wajib() -> str:
	return frappe.db.get_single_value("Pengaturan Koperasi", "topik_wajib_pengurus") or "Manajemen Koperasi"


def execute(filters=None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Pendaftaran Pelatihan", "report", throw=True)
	topik = topik_wajib()
	return columns(topik), data(filters, topik)


def columns(topik: str) -> list[dict]:
	return [
		{
			"fieldname": "anggota",
			"label": _("Anggota"),
			"fieldtype": "Link",
			"options": "Anggota",
			"width": 130,
		},
		{"fieldname": "nama_anggota", "label": _("Nama Lengkap"), "fieldtype": "Data", "width": 190},
		{"fieldname": "organ", "label": _("Organ"), "fieldtype": "Data", "width": 100},
		{"fieldname": "jabatan", "label": _("Jabatan"), "fieldtype": "Data", "width": 130},
		{"fieldname": "sudah", "label": _("Lulus {0}").format(_(topik)), "fieldtype": "Check", "width": 170},
		{
			"fieldname": "pelatihan",
			"label": _("Pelatihan"),
			"fieldtype": "Link",
			"options": "Pelatihan",
			"width": 160,
		},
		{"fieldname": "tanggal_lulus", "label": _("Tanggal Lulus"), "fieldtype": "Date", "width": 110},
	]


def data(filters, topik: str) -> list[dict]:
	pada = getdate(filters.pada or today())
	M = DocType("Masa Jabatan")
	q = (
		frappe.qb.from_(M)
		.select(M.anggota, M.nama_anggota, M.organ, M.jabatan)
		.where((M.tanggal_mulai <= pada) & (M.tanggal_selesai.isnull() | (M.tanggal_selesai >= pada)))
		.orderby(M.organ)
		.orderby(M.jabatan)
	)
	q = q.where(M.company.isin(koperasi_terpilih(filters.company)))
	pejabat = q.run(as_dict=True)
	if not pejabat:
		return []
	R, P = DocType("Pendaftaran Pelatihan"), DocType("Pelatihan")
	lulus = {}
	for r in (
		frappe.qb.from_(R)
		.join(P)
		.on(P.name == R.pelatihan)
		.select(R.anggota, R.pelatihan, R.tanggal_lulus)
		.where(
			R.anggota.isin([p.anggota for p in pejabat])
			& (R.lulus == 1)
			& (R.status == aturan.TERDAFTAR)
			& (P.topik == topik)
		)
		.orderby(R.tanggal_lulus)
		.run(as_dict=True)
	):
		lulus[r.anggota] = r  # the latest
	return [
		{
			**p,
			"organ": _(p.organ),
			"jabatan": _(p.jabatan),
			"sudah": 1 if p.anggota in lulus else 0,
			"pelatihan": lulus.get(p.anggota, {}).get("pelatihan"),
			"tanggal_lulus": lulus.get(p.anggota, {}).get("tanggal_lulus"),
		}
		for p in pejabat
	]
