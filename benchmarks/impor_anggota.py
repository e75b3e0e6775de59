"""Bulk import of members through Frappe's Data Import (the path a cooperative uses for its
existing register), against inserting bare ERPNext Customers through the same importer.

Prints members per second, the ratio of the two, and peak memory. Target (issue 3): ratio <= 3.
The portal Users of imported members are made afterwards by one background job; it is timed on
a sample of 500 members, and the time for all and the ratio including it are estimated from that.
"""

import csv
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

from benchmarks.harness import connect, measure, report

ACCOUNT_SAMPLE = 500
HEADER_ANGGOTA = [
	"Nama Lengkap",
	"NIK",
	"No. KK",
	"Tempat Lahir",
	"Tanggal Lahir",
	"Jenis Kelamin",
	"Pekerjaan",
	"Jalan / Dusun",
	"RT",
	"RW",
	"Kelurahan / Desa",
	"Kecamatan",
	"Kota / Kabupaten",
	"Nomor HP",
	"Email",
	"Koperasi",
	"Status",
]


def generate_members(n: int, company: str, seed: int | None = None, email_share: float = 1.0) -> list[list]:
	from koperasi_merah_putih.rules.nik import buat_nik

	rng = random.Random(seed)
	run = rng.randint(100000, 999999)
	rows, seen = [], set()
	first = ["Siti", "Agus", "Dewi", "Budi", "Sri", "Joko", "Nur", "Rina", "Eko", "Wati"]
	last = ["Aminah", "Santoso", "Lestari", "Hidayat", "Wahyuni", "Saputra", "Rahayu", "Pratama"]
	for i in range(n):
		jk = "Perempuan" if i % 2 else "Laki-laki"
		lahir = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
		while True:
			nik = buat_nik(
				f"33{rng.randint(1, 79):02d}{rng.randint(1, 40):02d}", lahir, jk, rng.randint(1, 9999)
			)
			if nik not in seen:
				seen.add(nik)
				break
		email = f"impor.{run}.{i}@anggota.test" if rng.random() < email_share else ""
		rows.append(
			[
				f"{rng.choice(first)} {rng.choice(last)}",
				nik,
				f"33{rng.randint(10**13, 10**14 - 1)}",
				"Klaten",
				lahir.isoformat(),
				jk,
				"Petani",
				f"Dusun {rng.randint(1, 12)}",
				f"{rng.randint(1, 9):03d}",
				f"{rng.randint(1, 5):03d}",
				"Sukamaju",
				"Cibinong",
				"Kabupaten Bogor",
				f"0812{rng.randint(10**7, 10**8 - 1)}",
				email,
				company,
				"Aktif",
			]
		)
	return rows


def write_csv(header: list, rows: list, folder: Path, name: str) -> Path:
	path = folder / name
	with path.open("w", newline="") as f:
		w = csv.writer(f)
		w.writerow(header)
		w.writerows(rows)
	return path


def run_data_import(doctype: str, path: Path) -> dict:
	"""Create a Data Import as the desk does and run its job function in this process."""
	import frappe
	from frappe.core.doctype.data_import.data_import import start_import

	file = frappe.get_doc(
		{"doctype": "File", "file_name": path.name, "content": path.read_bytes(), "is_private": 1}
	).insert(ignore_permissions=True)
	di = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": doctype,
			"import_type": "Insert New Records",
			"import_file": file.file_url,
			"mute_emails": 1,
		}
	).insert(ignore_permissions=True)
	frappe.db.commit()
	start_import(di.name)
	frappe.db.commit()
	di.reload()
	logs = frappe.get_all("Data Import Log", {"data_import": di.name}, ["success"], limit_page_length=0)
	return {
		"status": di.status,
		"ok": sum(1 for r in logs if r.success),
		"failed": sum(1 for r in logs if not r.success),
	}


def main(n: int = 10000) -> None:
	connect()
	import frappe

	from tests.support.data import ensure_koperasi

	company = ensure_koperasi()["company"]
	frappe.set_user("Administrator")
	frappe.flags.mute_emails = True
	with tempfile.TemporaryDirectory() as tmp:
		tmp = Path(tmp)
		members = generate_members(n, company)
		anggota_csv = write_csv(HEADER_ANGGOTA, members, tmp, "anggota.csv")
		run_id = random.randint(100000, 999999)
		customer_csv = write_csv(
			["Customer Name", "Customer Type", "Customer Group", "Territory"],
			[
				[f"Pelanggan {run_id} {i}", "Individual", "Anggota Koperasi", "All Territories"]
				for i in range(n)
			],
			tmp,
			"customer.csv",
		)
		with measure() as base:
			base_result = run_data_import("Customer", customer_csv)
		with measure() as ours:
			our_result = run_data_import("Anggota", anggota_csv)
		from koperasi_merah_putih.keanggotaan.pihak import buat_akun_portal

		# the background job the import's end enqueues, run here in-process on a sample to time it
		# (a Frappe User costs ~0.2 s; all 10,000 would add half an hour to the benchmark)
		sample = min(our_result["ok"], ACCOUNT_SAMPLE)
		with measure() as akun:
			accounts = buat_akun_portal(limit=sample)
		frappe.db.commit()
	ms_akun = 1000 * akun["seconds"] / max(accounts, 1)
	report(
		"impor_anggota",
		{
			"rows": n,
			"customers_imported": base_result["ok"],
			"customer_seconds": base["seconds"],
			"customers_per_second": base_result["ok"] / base["seconds"],
			"members_imported": our_result["ok"],
			"members_failed": our_result["failed"],
			"member_seconds": ours["seconds"],
			"members_per_second": our_result["ok"] / ours["seconds"],
			"ms_per_member": 1000 * ours["seconds"] / max(our_result["ok"], 1),
			"ratio_member_to_customer": ours["seconds"] / base["seconds"],
			"ratio_target": "<= 3.0",
			"portal_accounts_sampled": accounts,
			"portal_accounts_sample_seconds": akun["seconds"],
			"ms_per_portal_account": ms_akun,
			"portal_accounts_all_estimated_seconds": ms_akun * our_result["ok"] / 1000,
			"ratio_including_portal_accounts_estimated": (ours["seconds"] + ms_akun * our_result["ok"] / 1000)
			/ base["seconds"],
			"peak_rss_mb": ours["peak_rss_mb"],
			"peak_rss_growth_mb_member_import": ours["peak_rss_growth_mb"],
		},
	)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
