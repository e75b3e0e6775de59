# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Laporan Hasil Usaha (SAK EP): the year's income and expenses and the year before, the closing
entries left out, with income from members' participation apart from non-members'; the totals
agree with ERPNext's Profit and Loss."""

from frappe import _

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.tutup_buku import laporan


def execute(filters=None):
	filters = filter_laporan(filters, "GL Entry")
	if not filters or not filters.fiscal_year:
		return [], []
	tahun = laporan.tahun_dan_sebelumnya(filters.fiscal_year)
	lap = [laporan.hasil_usaha(filters.koperasi, t) for t in tahun]
	columns = [{"fieldname": "akun", "label": _("Akun"), "fieldtype": "Data", "width": 360}] + [
		{"fieldname": f"t{i}", "label": t, "fieldtype": "Currency", "width": 160} for i, t in enumerate(tahun)
	]
	data = [
		{
			"akun": r["label"],
			"indent": r["indent"],
			"bold": r["is_group"],
			**{f"t{i}": v for i, v in enumerate(r["nilai"])},
		}
		for r in laporan.berdampingan(lap)
	]
	for label, key in RINGKASAN:
		data.append(
			{
				"akun": _(label),
				"bold": 1,
				**{f"t{i}": x[key] if not callable(key) else key(x) for i, x in enumerate(lap)},
			}
		)
	return columns, data


RINGKASAN = (
	("Pendapatan dari partisipasi anggota", lambda x: x["partisipasi_anggota"]["anggota"]),
	("Pendapatan dari non-anggota", lambda x: x["partisipasi_anggota"]["non_anggota"]),
	("SHU sebelum pajak", "shu_sebelum_pajak"),
	("SHU setelah pajak", "shu"),
)
