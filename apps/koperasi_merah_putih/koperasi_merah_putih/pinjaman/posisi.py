# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""A loan's position from its schedule: what is owed per instalment (with the denda accrued to a
date), days past due, collectibility, and the summary fields kept on the Pinjaman.

Jasa and denda are income when paid (cash basis, as most cooperatives book them); the piutang
pinjaman account holds the principal and any fee billed with an instalment, so the loans'
outstanding reconciles to that account in the Trial Balance.
"""

from datetime import date

import frappe
from frappe.utils import cint, flt, getdate, today

from koperasi_merah_putih.rules import pinjaman as aturan

AKTIF, LUNAS, HAPUS_BUKU, DIBATALKAN = "Aktif", "Lunas", "Dihapusbukukan", "Dibatalkan"

KOLOM_JADWAL = (
	"name",
	"parent",
	"ke",
	"jatuh_tempo",
	"pokok",
	"jasa",
	"biaya",
	"denda",
	"pokok_dibayar",
	"jasa_dibayar",
	"biaya_dibayar",
	"denda_dibayar",
	"lunas",
)


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


def denda_berjalan(row, produk, hari_ini: date) -> int:
	"""The denda an instalment has run up to `hari_ini`: never less than what was already
	charged (the daily job's accruals stay)."""
	terlambat = int(flt(row.pokok) - flt(row.pokok_dibayar) + flt(row.jasa) - flt(row.jasa_dibayar))
	hari = (hari_ini - getdate(row.jatuh_tempo)).days
	baru = aturan.denda(
		terlambat,
		hari,
		flt(produk.tarif_denda),
		produk.basis_denda or aturan.PER_HARI,
		cint(produk.hari_toleransi),
	)
	return max(int(flt(row.denda)), baru)


def tagihan(rows, produk, hari_ini: date) -> list[aturan.Tagihan]:
	"""What is still owed on each instalment, denda accrued to `hari_ini`."""
	out = []
	for r in rows:
		denda = denda_berjalan(r, produk, hari_ini) if produk else int(flt(r.denda))
		out.append(
			aturan.Tagihan(
				ke=cint(r.ke),
				jatuh_tempo=getdate(r.jatuh_tempo),
				denda=denda - int(flt(r.denda_dibayar)),
				jasa=int(flt(r.jasa) - flt(r.jasa_dibayar)),
				pokok=int(flt(r.pokok) - flt(r.pokok_dibayar)),
				biaya=int(flt(r.biaya) - flt(r.biaya_dibayar)),
			)
		)
	return out


def ringkasan(rows, produk, hari_ini: date, tabel_kelas) -> dict:
	"""The summary fields of a loan from its schedule rows."""
	owed = tagihan(rows, produk, hari_ini)
	sisa_pokok = sum(t.pokok for t in owed)
	sisa_biaya = sum(t.biaya for t in owed)
	denda = sum(t.denda for t in owed)
	berikut = next((t for t in owed if t.biaya + t.jasa + t.pokok > 0), None)
	hari = aturan.hari_tunggak(owed, hari_ini)
	return {
		"sisa_pokok": sisa_pokok,
		"sisa_biaya": sisa_biaya,
		"denda_terutang": denda,
		"jatuh_tempo_berikutnya": berikut.jatuh_tempo if berikut else None,
		"angsuran_berikutnya": (berikut.total if berikut else 0),
		"hari_tunggakan": hari,
		"kolektibilitas": aturan.kelas(hari, tabel_kelas).nama,
		"lunas": not (sisa_pokok or sisa_biaya or denda or sum(t.jasa for t in owed)),
	}


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
	if data.status in (AKTIF, LUNAS):
		nilai["status"] = LUNAS if lunas else AKTIF
		nilai["tanggal_lunas"] = (data.tanggal_lunas or hari_ini) if lunas else None
	frappe.db.set_value("Pinjaman", pinjaman, nilai)
	return nilai


def saldo_akun_produk(company: str, field: str, pada) -> float:
	"""The general ledger balance (debit minus credit) on `pada` of the accounts the loan products
	name in `field` for a cooperative (all the piutang accounts, all the provision accounts)."""
	from erpnext.accounts.utils import get_balance_on

	akun = {
		r[field]
		for r in frappe.get_all("Akun Produk Pinjaman", filters={"koperasi": company}, fields=[field])
		if r[field]
	}
	return sum(flt(get_balance_on(a, pada, company=company, ignore_account_permission=True)) for a in akun)
