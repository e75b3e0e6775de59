# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The loans' daily job: days past due, denda accrued on overdue instalments, the collectibility
class of every active loan, the NPL ratio; on the last day of a month, the provision (PPAP)
journal of each cooperative. Two queries read every active loan and its open instalments; the
changes are written in bulk, so 10,000 loans take seconds, not minutes."""

from collections import defaultdict

import frappe
from frappe import _
from frappe.utils import flt, get_last_day, getdate, now_datetime, today

from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import tabel_kelas
from koperasi_merah_putih.rules import pinjaman as aturan

RINGKASAN = (
	"sisa_pokok",
	"sisa_biaya",
	"denda_terutang",
	"jatuh_tempo_berikutnya",
	"angsuran_berikutnya",
	"hari_tunggakan",
	"kolektibilitas",
)
# above this many loans the button queues the job instead of running it in the request
ANTRE_DI_ATAS = 2000


def baca_aktif(hari_ini, company: str | None = None) -> tuple[list, dict]:
	"""Every active loan (summary fields as stored) and its open instalments, in two queries."""
	P = frappe.qb.DocType("Pinjaman")
	J = frappe.qb.DocType("Jadwal Angsuran Pinjaman")
	aktif = (P.docstatus == 1) & (P.status == aturan.AKTIF)
	if company:
		aktif &= P.company == company
	pinjaman = (
		frappe.qb.from_(P)
		.select(
			P.name,
			P.anggota,
			P.nama_anggota,
			P.produk,
			P.company,
			P.status,
			P.tanggal_lunas,
			*[P[f] for f in RINGKASAN],
		)
		.where(aktif)
		.orderby(P.name)
		.run(as_dict=True)
	)
	rows = defaultdict(list)
	for r in (
		frappe.qb.from_(J)
		.join(P)
		.on(J.parent == P.name)
		.select(*[J[f] for f in posisi.KOLOM_JADWAL])
		.where(aktif & (J.parenttype == "Pinjaman") & ((J.lunas == 0) | (J.denda > J.denda_dibayar)))
		.orderby(J.parent)
		.orderby(J.idx)
		.run(as_dict=True)
	):
		rows[r.parent].append(r)
	return pinjaman, rows


def posisi_semua(hari_ini=None, company: str | None = None, progress: bool = False):
	"""Every active loan's position computed for `hari_ini`: yields (loan as stored, its open
	instalments with denda accrued, the new summary, whether it is now paid off)."""
	hari_ini = getdate(hari_ini or today())
	tabel = tabel_kelas()
	pinjaman, rows = baca_aktif(hari_ini, company)
	produk = {}
	for i, p in enumerate(pinjaman, 1):
		if progress and i % 1000 == 0:
			frappe.publish_progress(100 * i / len(pinjaman), title=_("Updating loans"))
		if p.produk not in produk:
			produk[p.produk] = frappe.get_cached_doc("Produk Pinjaman", p.produk)
		for r in rows[p.name]:
			r.denda_lama = int(flt(r.denda))
			r.denda = posisi.denda_berjalan(r, produk[p.produk], hari_ini)
		pos = posisi.ringkasan(rows[p.name], produk[p.produk], hari_ini, tabel)
		lunas = pos.pop("lunas")
		yield p, rows[p.name], pos, lunas


def jalankan(hari_ini=None, company: str | None = None, ppap: bool | None = None) -> dict:
	"""Bring every active loan's position to `hari_ini` (today by default)."""
	hari_ini = getdate(hari_ini or today())
	tabel = tabel_kelas()
	ubah_jadwal, ubah_pinjaman, outstanding, companies = {}, {}, [], set()
	jumlah = 0
	for p, rows, pos, lunas in posisi_semua(hari_ini, company, progress=True):
		jumlah += 1
		companies.add(p.company)
		for r in rows:
			if r.denda != r.denda_lama:
				ubah_jadwal[r.name] = {"denda": r.denda}
		baru = {f: v for f, v in pos.items() if _beda(p.get(f), v)}
		if lunas:
			baru.update(status=aturan.LUNAS, tanggal_lunas=p.tanggal_lunas or hari_ini)
		else:
			outstanding.append((int(pos["sisa_pokok"] + pos["sisa_biaya"]), pos["hari_tunggakan"]))
		if baru:
			ubah_pinjaman[p.name] = baru
	if ubah_jadwal:
		frappe.db.bulk_update("Jadwal Angsuran Pinjaman", ubah_jadwal, chunk_size=500, update_modified=False)
	if ubah_pinjaman:
		frappe.db.bulk_update("Pinjaman", ubah_pinjaman, chunk_size=500, update_modified=False)
	rasio = aturan.rasio_npl(outstanding, tabel)
	if not company:
		frappe.db.set_single_value(
			"Pengaturan Pinjaman",
			{
				"terakhir_dijalankan": now_datetime(),
				"pinjaman_diproses": jumlah,
				"npl": float(round(rasio, 2)),
				"kesehatan_npl": aturan.kesehatan_npl(rasio),
			},
		)
	jurnal = []
	if ppap if ppap is not None else hari_ini == get_last_day(hari_ini):
		from koperasi_merah_putih.pinjaman.doctype.penyisihan_piutang_pinjaman.penyisihan_piutang_pinjaman import (
			buat,
		)

		for c in sorted(companies):
			nama = buat(c, hari_ini)
			if nama:
				jurnal.append(nama)
	return {
		"pinjaman": jumlah,
		"diubah": len(ubah_pinjaman),
		"angsuran_didenda": len(ubah_jadwal),
		"npl": float(round(rasio, 2)),
		"kesehatan_npl": aturan.kesehatan_npl(rasio),
		"penyisihan": jurnal,
	}


def _beda(lama, baru) -> bool:
	if isinstance(baru, int | float) and not isinstance(baru, bool):
		return flt(lama) != flt(baru)
	if baru is None or lama is None:
		return lama != baru
	return str(lama) != str(baru)


def jalankan_terjadwal() -> None:
	"""The scheduler's daily run (hooks.py)."""
	jalankan()


@frappe.whitelist(methods=["POST"])
def jalankan_sekarang() -> dict:
	"""The button on Pengaturan Pinjaman: run the daily job now (queued when there are many loans)."""
	frappe.has_permission("Pengaturan Pinjaman", "write", throw=True)
	jumlah = frappe.db.count("Pinjaman", {"docstatus": 1, "status": aturan.AKTIF})
	if jumlah > ANTRE_DI_ATAS:
		frappe.enqueue(jalankan, queue="long", timeout=1800, ppap=False)
		return {"antre": 1, "pinjaman": jumlah}
	return jalankan(ppap=False)
