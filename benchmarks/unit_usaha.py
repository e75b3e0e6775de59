"""Outlets (issue 14), each figure printed next to its target:

1. a sale of two items at the till (a POS Invoice, inserted and submitted) to a member found by
   member number (`kasir.anggota_pos`, what the point-of-sale page calls on a scan) against the
   same sale to the walk-in customer, interleaved in one run: the member's sale should cost under
   10% more;
2. Laporan Hasil Usaha per Unit over a year of sales lines (default 50,000; target under 5 s),
   run as the Pengurus runs it (`frappe.desk.query_report.run`), with ERPNext's Profit and Loss on
   the same year for comparison (its time and whether the totals agree);
3. peak memory after each part.

The year's ledger is a fixture written in bulk (hours to post sale by sale): the sales of three
outlets as ERPNext posts a POS Sales Invoice, per invoice one line each to the unit's cash,
`4201 Penjualan Barang`, `5101 Harga Pokok Penjualan` and the stock account (two to three item
lines an invoice, each a Stock Ledger Entry in the unit's warehouse), plus the office's own
expenses; it is removed afterwards. `rows` sets the number of sales lines; CI runs it smaller.
"""

import random
import sys
from datetime import date, timedelta

from benchmarks.harness import KOLOM_DOKUMEN, BukuMassal, connect, interleaved, measure, report

PENANDA = "BENCH-UU"
UNIT = (
	("Gerai Bench", "Gerai Sembako"),
	("Apotek Bench", "Apotek Desa"),
	("Gudang Bench", "Cold Storage / Pergudangan"),
)


def kasir_anggota_vs_umum(n: int, company: str) -> dict:
	import frappe

	from koperasi_merah_putih.unit_usaha.kasir import anggota_pos
	from tests.support.data import barang_gerai, buat_anggota, faktur_pos, kasir_buka, unit_gerai

	frappe.set_user("Administrator")
	unit = unit_gerai(company, "Gerai Kasir Bench")
	stok = 4 * (n + 20)
	barang = [barang_gerai(unit, harga=15_000, stok=stok), barang_gerai(unit, harga=7_500, stok=stok)]
	anggota = buat_anggota("Aktif")
	kasir_buka(unit)
	frappe.db.commit()

	def anggota_():
		customer = anggota_pos(anggota.nomor_anggota)["customer"]
		faktur_pos(unit, customer, [(barang[0], 1), (barang[1], 2)])

	def umum():
		faktur_pos(unit, "Umum", [(barang[0], 1), (barang[1], 2)])

	t_anggota, t_umum, total = interleaved(anggota_, umum, n)
	return {
		"pos_sales_each": n,
		"ms_per_pos_sale_member_by_number": 1000 * t_anggota / n,
		"ms_per_pos_sale_walk_in": 1000 * t_umum / n,
		"ratio_member_to_walk_in": t_anggota / t_umum,
		"ratio_target": "< 1.10",
		"peak_rss_mb_after_pos_sales": total["peak_rss_mb"],
	}


def buat_buku_setahun(baris_jual: int, company: str, tahun: int) -> dict:
	"""The year's sales of three outlets (and the office's expenses), written straight to the GL and
	the Stock Ledger. Returns what the report should show in total."""
	import frappe
	from erpnext.accounts.utils import get_fiscal_year
	from frappe.utils import now

	from koperasi_merah_putih.akun import account_by_number
	from tests.support.data import barang_gerai, unit_gerai

	rng = random.Random(14)
	pendapatan, hpp = account_by_number(company, "4201"), account_by_number(company, "5101")
	beban, kas_kantor = account_by_number(company, "5207"), account_by_number(company, "1101")
	units = []
	for nama, jenis in UNIT:
		u = unit_gerai(company, nama, jenis_unit=jenis)
		stok_akun = frappe.db.get_value("Warehouse", u.warehouse, "account") or frappe.get_cached_value(
			"Company", company, "default_inventory_account"
		)
		units.append((u, stok_akun, barang_gerai(u, stok=0)))
	frappe.db.commit()

	awal = date(tahun, 1, 1)
	hari = (min(date.today(), date(tahun, 12, 31)) - awal).days + 1
	fiscal_year = get_fiscal_year(awal, company=company)[0]
	buku = BukuMassal(company, PENANDA, fiscal_year)
	stamp = now()
	sle, total = [], {"pendapatan": 0, "hpp": 0}
	dibuat, faktur = 0, 0
	while dibuat < baris_jual:
		u, stok_akun, item = units[faktur % len(units)]
		tanggal = awal + timedelta(days=rng.randrange(hari))
		lines = min(rng.choice((2, 2, 3)), baris_jual - dibuat)
		jual = modal = 0
		for k in range(lines):
			qty = rng.randrange(1, 4)
			harga = rng.randrange(5, 60) * 1_000
			pokok = int(harga * 0.8)
			jual += qty * harga
			modal += qty * pokok
			sle.append(
				(
					f"{PENANDA}-SLE-{faktur}-{k}",
					stamp,
					stamp,
					"Administrator",
					"Administrator",
					1,
					item,
					u.warehouse,
					tanggal,
					"12:00:00",
					f"{tanggal} 12:00:00",
					"Sales Invoice",
					f"{PENANDA}-{faktur}",
					-qty,
					pokok,
					-qty * pokok,
					company,
					fiscal_year,
					0,
					"Nos",
				)
			)
		dibuat += lines
		v = f"{faktur}"
		buku.baris(f"{v}-k", tanggal, u.akun_kas, debit=jual, cost_center=u.cost_center)
		buku.baris(f"{v}-p", tanggal, pendapatan, credit=jual, cost_center=u.cost_center)
		buku.baris(f"{v}-h", tanggal, hpp, debit=modal, cost_center=u.cost_center)
		buku.baris(f"{v}-s", tanggal, stok_akun, credit=modal, cost_center=u.cost_center)
		total["pendapatan"] += jual
		total["hpp"] += modal
		faktur += 1
	# the office's own expenses, one a day, on the cooperative's main cost center
	for d in range(hari):
		tanggal = awal + timedelta(days=d)
		buku.baris(f"b{d}", tanggal, beban, debit=50_000)
		buku.baris(f"c{d}", tanggal, kas_kantor, credit=50_000)
	buku.simpan()
	frappe.db.bulk_insert(
		"Stock Ledger Entry",
		(
			*KOLOM_DOKUMEN,
			"item_code",
			"warehouse",
			"posting_date",
			"posting_time",
			"posting_datetime",
			"voucher_type",
			"voucher_no",
			"actual_qty",
			"valuation_rate",
			"stock_value_difference",
			"company",
			"fiscal_year",
			"is_cancelled",
			"stock_uom",
		),
		sle,
		chunk_size=5000,
	)
	frappe.db.commit()
	return {"invoices": faktur, "sales_lines": dibuat, "gl_rows": len(buku.rows), **total}


def hapus_buku() -> None:
	import frappe

	frappe.db.sql("delete from `tabGL Entry` where voucher_no = %s", PENANDA)
	frappe.db.sql("delete from `tabStock Ledger Entry` where voucher_no like %s", f"{PENANDA}-%")
	frappe.db.commit()


def laporan_setahun(baris_jual: int, company: str) -> dict:
	import frappe
	from frappe.desk.query_report import run

	tahun = date.today().year
	frappe.set_user("Administrator")
	hapus_buku()
	with measure() as tulis:
		fixture = buat_buku_setahun(baris_jual, company, tahun)
	try:
		frappe.set_user(_pengurus())
		filters = {"company": company, "dari_tanggal": f"{tahun}-01-01", "sampai_tanggal": f"{tahun}-12-31"}
		with measure() as kita:
			hasil = run("Laporan Hasil Usaha per Unit", filters=filters, ignore_prepared_report=True)
		total = hasil["result"][-1]
		pl_filters = {
			"company": company,
			"filter_based_on": "Date Range",
			"period_start_date": f"{tahun}-01-01",
			"period_end_date": f"{tahun}-12-31",
			"periodicity": "Yearly",
			"presentation_currency": "IDR",
			"accumulated_values": 1,
		}
		with measure() as pl:
			laba_rugi = run("Profit and Loss Statement", filters=pl_filters, ignore_prepared_report=True)
		# the last of ERPNext's summary rows (their account in quotes) is the profit for the year
		ringkasan = [
			r
			for r in laba_rugi["result"]
			if isinstance(r, dict) and str(r.get("account", "")).startswith("'")
		]
		hasil_pl = ringkasan[-1].get("total") if ringkasan else None
	finally:
		frappe.set_user("Administrator")
		hapus_buku()
	return {
		"sales_lines_in_year": fixture["sales_lines"],
		"invoices_in_year": fixture["invoices"],
		"gl_rows_written": fixture["gl_rows"],
		"seconds_writing_fixture": tulis["seconds"],
		"seconds_laporan_hasil_usaha_per_unit": kita["seconds"],
		"report_target_seconds_for_50000_lines": "< 5",
		"seconds_erpnext_profit_and_loss_same_year": pl["seconds"],
		"report_total_result": total["hasil"],
		"erpnext_profit_for_the_year": hasil_pl,
		"totals_agree": hasil_pl is not None and abs(float(total["hasil"]) - float(hasil_pl)) < 0.5,
		"peak_rss_mb_after_report": pl["peak_rss_mb"],
	}


def _pengurus() -> str:
	from tests.support.data import ensure_user

	return ensure_user("pengurus")


def main(rows: int = 50_000) -> None:
	connect()
	from tests.support.data import ensure_koperasi

	company = ensure_koperasi()["company"]
	figures = kasir_anggota_vs_umum(min(100, max(20, rows // 500)), company)
	figures.update(laporan_setahun(rows, company))
	report("unit_usaha", figures)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
