"""The year-end of a cooperative of N members (default 10,000). Targets (issue 13): Pembagian SHU
computed and posted under 30 s; the Buku RAT PDF under 30 s; prints peak memory too.

Fixture: a cooperative of its own, N members with their Customers, and a year of their savings
(pokok, wajib) and of the loan jasa most of them paid, written straight into GL Entry (what the
year-end reads), in a past fiscal year of its own. The year is then closed through the app's own
Tutup Buku (ERPNext's Period Closing Voucher), a RAT with quorum approves the split, and the
Pembagian SHU is computed and submitted as a treasurer would.
"""

import random
import sys
from datetime import date

from benchmarks.harness import BukuMassal, anggota_massal, connect, measure, report


def _fixture(company: str, n: int, run: int, tahun: int) -> list[str]:
	from koperasi_merah_putih.akun import account_by_number

	anggota, customers = anggota_massal(
		company, n, f"SHU-{run}", f"97{run}", "Anggota SHU", f"{tahun - 1}-06-01"
	)
	akun = {k: account_by_number(company, k) for k in ("3101", "3102", "4101", "1101")}
	buku, rng, kas = BukuMassal(company, f"BENCH-SHU-{run}", str(tahun)), random.Random(run), 0
	for i, c in enumerate(customers):
		wajib = rng.randint(1, 12) * 50_000
		buku.baris(f"{i}-p", date(tahun, 1, 15), akun["3101"], c, akun["1101"], 0, 100_000)
		buku.baris(f"{i}-w", date(tahun, rng.randint(2, 12), 10), akun["3102"], c, akun["1101"], 0, wajib)
		kas += 100_000 + wajib
		if rng.random() < 0.6:
			jasa = rng.randint(10, 500) * 1000
			buku.baris(f"{i}-j", date(tahun, rng.randint(1, 12), 20), akun["4101"], None, c, 0, jasa)
			kas += jasa
	buku.baris("kas", date(tahun, 1, 15), akun["1101"], None, None, kas, 0)
	buku.simpan()
	return anggota


def main(n: int = 10000) -> None:
	connect()
	import frappe

	from koperasi_merah_putih.setup.provisioning import provision_koperasi
	from tests.support.data import penutupan_selesai

	frappe.set_user("Administrator")
	run = random.randint(100000, 999999)
	taken = {int(y) for y in frappe.get_all("Fiscal Year", pluck="year") if str(y).isdigit()}
	tahun = random.choice([y for y in range(1990, 2020, 2) if y not in taken and y + 1 not in taken])
	company = provision_koperasi(f"Bench SHU {run}")["company"]
	for y in (tahun, tahun + 1):  # the year closed, and the year the SHU is shared in
		frappe.get_doc(
			{
				"doctype": "Fiscal Year",
				"year": str(y),
				"year_start_date": f"{y}-01-01",
				"year_end_date": f"{y}-12-31",
				"companies": [{"company": company}],
			}
		).insert()
	anggota = _fixture(company, n, run, tahun)
	frappe.db.commit()

	with measure() as tutup:
		tb = frappe.get_doc({"doctype": "Tutup Buku", "company": company, "fiscal_year": str(tahun)}).insert()
		tb.submit()
		# ERPNext queues the closing's entries above 100,000 GL entries on the site: do what its
		# worker does
		penutupan_selesai(tb.name)
		frappe.db.commit()
	bagi = frappe.get_doc(
		{
			"doctype": "Pembagian SHU",
			"company": company,
			"tahun_buku": str(tahun),
			"posting_date": f"{tahun + 1}-03-01",
		}
	).insert()
	with measure() as hitung:
		bagi.hitung()
		frappe.db.commit()
	with measure() as rat_t:
		rat = frappe.get_doc(
			{
				"doctype": "Rapat Anggota Tahunan",
				"company": company,
				"fiscal_year": str(tahun),
				"tanggal": f"{tahun + 1}-03-01",
				"tempat": "Balai Kelurahan",
				"kehadiran": [{"anggota": a} for a in anggota[: n // 2 + 1]],
				"laporan_diterima": 1,
				"pembagian_shu": bagi.name,
				"shu_disetujui": 1,
			}
		).insert()
		rat.submit()
		frappe.db.commit()
	with measure() as posting:
		bagi.reload()
		bagi._submit()
		frappe.db.commit()
	from koperasi_merah_putih.tutup_buku import laporan

	with measure() as pdf:
		laporan.unduh_buku_rat(rat.name)  # what the desk's "Buku RAT (PDF)" button downloads
		content = frappe.local.response.filecontent
	from frappe.utils import flt

	gl = frappe.db.count("GL Entry", {"voucher_no": bagi.name, "is_cancelled": 0})
	report(
		"pembagian_shu",
		{
			"members": n,
			"members_with_shu": bagi.jumlah_anggota,
			"shu": flt(bagi.shu),
			"close_year_seconds (checklist, tax, PCV)": tutup["seconds"],
			"compute_seconds": hitung["seconds"],
			"rat_with_quorum_seconds": rat_t["seconds"],
			"submit_seconds (recompute + post)": posting["seconds"],
			"compute_and_post_seconds": hitung["seconds"] + posting["seconds"],
			"target_compute_and_post_seconds": "< 30",
			"gl_entries_posted": gl,
			"buku_rat_pdf_seconds": pdf["seconds"],
			"buku_rat_pdf_kb": len(content) // 1024,
			"target_buku_rat_pdf_seconds": "< 30",
			"peak_rss_mb": pdf["peak_rss_mb"],
		},
	)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
