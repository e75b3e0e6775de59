"""Loans against the real site: application and maker-checker approval, disbursement with fees,
repayments (split, late with denda, partial, several, early settlement, overpayment), cancel,
the daily job walking a loan through the classes (frozen dates), the provision journal, write-off
and recovery, restructuring: every posting checked line by line in the ledger."""

import frappe
from erpnext.accounts.utils import get_balance_on
from frappe.utils import flt

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.pinjaman import harian
from koperasi_merah_putih.pinjaman.doctype.penyisihan_piutang_pinjaman.penyisihan_piutang_pinjaman import (
	buat as buat_penyisihan,
)
from tests.support.buku import jadwal
from tests.support.data import (
	anggota_peminjam,
	angsuran,
	baris_gl,
	buat_anggota,
	ensure_koperasi,
	ensure_user,
	pengajuan_pinjaman,
	pinjaman_cair,
	produk_pinjaman_uji,
	setujui_sebagai,
)
from tests.support.kasus import KoperasiTestCase


class TestPinjaman(KoperasiTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.pengurus, cls.kasir = ensure_user("pengurus"), ensure_user("kasir")
		cls.ensure_fiscal_year("2026")

	@staticmethod
	def ensure_fiscal_year(tahun):
		from erpnext.accounts.utils import get_fiscal_year

		get_fiscal_year(f"{tahun}-06-30", company=ensure_koperasi()["company"])

	def setUp(self):
		super().setUp()
		self.setelan = frappe.get_doc("Pengaturan Pinjaman").as_dict()

	def tearDown(self):
		frappe.db.set_single_value(
			"Pengaturan Pinjaman",
			{
				"kelebihan_bayar": self.setelan.kelebihan_bayar,
				"batas_persetujuan_kasir": self.setelan.batas_persetujuan_kasir,
			},
		)
		super().tearDown()

	def test_disbursement_posts_principal_fees_and_the_schedule(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		self.assertEqual(
			baris_gl("Pinjaman", p.name),
			sorted(
				[
					("1101", 0.0, 2_970_000.0, ""),
					("1121", 3_000_000.0, 0.0, p.customer),
					("4102", 0.0, 30_000.0, ""),
				]
			),
		)
		# menurun 18% a year: equal principal, jasa 1.5% a month on what is left
		self.assertEqual([r[3] for r in jadwal(p.name)], [45_000, 37_500, 30_000, 22_500, 15_000, 7_500])
		self.assertEqual(sum(r[2] for r in jadwal(p.name)), 3_000_000)
		self.assertEqual(jadwal(p.name)[0][1], "2026-02-05")
		p.reload()
		self.assertEqual((p.status, p.sisa_pokok, p.diterima), ("Aktif", 3_000_000, 2_970_000))
		self.assertGreater(p.suku_efektif_tahunan, 18)  # the fee makes it dearer than the stated rate
		self.assertEqual(frappe.db.get_value("Pengajuan Pinjaman", p.pengajuan, "status"), "Dicairkan")
		self.assertIn("dua juta sembilan ratus tujuh puluh ribu", p.terbilang.lower())
		# cancelling the disbursement reverses it; the application may be disbursed again
		p.cancel()
		self.assertEqual(baris_gl("Pinjaman", p.name), [])
		self.assertEqual(self.piutang(p.customer), 0)
		self.assertEqual(frappe.db.get_value("Pengajuan Pinjaman", p.pengajuan, "status"), "Disetujui")
		self.assertEqual(frappe.db.get_value("Pinjaman", p.name, "status"), "Dibatalkan")

	def test_billed_fee_is_owed_with_the_first_instalment(self):
		produk = produk_pinjaman_uji(
			biaya=[{"jenis_biaya": "Asuransi", "dasar": "Tetap", "nilai": 50_000, "cara": "Ditagih"}]
		)
		p = pinjaman_cair(jumlah=1_200_000, tenor=3, produk=produk)
		self.assertEqual(
			baris_gl("Pinjaman", p.name),
			sorted(
				[
					("1101", 0.0, 1_200_000.0, ""),
					("1121", 1_250_000.0, 0.0, p.customer),
					("2141", 0.0, 50_000.0, ""),
				]
			),
		)
		# the fee first, then jasa (1.5% of 1,200,000), then pokok
		a = angsuran(p, 450_000, "2026-02-05")
		self.assertEqual((a.biaya, a.jasa, a.pokok), (50_000, 18_000, 382_000))
		self.assertIn(("1121", 0.0, 432_000.0, p.customer, p.name), baris_gl(a.doctype, a.name, against=True))

	def test_repayments_split_late_partial_several_and_cancel(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		a1 = angsuran(p, 545_000, "2026-02-05")
		self.assertEqual(
			baris_gl(a1.doctype, a1.name, against=True),
			sorted(
				[
					("1101", 545_000.0, 0.0, "", ""),
					("1121", 0.0, 500_000.0, p.customer, p.name),
					("4101", 0.0, 45_000.0, "", ""),
				]
			),
		)
		# ten days late, three days' grace: 7 x 0.1% of 537,500 = 3,762.5 -> 3,763, paid first
		a2 = angsuran(p, 541_263, "2026-03-15")
		self.assertEqual((a2.denda, a2.jasa, a2.pokok), (3_763, 37_500, 500_000))
		self.assertIn(("4104", 0.0, 3_763.0, ""), baris_gl(a2.doctype, a2.name))
		# partial: jasa first, then pokok
		a3 = angsuran(p, 100_000, "2026-04-05")
		self.assertEqual((a3.jasa, a3.pokok), (30_000, 70_000))
		p.reload()
		self.assertEqual((p.sisa_pokok, p.jatuh_tempo_berikutnya.isoformat()), (1_930_000, "2026-04-05"))
		self.assertEqual(p.angsuran_berikutnya, 430_000)
		# several instalments at once: the rest of the third and all of the fourth
		a4 = angsuran(p, 952_500, "2026-04-05")
		self.assertEqual(
			[(r.ke, r.jasa, r.pokok) for r in a4.rincian], [(3, 0, 430_000), (4, 22_500, 500_000)]
		)
		self.assertEqual([r[7] for r in jadwal(p.name)], [1, 1, 1, 1, 0, 0])
		# cancelling reverses the ledger and the schedule
		a4.cancel()
		self.assertEqual(baris_gl(a4.doctype, a4.name, cancelled=1)[0][0], "1101")
		self.assertEqual(frappe.db.get_value("Pinjaman", p.name, "sisa_pokok"), 1_930_000)
		self.assertEqual([r[7] for r in jadwal(p.name)], [1, 1, 0, 0, 0, 0])
		self.assertEqual(self.piutang(p.customer), 1_930_000)

	def test_early_settlement_waives_jasa_not_yet_due(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		angsuran(p, 545_000, "2026-02-05")
		# jasa bulan berjalan (the product's default): the next instalment's jasa, not the rest
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Pelunasan hari ini memerlukan",
			angsuran,
			p,
			100_000,
			"2026-02-20",
			"Pelunasan",
		)
		lunas = angsuran(p, 0, "2026-02-20", jenis="Pelunasan")
		self.assertEqual((lunas.jumlah, lunas.pokok, lunas.jasa), (2_537_500, 2_500_000, 37_500))
		self.assertEqual(sum(flt(r.jasa_dibebaskan) for r in lunas.rincian), 75_000)
		p.reload()
		self.assertEqual((p.status, p.sisa_pokok, str(p.tanggal_lunas)), ("Lunas", 0, "2026-02-20"))
		self.assertEqual(self.piutang(p.customer), 0)
		self.assertRaisesRegex(frappe.ValidationError, "Lunas", angsuran, p, 1_000, "2026-02-21")
		lunas.cancel()
		p.reload()
		self.assertEqual((p.status, p.sisa_pokok), ("Aktif", 2_500_000))
		self.assertEqual(sum(r[3] for r in jadwal(p.name)), 157_500)  # the waived jasa is owed again

	def test_overpayment_refused_or_moved_to_sukarela(self):
		p = pinjaman_cair(jumlah=1_200_000, tenor=3, posting_date="2026-01-05")
		frappe.db.set_single_value("Pengaturan Pinjaman", "kelebihan_bayar", "Tolak")
		self.assertRaisesRegex(frappe.ValidationError, "pelunasannya", angsuran, p, 5_000_000, "2026-02-05")
		frappe.db.set_single_value("Pengaturan Pinjaman", "kelebihan_bayar", "Pindahkan ke Simpanan Sukarela")
		frappe.clear_document_cache("Pengaturan Pinjaman", "Pengaturan Pinjaman")
		a = angsuran(p, 1_300_000, "2026-02-05")
		self.assertEqual(a.jenis, "Pelunasan")
		self.assertEqual(a.kelebihan, 1_300_000 - 1_200_000 - 18_000 - 12_000)
		self.assertIn(("2101", 0.0, flt(a.kelebihan), p.customer), baris_gl(a.doctype, a.name))

	def test_bad_input_is_refused_in_indonesian(self):
		anggota = anggota_peminjam()
		cases = [
			({"jumlah": 20_000_000}, "Plafond"),
			({"tenor": 36}, "3 sampai 24 bulan"),
			({"nik_penjamin": "1234"}, "16 digit"),
			({"nik_penjamin": anggota.nik}, "selain pemohon"),
			({"hp_penjamin": "12"}, "tidak valid"),
		]
		for kw, pesan in cases:
			with self.subTest(kw=kw):
				self.assertRaisesRegex(frappe.ValidationError, pesan, pengajuan_pinjaman, anggota, **kw)
		calon = buat_anggota("Pendaftaran")
		self.assertRaisesRegex(frappe.ValidationError, "tidak boleh ada transaksi", pengajuan_pinjaman, calon)
		p = pinjaman_cair(anggota)
		self.assertRaisesRegex(frappe.ValidationError, "lebih dari nol", angsuran, p, 0, "2026-02-05")
		self.assertRaisesRegex(frappe.ValidationError, "rupiah bulat", angsuran, p, 1000.5, "2026-02-05")

	def test_eligibility_reasons_block_approval(self):
		baru = anggota_peminjam(simpanan=100_000, bergabung="2026-11-01")
		pengajuan = pengajuan_pinjaman(baru, jumlah=3_000_000, tanggal="2026-11-28")
		self.assertFalse(pengajuan.layak)
		self.assertIn("paling sedikit 3 bulan", pengajuan.hasil_kelayakan)
		self.assertIn("5 kali simpanan", pengajuan.hasil_kelayakan)
		self.assertRaisesRegex(frappe.ValidationError, "tidak memenuhi syarat", setujui_sebagai, pengajuan)
		self.assertEqual(frappe.db.get_value(pengajuan.doctype, pengajuan.name, "status"), "Diajukan")

	def test_maker_checker_and_approval_limits(self):
		anggota = anggota_peminjam(simpanan=2_000_000)
		frappe.set_user(self.kasir)
		pengajuan = pengajuan_pinjaman(anggota, jumlah=3_000_000)
		self.assertRaises(frappe.PermissionError, pengajuan.setujui)  # entered it: cannot approve it
		frappe.set_user("Administrator")
		frappe.db.set_single_value("Pengaturan Pinjaman", "batas_persetujuan_kasir", 1_000_000)
		pengajuan2 = pengajuan_pinjaman(anggota_peminjam(), jumlah=2_000_000)
		self.assertTrue(pengajuan2.perlu_pengurus)
		frappe.set_user(self.kasir)
		self.assertRaisesRegex(frappe.PermissionError, "Pengurus", pengajuan2.setujui)
		frappe.set_user(self.pengurus)
		pengajuan.reload()
		pengajuan.setujui()
		self.assertEqual((pengajuan.status, pengajuan.diputuskan_oleh), ("Disetujui", self.pengurus))
		pengajuan2.reload()
		pengajuan2.tolak("Usaha belum berjalan")
		self.assertEqual(pengajuan2.status, "Ditolak")
		self.assertRaisesRegex(frappe.ValidationError, "sudah diputuskan", pengajuan2.tolak, "lagi")
		frappe.set_user("Administrator")
		self.assertRaisesRegex(
			frappe.ValidationError,
			"Ditolak",
			frappe.get_doc(
				{"doctype": "Pinjaman", "pengajuan": pengajuan2.name, "mode_of_payment": "Cash"}
			).insert,
		)

	def test_daily_job_walks_a_loan_through_the_classes(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		langkah = [
			("2026-02-05", 0, "Lancar"),
			("2026-02-06", 1, "Dalam Perhatian Khusus"),
			("2026-05-06", 90, "Dalam Perhatian Khusus"),
			("2026-05-07", 91, "Kurang Lancar"),
			("2026-06-06", 121, "Diragukan"),
			("2026-08-05", 181, "Macet"),
		]
		denda = []
		for tanggal, hari, kelas in langkah:
			with self.subTest(tanggal=tanggal), self.freeze_time(tanggal):
				harian.jalankan(company=self.company, ppap=False)
				hasil = frappe.db.get_value(
					"Pinjaman", p.name, ["hari_tunggakan", "kolektibilitas", "denda_terutang"], as_dict=True
				)
				self.assertEqual((hasil.hari_tunggakan, hasil.kolektibilitas), (hari, kelas))
				denda.append(hasil.denda_terutang)
		self.assertEqual(denda[:2], [0, 0])  # within the grace days
		self.assertEqual(denda, sorted(denda))
		self.assertGreater(denda[-1], 0)
		# paying the arrears brings it back (documents are made outside the frozen clock: Frappe's
		# save-conflict check compares timestamps that a frozen clock makes look different)
		harian.jalankan("2026-08-05", company=self.company, ppap=False)
		denda = frappe.db.get_value("Pinjaman", p.name, "denda_terutang")
		angsuran(p, denda + 3_000_000 + 157_500 - 500_000 - 7_500, "2026-08-05")  # all but the last
		with self.freeze_time("2026-08-05"):
			harian.jalankan(company=self.company, ppap=False)
		self.assertEqual(
			frappe.db.get_value("Pinjaman", p.name, ["hari_tunggakan", "kolektibilitas"]),
			(31, "Dalam Perhatian Khusus"),
		)
		sisa = frappe.db.get_value(
			"Pinjaman", p.name, ["angsuran_berikutnya", "denda_terutang"], as_dict=True
		)
		self.assertEqual(
			(sisa.angsuran_berikutnya, sisa.denda_terutang), (507_500, 0)
		)  # its denda went first
		angsuran(p, sisa.angsuran_berikutnya, "2026-08-05")
		self.assertEqual(
			frappe.db.get_value("Pinjaman", p.name, ["status", "hari_tunggakan", "kolektibilitas"]),
			("Lunas", 0, "Lancar"),
		)

	def test_provision_journal_moves_the_reserve_to_the_required_level(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		harian.jalankan("2026-05-31", company=self.company, ppap=False)
		self.assertEqual(frappe.db.get_value("Pinjaman", p.name, "kolektibilitas"), "Kurang Lancar")
		nama = buat_penyisihan(self.company, "2026-05-31")
		doc = frappe.get_doc("Penyisihan Piutang Pinjaman", nama)
		self.assertEqual(self.cadangan("2026-05-31"), doc.ppap_wajib)
		kl = next(r for r in doc.rincian if r.kelas == "Kurang Lancar")
		self.assertGreaterEqual(kl.outstanding, 3_000_000)
		self.assertEqual(kl.wajib, round(kl.outstanding * 0.15))
		gl = baris_gl(doc.doctype, doc.name)
		self.assertEqual({g[0] for g in gl}, {"1129", "5204"})
		self.assertIsNone(buat_penyisihan(self.company, "2026-05-31"))  # already at the level
		doc.cancel()
		self.assertEqual(self.cadangan("2026-05-31"), doc.saldo_cadangan)

	def test_write_off_then_recovery_as_income(self):
		p = pinjaman_cair(jumlah=2_000_000, tenor=4, posting_date="2026-01-05")
		harian.jalankan("2026-08-31", company=self.company, ppap=False)
		buat_penyisihan(self.company, "2026-08-31")
		cadangan = self.cadangan("2026-09-01")
		hb = frappe.get_doc(
			{
				"doctype": "Hapus Buku Pinjaman",
				"pinjaman": p.name,
				"posting_date": "2026-09-01",
				"alasan": "Anggota pindah, tidak dapat dihubungi",
			}
		)
		hb.insert()
		frappe.set_user(self.kasir)
		self.assertRaises(frappe.PermissionError, hb.submit)
		frappe.set_user(self.pengurus)
		hb.reload()
		hb.submit()
		frappe.set_user("Administrator")
		self.assertEqual(hb.sisa_pokok, 2_000_000)
		self.assertEqual(hb.dari_cadangan, min(cadangan, 2_000_000))
		self.assertEqual(
			baris_gl(hb.doctype, hb.name, against=True),
			sorted(
				r
				for r in [
					("1121", 0.0, 2_000_000.0, p.customer, p.name),
					("1129", flt(hb.dari_cadangan), 0.0, "", ""),
					("5204", flt(hb.ke_beban), 0.0, "", ""),
				]
				if r[1] or r[2]
			),
		)
		self.assertEqual(frappe.db.get_value("Pinjaman", p.name, "status"), "Dihapusbukukan")
		self.assertEqual(self.piutang(p.customer), 0)
		pulih = angsuran(p, 250_000, "2026-10-01")
		self.assertTrue(pulih.pemulihan)
		self.assertEqual(
			baris_gl(pulih.doctype, pulih.name), [("1101", 250_000.0, 0.0, ""), ("4302", 0.0, 250_000.0, "")]
		)
		self.assertRaisesRegex(frappe.ValidationError, pulih.name, hb.cancel)
		self.assertEqual(frappe.db.get_value(hb.doctype, hb.name, "docstatus"), 1)  # refused before any write
		# undone in order: the recovery, then the write-off puts the piutang back
		pulih.cancel()
		frappe.set_user(self.pengurus)
		hb.reload()
		hb.cancel()
		frappe.set_user("Administrator")
		self.assertEqual(baris_gl(hb.doctype, hb.name), [])
		self.assertEqual(self.piutang(p.customer), 2_000_000)
		self.assertEqual(frappe.db.get_value("Pinjaman", p.name, "status"), "Aktif")

	def test_restructuring_keeps_history_and_cancel_restores_it(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		angsuran(p, 545_000, "2026-02-05")
		lama = jadwal(p.name)
		rs = frappe.get_doc(
			{
				"doctype": "Restrukturisasi Pinjaman",
				"pinjaman": p.name,
				"tanggal": "2026-04-10",
				"alasan": "Gagal panen",
				"tenor_baru": 10,
				"tanggal_angsuran_pertama": "2026-05-10",
			}
		).insert()
		self.assertEqual((rs.sisa_pokok, rs.tunggakan_jasa), (2_500_000, 37_500 + 30_000))
		rs.submit()
		baru = jadwal(p.name)
		self.assertEqual(len(baru), 16)
		self.assertEqual(sum(r[2] for r in baru[6:]), 2_500_000)
		self.assertEqual(baru[6][3], 37_500 + 30_000 + 37_500)  # arrears carried into the first
		p.reload()
		self.assertEqual((p.sisa_pokok, p.restrukturisasi_ke, p.hari_tunggakan), (2_500_000, 1, 0))
		self.assertEqual(self.piutang(p.customer), 2_500_000)  # no ledger effect
		# a repayment on the new schedule must be undone before the restructuring
		bayar = angsuran(p, 100_000, "2026-04-15")
		self.assertRaisesRegex(frappe.ValidationError, bayar.name, rs.cancel)
		rs.reload()
		self.assertEqual(rs.docstatus, 1)
		bayar.cancel()
		rs.cancel()
		self.assertEqual(jadwal(p.name), lama)

	# ------------------------------------------------------------------ helpers
	def piutang(self, customer: str) -> float:
		return flt(
			get_balance_on(
				account_by_number(self.company, "1121"),
				"2026-12-31",
				party_type="Customer",
				party=customer,
				company=self.company,
			)
		)

	def cadangan(self, tanggal) -> float:
		return -flt(get_balance_on(account_by_number(self.company, "1129"), tanggal, company=self.company))


class TestPinjamanSaatKeluar(KoperasiTestCase):
	def test_exit_deducts_the_payoff_from_savings_and_closes_the_loan(self):
		company = ensure_koperasi()["company"]
		anggota = anggota_peminjam(simpanan=2_000_000)
		p = pinjaman_cair(anggota, jumlah=1_200_000, tenor=3, posting_date="2026-01-05")
		anggota.reload()
		anggota.keluar("Pindah domisili", "2026-02-20")
		nama = frappe.db.get_value("Pengembalian Simpanan", {"anggota": anggota.name, "docstatus": 1})
		gl = baris_gl("Pengembalian Simpanan", nama, against=True)
		# 12 days past grace on instalment 1 (418,000 x 0.1% x 12), jasa due and the current month's
		self.assertIn(("1121", 0.0, 1_200_000.0, p.customer, p.name), gl)
		self.assertIn(("4101", 0.0, 18_000.0 + 12_000.0, "", ""), gl)
		self.assertIn(("4104", 0.0, 5_016.0, "", ""), gl)
		p.reload()
		self.assertEqual((p.status, p.sisa_pokok, p.denda_terutang), ("Lunas", 0, 0))
		piutang = get_balance_on(
			account_by_number(company, "1121"),
			"2026-12-31",
			party_type="Customer",
			party=p.customer,
			company=company,
		)
		self.assertEqual(flt(piutang), 0)


class TestLaporanPinjaman(KoperasiTestCase):
	def laporan(self, nama, **filters):
		from frappe.desk.query_report import run

		return run(nama, filters={"company": self.company, **filters}, ignore_prepared_report=True)

	def test_outstanding_equals_the_ledger(self):
		p1 = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		p2 = pinjaman_cair(jumlah=1_200_000, tenor=3, posting_date="2026-01-05")
		angsuran(p1, 545_000, "2026-02-05")
		angsuran(p2, 100_000, "2026-02-05")
		hasil = self.laporan("Outstanding Pinjaman", pada="2026-02-28")
		baris = {
			r["pinjaman"]: r["outstanding"]
			for r in hasil["result"]
			if isinstance(r, dict) and r.get("pinjaman")
		}
		self.assertEqual(baris[p1.name], 2_500_000)
		self.assertEqual(baris[p2.name], 1_200_000 - (100_000 - 18_000))
		ringkasan = {s["label"]: s["value"] for s in hasil["report_summary"]}
		self.assertEqual(ringkasan["Selisih"], 0)
		self.assertEqual(
			ringkasan["Saldo Piutang Pinjaman (Buku Besar)"],
			flt(get_balance_on(account_by_number(self.company, "1121"), "2026-02-28", company=self.company)),
		)
		# on a date before the repayments, the disbursed amounts
		sebelum = self.laporan("Outstanding Pinjaman", pada="2026-01-31")
		baris = {
			r["pinjaman"]: r["outstanding"]
			for r in sebelum["result"]
			if isinstance(r, dict) and r.get("pinjaman")
		}
		self.assertEqual((baris[p1.name], baris[p2.name]), (3_000_000, 1_200_000))

	def test_arrears_aging_collectibility_and_weekly_projection(self):
		p = pinjaman_cair(jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
		tunggakan = self.laporan("Tunggakan Pinjaman", pada="2026-04-10")
		row = next(r for r in tunggakan["result"] if isinstance(r, dict) and r.get("pinjaman") == p.name)
		# instalment 1 is 64 days late, 2 is 36, 3 is 5
		self.assertEqual(row["hari_tunggakan"], 64)
		self.assertEqual((row["hari_61"], row["hari_31"], row["hari_1"]), (545_000, 537_500, 530_000))
		self.assertEqual(row["tunggakan"], 545_000 + 537_500 + 530_000)
		self.assertGreater(row["denda"], 0)
		kol = self.laporan("Kolektibilitas dan NPL", pada="2026-04-10")
		dpk = next(
			r for r in kol["result"] if isinstance(r, dict) and r.get("kelas") == "Dalam Perhatian Khusus"
		)
		self.assertGreaterEqual(dpk["outstanding"], 3_000_000)
		self.assertLessEqual({"NPL (%)", "Kesehatan NPL"}, {s["label"] for s in kol["report_summary"]})
		proyeksi = self.laporan("Proyeksi Penerimaan Angsuran", dari="2026-04-01", sampai="2026-05-31")
		rows = [r for r in proyeksi["result"] if isinstance(r, dict) and r.get("minggu")]
		self.assertTrue(rows[0]["minggu"].startswith("Lewat jatuh tempo"))
		self.assertGreaterEqual(rows[0]["total"], 545_000 + 537_500)
		# instalment 3 falls due on Sunday 5 April: the week from Monday 30 March
		self.assertTrue(any(r["minggu"].startswith("30 Maret 2026 - 5 April 2026") for r in rows))

	def test_number_cards(self):
		from koperasi_merah_putih.pinjaman import dashboard

		pinjaman_cair(jumlah=1_200_000, tenor=3, posting_date="2026-01-05")
		filters = {"company": self.company}
		self.assertGreaterEqual(dashboard.outstanding(filters)["value"], 1_200_000)
		self.assertIsInstance(dashboard.npl(filters)["value"], float)


class TestPengaturanPinjaman(KoperasiTestCase):
	def tearDown(self):
		frappe.db.rollback()
		frappe.clear_document_cache("Pengaturan Pinjaman", "Pengaturan Pinjaman")
		super().tearDown()

	def test_presets_custom_table_and_refusals(self):
		doc = frappe.get_doc("Pengaturan Pinjaman")
		doc.skema = "Empat Kelas (Kemenkop)"
		doc.save()
		self.assertEqual([k.nama_kelas for k in doc.kelas], ["Lancar", "Kurang Lancar", "Diragukan", "Macet"])
		self.assertEqual([k.bermasalah for k in doc.kelas], [0, 1, 1, 1])
		# the cooperative's own table: edits are kept, rows sorted by days
		doc.skema = "Kustom"
		doc.kelas[1].dari_hari = 61
		doc.append("kelas", {"nama_kelas": "Perhatian", "dari_hari": 30, "persen_ppap": 2})
		doc.save()
		self.assertEqual([k.dari_hari for k in doc.kelas], [0, 30, 61, 121, 181])
		from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import tabel_kelas
		from koperasi_merah_putih.rules import pinjaman as aturan

		self.assertEqual(aturan.kelas(45, tabel_kelas()).nama, "Perhatian")
		doc.kelas[1].dari_hari = 0
		self.assertRaisesRegex(frappe.ValidationError, "jumlah hari yang sama", doc.save)
		doc.reload()
		doc.kelas[0].dari_hari = 5
		self.assertRaisesRegex(frappe.ValidationError, "0 hari", doc.save)

	def test_only_the_board_runs_the_daily_job_by_hand(self):
		from koperasi_merah_putih.pinjaman.harian import jalankan_sekarang

		frappe.set_user(ensure_user("kasir"))
		self.assertRaises(frappe.PermissionError, jalankan_sekarang)
		frappe.set_user(ensure_user("pengurus"))
		hasil = jalankan_sekarang()
		self.assertIn("npl", hasil)
