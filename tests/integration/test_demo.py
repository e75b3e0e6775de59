"""The living demo against the real site: loaded through the app's documents, twice without a
single duplicate, with books that balance and every part the guide shows (members, the board,
savings with arrears, loans in more than one collectibility class, certificates, outlet sales)."""

import frappe
from frappe.tests.utils import FrappeTestCase

from koperasi_merah_putih.demo import muat_demo

HITUNG = (
	"Anggota",
	"Masa Jabatan",
	"Transaksi Simpanan",
	"Pinjaman",
	"Angsuran Pinjaman",
	"Pelatihan",
	"Sales Invoice",
	"Purchase Invoice",
	"GL Entry",
)


def _hitung(company: str) -> dict:
	return {dt: frappe.db.count(dt, {"company": company}) for dt in HITUNG}


class TestDemo(FrappeTestCase):
	def test_the_demo_loads_twice_without_duplicates_and_balances(self):
		frappe.set_user("Administrator")
		pertama = muat_demo(12, situs=False)
		company = pertama["company"]
		sekali = _hitung(company)
		kedua = muat_demo(12, situs=False)
		self.assertEqual(_hitung(company), sekali)
		self.assertGreaterEqual(kedua["anggota"], 12)
		self.assertTrue(all(sekali[dt] for dt in HITUNG), sekali)
		# the books balance, in the GL and in ERPNext's Trial Balance
		debit, kredit = frappe.db.sql(
			"select sum(debit), sum(credit) from `tabGL Entry` where company = %s and is_cancelled = 0",
			company,
		)[0]
		self.assertAlmostEqual(float(debit), float(kredit), places=2)
		from erpnext.accounts.report.trial_balance.trial_balance import execute

		fy = frappe.defaults.get_user_default("fiscal_year") or str(frappe.utils.getdate().year)
		tahun = frappe.get_cached_doc("Fiscal Year", fy)
		baris = execute(
			frappe._dict(
				company=company,
				fiscal_year=fy,
				from_date=tahun.year_start_date,
				to_date=tahun.year_end_date,
				presentation_currency="IDR",
				show_zero_values=0,
			)
		)[1]
		total = next(
			r for r in baris if isinstance(r, dict) and str(r.get("account", "")).startswith("'Total")
		)
		self.assertAlmostEqual(total["closing_debit"], total["closing_credit"], places=2)
		# what the demo is for: arrears, several collectibility classes, certificates
		kelas = set(frappe.get_all("Pinjaman", {"company": company, "docstatus": 1}, pluck="kolektibilitas"))
		self.assertGreaterEqual(len(kelas), 2, kelas)
		self.assertTrue(frappe.db.exists("Pendaftaran Pelatihan", {"nomor_sertifikat": ("is", "set")}))
		self.assertTrue(
			frappe.db.exists("Sales Invoice", {"company": company, "customer": "Umum", "docstatus": 1})
		)
