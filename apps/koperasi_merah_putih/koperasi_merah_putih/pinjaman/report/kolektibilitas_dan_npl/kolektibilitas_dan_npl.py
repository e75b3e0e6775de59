# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Kolektibilitas dan NPL: active loans by collectibility class on a date (the cooperative's
table from Pengaturan Pinjaman), each class's provision rate and the PPAP it requires, the NPL
ratio with its Kemenkop health category, and the reserve held against what is required."""

from frappe import _
from frappe.utils import flt, getdate, today

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import tabel_kelas
from koperasi_merah_putih.pinjaman.harian import posisi_semua
from koperasi_merah_putih.pinjaman.posisi import saldo_akun_produk
from koperasi_merah_putih.rules import pinjaman as aturan


def execute(filters=None):
	filters = filter_laporan(filters, "Pinjaman")
	if not filters:
		return [], []
	hari_ini = getdate(filters.pada or today())
	rows, semua = data(filters.company, hari_ini)
	return columns(), rows, None, grafik(rows), ringkasan(filters.company, hari_ini, rows, semua)


def columns() -> list[dict]:
	return [
		{"fieldname": "kelas", "label": _("Kolektibilitas"), "fieldtype": "Data", "width": 180},
		{"fieldname": "dari_hari", "label": _("Dari Hari Tunggakan"), "fieldtype": "Int", "width": 110},
		{"fieldname": "bermasalah", "label": _("Bermasalah (NPL)"), "fieldtype": "Check", "width": 100},
		{"fieldname": "jumlah_pinjaman", "label": _("Jumlah Pinjaman"), "fieldtype": "Int", "width": 110},
		{"fieldname": "outstanding", "label": _("Outstanding"), "fieldtype": "Currency", "width": 150},
		{"fieldname": "porsi", "label": _("Porsi (%)"), "fieldtype": "Percent", "width": 90},
		{"fieldname": "persen_ppap", "label": _("PPAP (%)"), "fieldtype": "Percent", "width": 90},
		{"fieldname": "ppap_wajib", "label": _("PPAP Wajib"), "fieldtype": "Currency", "width": 140},
	]


def data(company: str, hari_ini):
	tabel = tabel_kelas()
	semua = [
		(int(pos["sisa_pokok"] + pos["sisa_biaya"]), pos["hari_tunggakan"])
		for _p, _rows, pos, lunas in posisi_semua(hari_ini, company)
		if not lunas
	]
	total = sum(o for o, _h in semua)
	rows = [
		{
			"kelas": _(k.kelas.nama),
			"dari_hari": k.kelas.dari_hari,
			"bermasalah": int(k.kelas.bermasalah),
			"jumlah_pinjaman": k.jumlah_pinjaman,
			"outstanding": k.outstanding,
			"porsi": flt(k.outstanding * 100 / total, 2) if total else 0,
			"persen_ppap": float(k.kelas.ppap_persen),
			"ppap_wajib": k.wajib,
		}
		for k in aturan.ppap_per_kelas(semua, tabel)
	]
	return rows, semua


def grafik(rows) -> dict | None:
	if not any(r["outstanding"] for r in rows):
		return None
	return {
		"data": {
			"labels": [r["kelas"] for r in rows],
			"datasets": [{"name": _("Outstanding"), "values": [r["outstanding"] for r in rows]}],
		},
		"type": "donut",
		"fieldtype": "Currency",
	}


def ringkasan(company, hari_ini, rows, semua) -> list[dict]:
	rasio = aturan.rasio_npl(semua, tabel_kelas())
	kesehatan = aturan.kesehatan_npl(rasio)
	cadangan = -saldo_akun_produk(company, "akun_cadangan", hari_ini)
	wajib = sum(r["ppap_wajib"] for r in rows)
	warna = {"Sehat": "Green", "Cukup Sehat": "Blue", "Kurang Sehat": "Orange"}.get(kesehatan, "Red")
	return [
		{"value": flt(rasio, 2), "label": _("NPL (%)"), "datatype": "Percent", "indicator": warna},
		{"value": _(kesehatan), "label": _("Kesehatan NPL"), "datatype": "Data", "indicator": warna},
		{"value": wajib, "label": _("PPAP Wajib"), "datatype": "Currency"},
		{
			"value": cadangan,
			"label": _("Cadangan (Buku Besar)"),
			"datatype": "Currency",
			"indicator": "Green" if cadangan >= wajib else "Red",
		},
	]
