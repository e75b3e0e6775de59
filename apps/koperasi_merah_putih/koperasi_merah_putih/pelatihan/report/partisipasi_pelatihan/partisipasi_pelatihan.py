# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Partisipasi Pelatihan: registrations, participants, attendance, completions, completion rate
and the feedback's average stars, grouped by topic, kelurahan, gender or month."""

import frappe
from frappe import _
from frappe.query_builder import CustomFunction, DocType
from frappe.query_builder.functions import Avg, Count, Date, Sum
from frappe.utils import flt, getdate

from koperasi_merah_putih.izin import koperasi_terpilih
from koperasi_merah_putih.rules import pelatihan as aturan

KELOMPOK = {"Topik": "topik", "Kelurahan": "kelurahan", "Jenis Kelamin": "jenis_kelamin", "Bulan": "bulan"}


def execute(filters=None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Pendaftaran Pelatihan", "report", throw=True)
	kelompok = filters.kelompok if filters.kelompok in KELOMPOK else "Topik"
	rows = data(filters, kelompok)
	chart = {
		"data": {
			"labels": [r["kelompok"] for r in rows],
			"datasets": [
				{"name": _("Peserta"), "values": [r["peserta"] for r in rows]},
				{"name": _("Lulus"), "values": [r["lulus"] for r in rows]},
			],
		},
		"type": "bar",
	}
	return columns(kelompok), rows, None, chart


def columns(kelompok: str) -> list[dict]:
	return [
		{"fieldname": "kelompok", "label": _(kelompok), "fieldtype": "Data", "width": 180},
		{"fieldname": "pelatihan", "label": _("Pelatihan"), "fieldtype": "Int", "width": 90},
		{"fieldname": "pendaftar", "label": _("Pendaftar"), "fieldtype": "Int", "width": 100},
		{"fieldname": "peserta", "label": _("Peserta"), "fieldtype": "Int", "width": 90},
		{"fieldname": "hadir", "label": _("Hadir"), "fieldtype": "Int", "width": 80},
		{"fieldname": "lulus", "label": _("Lulus"), "fieldtype": "Int", "width": 80},
		{
			"fieldname": "tingkat_kelulusan",
			"label": _("Tingkat Kelulusan (%)"),
			"fieldtype": "Percent",
			"width": 150,
		},
		{
			"fieldname": "nilai",
			"label": _("Rata-rata Nilai (1-5)"),
			"fieldtype": "Float",
			"precision": 1,
			"width": 150,
		},
	]


def data(filters, kelompok: str) -> list[dict]:
	R, P, U = DocType("Pendaftaran Pelatihan"), DocType("Pelatihan"), DocType("Umpan Balik Pelatihan")
	if kelompok == "Bulan":
		kunci = CustomFunction("DATE_FORMAT", ["tanggal", "format"])(P.mulai, "%Y-%m")
	elif kelompok == "Topik":
		kunci = P.topik
	else:
		kunci = R[KELOMPOK[kelompok]]
	q = (
		frappe.qb.from_(R)
		.join(P)
		.on(P.name == R.pelatihan)
		.left_join(U)
		.on(U.pendaftaran == R.name)
		.select(
			kunci.as_("kunci"),
			Count(R.pelatihan).distinct().as_("pelatihan"),
			Count(R.name).as_("pendaftar"),
			Sum(R.status == aturan.TERDAFTAR).as_("peserta"),
			Sum((R.status == aturan.TERDAFTAR) & (R.jumlah_hadir > 0)).as_("hadir"),
			Sum((R.status == aturan.TERDAFTAR) & (R.lulus == 1)).as_("lulus"),
			Avg(U.nilai_keseluruhan).as_("nilai"),
		)
		.where(R.status != aturan.DIBATALKAN)
		.groupby(kunci)
		.orderby(kunci)
	)
	q = q.where(P.company.isin(koperasi_terpilih(filters.company)))
	if filters.dari:
		q = q.where(P.mulai >= getdate(filters.dari))
	if filters.sampai:
		q = q.where(Date(P.mulai) <= getdate(filters.sampai))
	out = []
	for r in q.run(as_dict=True):
		label = r.kunci
		out.append(
			{
				"kelompok": _(label) if label else _("(tidak diisi)"),
				"pelatihan": r.pelatihan,
				"pendaftar": r.pendaftar,
				"peserta": int(flt(r.peserta)),
				"hadir": int(flt(r.hadir)),
				"lulus": int(flt(r.lulus)),
				"tingkat_kelulusan": 100.0 * flt(r.lulus) / flt(r.peserta) if flt(r.peserta) else 0.0,
				"nilai": round(flt(r.nilai) * 5, 1) if r.nilai is not None else None,
			}
		)
	return out
