# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Daftar Anggota: the member register, filtered by status, ward, gender, age band and month joined."""

import calendar
from datetime import date

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import cint, getdate, today

from koperasi_merah_putih.izin import koperasi_terpilih
from koperasi_merah_putih.rules import keanggotaan as aturan


def execute(filters=None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Anggota", "report", throw=True)
	pada = getdate(filters.pada or today())
	rows = get_data(filters, pada)
	return columns(), rows, None, chart(rows)


def columns() -> list[dict]:
	return [
		{"fieldname": "nomor_anggota", "label": _("Nomor Anggota"), "fieldtype": "Data", "width": 140},
		{"fieldname": "name", "label": _("Anggota"), "fieldtype": "Link", "options": "Anggota", "width": 140},
		{"fieldname": "nama_lengkap", "label": _("Nama Lengkap"), "fieldtype": "Data", "width": 200},
		{"fieldname": "jenis_kelamin", "label": _("Jenis Kelamin"), "fieldtype": "Data", "width": 100},
		{"fieldname": "umur", "label": _("Umur"), "fieldtype": "Int", "width": 70},
		{"fieldname": "kelompok_umur", "label": _("Kelompok Umur"), "fieldtype": "Data", "width": 100},
		{"fieldname": "kelurahan", "label": _("Kelurahan / Desa"), "fieldtype": "Data", "width": 140},
		{"fieldname": "rt_rw", "label": _("RT/RW"), "fieldtype": "Data", "width": 80},
		{"fieldname": "nomor_hp", "label": _("Nomor HP"), "fieldtype": "Data", "width": 140},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 100},
		{
			"fieldname": "tanggal_bergabung",
			"label": _("Tanggal Bergabung"),
			"fieldtype": "Date",
			"width": 110,
		},
		{"fieldname": "pekerjaan", "label": _("Pekerjaan"), "fieldtype": "Data", "width": 120},
		{"fieldname": "nama_usaha", "label": _("Usaha"), "fieldtype": "Data", "width": 140},
	]


def get_data(filters, pada: date) -> list[dict]:
	A = DocType("Anggota")
	q = (
		frappe.qb.from_(A)
		.select(
			A.name,
			A.nomor_anggota,
			A.nama_lengkap,
			A.jenis_kelamin,
			A.tanggal_lahir,
			A.kelurahan,
			A.rt,
			A.rw,
			A.nomor_hp,
			A.status,
			A.tanggal_bergabung,
			A.pekerjaan,
			A.nama_usaha,
		)
		.orderby(A.nomor_anggota)
		.orderby(A.name)
	)
	q = q.where(A.company.isin(koperasi_terpilih(filters.company)))
	if filters.status:
		q = q.where(A.status == filters.status)
	if filters.kelurahan:
		q = q.where(A.kelurahan == filters.kelurahan)
	if filters.jenis_kelamin:
		q = q.where(A.jenis_kelamin == filters.jenis_kelamin)
	if filters.kelompok_umur:
		if filters.kelompok_umur not in [k[0] for k in aturan.KELOMPOK_UMUR]:
			frappe.throw(_("Unknown age band {0}.").format(filters.kelompok_umur))
		paling_tua, paling_muda = aturan.rentang_lahir(filters.kelompok_umur, pada)
		q = q.where(A.tanggal_lahir <= paling_muda)
		if paling_tua:
			q = q.where(A.tanggal_lahir >= paling_tua)
	if filters.tahun_bergabung:
		tahun = cint(filters.tahun_bergabung)
		bulan = cint(filters.bulan_bergabung)
		awal = date(tahun, bulan or 1, 1)
		akhir = date(tahun, bulan or 12, calendar.monthrange(tahun, bulan or 12)[1])
		q = q.where(A.tanggal_bergabung.between(awal, akhir))
	rows = q.run(as_dict=True)
	for row in rows:
		usia = aturan.umur(getdate(row.tanggal_lahir), pada)
		row.umur = usia
		row.kelompok_umur = aturan.kelompok_umur(usia)
		row.rt_rw = f"{row.rt or '-'}/{row.rw or '-'}"
		row.status = _(row.status)
	return rows


def chart(rows: list[dict]) -> dict | None:
	if not rows:
		return None
	labels = [k[0] for k in aturan.KELOMPOK_UMUR]
	by = {(label, jk): 0 for label in labels for jk in ("Laki-laki", "Perempuan")}
	for row in rows:
		by[(row.kelompok_umur, row.jenis_kelamin)] = by.get((row.kelompok_umur, row.jenis_kelamin), 0) + 1
	return {
		"data": {
			"labels": labels,
			"datasets": [
				{"name": _("Laki-laki"), "values": [by[(label, "Laki-laki")] for label in labels]},
				{"name": _("Perempuan"), "values": [by[(label, "Perempuan")] for label in labels]},
			],
		},
		"type": "bar",
		"barOptions": {"stacked": 1},
	}
