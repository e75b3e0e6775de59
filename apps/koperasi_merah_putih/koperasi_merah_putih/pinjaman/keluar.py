# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Loans on a member's exit: what the member owes on each active loan today (the early
settlement amount, by the product's rule for the jasa not yet due) is deducted from the savings
refunded (the `kewajiban_anggota` hook), and once that settlement is posted the loans are closed
as paid (the `anggota_keluar` hook, listed after the savings settlement)."""

import frappe
from frappe import _
from frappe.utils import getdate

from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman import akun_produk
from koperasi_merah_putih.rules import pinjaman as aturan


def _aktif(anggota) -> list:
	return frappe.get_all(
		"Pinjaman",
		filters={"anggota": anggota.name, "docstatus": 1, "status": aturan.AKTIF},
		fields=["name", "produk", "customer", "company", "akun_piutang"],
		order_by="posting_date asc",
	)


def _pelunasan(p, tanggal):
	produk = frappe.get_cached_doc("Produk Pinjaman", p.produk)
	owed = posisi.tagihan(posisi.baris_jadwal(p.name, for_update=True), produk, tanggal)
	return produk, aturan.tagihan_pelunasan(
		owed, tanggal, produk.aturan_pelunasan or aturan.PELUNASAN_BERJALAN
	)


def kewajiban(anggota, tanggal) -> list[dict]:
	"""The `kewajiban_anggota` hook: each active loan's payoff, as the ledger lines it settles."""
	tanggal = getdate(tanggal)
	out = []
	for p in _aktif(anggota):
		produk, lunas = _pelunasan(p, tanggal)
		akun = akun_produk(produk, p.company)
		ref = {"reference_doctype": "Pinjaman", "reference_name": p.name}
		bagian = [
			(
				_("Loan {0}: principal and fees").format(p.name),
				p.akun_piutang,
				"Customer",
				p.customer,
				sum(t.pokok + t.biaya for t in lunas),
			),
			(
				_("Loan {0}: jasa").format(p.name),
				akun.akun_pendapatan_jasa,
				None,
				None,
				sum(t.jasa for t in lunas),
			),
			(
				_("Loan {0}: denda").format(p.name),
				akun.akun_pendapatan_denda,
				None,
				None,
				sum(t.denda for t in lunas),
			),
		]
		for keterangan, akun_, party_type, party, jumlah in bagian:
			if jumlah:
				out.append(
					{
						"keterangan": keterangan,
						"akun": akun_,
						"party_type": party_type,
						"party": party,
						"jumlah": jumlah,
						**(ref if party else {}),
					}
				)
	return out


def tutup(anggota, tanggal, alasan=None) -> None:
	"""The `anggota_keluar` hook (after the savings settlement, which posted the payoff): the
	member's active loans are closed as paid, the jasa not charged waived on the schedule."""
	tanggal = getdate(tanggal)
	T = frappe.qb.DocType("Jadwal Angsuran Pinjaman")
	for p in _aktif(anggota):
		_produk, lunas = _pelunasan(p, tanggal)
		for t in lunas:
			(
				frappe.qb.update(T)
				.set(T.pokok_dibayar, T.pokok)
				.set(T.biaya_dibayar, T.biaya)
				.set(T.denda_dibayar, T.denda_dibayar + t.denda)
				.set(T.denda, T.denda_dibayar)
				.set(T.jasa_dibayar, T.jasa_dibayar + t.jasa)
				.set(T.jasa, T.jasa_dibayar)
				.set(T.lunas, 1)
				.where((T.parent == p.name) & (T.parenttype == "Pinjaman") & (T.ke == t.ke))
				.run()
			)
		posisi.perbarui(p.name, tanggal)
		frappe.get_doc("Pinjaman", p.name).add_comment(
			"Info",
			_("Settled from the member's savings on exit ({0}).").format(
				frappe.format(tanggal, {"fieldtype": "Date"})
			),
		)
