"""/simpanan: the member's own savings: balances per product, history for a period, wajib bills
due, fixed-term placements, and the statement download. Nothing of anyone else's: the member is
always the logged-in user's own record; no parameter can name another."""

import frappe
from frappe import _
from frappe.utils import add_months, get_first_day, getdate, today

from koperasi_merah_putih.keanggotaan.portal import halaman_anggota
from koperasi_merah_putih.rules import simpanan as aturan_simpanan
from koperasi_merah_putih.simpanan import tagihan
from koperasi_merah_putih.simpanan.buku import buku
from koperasi_merah_putih.simpanan.saldo import saldo_per_jenis

no_cache = 1


def _tanggal(value, default):
	try:
		return getdate(value) if value else default
	except Exception:
		return default


def get_context(context):
	name = halaman_anggota(context, "/simpanan", _("Simpanan Saya"))
	if not name:
		return context
	sampai = _tanggal(frappe.form_dict.sampai, getdate(today()))
	dari = _tanggal(frappe.form_dict.dari, get_first_day(add_months(sampai, -2)))
	if dari > sampai:
		dari, sampai = sampai, dari
	context.dari, context.sampai = dari, sampai
	context.saldo = [
		s
		for s in saldo_per_jenis(name)
		if s["saldo"]
		or s["kategori"] in (aturan_simpanan.POKOK, aturan_simpanan.WAJIB, aturan_simpanan.SUKARELA)
	]
	context.total = sum(s["saldo"] for s in context.saldo)
	context.buku = buku(name, dari, sampai)
	context.tunggakan = tagihan.tunggakan_anggota(name)
	context.tagihan = frappe.get_all(
		"Tagihan Simpanan Wajib",
		filters={"anggota": name, "sisa": (">", 0)},
		fields=["periode", "jumlah", "terbayar", "sisa"],
		order_by="periode asc",
	)
	context.berjangka = frappe.get_all(
		"Simpanan Berjangka",
		filters={"anggota": name, "docstatus": 1, "status": aturan_simpanan.AKTIF},
		fields=["name", "jumlah", "tarif_jasa", "posting_date", "tanggal_jatuh_tempo", "perpanjang_otomatis"],
		order_by="tanggal_jatuh_tempo asc",
	)
	return context
