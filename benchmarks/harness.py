"""What every benchmark shares: the site connection, a timer with peak memory, and the printout.

Benchmarks print figures (and append them to artifacts/benchmarks.jsonl); they assert nothing.
The targets in the issue texts are printed next to each figure so a reader can compare.
"""

import json
import os
import resource
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("KMP_ARTIFACTS", ROOT / "artifacts"))


def connect():
	from tests.support import frappe_site

	frappe_site.connect()


def rss_mb() -> float:
	"""Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def measure():
	out = {}
	start_rss = rss_mb()
	start = time.perf_counter()
	try:
		yield out
	finally:
		out["seconds"] = time.perf_counter() - start
		out["peak_rss_mb"] = rss_mb()
		out["peak_rss_growth_mb"] = rss_mb() - start_rss


def interleaved(first, second, n: int, warmup: int = 5) -> tuple[float, float, dict]:
	"""Seconds spent in `first()` and in `second()` (each committed), called alternately `n` times after
	`warmup` untimed rounds, so caches and table sizes are alike for both; and `measure`'s figures."""
	import frappe

	for _ in range(warmup):
		first()
		second()
		frappe.db.commit()
	t_first = t_second = 0.0
	with measure() as total:
		for _ in range(n):
			start = time.perf_counter()
			first()
			frappe.db.commit()
			t_first += time.perf_counter() - start
			start = time.perf_counter()
			second()
			frappe.db.commit()
			t_second += time.perf_counter() - start
	return t_first, t_second, total


def report(name: str, figures: dict) -> None:
	print(f"\n== benchmark: {name}")
	for key, value in figures.items():
		shown = f"{value:,.3f}" if isinstance(value, float) else value
		print(f"   {key:<34} {shown}")
	ARTIFACTS.mkdir(exist_ok=True)
	with (ARTIFACTS / "benchmarks.jsonl").open("a") as f:
		f.write(json.dumps({"benchmark": name, "at": time.strftime("%Y-%m-%dT%H:%M:%S"), **figures}) + "\n")


# ------------------------------------------------------------------ bulk fixtures
def anggota_massal(company: str, n: int, kode: str, nik: str, nama: str, bergabung) -> tuple[list, list]:
	"""`n` active members with their Customers, bulk-inserted (a benchmark's fixture, not the
	product's path): names `kode`-i and C-`kode`-i, NIKs `nik` + 8 digits. Returns both name lists."""
	from frappe.utils.nestedset import get_root_of

	from koperasi_merah_putih.massal import sisip_massal
	from koperasi_merah_putih.setup.provisioning import CUSTOMER_GROUP

	anggota = [f"{kode}-{i}" for i in range(n)]
	customers = [f"C-{kode}-{i}" for i in range(n)]
	sisip_massal(
		"Anggota",
		("nama_lengkap", "nik", "status", "company", "tanggal_bergabung", "customer"),
		[(f"{nama} {i}", f"{nik}{i:08d}", "Aktif", company, bergabung, customers[i]) for i in range(n)],
		nama=lambda i: anggota[i - 1],
	)
	territory = get_root_of("Territory")
	sisip_massal(
		"Customer",
		("customer_name", "customer_type", "customer_group", "territory", "anggota"),
		[(f"{nama} {i}", "Individual", CUSTOMER_GROUP, territory, anggota[i]) for i in range(n)],
		nama=lambda i: customers[i - 1],
	)
	return anggota, customers


# the standard columns every bulk-inserted submitted row starts with
KOLOM_DOKUMEN = ("name", "creation", "modified", "owner", "modified_by", "docstatus")


class BukuMassal:
	"""GL Entry lines of one benchmark journal, bulk-inserted on `simpan()`: a history that would take
	hours to post document by document (the fixture, not what is measured)."""

	KOLOM = (
		*KOLOM_DOKUMEN,
		"posting_date",
		"account",
		"party_type",
		"party",
		"against",
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
		"is_opening",
		"remarks",
	)

	def __init__(self, company: str, voucher_no: str, fiscal_year: str):
		import frappe
		from frappe.utils import now

		self.company, self.voucher_no, self.fiscal_year = company, voucher_no, fiscal_year
		self.cost_center = frappe.get_cached_value("Company", company, "cost_center")
		self.stamp = now()
		self.rows = []

	def baris(
		self, key: str, hari, account: str, party=None, against=None, debit=0, credit=0, cost_center=None
	) -> None:
		self.rows.append(
			(
				f"{self.voucher_no}-{key}",
				self.stamp,
				self.stamp,
				"Administrator",
				"Administrator",
				1,
				hari,
				account,
				"Customer" if party else None,
				party,
				against,
				debit,
				credit,
				debit,
				credit,
				"IDR",
				self.company,
				"Journal Entry",
				self.voucher_no,
				self.fiscal_year,
				cost_center or self.cost_center,
				0,
				"No",
				"benchmark fixture",
			)
		)

	def simpan(self) -> None:
		import frappe

		frappe.db.bulk_insert("GL Entry", self.KOLOM, self.rows, chunk_size=5000)
