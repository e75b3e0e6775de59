# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Rekap Simpanan: savings balances on a date, per product (with the general ledger balance of its
account next to the members' total, so the report reconciles with the Trial Balance line by line)
or per member (a column per product)."""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate, today

from koperasi_merah_putih.izin import filter_laporan
from koperasi_merah_putih.simpanan.saldo import produk_simpanan

PER_JENIS = "Per Jenis Simpanan"
PER_ANGGOTA = "Per Anggota"


def execute(filters=None):
	filters = filter_laporan(filters, "Transaksi Simpanan")
	if not filters:
		return [], []
	filters.pada = getdate(filters.pada or today())
	produk = produk_simpanan(filters.company, termasuk_nonaktif=True)
	if filters.tampilan == PER_ANGGOTA:
		return kolom_anggota(produk), per_anggota(filters, produk)
	return kolom_jenis(), per_jenis(filters, produk)


def _saldo_pihak(filters, akun: list[str]):
	gl = DocType("GL Entry")
	return (
		frappe.qb.from_(gl)
		.select(gl.party, gl.account, Sum(gl.credit - gl.debit).as_("saldo"))
		.where(
			(gl.company == filters.company)
			& (gl.account.isin(akun))
			& (gl.party_type == "Customer")
			& (gl.is_cancelled == 0)
			& (gl.posting_date <= filters.pada)
		)
		.groupby(gl.party, gl.account)
		.run(as_dict=True)
	)


def kolom_jenis() -> list[dict]:
	return [
		{
			"fieldname": "jenis_simpanan",
			"label": _("Jenis Simpanan"),
			"fieldtype": "Link",
			"options": "Jenis Simpanan",
			"width": 170,
		},
		{"fieldname": "klasifikasi", "label": _("Klasifikasi"), "fieldtype": "Data", "width": 100},
		{"fieldname": "akun", "label": _("Akun"), "fieldtype": "Link", "options": "Account", "width": 230},
		{"fieldname": "jumlah_anggota", "label": _("Jumlah Penyimpan"), "fieldtype": "Int", "width": 110},
		{"fieldname": "saldo_anggota", "label": _("Saldo Anggota"), "fieldtype": "Currency", "width": 150},
		{
			"fieldname": "saldo_buku_besar",
			"label": _("Saldo Buku Besar"),
			"fieldtype": "Currency",
			"width": 150,
		},
		{"fieldname": "selisih", "label": _("Selisih"), "fieldtype": "Currency", "width": 110},
	]


def per_jenis(filters, produk) -> list[dict]:
	akun = [p.akun_simpanan for p in produk]
	if not akun:
		return []
	per_akun: dict[str, list] = {}
	for r in _saldo_pihak(filters, akun):
		per_akun.setdefault(r.account, []).append(flt(r.saldo))
	gl = DocType("GL Entry")
	buku_besar = dict(
		frappe.qb.from_(gl)
		.select(gl.account, Sum(gl.credit - gl.debit))
		.where(
			(gl.company == filters.company)
			& (gl.account.isin(akun))
			& (gl.is_cancelled == 0)
			& (gl.posting_date <= filters.pada)
		)
		.groupby(gl.account)
		.run()
	)
	rows = []
	for p in produk:
		saldo = per_akun.get(p.akun_simpanan, [])
		anggota, bb = sum(saldo), flt(buku_besar.get(p.akun_simpanan))
		rows.append(
			{
				"jenis_simpanan": p.name,
				"klasifikasi": _(p.klasifikasi),
				"akun": p.akun_simpanan,
				"jumlah_anggota": sum(1 for s in saldo if s),
				"saldo_anggota": anggota,
				"saldo_buku_besar": bb,
				"selisih": bb - anggota,
			}
		)
	return rows


def kolom_anggota(produk) -> list[dict]:
	cols = [
		{
			"fieldname": "anggota",
			"label": _("Anggota"),
			"fieldtype": "Link",
			"options": "Anggota",
			"width": 130,
		},
		{"fieldname": "nama_anggota", "label": _("Nama Lengkap"), "fieldtype": "Data", "width": 190},
		{"fieldname": "nomor_anggota", "label": _("Nomor Anggota"), "fieldtype": "Data", "width": 120},
	]
	cols += [
		{"fieldname": frappe.scrub(p.name), "label": p.name, "fieldtype": "Currency", "width": 140}
		for p in produk
	]
	cols.append({"fieldname": "total", "label": _("Total"), "fieldtype": "Currency", "width": 150})
	return cols


def per_anggota(filters, produk) -> list[dict]:
	akun = {p.akun_simpanan: frappe.scrub(p.name) for p in produk}
	if not akun:
		return []
	per_pihak: dict[str, dict] = {}
	for r in _saldo_pihak(filters, list(akun)):
		if flt(r.saldo):
			per_pihak.setdefault(r.party, {})[akun[r.account]] = flt(r.saldo)
	if not per_pihak:
		return []
	A = DocType("Anggota")
	info = {
		r.customer: r
		for r in frappe.qb.from_(A)
		.select(A.name, A.nama_lengkap, A.nomor_anggota, A.customer)
		.where(A.customer.isin(list(per_pihak)))
		.run(as_dict=True)
	}
	rows = []
	for party, saldo in per_pihak.items():
		a = info.get(party) or frappe._dict()
		rows.append(
			{
				"anggota": a.name,
				"nama_anggota": a.nama_lengkap or party,
				"nomor_anggota": a.nomor_anggota,
				**saldo,
				"total": sum(saldo.values()),
			}
		)
	return sorted(rows, key=lambda r: (r["nomor_anggota"] or "", r["nama_anggota"]))
