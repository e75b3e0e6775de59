"""The cooperative's public website against the real site: the transparency figures equal the
ledger (ERPNext's own balances of the same accounts, and the change a deposit and a loan make),
Website Settings follow Pengaturan Koperasi once, and what a visitor's page receives from the
settings is checked."""

import frappe
from erpnext.accounts.utils import get_balance_on

from koperasi_merah_putih.koperasi import situs
from koperasi_merah_putih.setup.provisioning import ensure_fiscal_year
from koperasi_merah_putih.simpanan.saldo import produk_simpanan
from tests.support.data import anggota_peminjam, buat_anggota, pinjaman_cair, transaksi_simpanan
from tests.support.kasus import KoperasiTestCase


def _saldo_erpnext(company: str, akun: list[str]) -> float:
	return sum(get_balance_on(a, company=company) for a in akun)


class TestSitus(KoperasiTestCase):
	def test_transparency_equals_the_ledger(self):
		simpanan = sorted({p.akun_simpanan for p in produk_simpanan(self.company, termasuk_nonaktif=True)})
		piutang = situs.akun_piutang_pinjaman(self.company)
		sebelum = situs.transparansi(self.company)
		# savings are credit balances (ERPNext's balance is debit minus credit), loans debit ones
		self.assertAlmostEqual(sebelum["total_simpanan"], -_saldo_erpnext(self.company, simpanan), places=2)
		self.assertAlmostEqual(sebelum["pinjaman_beredar"], _saldo_erpnext(self.company, piutang), places=2)
		self.assertEqual(
			sebelum["anggota_aktif"], frappe.db.count("Anggota", {"company": self.company, "status": "Aktif"})
		)

		a = anggota_peminjam(simpanan=1_500_000)
		transaksi_simpanan(a, "Simpanan Sukarela", 250_000)
		pinjaman_cair(a, jumlah=2_000_000)
		buat_anggota("Pendaftaran")
		sesudah = situs.transparansi(self.company)
		self.assertAlmostEqual(sesudah["total_simpanan"] - sebelum["total_simpanan"], 1_750_000, places=2)
		self.assertAlmostEqual(sesudah["pinjaman_beredar"] - sebelum["pinjaman_beredar"], 2_000_000, places=2)
		# an applicant is not yet a member
		self.assertEqual(sesudah["anggota_aktif"], sebelum["anggota_aktif"] + 1)
		self.assertAlmostEqual(sesudah["total_simpanan"], -_saldo_erpnext(self.company, simpanan), places=2)

	def test_the_last_members_meeting_is_shown(self):
		# a RAT is held on a year that is over
		tahun_lalu = ensure_fiscal_year(f"{self.tahun - 1}-06-30")
		frappe.get_doc(
			{
				"doctype": "Rapat Anggota Tahunan",
				"company": self.company,
				"fiscal_year": tahun_lalu,
				"tanggal": frappe.utils.today(),
				"tempat": "Balai Kelurahan",
			}
		).insert().submit()
		rat = situs.transparansi(self.company)["rat_terakhir"]
		self.assertEqual(str(rat.tanggal), frappe.utils.today())
		self.assertEqual(rat.fiscal_year, tahun_lalu)

	def test_website_settings_follow_the_cooperative_once(self):
		situs.terapkan_situs()
		ws = frappe.get_single("Website Settings")
		nama = frappe.db.get_value("Company", situs.koperasi_situs(), "company_name")
		self.assertEqual(ws.app_name, nama)
		self.assertEqual(ws.home_page, situs.BERANDA)
		self.assertEqual((ws.hide_footer_signup, ws.disable_signup), (1, 1))
		self.assertEqual((ws.app_logo, ws.favicon, ws.splash_image), (situs.LOGO_BAWAAN,) * 3)
		menu = [r.url for r in ws.top_bar_items]
		situs.terapkan_situs()
		frappe.get_single("Pengaturan Koperasi").save()
		self.assertEqual([r.url for r in frappe.get_single("Website Settings").top_bar_items], menu)
		self.assertEqual(sorted(set(menu) & {"/", "/daftar", "/pelatihan", "/produk"}), sorted(menu))

	def test_what_reaches_visitors_is_checked(self):
		p = frappe.get_single("Pengaturan Koperasi")
		for field, value in (
			("warna_utama", "red;}</style><script>alert(1)</script>"),
			("logo_koperasi", "/private/files/logo.png"),
			("logo_koperasi", '/files/logo.png"><script>alert(1)</script>'),
			("warna_utama", "#abc\n"),
			("tautan_peta", "javascript:alert(1)"),
			("nomor_kontak", "12345"),
		):
			p.reload()
			p.set(field, value)
			with self.assertRaises(frappe.ValidationError, msg=field):
				p.save()
		p.reload()
		p.nomor_kontak = "0812-3456-7890"
		p.alamat_kantor = "Jl. Merdeka <b>1</b>\nSukamaju"
		p.save()
		self.assertEqual(p.nomor_kontak, "+6281234567890")
		# Frappe writes the footer address as it is: ours is escaped
		self.assertEqual(
			frappe.db.get_single_value("Website Settings", "address"),
			"Jl. Merdeka &lt;b&gt;1&lt;/b&gt;<br>Sukamaju",
		)
