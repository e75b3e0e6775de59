"""The living demo's load time (issue 16): `./kmp demo` through the app's documents on the test
site, then the same again (the idempotent run that finds everything in place). `rows` sets the
members (300 by default; CI runs `--rows 1000`, a tenth of it). Members already there from an
earlier load are found, not made: the figures say how many were new."""

import sys

from benchmarks.harness import connect, measure, report

DOKUMEN = ("Anggota", "Transaksi Simpanan", "Angsuran Pinjaman", "Sales Invoice", "GL Entry")


def main(rows: int | None = None) -> None:
	connect()
	import frappe

	from koperasi_merah_putih.demo import data, muat_demo
	from koperasi_merah_putih.setup.provisioning import company_name

	anggota = 300 if rows is None else min(300, max(20, rows // 10))
	company = company_name(data()["koperasi"])

	def hitung() -> dict:
		return {dt: frappe.db.count(dt, {"company": company}) for dt in DOKUMEN}

	sebelum = hitung() if frappe.db.exists("Company", company) else dict.fromkeys(DOKUMEN, 0)
	with measure() as pertama:
		muat_demo(anggota, situs=False)
	sesudah = hitung()
	with measure() as kedua:
		muat_demo(anggota, situs=False)
	baru = sesudah["Anggota"] - sebelum["Anggota"]
	report(
		"demo",
		{
			"members": anggota,
			"members_new": baru,
			**{f"new_{dt.lower().replace(' ', '_')}": sesudah[dt] - sebelum[dt] for dt in DOKUMEN},
			"seconds_first_load": pertama["seconds"],
			"seconds_per_new_member": pertama["seconds"] / baru if baru else None,
			"seconds_second_load_idempotent": kedua["seconds"],
			"peak_rss_mb": kedua["peak_rss_mb"],
		},
	)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
