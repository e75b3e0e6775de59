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

from benchmarks.harness import connect, measure, report


def _fixture(company: str, n: int, run: int, tahun: int, bulan: int) -> None:
	import frappe
	from frappe.utils import now
	from frappe.utils.nestedset import get_root_of

	from koperasi_merah_putih.massal import sisip_massal
	from koperasi_merah_putih.setup.provisioning import CUSTOMER_GROUP

	stamp, admin = now(), "Administrator"
	meta = ("creation", "modified", "owner", "modified_by", "docstatus")
	base = (stamp, stamp, admin, admin, 0)
	anggota = [f"JASA-{run}-{i}" for i in range(n)]
	customers = [f"C-JASA-{run}-{i}" for i in range(n)]
	sisip_massal(
		"Anggota",
		("nama_lengkap", "nik", "status", "company", "tanggal_bergabung", "customer"),
		[
			(f"Penabung {i}", f"98{run}{i:08d}", "Aktif", company, "2026-01-01", customers[i])
			for i in range(n)
		],
		nama=lambda i: anggota[i - 1],
	)
	territory = get_root_of("Territory")
	sisip_massal(
		"Customer",
		("customer_name", "customer_type", "customer_group", "territory", "anggota"),
		[(f"Penabung {i}", "Individual", CUSTOMER_GROUP, territory, anggota[i]) for i in range(n)],
		nama=lambda i: customers[i - 1],
	)
	produk = frappe.get_doc("Jenis Simpanan", "Simpanan Sukarela")
	akun = produk.akun_untuk(company).akun_simpanan
	kas = frappe.get_cached_value("Company", company, "default_cash_account")
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	fiscal_year = str(tahun)
	cols = (
		"name",
		*meta,
		"posting_date",
		"account",
		"party_type",
		"party",
		"debit",
		"credit",
		"debit_in_account_currency",
		"credit_in_account_currency",
		"account_currency",
		"company",
		"voucher_type",
		"voucher_no",
		"fiscal_year",
		"cost_center",
		"is_cancelled",
		"remarks",
	)
	rows, total, rng = [], 0, random.Random(run)
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
			rows.append(
				(
					f"GLJ-{run}-{i}-{k}",
					*base[:4],
					1,
					hari,
					akun,
					"Customer",
					c,
					max(-delta, 0),
					max(delta, 0),
					max(-delta, 0),
					max(delta, 0),
					"IDR",
					company,
					"Journal Entry",
					f"BENCH-JASA-{run}",
					fiscal_year,
					cost_center,
					0,
					"benchmark fixture",
				)
			)
	rows.append(
		(
			f"GLJ-{run}-kas",
			*base[:4],
			1,
			date(tahun, bulan - 1, 15),
			kas,
			None,
			None,
			total,
			0,
			total,
			0,
			"IDR",
			company,
			"Journal Entry",
			f"BENCH-JASA-{run}",
			fiscal_year,
			cost_center,
			0,
			"benchmark fixture",
		)
	)
	frappe.db.bulk_insert("GL Entry", cols, rows, chunk_size=5000)


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
