# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Proyeksi Penerimaan Angsuran: the instalments expected week by week (Monday to Sunday), with
what is already past due in a row of its own, so the treasurer can plan cash."""

from datetime import timedelta

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import add_days, getdate, today

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.jinja import tanggal_indonesia
from koperasi_merah_putih.rules import pinjaman as aturan


def execute(filters=None):
	filters = filter_laporan(filters, "Pinjaman")
	if not filters:
		return [], []
	dari = getdate(filters.dari or today())
	sampai = getdate(filters.sampai or add_days(dari, 7 * 12))
	if sampai < dari:
		frappe.throw(_("The end date is before the start date."))
	rows = data(filters.company, dari, sampai)
	return columns(), rows, None, grafik(rows)


def columns() -> list[dict]:
	return [
		{"fieldname": "minggu", "label": _("Minggu"), "fieldtype": "Data", "width": 230},
		{"fieldname": "jumlah_angsuran", "label": _("Jumlah Angsuran"), "fieldtype": "Int", "width": 110},
		{"fieldname": "pokok", "label": _("Pokok"), "fieldtype": "Currency", "width": 140},
		{"fieldname": "jasa", "label": _("Jasa"), "fieldtype": "Currency", "width": 130},
		{"fieldname": "biaya", "label": _("Biaya"), "fieldtype": "Currency", "width": 110},
		{"fieldname": "total", "label": _("Total"), "fieldtype": "Currency", "width": 150},
	]


def data(company: str, dari, sampai) -> list[dict]:
	P = frappe.qb.DocType("Pinjaman")
	J = frappe.qb.DocType("Jadwal Angsuran Pinjaman")
	owed = (
		frappe.qb.from_(J)
		.join(P)
		.on(J.parent == P.name)
		.where(
			(P.docstatus == 1)
			& (P.status == aturan.AKTIF)
			& (P.company == company)
			& (J.parenttype == "Pinjaman")
			& (J.lunas == 0)
			& (J.jatuh_tempo <= sampai)
		)
		.select(
			J.jatuh_tempo,
			Count(J.name).as_("n"),
			Sum(J.pokok - J.pokok_dibayar).as_("pokok"),
			Sum(J.jasa - J.jasa_dibayar).as_("jasa"),
			Sum(J.biaya - J.biaya_dibayar).as_("biaya"),
		)
		.groupby(J.jatuh_tempo)
		.run(as_dict=True)
	)
	minggu: dict = {}
	for r in owed:
		tanggal = getdate(r.jatuh_tempo)
		key = None if tanggal < dari else tanggal - timedelta(days=tanggal.weekday())
		m = minggu.setdefault(key, {"jumlah_angsuran": 0, "pokok": 0, "jasa": 0, "biaya": 0})
		m["jumlah_angsuran"] += r.n
		for f in ("pokok", "jasa", "biaya"):
			m[f] += r[f] or 0
	rows = []
	for key in sorted(minggu, key=lambda k: (k is not None, k)):
		m = minggu[key]
		label = (
			_("Past due before {0}").format(tanggal_indonesia(dari))
			if key is None
			else f"{tanggal_indonesia(key)} - {tanggal_indonesia(key + timedelta(days=6))}"
		)
		rows.append({"minggu": label, **m, "total": m["pokok"] + m["jasa"] + m["biaya"]})
	return rows


def grafik(rows) -> dict | None:
	if not rows:
		return None
	return {
		"data": {
			"labels": [r["minggu"] for r in rows],
			"datasets": [{"name": _("Total"), "values": [r["total"] for r in rows]}],
		},
		"type": "bar",
		"fieldtype": "Currency",
	}
