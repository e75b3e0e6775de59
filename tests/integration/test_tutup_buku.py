"""A year on a fresh cooperative, closed and shared: deposits, a loan with jasa, an outlet sale to
a member and expenses in 2025; the checklist; Tutup Buku with ERPNext's Period Closing Voucher
into 3106 and the tax; posting into the closed year refused; the RAT with and without quorum; the
Pembagian SHU's GL lines and per-member rows; payout in cash and to sukarela; cancel reversing;
the RAT reports against ERPNext's Balance Sheet and Profit and Loss."""

import random

import frappe
from frappe.utils import flt, today

from koperasi_merah_putih.akun import account_by_number
from tests.support.data import (
	anggota_lama,
	baris_gl,
	buat_anggota,
	koperasi_baru,
	koperasi_tutup_buku,
	pembayaran_shu,
	penutupan_selesai,
	rat_menyetujui,
	setahun_usaha,
	siapkan_akhir_tahun,
	tahun_tutup_buku,
	transaksi_simpanan,
)
from tests.support.kasus import KoperasiTestCase


class TestTutupBuku(KoperasiTestCase):
	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.company = koperasi_tutup_buku()
		cls.fy = tahun_tutup_buku()

	def akun(self, nomor):
		return account_by_number(self.company, nomor)

	def setahun(self):
		return setahun_usaha(self.company)

	def siapkan_akhir_tahun(self):
		siapkan_akhir_tahun(self.company)

	def laporan_sama_dengan_erpnext(self):
		"""The RAT statements agree with ERPNext's Balance Sheet and Profit and Loss for the year."""
		from erpnext.accounts.report.balance_sheet import balance_sheet
		from erpnext.accounts.report.profit_and_loss_statement import profit_and_loss_statement

		from koperasi_merah_putih.tutup_buku import laporan

		filters = frappe._dict(
			company=self.company,
			filter_based_on="Fiscal Year",
			period_start_date="2025-01-01",
			period_end_date="2025-12-31",
			from_fiscal_year=self.fy,
			to_fiscal_year=self.fy,
			periodicity="Yearly",
			accumulated_values=1,
		)

		def akar(data, nomor):
			return next(
				flt(r["total"]) for r in data if r and str(r.get("account", "")).startswith(f"{nomor} - ")
			)

		_c, bs, *_ = balance_sheet.execute(filters)
		pk = laporan.posisi_keuangan(self.company, self.fy)
		self.assertEqual(
			(pk["aset"], pk["liabilitas"], pk["ekuitas"]), (akar(bs, 1), akar(bs, 2), akar(bs, 3))
		)
		self.assertEqual(pk["aset"], pk["liabilitas"] + pk["ekuitas"] + pk["shu_belum_ditutup"])
		_c, pl, *_ = profit_and_loss_statement.execute(filters)
		hu = laporan.hasil_usaha(self.company, self.fy)
		self.assertEqual((hu["pendapatan"], hu["beban"]), (akar(pl, 4), akar(pl, 5)))
		self.assertEqual(
			hu["partisipasi_anggota"]["anggota"] + hu["partisipasi_anggota"]["non_anggota"], hu["pendapatan"]
		)
		# the desk reports show the same: the position balances, the result is the year's
		from koperasi_merah_putih.tutup_buku.report.laporan_hasil_usaha import laporan_hasil_usaha
		from koperasi_merah_putih.tutup_buku.report.laporan_posisi_keuangan import laporan_posisi_keuangan
		from koperasi_merah_putih.tutup_buku.report.penilaian_kesehatan_koperasi import (
			penilaian_kesehatan_koperasi,
		)

		f = {"company": self.company, "fiscal_year": self.fy}
		_c, rows = laporan_posisi_keuangan.execute(f)
		self.assertEqual(rows[-1]["t0"], pk["aset"])
		self.assertIn(pk["aset"], [r["t0"] for r in rows if r["akun"].startswith("1 ")])
		_c, rows = laporan_hasil_usaha.execute(f)
		self.assertEqual(rows[-1]["t0"], hu["shu"])
		_c, rows, pesan = penilaian_kesehatan_koperasi.execute(f)
		self.assertEqual(len(rows), 6)
		self.assertIn("Kemenkop", pesan)
		# the cash flow reconciles opening to closing cash, and its result is the year's
		ak = laporan.arus_kas(self.company, self.fy)
		self.assertEqual(ak["shu"], hu["shu"])
		self.assertAlmostEqual(ak["kas_awal"] + sum(ak["total"].values()), ak["kas_akhir"], places=2)
		self.assertGreater(ak["total"]["pendanaan"], 0)  # the members' savings came in

	def tutup(self):
		doc = frappe.get_doc(
			{"doctype": "Tutup Buku", "company": self.company, "fiscal_year": self.fy}
		).insert()
		doc.submit()
		return doc

	def rat(self, hadir, pembagian=None, submit=True, **kw):
		doc = frappe.get_doc(
			{
				"doctype": "Rapat Anggota Tahunan",
				"company": self.company,
				"fiscal_year": self.fy,
				"tanggal": kw.pop("tanggal", today()),
				"tempat": "Balai Kelurahan",
				"kehadiran": [{"anggota": m.name} for m in hadir],
				"laporan_diterima": 1,
				"pembagian_shu": pembagian.name if pembagian else None,
				"shu_disetujui": 1 if pembagian else 0,
				**kw,
			}
		).insert()
		if submit:
			doc.submit()
		return doc

	def test_a_year_closed_shared_and_paid(self):
		a, b, c, p = self.setahun()

		# not ready: a draft in the year, the daily job and PPAP not run for the year
		draf = transaksi_simpanan(c, "Simpanan Sukarela", 10_000, posting_date="2025-12-30", submit=False)
		doc = frappe.get_doc(
			{"doctype": "Tutup Buku", "company": self.company, "fiscal_year": self.fy}
		).insert()
		self.assertFalse(doc.siap)
		belum = {x.butir for x in doc.butir if not x.siap}
		self.assertIn("Tidak ada dokumen uang tahun ini yang masih draf", belum)
		with self.assertRaisesRegex(frappe.ValidationError, "belum siap ditutup"):
			doc.submit()
		draf.delete()
		self.siapkan_akhir_tahun()
		doc.reload()
		doc.save()
		self.assertTrue(doc.siap, [(x.butir, x.keterangan) for x in doc.butir if not x.siap])

		# the turnover and the result before closing, from the ledger
		def jumlah(root_type):
			accounts = frappe.get_all(
				"Account", {"company": self.company, "root_type": root_type}, pluck="name"
			)
			rows = frappe.get_all(
				"GL Entry",
				filters={
					"company": self.company,
					"is_cancelled": 0,
					"account": ("in", accounts),
					"posting_date": ("between", ["2025-01-01", "2025-12-31"]),
				},
				fields=["sum(credit) - sum(debit) as s"],
			)
			return flt(rows[0].s)

		pendapatan, beban = jumlah("Income"), -jumlah("Expense")
		self.assertEqual(flt(doc.peredaran_bruto), pendapatan)
		self.assertEqual(flt(doc.pajak), round(pendapatan * 0.005))
		doc.submit()
		self.assertEqual(penutupan_selesai(doc.name), "Completed")
		doc.reload()
		self.assertEqual(flt(doc.pajak), round(pendapatan * 0.005))  # booked once, at submit too
		self.assertTrue(doc.period_closing_voucher and doc.accounting_period)
		pcv = frappe.get_doc("Period Closing Voucher", doc.period_closing_voucher)
		self.assertEqual(pcv.closing_account_head, self.akun("3106"))
		self.assertEqual(pcv.gle_processing_status, "Completed")
		self.assertEqual(type(pcv).__module__, "koperasi_merah_putih.tutup_buku.penutupan")
		# the background posting of a closing is idempotent: a second run finds it done
		from koperasi_merah_putih.tutup_buku import penutupan

		n = frappe.db.count("GL Entry", {"voucher_no": pcv.name})
		self.assertEqual(penutupan.proses(pcv.name), "Completed")
		self.assertEqual(frappe.db.count("GL Entry", {"voucher_no": pcv.name}), n)
		# the tax line, and the SHU in 3106: the year's result after the tax
		self.assertEqual(
			baris_gl("Tutup Buku", doc.name),
			[("2124", 0.0, flt(doc.pajak), ""), ("5401", flt(doc.pajak), 0.0, "")],
		)
		self.assertEqual(flt(doc.shu), pendapatan - beban - flt(doc.pajak))
		self.assertGreater(flt(doc.shu), 0)

		self.laporan_sama_dengan_erpnext()

		# the closed year refuses postings, through the app's documents and ERPNext's
		with self.assertRaises(frappe.ValidationError):
			transaksi_simpanan(a, "Simpanan Sukarela", 5_000, posting_date="2025-12-20")
		# and the year cannot be closed twice
		with self.assertRaisesRegex(frappe.ValidationError, "sudah ditutup"):
			frappe.get_doc(
				{"doctype": "Tutup Buku", "company": self.company, "fiscal_year": self.fy}
			).insert()

		# the SHU is shared only from the ledger, with percentages totalling 100
		bagi = frappe.get_doc(
			{
				"doctype": "Pembagian SHU",
				"company": self.company,
				"tahun_buku": self.fy,
				"posting_date": "2026-11-25",
				"shu": 999_999_999,
			}
		).insert()
		self.assertEqual(flt(bagi.shu), flt(doc.shu))
		bagi.alokasi[0].persen = 41
		with self.assertRaisesRegex(frappe.ValidationError, "101"):
			bagi.save()
		bagi.reload()
		bagi.hitung()
		bagi.reload()
		self.assertEqual(bagi.jumlah_anggota, 3)
		rows = {
			r.anggota: r for r in frappe.get_all("Rincian SHU Anggota", {"pembagian_shu": bagi.name}, ["*"])
		}
		self.assertEqual(sum(flt(r.jasa_modal) for r in rows.values()), flt(bagi.jasa_modal))
		self.assertEqual(sum(flt(r.jasa_usaha) for r in rows.values()), flt(bagi.jasa_usaha))
		# jasa modal on pokok + wajib: 700k, 1.3m, 100k; jasa usaha on loan jasa (a) and purchases (b)
		self.assertEqual(flt(rows[a.name].simpanan_dasar), 700_000)
		self.assertEqual(flt(rows[c.name].transaksi_dasar), 0)
		self.assertEqual(flt(rows[b.name].transaksi_dasar), 300_000)
		self.assertGreater(flt(rows[a.name].transaksi_dasar), 0)
		# shares computed under another split are dropped, and the RAT approves only computed ones
		bagi.persen_jasa_modal, bagi.persen_jasa_usaha = 100, 0
		bagi.save()
		self.assertEqual(bagi.jumlah_anggota, 0)
		self.assertFalse(frappe.db.exists("Rincian SHU Anggota", {"pembagian_shu": bagi.name}))
		with self.assertRaisesRegex(frappe.ValidationError, "Hitung"):
			self.rat([a, b], bagi, submit=False)
		bagi.persen_jasa_modal, bagi.persen_jasa_usaha = 50, 50
		bagi.save()
		bagi.hitung()
		bagi.reload()
		self.assertEqual(bagi.jumlah_anggota, 3)
		# a member who joined after the meeting's date does not make its quorum
		baru = buat_anggota("Aktif", company=self.company)
		with self.assertRaisesRegex(frappe.ValidationError, "berhak hadir"):
			self.rat([a, baru], bagi, submit=False, tanggal="2026-06-01")

		# not without the RAT's approval; the RAT without quorum decides nothing
		with self.assertRaisesRegex(frappe.ValidationError, "RAT"):
			bagi.submit()
		tanpa = self.rat([a], bagi, submit=False)
		self.assertFalse(tanpa.kuorum_terpenuhi)
		with self.assertRaisesRegex(frappe.ValidationError, "kuorum"):
			tanpa.submit()
		tanpa.delete()
		rat = self.rat([a, b, c], bagi)  # three of the four members entitled by now
		self.assertTrue(rat.kuorum_terpenuhi)
		bagi.reload()
		self.assertEqual(bagi.rapat_anggota_tahunan, rat.name)
		with self.assertRaisesRegex(frappe.ValidationError, "RAT"):
			bagi.hitung()  # what the RAT approved is what is posted
		bagi.reload()
		bagi.persen_jasa_modal, bagi.persen_jasa_usaha = 60, 40
		with self.assertRaisesRegex(frappe.ValidationError, "RAT"):
			bagi.save()
		bagi.reload()
		bagi.submit()
		# the RAT book prints the year's statements and the members' SHU
		html = frappe.get_print("Rapat Anggota Tahunan", rat.name, "Buku RAT")
		for teks in ("Laporan Posisi Keuangan", "Laporan Hasil Usaha", a.nama_lengkap, "Kuorum terpenuhi"):
			self.assertIn(teks, html)
		# what members and staff typed is printed escaped (a name from the public form, a place)
		frappe.db.set_value(
			"Rincian SHU Anggota", rows[b.name].name, "nama_anggota", "<img src=x onerror=alert(1)>"
		)
		frappe.db.set_value("Rapat Anggota Tahunan", rat.name, "tempat", "<script>alert(2)</script>")
		html = frappe.get_print("Rapat Anggota Tahunan", rat.name, "Buku RAT")
		self.assertNotIn("<img src=x", html)
		self.assertNotIn("<script>alert(2)", html)
		self.assertIn("&lt;img src=x", html)
		# and its SIMKOPDES export carries the same figures
		from koperasi_merah_putih.tutup_buku import simkopdes

		ekspor = simkopdes.ekspor_rat(rat.name)
		self.assertEqual(ekspor["tahun_buku"], self.fy)
		self.assertEqual(
			ekspor["peserta"], {"berhak": rat.jumlah_anggota_berhak, "hadir": 3, "kuorum_terpenuhi": True}
		)
		self.assertEqual(ekspor["laporan_hasil_usaha"]["shu"], round(flt(doc.shu)))
		pos = ekspor["laporan_posisi_keuangan"]
		self.assertEqual(pos["aset"], pos["liabilitas"] + pos["ekuitas"])
		self.assertEqual(ekspor["status"], "Draft")

		lines = baris_gl("Pembagian SHU", bagi.name)
		shu = flt(doc.shu)
		self.assertEqual(sum(r[1] for r in lines), shu)
		self.assertEqual(sum(r[2] for r in lines), shu)
		per_akun = {}
		for acc, debit, credit, _party, *_ in lines:
			per_akun[acc] = per_akun.get(acc, 0) + credit - debit
		self.assertEqual(per_akun["3106"], -shu)
		self.assertEqual(
			per_akun["3103"], next(flt(r.jumlah) for r in bagi.alokasi if r.komponen == "Cadangan")
		)
		self.assertEqual(per_akun["2131"], flt(bagi.bagian_anggota))
		self.assertEqual({r[3] for r in lines if r[0] == "2131"}, {a.customer, b.customer, c.customer})

		# payout: a in cash, the rest to sukarela in one batch; nobody twice
		tunai = pembayaran_shu(bagi.name, a.name, posting_date=today())
		tunai.submit()
		with self.assertRaisesRegex(frappe.ValidationError, "2026-11-25"):
			pembayaran_shu(bagi.name, b.name, posting_date="2026-11-20")  # before the SHU was shared
		kuitansi = frappe.get_print("Pembayaran SHU", tunai.name, "Kuitansi SHU")
		self.assertIn("Kuitansi Pembayaran SHU", kuitansi)
		self.assertIn(a.nama_lengkap, kuitansi)
		self.assertEqual(flt(tunai.jumlah), flt(rows[a.name].bersih))
		with self.assertRaisesRegex(frappe.ValidationError, "sudah dibayar"):
			pembayaran_shu(bagi.name, a.name, posting_date=today())
		batch = pembayaran_shu(bagi.name, cara="Simpanan Sukarela", posting_date=today())
		batch.submit()
		self.assertEqual(batch.jumlah_anggota, 2)
		sukarela = [r for r in baris_gl("Pembayaran SHU", batch.name) if r[0] == "2101"]
		self.assertEqual(
			{r[3]: r[2] for r in sukarela},
			{b.customer: flt(rows[b.name].bersih), c.customer: flt(rows[c.name].bersih)},
		)
		self.assertEqual(
			flt(frappe.db.get_value("Pembagian SHU", bagi.name, "total_dibayar")), flt(bagi.bagian_anggota)
		)

		# a fund is spent up to what it holds on every day from the payment's date: a payment
		# dated back cannot spend what a later one already spent
		pendidikan = next(flt(r.jumlah) for r in bagi.alokasi if r.komponen == "Dana Pendidikan")

		def dana(jumlah, tanggal):
			return frappe.get_doc(
				{
					"doctype": "Penggunaan Dana SHU",
					"company": self.company,
					"dana": "Dana Pendidikan",
					"jumlah": jumlah,
					"mode_of_payment": "Cash",
					"keterangan": "Pelatihan pembukuan",
					"posting_date": tanggal,
				}
			).insert()

		dana(pendidikan, today()).submit()
		with self.assertRaisesRegex(frappe.ValidationError, "Dana Pendidikan"):
			dana(1, today())
		with self.assertRaisesRegex(frappe.ValidationError, "Dana Pendidikan"):
			dana(pendidikan, "2026-11-28")
		frappe.get_last_doc("Penggunaan Dana SHU", {"company": self.company}).cancel()

		# cancel reverses: the payment first (the share is owed again), then the sharing
		frappe.db.savepoint("batal")
		with self.assertRaises(frappe.LinkExistsError):
			frappe.get_doc("Pembagian SHU", bagi.name).cancel()
		frappe.db.rollback(save_point="batal")  # a request's failure rolls back as a whole
		batch.reload()
		batch.cancel()
		self.assertEqual(
			flt(
				frappe.db.get_value(
					"Rincian SHU Anggota", {"pembagian_shu": bagi.name, "anggota": b.name}, "dibayar"
				)
			),
			0,
		)
		tunai.reload()
		tunai.cancel()
		bagi.reload()
		bagi.cancel()
		self.assertEqual(len(baris_gl("Pembagian SHU", bagi.name, cancelled=1)), 2 * len(lines))

		# the year opens again when its closing is cancelled
		rat.reload()
		rat.cancel()
		doc.reload()
		doc.cancel()
		self.assertEqual(
			frappe.db.get_value("Period Closing Voucher", doc.period_closing_voucher, "docstatus"), 2
		)
		self.assertFalse(frappe.db.exists("Accounting Period", doc.accounting_period))


class TestTahunRugi(KoperasiTestCase):
	"""A loss year: nothing goes to members; the RAT covers it from the reserve or carries it."""

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.company = koperasi_baru(f"Uji Tahun Rugi {random.randint(10000, 99999)}")  # closes once
		cls.fy = tahun_tutup_buku()

	def test_a_loss_is_carried_forward_as_the_rat_decided(self):
		a = anggota_lama(self.company)
		anggota_lama(self.company)  # a second member, at the RAT too
		transaksi_simpanan(a, "Simpanan Pokok", 100_000, posting_date="2025-01-10")
		je = frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": self.company,
				"posting_date": "2025-05-31",
				"accounts": [
					{"account": account_by_number(self.company, "5206"), "debit_in_account_currency": 60_000},
					{
						"account": account_by_number(self.company, "1101"),
						"credit_in_account_currency": 60_000,
					},
				],
			}
		).insert()
		je.submit()
		siapkan_akhir_tahun(self.company)
		tb = frappe.get_doc(
			{"doctype": "Tutup Buku", "company": self.company, "fiscal_year": self.fy}
		).insert()
		tb.submit()
		penutupan_selesai(tb.name)
		tb.reload()
		self.assertEqual(flt(tb.pajak), 0)  # no turnover: PP 55 has nothing to tax
		self.assertEqual(flt(tb.shu), -60_000)

		bagi = frappe.get_doc(
			{"doctype": "Pembagian SHU", "company": self.company, "tahun_buku": self.fy}
		).insert()
		self.assertEqual(flt(bagi.shu), -60_000)
		self.assertEqual(flt(bagi.bagian_anggota), 0)
		bagi.hitung()
		bagi.reload()
		self.assertEqual(bagi.jumlah_anggota, 0)  # no member row in a loss year
		# the RAT decided to cover it from the reserve, which is empty: refused, and the decision
		# approved cannot be changed by hand
		bagi.penanganan_rugi = "Ditutup dari Cadangan"
		bagi.save()
		rat = rat_menyetujui(self.company, self.fy, bagi.name)
		bagi.reload()
		with self.assertRaisesRegex(frappe.ValidationError, "Cadangan"):
			bagi.submit()
		bagi.reload()
		bagi.penanganan_rugi = "Dibawa ke Tahun Berikutnya"
		with self.assertRaisesRegex(frappe.ValidationError, "RAT"):
			bagi.save()
		# the RAT's record is cancelled and the meeting decides again: carried forward
		frappe.get_doc("Rapat Anggota Tahunan", rat).cancel()
		bagi.reload()
		self.assertFalse(bagi.rapat_anggota_tahunan)
		bagi.penanganan_rugi = "Dibawa ke Tahun Berikutnya"
		bagi.save()
		rat_menyetujui(self.company, self.fy, bagi.name)
		bagi.reload()
		bagi.submit()
		self.assertEqual(
			baris_gl("Pembagian SHU", bagi.name), [("3106", 0.0, 60_000.0, ""), ("3107", 60_000.0, 0.0, "")]
		)
		self.assertFalse(frappe.db.exists("Rincian SHU Anggota", {"pembagian_shu": bagi.name}))


class TestRupiah(KoperasiTestCase):
	bahasa = None

	"""The one rupiah formatter prints what Frappe's fmt_money prints, at a fraction of the cost."""

	def test_same_text_as_fmt_money(self):
		from frappe.utils import fmt_money

		from koperasi_merah_putih.jinja import rupiah

		frappe.local.kmp_bentuk_rupiah = False  # read the site's format afresh
		for v in (
			0,
			None,
			"",
			1,
			999,
			1000,
			-1000,
			0.5,
			1.5,
			2.5,
			-0.4,
			-2.5,
			1234567.5,
			"98765.4",
			10**12 + 1,
		):
			self.assertEqual(rupiah(v), fmt_money(v or 0, precision=0, currency="IDR"), v)
