# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Laporan Hasil Usaha (SAK EP): the year's income and expenses and the year before, the closing
entries left out, with income from members' participation apart from non-members'; the totals
agree with ERPNext's Profit and Loss."""

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.tutup_buku import laporan


def execute(filters=None):
	filters = filter_laporan(filters, "GL Entry")
	if not filters or not filters.fiscal_year:
		return [], []
	return laporan.laporan_dua_tahun(filters.company, filters.fiscal_year, laporan.hasil_usaha, RINGKASAN)


RINGKASAN = (
	("Pendapatan dari partisipasi anggota", lambda x: x["partisipasi_anggota"]["anggota"]),
	("Pendapatan dari non-anggota", lambda x: x["partisipasi_anggota"]["non_anggota"]),
	("SHU sebelum pajak", "shu_sebelum_pajak"),
	("SHU setelah pajak", "shu"),
)
