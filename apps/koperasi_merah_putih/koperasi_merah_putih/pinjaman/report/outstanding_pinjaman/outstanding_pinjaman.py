# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Outstanding Pinjaman: what each loan still owes on a date, read from the ledger (the Payment
Ledger Entries against the loan), with the piutang pinjaman balance of the general ledger next
to the total: the report reconciles to the Trial Balance."""

import frappe
from frappe import _
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate, today

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.pinjaman.posisi import saldo_akun_produk


def execute(filters=None):
	filters = filter_laporan(filters, "Pinjaman")
	if not filters:
		return [], []
	filters.pada = getdate(filters.pada or today())
	rows = data(filters)
	return columns(), rows, None, None, ringkasan(filters, rows)


def columns() -> list[dict]:
	return [
		{
			"fieldname": "pinjaman",
			"label": _("Pinjaman"),
			"fieldtype": "Link",
			"options": "Pinjaman",
			"width": 140,
		},
		{
			"fieldname": "anggota",
			"label": _("Anggota"),
			"fieldtype": "Link",
			"options": "Anggota",
			"width": 130,
		},
		{"fieldname": "nama_anggota", "label": _("Nama Lengkap"), "fieldtype": "Data", "width": 180},
		{
			"fieldname": "produk",
			"label": _("Produk"),
			"fieldtype": "Link",
			"options": "Produk Pinjaman",
			"width": 140,
		},
		{"fieldname": "posting_date", "label": _("Tanggal Cair"), "fieldtype": "Date", "width": 100},
		{"fieldname": "jumlah", "label": _("Pokok Awal"), "fieldtype": "Currency", "width": 130},
		{"fieldname": "outstanding", "label": _("Outstanding"), "fieldtype": "Currency", "width": 140},
		{"fieldname": "hari_tunggakan", "label": _("Hari Tunggakan"), "fieldtype": "Int", "width": 90},
		{"fieldname": "kolektibilitas", "label": _("Kolektibilitas"), "fieldtype": "Data", "width": 150},
		{"fieldname": "status", "label": _("Status"), "fieldtype": "Data", "width": 110},
	]


def outstanding_per_pinjaman(company: str, pada) -> dict[str, float]:
	"""Each loan's balance on the piutang account on a date, from the Payment Ledger."""
	ple = frappe.qb.DocType("Payment Ledger Entry")
	return {
		r[0]: flt(r[1])
		for r in frappe.qb.from_(ple)
		.select(ple.against_voucher_no, Sum(ple.amount))
		.where(
			(ple.company == company)
			& (ple.against_voucher_type == "Pinjaman")
			& (ple.delinked == 0)
			& (ple.posting_date <= pada)
		)
		.groupby(ple.against_voucher_no)
		.run()
	}


def data(filters) -> list[dict]:
	saldo = outstanding_per_pinjaman(filters.company, filters.pada)
	nama = [n for n, v in saldo.items() if v]
	if not nama:
		return []
	query = {"name": ("in", nama)}
	if filters.produk:
		query["produk"] = filters.produk
	if filters.kolektibilitas:
		query["kolektibilitas"] = filters.kolektibilitas
	loans = frappe.get_list(
		"Pinjaman",
		filters=query,
		fields=[
			"name",
			"anggota",
			"nama_anggota",
			"produk",
			"posting_date",
			"jumlah",
			"hari_tunggakan",
			"kolektibilitas",
			"status",
		],
		order_by="posting_date asc, name asc",
		limit_page_length=0,
	)
	return [
		{
			"pinjaman": p.name,
			"anggota": p.anggota,
			"nama_anggota": p.nama_anggota,
			"produk": p.produk,
			"posting_date": p.posting_date,
			"jumlah": p.jumlah,
			"outstanding": saldo[p.name],
			"hari_tunggakan": p.hari_tunggakan,
			"kolektibilitas": _(p.kolektibilitas or ""),
			"status": _(p.status),
		}
		for p in loans
	]


def ringkasan(filters, rows) -> list[dict]:
	total = sum(flt(r["outstanding"]) for r in rows)
	if filters.produk or filters.kolektibilitas:
		return [{"value": total, "label": _("Outstanding"), "datatype": "Currency", "indicator": "Blue"}]
	buku_besar = saldo_akun_produk(filters.company, "akun_piutang", filters.pada)
	selisih = buku_besar - total
	return [
		{"value": total, "label": _("Outstanding Pinjaman"), "datatype": "Currency", "indicator": "Blue"},
		{
			"value": buku_besar,
			"label": _("Saldo Piutang Pinjaman (Buku Besar)"),
			"datatype": "Currency",
			"indicator": "Blue",
		},
		{
			"value": selisih,
			"label": _("Selisih"),
			"datatype": "Currency",
			"indicator": "Green" if not selisih else "Red",
		},
	]
