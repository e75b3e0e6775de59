# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""A loan's position from its schedule: what is owed per instalment (with the denda accrued to a
date), days past due, collectibility, and the summary fields kept on the Pinjaman.

Jasa and denda are income when paid (cash basis, as most cooperatives book them); the piutang
pinjaman account holds the principal and any fee billed with an instalment, so the loans'
outstanding reconciles to that account in the Trial Balance.
"""

from dataclasses import asdict
from datetime import date

import frappe
from frappe.utils import cint, flt, getdate, today

from koperasi_merah_putih.rules import pinjaman as aturan

KOLOM_UANG = (
	"pokok",
	"jasa",
	"biaya",
	"denda",
	"pokok_dibayar",
	"jasa_dibayar",
	"biaya_dibayar",
	"denda_dibayar",
)
KOLOM_JADWAL = ("name", "parent", "ke", "jatuh_tempo", *KOLOM_UANG, "lunas")


def baris_jadwal(pinjaman: str, for_update: bool = False) -> list:
	"""The loan's schedule rows as stored (locking read when `for_update`)."""
	J = frappe.qb.DocType("Jadwal Angsuran Pinjaman")
	q = (
		frappe.qb.from_(J)
		.select(*[J[f] for f in KOLOM_JADWAL])
		.where((J.parent == pinjaman) & (J.parenttype == "Pinjaman"))
		.orderby(J.idx)
	)
	if for_update:
		q = q.for_update()
	return q.run(as_dict=True)


def cicilan(row) -> aturan.Cicilan:
	"""A schedule row as the pure rules read it."""
	return aturan.Cicilan(
		ke=cint(row.ke),
		jatuh_tempo=getdate(row.jatuh_tempo),
		**{f: int(flt(row.get(f))) for f in KOLOM_UANG},
	)


def aturan_denda(produk) -> aturan.AturanDenda | None:
	"""A loan product's denda rule (None: only what was charged counts)."""
	if not produk:
		return None
	return aturan.AturanDenda(
		flt(produk.tarif_denda), produk.basis_denda or aturan.PER_HARI, cint(produk.hari_toleransi)
	)


def denda_berjalan(row, produk, hari_ini: date) -> int:
	return aturan.denda_berjalan(cicilan(row), aturan_denda(produk), hari_ini)


def tagihan(rows, produk, hari_ini: date) -> list[aturan.Tagihan]:
	"""What is still owed on each instalment, denda accrued to `hari_ini`."""
	return aturan.sisa_tagihan([cicilan(r) for r in rows], aturan_denda(produk), hari_ini)


def ringkasan(rows, produk, hari_ini: date, tabel_kelas) -> dict:
	"""The summary fields of a loan from its schedule rows (and `lunas`: nothing left to pay)."""
	return asdict(aturan.posisi([cicilan(r) for r in rows], aturan_denda(produk), hari_ini, tabel_kelas))


def perbarui(pinjaman: str, hari_ini=None) -> dict:
	"""Recompute and store a loan's position (after a repayment, its cancellation, a
	restructuring). A loan with nothing left to pay becomes Lunas; one reopened becomes Aktif."""
	from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import tabel_kelas

	hari_ini = getdate(hari_ini or today())
	data = frappe.db.get_value("Pinjaman", pinjaman, ["produk", "status", "tanggal_lunas"], as_dict=True)
	produk = frappe.get_cached_doc("Produk Pinjaman", data.produk)
	pos = ringkasan(baris_jadwal(pinjaman), produk, hari_ini, tabel_kelas())
	lunas = pos.pop("lunas")
	nilai = dict(pos)
	if data.status in (aturan.AKTIF, aturan.LUNAS):
		nilai["status"] = aturan.LUNAS if lunas else aturan.AKTIF
		nilai["tanggal_lunas"] = (data.tanggal_lunas or hari_ini) if lunas else None
	frappe.db.set_value("Pinjaman", pinjaman, nilai)
	return nilai


def saldo_akun_produk(company: str, field: str, pada) -> float:
	"""The general ledger balance (debit minus credit) on `pada` of the accounts the loan products
	name in `field` for a cooperative (all the piutang accounts, all the provision accounts)."""
	from erpnext.accounts.utils import get_balance_on

	akun = {
		r[field]
		for r in frappe.get_all("Akun Produk Pinjaman", filters={"company": company}, fields=[field])
		if r[field]
	}
	return sum(flt(get_balance_on(a, pada, company=company, ignore_account_permission=True)) for a in akun)
