"""Month-end jasa on simpanan sukarela for N accounts (default 10,000). Target (issue 4): under
60 s on this machine; prints the seconds of computing the breakdown and of posting it (one Jasa
Simpanan, one GL Entry per member), and peak memory.

Fixture: N members with their Customers, and each member's opening deposit plus two movements in
the month, written straight into the tables (what the jasa run reads); the month is in a fiscal
year of its own far ahead, so runs do not meet each other or the tests' data.
"""

import random
import sys
from datetime import date

from benchmarks.harness import BukuMassal, anggota_massal, connect, measure, report


def _fixture(company: str, n: int, run: int, tahun: int, bulan: int) -> None:
	import frappe

	_anggota, customers = anggota_massal(company, n, f"JASA-{run}", f"98{run}", "Penabung", "2026-01-01")
	akun = frappe.get_doc("Jenis Simpanan", "Simpanan Sukarela").akun_untuk(company).akun_simpanan
	kas = frappe.get_cached_value("Company", company, "default_cash_account")
	buku, total, rng = BukuMassal(company, f"BENCH-JASA-{run}", str(tahun)), 0, random.Random(run)
	for i, c in enumerate(customers):
		# an opening deposit before the month, then a deposit and a withdrawal within it
		for k, (hari, delta) in enumerate(
			(
				(date(tahun, bulan - 1, 15), rng.randint(50, 5000) * 1000),
				(date(tahun, bulan, 10), 200000),
				(date(tahun, bulan, 20), -100000),
			)
		):
			total += delta
			buku.baris(f"{i}-{k}", hari, akun, c, None, max(-delta, 0), max(delta, 0))
	buku.baris("kas", date(tahun, bulan - 1, 15), kas, None, None, total, 0)
	buku.simpan()


def main(n: int = 10000) -> None:
	connect()
	import frappe

	from tests.support.data import ensure_koperasi

	company = ensure_koperasi()["company"]
	frappe.set_user("Administrator")
	run = random.randint(100000, 999999)
	taken = {int(y) for y in frappe.get_all("Fiscal Year", pluck="year") if str(y).isdigit()}
	tahun = random.choice([y for y in range(2040, 2100) if y not in taken])
	frappe.get_doc(
		{
			"doctype": "Fiscal Year",
			"year": str(tahun),
			"year_start_date": f"{tahun}-01-01",
			"year_end_date": f"{tahun}-12-31",
			"companies": [{"company": company}],
		}
	).insert()
	bulan = 6
	_fixture(company, n, run, tahun, bulan)
	frappe.db.commit()

	doc = frappe.get_doc(
		{
			"doctype": "Jasa Simpanan",
			"company": company,
			"jenis_simpanan": "Simpanan Sukarela",
			"periode": f"{tahun}-{bulan:02d}",
		}
	).insert()
	with measure() as hitung:
		doc.hitung()
		frappe.db.commit()
	with measure() as posting:
		doc.reload()
		doc._submit()
		frappe.db.commit()
	from frappe.utils import flt

	gl = frappe.db.count("GL Entry", {"voucher_no": doc.name, "is_cancelled": 0})
	report(
		"jasa_simpanan",
		{
			"sukarela_accounts": n,
			"members_with_jasa": doc.jumlah_anggota,
			"total_jasa": flt(doc.total_jasa),
			"compute_seconds": hitung["seconds"],
			"submit_seconds (recompute + post)": posting["seconds"],
			"total_seconds": hitung["seconds"] + posting["seconds"],
			"ms_per_account": 1000 * (hitung["seconds"] + posting["seconds"]) / n,
			"gl_entries_posted": gl,
			"target_seconds": "< 60",
			"peak_rss_mb": posting["peak_rss_mb"],
		},
	)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
