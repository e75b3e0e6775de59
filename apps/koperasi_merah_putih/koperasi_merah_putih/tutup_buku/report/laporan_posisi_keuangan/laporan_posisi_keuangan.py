# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Laporan Posisi Keuangan (SAK EP): assets, liabilities and equity at the end of the year and
of the year before, from the ledger (tutup_buku/laporan.py); the totals agree with ERPNext's
Balance Sheet."""

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.tutup_buku import laporan


def execute(filters=None):
	filters = filter_laporan(filters, "GL Entry")
	if not filters or not filters.fiscal_year:
		return [], []
	return laporan.laporan_dua_tahun(filters.company, filters.fiscal_year, laporan.posisi_keuangan, RINGKASAN)


RINGKASAN = (
	("SHU tahun berjalan (belum ditutup)", "shu_belum_ditutup"),
	("Jumlah Liabilitas dan Ekuitas", lambda x: x["liabilitas"] + x["ekuitas"] + x["shu_belum_ditutup"]),
)
