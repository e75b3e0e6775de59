"""/pinjaman: the member's own loans: apply with the schedule simulation, follow the
applications, see each loan's schedule, the next due date and amount, the repayments, and
download the agreement. Nothing of anyone else's: the member is always the logged-in user's."""

import frappe
from frappe import _

from koperasi_merah_putih.keanggotaan.portal import halaman_anggota
from koperasi_merah_putih.pinjaman.portal import produk_untuk

no_cache = 1


def get_context(context):
	name = halaman_anggota(context, "/pinjaman", _("Pinjaman Saya"))
	if not name:
		return context
	context.produk = produk_untuk(name)
	context.pengajuan = frappe.get_all(
		"Pengajuan Pinjaman",
		filters={"anggota": name},
		fields=[
			"name",
			"tanggal",
			"produk",
			"jumlah",
			"tenor",
			"status",
			"alasan_penolakan",
			"pinjaman_dicairkan",
		],
		order_by="creation desc",
		limit=20,
	)
	context.pinjaman = []
	for p in frappe.get_all(
		"Pinjaman",
		filters={"anggota": name, "docstatus": 1},
		fields=[
			"name",
			"produk",
			"posting_date",
			"jumlah",
			"tenor",
			"metode",
			"tarif",
			"basis_tarif",
			"suku_efektif_tahunan",
			"status",
			"sisa_pokok",
			"denda_terutang",
			"jatuh_tempo_berikutnya",
			"angsuran_berikutnya",
			"hari_tunggakan",
		],
		order_by="posting_date desc",
	):
		p.jadwal = frappe.get_all(
			"Jadwal Angsuran Pinjaman",
			filters={"parent": p.name, "parenttype": "Pinjaman"},
			fields=["ke", "jatuh_tempo", "pokok", "jasa", "biaya", "total", "lunas"],
			order_by="idx asc",
		)
		p.angsuran = frappe.get_all(
			"Angsuran Pinjaman",
			filters={"pinjaman": p.name, "docstatus": 1},
			fields=["name", "posting_date", "jumlah", "pokok", "jasa", "denda", "jenis"],
			order_by="posting_date desc, creation desc",
		)
		context.pinjaman.append(p)
	return context
