"""Monthly simpanan wajib billing for N active members (default 10,000). Target (issue 4): under
60 s on this machine; prints seconds, ms per member and peak memory.

The members are written straight into the Anggota table for this measurement (billing reads only
their status, cooperative and joining date); a period far in the future keeps runs independent.
"""

import random
import sys

from benchmarks.harness import connect, measure, report


def main(n: int = 10000) -> None:
	connect()
	import frappe

	from koperasi_merah_putih.massal import sisip_massal
	from koperasi_merah_putih.simpanan import tagihan
	from tests.support.data import ensure_koperasi

	company = ensure_koperasi()["company"]
	frappe.set_user("Administrator")
	run = random.randint(100000, 999999)
	fields = ("nama_lengkap", "nik", "status", "company", "tanggal_bergabung", "sumber_pendaftaran")
	rows = [
		(f"Anggota Tagihan {i}", f"99{run}{i:08d}", "Aktif", company, "2026-01-01", "Impor") for i in range(n)
	]
	sisip_massal("Anggota", fields, rows, nama=lambda i: f"BENCH-{run}-{i}")
	frappe.db.commit()
	periode = f"{random.randint(2100, 2999)}-{random.randint(1, 12):02d}"
	aktif = frappe.db.count("Anggota", {"status": "Aktif", "company": company})
	with measure() as m:
		result = tagihan.buat_tagihan_bulanan(periode, company)
		frappe.db.commit()
	with measure() as again:
		second = tagihan.buat_tagihan_bulanan(periode, company)
		frappe.db.commit()
	report(
		"tagihan_wajib",
		{
			"active_members": aktif,
			"bills_made": result["dibuat"],
			"seconds": m["seconds"],
			"ms_per_member": 1000 * m["seconds"] / max(result["dibuat"], 1),
			"target_seconds": "< 60",
			"second_run_bills_made": second["dibuat"],
			"second_run_seconds": again["seconds"],
			"peak_rss_mb": m["peak_rss_mb"],
			"peak_rss_growth_mb": m["peak_rss_growth_mb"],
		},
	)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
