# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Tunggakan Simpanan Wajib: members with unpaid wajib months, with a WhatsApp reminder link."""

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import getdate, today

from koperasi_merah_putih.izin import koperasi_terpilih
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.rules.kontak import tautan_wa
from koperasi_merah_putih.simpanan.tagihan import periode_dari


def execute(filters=None):
	filters = frappe._dict(filters or {})
	frappe.has_permission("Tagihan Simpanan Wajib", "report", throw=True)
	return columns(), data(filters)


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


def pesan_pengingat(r) -> str:
	"""The reminder, the same words by WhatsApp and by email."""
	return _(
		"Assalamualaikum/Salam sejahtera {0}, simpanan wajib Anda di {1} untuk periode {2} belum dibayar, sejumlah {3}. Terima kasih."
	).format(r.nama_anggota, r.company, r.bulan, rupiah(r.total))


def data(filters) -> list[dict]:
	T = frappe.qb.DocType("Tagihan Simpanan Wajib")
	A = frappe.qb.DocType("Anggota")
	sampai = periode_dari(getdate(filters.pada or today()))
	q = (
		frappe.qb.from_(T)
		.join(A)
		.on(A.name == T.anggota)
		.select(
			T.anggota,
			T.nama_anggota,
			A.nomor_hp,
			A.email,
			T.company,
			Count(T.name).as_("jumlah_bulan"),
			Sum(T.sisa).as_("total"),
		)
		.where((T.sisa > 0) & (T.periode <= sampai))
		.groupby(T.anggota, T.nama_anggota, A.nomor_hp, A.email, T.company)
		.orderby(Sum(T.sisa), order=frappe.qb.desc)
	)
	q = q.where(T.company.isin(koperasi_terpilih(filters.koperasi)))
	if filters.anggota:
		q = q.where(T.anggota == filters.anggota)
	rows = q.run(as_dict=True)
	if not rows:
		return []
	bulan = {}
	for r in frappe.get_all(
		"Tagihan Simpanan Wajib",
		filters={"sisa": (">", 0), "periode": ("<=", sampai), "anggota": ("in", [r.anggota for r in rows])},
		fields=["anggota", "periode"],
		order_by="periode",
	):
		bulan.setdefault(r.anggota, []).append(r.periode)
	for r in rows:
		r.bulan = ", ".join(bulan.get(r.anggota, []))
		r.pesan = pesan_pengingat(r)
		# no number on record (an old register imported without one): email or a visit instead
		r.pengingat = (
			f'<a href="{tautan_wa(r.nomor_hp, r.pesan)}" target="_blank" rel="noopener">WhatsApp</a>'
			if r.nomor_hp
			else ""
		)
	return rows
