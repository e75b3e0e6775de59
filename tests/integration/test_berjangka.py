"""Simpanan berjangka against the real ledger: placement, payout at maturity, early withdrawal
(refused, or penalised where the product allows it), roll-over (by hand and by the daily job),
and cancel undoing a roll-over."""

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.simpanan import berjangka, saldo
from tests.support.data import baris_gl, buat_anggota
from tests.support.kasus import KoperasiTestCase


def lines(doctype: str, voucher: str) -> list[tuple]:
	return baris_gl(doctype, voucher)


class TestSimpananBerjangka(KoperasiTestCase):
	def setUp(self):
		super().setUp()
		self.anggota = buat_anggota("Aktif")
		self.produk = frappe.db.get_value(
			"Jenis Simpanan",
			"Simpanan Berjangka",
			[
				"boleh_cair_sebelum_jatuh_tempo",
				"penalti_persen",
				"potong_pajak",
				"ambang_pajak",
				"tarif_pajak",
			],
			as_dict=True,
		)

	def tearDown(self):
		# printing commits (Frappe's access log): product settings a test changed are put back by hand
		frappe.db.set_value("Jenis Simpanan", "Simpanan Berjangka", self.produk)
		frappe.clear_document_cache("Jenis Simpanan", "Simpanan Berjangka")
		super().tearDown()

	def tempatkan(self, jumlah=10000000, tanggal="01-10", tenor=3, **kw):
		doc = frappe.get_doc(
			{
				"doctype": "Simpanan Berjangka",
				"anggota": self.anggota.name,
				"jenis_simpanan": "Simpanan Berjangka",
				"posting_date": f"{self.tahun}-{tanggal}",
				"jumlah": jumlah,
				"tenor_bulan": tenor,
				"mode_of_payment": "Cash",
				**kw,
			}
		).insert()
		doc.submit()
		return doc

	def cairkan(self, sb, tanggal, tindakan="Cairkan", **kw):
		doc = frappe.get_doc(
			{
				"doctype": "Pencairan Simpanan Berjangka",
				"simpanan_berjangka": sb.name,
				"posting_date": f"{self.tahun}-{tanggal}",
				"tindakan": tindakan,
				**kw,
			}
		).insert()
		doc.submit()
		return doc

	def balance(self):
		return saldo.saldo(self.anggota.customer, account_by_number(self.company, "2102"), self.company)

	def test_placement_and_payout_at_maturity(self):
		sb = self.tempatkan()
		self.assertEqual(str(sb.tanggal_jatuh_tempo), f"{self.tahun}-04-10")
		self.assertEqual((sb.status, sb.perkiraan_jasa), ("Aktif", 125000))
		c = self.anggota.customer
		self.assertEqual(
			lines("Simpanan Berjangka", sb.name), [("1101", 10000000, 0, ""), ("2102", 0, 10000000, c)]
		)
		self.assertEqual(self.balance(), 10000000)
		# 10,000,000 at 5% a year for 3 months = 125,000 jasa, paid out with the principal
		p = self.cairkan(sb, "04-10")
		self.assertEqual((p.jasa, p.pajak, p.penalti, p.dibayar), (125000, 0, 0, 10125000))
		self.assertEqual(p.terbilang, "sepuluh juta seratus dua puluh lima ribu rupiah")
		html = frappe.get_print(p.doctype, p.name, "Bukti Pencairan Simpanan Berjangka")
		self.assertIn("Sepuluh juta seratus dua puluh lima ribu rupiah", html)
		self.assertIn("Rp 10.125.000", html)
		bilyet = frappe.get_print(sb.doctype, sb.name, "Bilyet Simpanan Berjangka")
		self.assertIn("Sepuluh juta rupiah", bilyet)
		self.assertIn("Rp 125.000", bilyet)
		self.assertEqual(
			lines(p.doctype, p.name),
			[("1101", 0, 10125000, ""), ("2102", 10000000, 0, c), ("5201", 125000, 0, "")],
		)
		self.assertEqual(self.balance(), 0)
		self.assertEqual(frappe.db.get_value("Simpanan Berjangka", sb.name, "status"), "Dicairkan")
		# closed once only
		with self.assertRaisesRegex(frappe.ValidationError, "tidak aktif"):
			self.cairkan(sb, "04-11")

	def test_payout_with_pph_withheld_posts_the_tax_payable(self):
		frappe.db.set_value(
			"Jenis Simpanan", "Simpanan Berjangka", {"potong_pajak": 1, "ambang_pajak": 0, "tarif_pajak": 10}
		)
		frappe.clear_document_cache("Jenis Simpanan", "Simpanan Berjangka")
		sb = self.tempatkan()
		p = self.cairkan(sb, "04-10")
		# 10% final tax on the 125,000 jasa is withheld and owed to the tax office
		self.assertEqual((p.jasa, p.pajak, p.dibayar), (125000, 12500, 10112500))
		self.assertEqual(
			lines(p.doctype, p.name),
			[
				("1101", 0, 10112500, ""),
				("2102", 10000000, 0, self.anggota.customer),
				("2122", 0, 12500, ""),
				("5201", 125000, 0, ""),
			],
		)
		p.cancel()
		self.assertEqual(self.balance(), 10000000)

	def test_early_withdrawal_is_refused_or_penalised(self):
		sb = self.tempatkan()
		with self.assertRaisesRegex(frappe.ValidationError, "jatuh tempo"):
			self.cairkan(sb, "03-01")
		frappe.db.set_value(
			"Jenis Simpanan", "Simpanan Berjangka", {"boleh_cair_sebelum_jatuh_tempo": 1, "penalti_persen": 1}
		)
		frappe.clear_document_cache("Jenis Simpanan", "Simpanan Berjangka")
		with self.assertRaisesRegex(frappe.ValidationError, "jatuh tempo"):
			self.cairkan(sb, "03-01", tindakan="Perpanjang")
		p = self.cairkan(sb, "03-01")
		self.assertEqual((p.jasa, p.penalti, p.dibayar, p.sebelum_jatuh_tempo), (0, 100000, 9900000, 1))
		self.assertEqual(
			lines(p.doctype, p.name),
			[("1101", 0, 9900000, ""), ("2102", 10000000, 0, self.anggota.customer), ("4104", 0, 100000, "")],
		)

	def test_roll_over_with_jasa_added_and_cancel_undoes_it(self):
		sb = self.tempatkan()
		p = self.cairkan(sb, "04-10", tindakan="Perpanjang", jasa_ditambahkan=1)
		# the jasa goes into the placement; no cash moves
		self.assertEqual(
			lines(p.doctype, p.name), [("2102", 0, 125000, self.anggota.customer), ("5201", 125000, 0, "")]
		)
		baru = frappe.get_doc("Simpanan Berjangka", p.berjangka_baru)
		self.assertEqual((baru.jumlah, baru.perpanjangan_dari, baru.status), (10125000, sb.name, "Aktif"))
		self.assertEqual(
			(str(baru.posting_date), str(baru.tanggal_jatuh_tempo)),
			(f"{self.tahun}-04-10", f"{self.tahun}-07-10"),
		)
		self.assertEqual(lines(baru.doctype, baru.name), [])
		self.assertEqual(self.balance(), 10125000)
		with self.assertRaisesRegex(frappe.ValidationError, "perpanjangan"):
			baru.cancel()
		p.reload()
		p.cancel()
		self.assertEqual(frappe.db.get_value("Simpanan Berjangka", baru.name, "docstatus"), 2)
		self.assertEqual(frappe.db.get_value("Simpanan Berjangka", sb.name, "status"), "Aktif")
		self.assertEqual(self.balance(), 10000000)

	def test_a_roll_over_closed_since_cannot_be_undone(self):
		sb = self.tempatkan()
		p = self.cairkan(sb, "04-10", tindakan="Perpanjang", jasa_ditambahkan=1)
		baru = frappe.get_doc("Simpanan Berjangka", p.berjangka_baru)
		self.cairkan(baru, "07-10")
		p.reload()
		with self.assertRaisesRegex(frappe.ValidationError, baru.name):
			p.cancel()
		# refused before anything was written
		self.assertEqual(frappe.db.get_value(p.doctype, p.name, "docstatus"), 1)
		self.assertEqual(frappe.db.get_value("Simpanan Berjangka", baru.name, "status"), "Dicairkan")

	def test_roll_over_with_jasa_paid_out(self):
		sb = self.tempatkan()
		p = self.cairkan(sb, "04-10", tindakan="Perpanjang")
		self.assertEqual(p.dibayar, 125000)
		self.assertEqual(lines(p.doctype, p.name), [("1101", 0, 125000, ""), ("5201", 125000, 0, "")])
		self.assertEqual(self.balance(), 10000000)

	def test_daily_job_rolls_over_automatic_placements(self):
		auto = self.tempatkan(perpanjang_otomatis=1)
		manual = self.tempatkan(jumlah=2000000)
		hasil = berjangka.jatuh_tempo_otomatis(sampai=f"{self.tahun}-04-10")
		self.assertIn(auto.name, hasil["diperpanjang"])
		self.assertNotIn(manual.name, hasil["diperpanjang"])
		self.assertEqual(frappe.db.get_value("Simpanan Berjangka", auto.name, "status"), "Diperpanjang")
		baru = frappe.get_all(
			"Simpanan Berjangka",
			{"perpanjangan_dari": auto.name, "docstatus": 1},
			["jumlah", "perpanjang_otomatis"],
		)
		self.assertEqual(baru, [{"jumlah": 10125000, "perpanjang_otomatis": 1}])
		self.assertEqual(self.balance(), 12125000)

	def test_bad_input(self):
		with self.assertRaisesRegex(frappe.ValidationError, "minimal"):
			self.tempatkan(jumlah=500000)
		with self.assertRaisesRegex(frappe.ValidationError, "lebih dari nol"):
			self.tempatkan(jumlah=-1)
		inactive = buat_anggota("Pendaftaran")
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc(
				{
					"doctype": "Simpanan Berjangka",
					"anggota": inactive.name,
					"jenis_simpanan": "Simpanan Berjangka",
					"jumlah": 1000000,
					"mode_of_payment": "Cash",
				}
			).insert()
