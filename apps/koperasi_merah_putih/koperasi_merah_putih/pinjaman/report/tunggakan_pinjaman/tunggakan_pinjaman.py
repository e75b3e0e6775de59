# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Tunggakan Pinjaman: loans with instalments past due on a date, the arrears aged by days past
due (1-30, 31-60, 61-90, 91-180, over 180), the denda run up, and a WhatsApp reminder link."""

import frappe
from frappe import _
from frappe.utils import getdate, today

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.pinjaman.harian import posisi_semua
from koperasi_merah_putih.rules import pinjaman as aturan
from koperasi_merah_putih.rules.kontak import tautan_wa

KELOMPOK = aturan.UMUR_TUNGGAKAN


def label_kelompok(dari, sampai) -> str:
	return _("Over {0} days").format(dari - 1) if sampai is None else _("{0}-{1} days").format(dari, sampai)


def kunci(dari) -> str:
	return f"hari_{dari}"


def execute(filters=None):
	filters = filter_laporan(filters, "Pinjaman")
	if not filters:
		return [], []
	hari_ini = getdate(filters.pada or today())
	rows = data(filters.company, hari_ini)
	return columns(), rows, None, grafik(rows)


def columns() -> list[dict]:
	cols = [
		{
			"fieldname": "pinjaman",
			"label": _("Pinjaman"),
			"fieldtype": "Link",
			"options": "Pinjaman",
			"width": 140,
		},
		{"fieldname": "nama_anggota", "label": _("Nama Lengkap"), "fieldtype": "Data", "width": 180},
		{"fieldname": "nomor_hp", "label": _("Nomor HP"), "fieldtype": "Data", "width": 130},
		{"fieldname": "hari_tunggakan", "label": _("Hari Tunggakan"), "fieldtype": "Int", "width": 90},
		{"fieldname": "kolektibilitas", "label": _("Kolektibilitas"), "fieldtype": "Data", "width": 150},
		{"fieldname": "tunggakan", "label": _("Tunggakan"), "fieldtype": "Currency", "width": 130},
	]
	cols += [
		{"fieldname": kunci(d), "label": label_kelompok(d, s), "fieldtype": "Currency", "width": 120}
		for d, s in KELOMPOK
	]
	cols += [
		{"fieldname": "denda", "label": _("Denda"), "fieldtype": "Currency", "width": 110},
		{"fieldname": "sisa_pokok", "label": _("Sisa Pokok"), "fieldtype": "Currency", "width": 130},
		{"fieldname": "pengingat", "label": _("Pengingat"), "fieldtype": "HTML", "width": 110},
	]
	return cols


def data(company: str, hari_ini) -> list[dict]:
	out = []
	for p, rows, pos, _lunas in posisi_semua(hari_ini, company):
		if not pos["hari_tunggakan"]:
			continue
		row = {
			"pinjaman": p.name,
			"anggota": p.anggota,
			"nama_anggota": p.nama_anggota,
			"hari_tunggakan": pos["hari_tunggakan"],
			"kolektibilitas": _(pos["kolektibilitas"]),
			"denda": pos["denda_terutang"],
			"sisa_pokok": pos["sisa_pokok"],
		}
		# the rows carry the denda accrued by posisi_semua already
		umur = aturan.umur_tunggakan(posisi.tagihan(rows, None, hari_ini), hari_ini)
		row.update({kunci(d): jumlah for d, jumlah in umur.items()})
		row["tunggakan"] = sum(row[kunci(d)] for d, _s in KELOMPOK)
		out.append(row)
	hp = (
		dict(
			frappe.get_all(
				"Anggota",
				filters={"name": ("in", [r["anggota"] for r in out])},
				fields=["name", "nomor_hp"],
				as_list=True,
			)
		)
		if out
		else {}
	)
	for r in out:
		r["nomor_hp"] = hp.get(r["anggota"]) or ""
		r["pengingat"] = pengingat_wa(r)
	return sorted(out, key=lambda r: -r["hari_tunggakan"])


def pengingat_wa(r) -> str:
	if not r["nomor_hp"]:
		return ""
	pesan = _(
		"Dear {0}, your loan {1} is {2} days overdue: {3}. Please pay at the cooperative office."
	).format(
		r["nama_anggota"],
		r["pinjaman"],
		r["hari_tunggakan"],
		rupiah(r["tunggakan"] + r["denda"]),
	)
	return f'<a href="{tautan_wa(r["nomor_hp"], pesan)}" target="_blank" rel="noopener">WhatsApp</a>'


def grafik(rows) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [label_kelompok(d, s) for d, s in KELOMPOK],
			"datasets": [
				{"name": _("Tunggakan"), "values": [sum(r[kunci(d)] for r in rows) for d, _s in KELOMPOK]}
			],
		},
		"type": "bar",
		"fieldtype": "Currency",
	}
