"""Loans, three figures (issue 5), each printed next to its target:

1. schedule generation for 1,000 loans of 60 months (the pure rules, each method);
2. the daily job over 10,000 active loans (target under 120 s): days past due, denda accrual,
   collectibility; loans and schedules are written in bulk beforehand (a tenth of them overdue,
   a spread of days past due), then the job runs twice (the first run changes most loans, the
   second finds them current) and the synthetic loans are removed;
3. one repayment (insert and submit an Angsuran Pinjaman) against an ERPNext Journal Entry with
   the same lines, interleaved in the same run (target ratio at most 1.2).

`rows` sets the number of loans for the daily job (default 10,000); CI runs it smaller.
"""

import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal

from benchmarks.harness import connect, measure, report

PENANDA = "benchmark pinjaman"


def jadwal_1000(n: int = 1000) -> dict:
	from koperasi_merah_putih.rules import pinjaman as aturan

	rng = random.Random(5)
	out = {}
	for metode in aturan.METODE:
		with measure() as m:
			for _ in range(n):
				aturan.jadwal(rng.randrange(1, 500) * 100_000, 60, Decimal("18"), aturan.PER_TAHUN, metode)
		out[f"seconds_{n}_schedules_60m_{metode.lower()}"] = m["seconds"]
	return out


def buat_pinjaman_sintetis(n: int, company: str, anggota, hari_ini: date) -> list[str]:
	"""`n` disbursed loans of 12 months written straight to the tables (no ledger: the daily job
	reads only the loans and their schedules)."""
	import frappe
	from frappe.utils import add_months

	from koperasi_merah_putih.massal import sisip_massal
	from koperasi_merah_putih.rules import pinjaman as aturan

	rng = random.Random(7)
	loans, rows = [], []
	names = [f"PJ-BENCH-{i:06d}" for i in range(1, n + 1)]
	for name in names:
		jumlah = rng.randrange(10, 100) * 100_000
		# a tenth are behind by 1 to 240 days; the rest are paid up to date
		telat = rng.randrange(1, 240) if rng.random() < 0.1 else 0
		cair = add_months(hari_ini - timedelta(days=telat), -rng.randrange(1, 6))
		loans.append(
			(
				anggota.name,
				anggota.nama_lengkap,
				anggota.customer,
				company,
				"Pinjaman Anggota",
				cair,
				jumlah,
				12,
				"Aktif",
				jumlah,
				"Lancar",
				PENANDA,
			)
		)
		for a in aturan.jadwal(jumlah, 12, Decimal(18), aturan.PER_TAHUN, aturan.MENURUN):
			jatuh = add_months(cair, a.ke)
			lunas = 1 if jatuh < hari_ini - timedelta(days=telat) else 0
			rows.append(
				(
					name,
					"Pinjaman",
					"jadwal",
					a.ke,
					a.ke,
					jatuh,
					a.pokok,
					a.jasa,
					a.total,
					a.sisa_pokok,
					a.pokok if lunas else 0,
					a.jasa if lunas else 0,
					lunas,
				)
			)
	sisip_massal(
		"Pinjaman",
		(
			"pengajuan",
			"anggota",
			"nama_anggota",
			"customer",
			"company",
			"produk",
			"posting_date",
			"jumlah",
			"tenor",
			"status",
			"sisa_pokok",
			"kolektibilitas",
			"remarks",
		),
		[(f"PP-BENCH-{i}", *r) for i, r in enumerate(loans)],
		nama=lambda i: names[i - 1],
		docstatus=1,
	)
	sisip_massal(
		"Jadwal Angsuran Pinjaman",
		(
			"parent",
			"parenttype",
			"parentfield",
			"idx",
			"ke",
			"jatuh_tempo",
			"pokok",
			"jasa",
			"total",
			"sisa_pokok",
			"pokok_dibayar",
			"jasa_dibayar",
			"lunas",
		),
		rows,
		docstatus=1,
	)
	frappe.db.commit()
	return names


def hapus_sintetis() -> None:
	import frappe

	frappe.db.sql(
		"delete j from `tabJadwal Angsuran Pinjaman` j join `tabPinjaman` p on p.name = j.parent where p.remarks = %s",
		PENANDA,
	)
	frappe.db.sql("delete from `tabPinjaman` where remarks = %s", PENANDA)
	frappe.db.commit()


def harian_10000(n: int, company: str) -> dict:
	import frappe
	from frappe.utils import getdate, today

	from koperasi_merah_putih.pinjaman import harian
	from tests.support.data import anggota_peminjam

	frappe.set_user("Administrator")
	hapus_sintetis()
	anggota = anggota_peminjam(simpanan=0)
	frappe.db.commit()
	hari_ini = getdate(today())
	with measure() as tulis:
		buat_pinjaman_sintetis(n, company, anggota, hari_ini)
	try:
		with measure() as pertama:
			hasil = harian.jalankan(hari_ini, company=company, ppap=False)
			frappe.db.commit()
		with measure() as kedua:
			harian.jalankan(hari_ini, company=company, ppap=False)
			frappe.db.commit()
	finally:
		hapus_sintetis()
	return {
		"loans_active": hasil["pinjaman"],
		"seconds_writing_synthetic_loans": tulis["seconds"],
		"seconds_daily_job_first_run": pertama["seconds"],
		"loans_changed_first_run": hasil["diubah"],
		"instalments_with_denda": hasil["angsuran_didenda"],
		"seconds_daily_job_second_run": kedua["seconds"],
		"daily_job_target_seconds_for_10000": "< 120",
		"npl_percent": hasil["npl"],
		"peak_rss_mb_after_daily_job": kedua["peak_rss_mb"],
	}


def angsuran_vs_jurnal(n: int, company: str) -> dict:
	import frappe

	from koperasi_merah_putih.akun import account_by_number
	from tests.support.data import anggota_peminjam, angsuran, pinjaman_cair

	frappe.set_user("Administrator")
	anggota = anggota_peminjam(simpanan=5_000_000)
	pinjaman = pinjaman_cair(
		anggota, jumlah=10_000_000, tenor=24, posting_date=frappe.utils.add_months(frappe.utils.today(), -1)
	)
	frappe.db.commit()
	kas, piutang, jasa = (account_by_number(company, n) for n in ("1101", "1121", "4101"))
	tanggal = frappe.utils.today()

	def jurnal(pokok, bunga):
		je = frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": company,
				"posting_date": tanggal,
				"user_remark": "Angsuran pinjaman (pembanding)",
				"accounts": [
					{"account": kas, "debit_in_account_currency": pokok + bunga},
					{
						"account": piutang,
						"credit_in_account_currency": pokok,
						"party_type": "Customer",
						"party": anggota.customer,
					},
					{"account": jasa, "credit_in_account_currency": bunga},
				],
			}
		)
		je.insert()
		je.submit()

	t_ours = t_je = 0.0
	for i in range(10 + n):
		start = time.perf_counter()
		a = angsuran(pinjaman, 5_000, tanggal)
		frappe.db.commit()
		mid = time.perf_counter()
		jurnal(int(a.pokok) or 1, int(a.jasa) or 1)
		frappe.db.commit()
		end = time.perf_counter()
		if i >= 10:  # warm-up done
			t_ours += mid - start
			t_je += end - mid
	return {
		"repayments_each": n,
		"ms_per_repayment_angsuran_pinjaman": 1000 * t_ours / n,
		"ms_per_journal_entry_same_lines": 1000 * t_je / n,
		"ratio_repayment_to_journal_entry": t_ours / t_je,
		"ratio_target": "<= 1.2",
	}


def main(rows: int = 10_000) -> None:
	connect()
	from tests.support.data import ensure_koperasi

	company = ensure_koperasi()["company"]
	with measure() as total:
		figures = jadwal_1000()
		figures.update(harian_10000(rows, company))
		figures.update(angsuran_vs_jurnal(min(200, rows), company))
	figures["total_seconds"] = total["seconds"]
	figures["peak_rss_mb"] = total["peak_rss_mb"]
	report("pinjaman", figures)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
