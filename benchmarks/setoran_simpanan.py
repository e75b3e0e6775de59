"""One savings deposit (insert and submit) through the app's posting path, against an ERPNext
Journal Entry with the same two lines, in the same run. Target (issue 4): ratio at most 1.0.

Both kinds run interleaved on the same member so caches and table sizes are alike.
"""

import sys

from benchmarks.harness import connect, interleaved, report

WARMUP = 10


def main(n: int = 500) -> None:
	connect()
	import frappe

	from koperasi_merah_putih.akun import account_by_number
	from tests.support.data import buat_anggota, ensure_koperasi, transaksi_simpanan

	company = ensure_koperasi()["company"]
	frappe.set_user("Administrator")
	anggota = buat_anggota("Aktif")
	frappe.db.commit()
	kas, simpanan = account_by_number(company, "1101"), account_by_number(company, "2101")

	def journal(amount):
		je = frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": company,
				"posting_date": frappe.utils.today(),
				"user_remark": "Setoran simpanan sukarela (pembanding)",
				"accounts": [
					{"account": kas, "debit_in_account_currency": amount},
					{
						"account": simpanan,
						"credit_in_account_currency": amount,
						"party_type": "Customer",
						"party": anggota.customer,
					},
				],
			}
		)
		je.insert()
		je.submit()

	def ours(amount):
		transaksi_simpanan(anggota, "Simpanan Sukarela", amount)

	amounts = iter(range(10000, 10_000_000))

	def ours_():
		ours(next(amounts))

	def journal_():
		journal(next(amounts))

	t_ours, t_je, total = interleaved(ours_, journal_, n, warmup=WARMUP)
	report(
		"setoran_simpanan",
		{
			"deposits_each": n,
			"ms_per_deposit_transaksi_simpanan": 1000 * t_ours / n,
			"ms_per_journal_entry_same_lines": 1000 * t_je / n,
			"ratio_deposit_to_journal_entry": t_ours / t_je,
			"ratio_target": "<= 1.0",
			"total_seconds": total["seconds"],
			"peak_rss_mb": total["peak_rss_mb"],
		},
	)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
