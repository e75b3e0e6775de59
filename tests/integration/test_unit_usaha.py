"""Unit Usaha against the real site: an outlet's ERPNext setup made once, sales to a member and to
the walk-in buyer on ERPNext's POS documents with the unit's cost center, stock, the members'
purchases for the SHU, the credit limit, exited members, a consignment cycle against the ledger,
and the per-unit results against ERPNext's Profit and Loss."""

import frappe
from frappe.utils import flt, today

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.simpanan.saldo import akun_sukarela, saldo
from koperasi_merah_putih.tutup_buku.buku import dasar_transaksi
from koperasi_merah_putih.unit_usaha import kasir, laporan
from koperasi_merah_putih.unit_usaha.doctype.produk_anggota.produk_anggota import terbitkan
from koperasi_merah_putih.unit_usaha.titip import terima_titipan
from tests.support.buku import fiscal_year, report_value
from tests.support.data import (
	barang_gerai,
	buat_anggota,
	ensure_user,
	faktur_pos,
	jual_tunai,
	kasir_buka,
	unit_gerai,
)
from tests.support.kasus import KoperasiTestCase


def _hitung(company: str) -> dict:
	return {
		dt: frappe.db.count(dt, {"company": company})
		for dt in ("Cost Center", "Warehouse", "POS Profile", "Account")
	} | {"Mode of Payment": frappe.db.count("Mode of Payment")}


def _stok(item: str, gudang: str) -> float:
	return flt(frappe.db.get_value("Bin", {"item_code": item, "warehouse": gudang}, "actual_qty"))


class TestUnitUsaha(KoperasiTestCase):
	def setUp(self):
		super().setUp()
		self.unit = unit_gerai(self.company, f"Gerai {frappe.generate_hash(length=5)}")
		frappe.db.set_single_value("Pengaturan Koperasi", "batas_bon_anggota", 0)

	def test_unit_makes_its_erpnext_setup_once(self):
		u = self.unit
		self.assertEqual(frappe.db.get_value("Cost Center", u.cost_center, "company"), self.company)
		self.assertEqual(frappe.db.get_value("Warehouse", u.warehouse, "company"), self.company)
		self.assertEqual(frappe.db.get_value("Account", u.akun_kas, "account_type"), "Cash")
		profil = frappe.get_doc("POS Profile", u.pos_profile)
		self.assertEqual((profil.warehouse, profil.cost_center), (u.warehouse, u.cost_center))
		self.assertEqual(profil.customer, "Umum")
		self.assertEqual(profil.income_account, account_by_number(self.company, "4201"))
		self.assertEqual(u.kode_kbli, "47111")
		sebelum = _hitung(self.company)
		u.save()
		frappe.get_doc("Unit Usaha", u.name).save()
		self.assertEqual(_hitung(self.company), sebelum)

	def test_sales_to_a_member_and_a_walk_in_buyer_carry_the_unit(self):
		u = self.unit
		kode = barang_gerai(u, harga=15_000, stok=20, nilai=12_000)
		a = buat_anggota("Aktif", company=self.company)
		s1 = jual_tunai(u, a.customer, [(kode, 2)])
		s2 = jual_tunai(u, "Umum", [(kode, 1)])
		for si in (s1, s2):
			gl = frappe.get_all(
				"GL Entry",
				{"voucher_no": si.name, "is_cancelled": 0},
				["account", "cost_center", "credit", "debit"],
			)
			self.assertTrue(gl)
			self.assertEqual({g.cost_center for g in gl}, {u.cost_center})
			self.assertIn(u.akun_kas, {g.account for g in gl if g.debit})
		penjualan = account_by_number(self.company, "4201")
		self.assertEqual(
			frappe.db.get_value("GL Entry", {"voucher_no": s1.name, "account": penjualan}, "credit"), 30_000
		)
		self.assertEqual(_stok(kode, u.warehouse), 17)
		# the member's purchases, as the SHU's jasa usaha reads them
		fy = fiscal_year()
		beli = laporan.pembelian_anggota(self.company, fy[1], fy[2])
		self.assertEqual(beli.get(a.customer), 30_000)
		self.assertNotIn("Umum", beli)
		shu = dasar_transaksi(
			self.company, [penjualan], frappe.utils.getdate(fy[1]), frappe.utils.getdate(fy[2])
		)
		self.assertEqual(shu.get(a.customer), beli[a.customer])
		# a return counts against the purchases
		retur = frappe.copy_doc(s1)
		retur.is_return = 1
		retur.return_against = s1.name
		for row in retur.items:
			row.qty = -1
		retur.payments = []
		retur.append("payments", {"mode_of_payment": s1.payments[0].mode_of_payment, "amount": -15_000})
		retur.insert()
		retur.submit()
		self.assertEqual(laporan.pembelian_anggota(self.company, fy[1], fy[2]).get(a.customer), 15_000)
		self.assertEqual(_stok(kode, u.warehouse), 18)

	def test_pos_invoices_consolidate_per_member_with_the_unit(self):
		from erpnext.accounts.doctype.pos_closing_entry.pos_closing_entry import (
			make_closing_entry_from_opening,
		)

		u = self.unit
		kode = barang_gerai(u, harga=10_000, stok=10, nilai=8_000)
		a = buat_anggota("Aktif", company=self.company)
		buka = kasir_buka(u)
		faktur = [faktur_pos(u, customer, [(kode, qty)]) for customer, qty in ((a.customer, 2), ("Umum", 1))]
		tutup = make_closing_entry_from_opening(buka)
		tutup.insert()
		tutup.submit()
		for pi in faktur:
			pi.reload()
			self.assertTrue(pi.consolidated_invoice, pi.name)
			si = frappe.get_doc("Sales Invoice", pi.consolidated_invoice)
			self.assertEqual(si.customer, pi.customer)
			self.assertEqual(si.cost_center, u.cost_center)
			gl = frappe.get_all("GL Entry", {"voucher_no": si.name, "is_cancelled": 0}, pluck="cost_center")
			self.assertEqual(set(gl), {u.cost_center})
		self.assertEqual(_stok(kode, u.warehouse), 7)

	def test_member_credit_up_to_the_limit_collected_at_the_teller(self):
		u = self.unit
		kode = barang_gerai(u, harga=10_000, stok=20)
		a = buat_anggota("Aktif", company=self.company)
		with self.assertRaisesRegex(frappe.ValidationError, "bon"):
			jual_tunai(u, a.customer, [(kode, 1)], dibayar=0)
		frappe.db.set_single_value("Pengaturan Koperasi", "batas_bon_anggota", 50_000)
		jual_tunai(u, a.customer, [(kode, 3)], dibayar=10_000)
		self.assertEqual(kasir.bon_anggota(a.name)["total"], 20_000)
		with self.assertRaisesRegex(frappe.ValidationError, "batas bon"):
			jual_tunai(u, a.customer, [(kode, 4)], dibayar=5_000)
		with self.assertRaisesRegex(frappe.ValidationError, "lunas"):
			jual_tunai(u, "Umum", [(kode, 1)], dibayar=5_000)
		self.assertEqual(kasir.anggota_pos(a.nomor_anggota.lower())["sisa_bon"], 30_000)
		kas = account_by_number(self.company, "1101")
		sebelum = flt(
			frappe.db.sql(
				"select sum(debit-credit) from `tabGL Entry` where account=%s and is_cancelled=0", kas
			)[0][0]
		)
		hasil = kasir.bayar_bon(a.name, 20_000)
		self.assertEqual(hasil["sisa_bon"], 0)
		sesudah = flt(
			frappe.db.sql(
				"select sum(debit-credit) from `tabGL Entry` where account=%s and is_cancelled=0", kas
			)[0][0]
		)
		self.assertEqual(sesudah - sebelum, 20_000)
		with self.assertRaises(frappe.ValidationError):
			kasir.bayar_bon(a.name, 1)

	def test_a_member_who_left_cannot_buy_as_a_member(self):
		u = self.unit
		kode = barang_gerai(u, stok=5)
		a = buat_anggota("Aktif", company=self.company)
		frappe.db.set_value("Anggota", a.name, "status", keanggotaan.KELUAR)
		with self.assertRaisesRegex(frappe.ValidationError, "tidak dapat berbelanja sebagai anggota"):
			jual_tunai(u, a.customer, [(kode, 1)])
		with self.assertRaisesRegex(frappe.ValidationError, "tidak dapat berbelanja sebagai anggota"):
			kasir.anggota_pos(a.nomor_anggota)
		self.assertEqual(_stok(kode, u.warehouse), 5)

	def test_consignment_cycle_against_the_ledger(self):
		u = self.unit
		frappe.db.set_single_value("Pengaturan Koperasi", "persen_komisi_titip_jual", 10)
		a = buat_anggota("Aktif", company=self.company, nama_usaha="Keripik Bu Siti")
		p = frappe.get_doc(
			{
				"doctype": "Produk Anggota",
				"anggota": a.name,
				"nama_produk": "Keripik Singkong",
				"harga": 12_345,
				"titip_jual": 1,
				"unit_usaha": u.name,
			}
		).insert()
		terbitkan(p.name)
		p.reload()
		self.assertEqual(frappe.db.get_value("Supplier", p.supplier, "anggota"), a.name)
		se = terima_titipan(p.name, 10)
		# stocked without being bought: no ledger line, no stock value
		self.assertFalse(frappe.get_all("GL Entry", {"voucher_no": se, "is_cancelled": 0}))
		self.assertEqual(_stok(p.item, u.warehouse), 10)
		self.assertEqual(laporan.nilai_persediaan(self.company, today()).get(u.warehouse, 0), 0)
		jual_tunai(u, "Umum", [(p.item, 3)])
		sukarela = akun_sukarela(self.company)
		saldo_awal = saldo(a.customer, sukarela, self.company)
		st = frappe.get_doc(
			{
				"doctype": "Penyelesaian Titip Jual",
				"anggota": a.name,
				"unit_usaha": u.name,
				"dari_tanggal": fiscal_year()[1],
				"sampai_tanggal": today(),
				"cara_bayar": "Simpanan Sukarela",
			}
		).insert()
		# 3 x 12,345 = 37,035; commission 10% = 3,703.5 -> 3,704; the member's due 33,331
		self.assertEqual((st.total_penjualan, st.total_komisi, st.total_dibayar), (37_035, 3_704, 33_331))
		st.submit()
		self.assertEqual(saldo(a.customer, sukarela, self.company) - saldo_awal, 33_331)
		pi = frappe.get_doc("Purchase Invoice", st.purchase_invoice)
		self.assertEqual((pi.supplier, pi.grand_total, pi.outstanding_amount), (p.supplier, 33_331, 0))
		hpp = account_by_number(self.company, "5101")
		self.assertEqual(
			frappe.db.get_value(
				"GL Entry", {"voucher_no": pi.name, "account": hpp, "is_cancelled": 0}, "cost_center"
			),
			u.cost_center,
		)
		# the same sales cannot be settled twice
		with self.assertRaisesRegex(frappe.ValidationError, "diselesaikan"):
			frappe.get_doc(
				{
					"doctype": "Penyelesaian Titip Jual",
					"anggota": a.name,
					"unit_usaha": u.name,
					"dari_tanggal": fiscal_year()[1],
					"sampai_tanggal": today(),
				}
			).insert()
		st.cancel()
		self.assertEqual(saldo(a.customer, sukarela, self.company), saldo_awal)
		self.assertEqual(frappe.db.get_value("Purchase Invoice", pi.name, "docstatus"), 2)

	def test_product_price_and_photo_are_checked(self):
		a = buat_anggota("Aktif", company=self.company)
		with self.assertRaisesRegex(frappe.ValidationError, "Harga"):
			frappe.get_doc(
				{"doctype": "Produk Anggota", "anggota": a.name, "nama_produk": "X", "harga": 0}
			).insert()
		bukan = frappe.get_doc(
			{"doctype": "File", "file_name": "bukan-gambar.png", "content": b"bukan gambar", "is_private": 0}
		).insert()
		with self.assertRaisesRegex(frappe.ValidationError, "gambar"):
			frappe.get_doc(
				{
					"doctype": "Produk Anggota",
					"anggota": a.name,
					"nama_produk": "X",
					"harga": 1000,
					"foto": bukan.file_url,
				}
			).insert()

	def test_results_per_unit_agree_with_erpnext_profit_and_loss(self):
		u = self.unit
		kode = barang_gerai(u, harga=20_000, stok=10, nilai=14_000)
		jual_tunai(u, "Umum", [(kode, 4)])
		fy = fiscal_year()
		baris = laporan.hasil_per_unit(self.company, fy[1], fy[2])
		unit = next(b for b in baris if b["unit_usaha"] == u.name)
		self.assertEqual((unit["pendapatan"], unit["hpp"], unit["hasil"]), (80_000, 56_000, 24_000))
		self.assertEqual(unit["nilai_persediaan"], 6 * 14_000)
		laba = "'" + frappe._("Profit for the year") + "'"
		self.assertEqual(
			unit["hasil"],
			report_value("profit_and_loss_statement", self.company, laba, cost_center=[u.cost_center]),
		)
		total = sum(b["hasil"] for b in baris)
		self.assertAlmostEqual(total, report_value("profit_and_loss_statement", self.company, laba), places=2)

	def test_the_workspace_chart_shows_todays_sales_of_each_unit(self):
		from koperasi_merah_putih.unit_usaha.dashboard_chart_source.penjualan_hari_ini_per_unit import (
			penjualan_hari_ini_per_unit as sumber,
		)

		u = self.unit
		lain = unit_gerai(self.company, f"Apotek {frappe.generate_hash(length=5)}", jenis_unit="Apotek Desa")
		kode = barang_gerai(u, harga=20_000, stok=10, nilai=14_000)
		jual_tunai(u, "Umum", [(kode, 3)])
		kasir_buka(u)
		faktur_pos(u, "Umum", [(kode, 1)])
		kasir_user = ensure_user("kasir")
		grafik = frappe.get_doc("Dashboard Chart", "Penjualan Hari Ini per Unit")
		self.assertTrue(frappe.has_permission("Dashboard Chart", doc=grafik, user=kasir_user))
		frappe.set_user(kasir_user)
		data = sumber.get(chart_name=grafik.name, filters={"company": self.company}, refresh=1)
		frappe.set_user("Administrator")
		nilai = dict(zip(data["labels"], data["datasets"][0]["values"], strict=True))
		# the Sales Invoice and the POS Invoice not yet consolidated, each unit on its own bar
		self.assertEqual(nilai[u.nama_unit], 80_000)
		self.assertEqual(nilai[lain.nama_unit], 0)
		frappe.set_user(ensure_user("anggota"))
		with self.assertRaises(frappe.PermissionError):
			sumber.get(chart_name=grafik.name, filters={"company": self.company})


class TestUnitUsahaDijaga(KoperasiTestCase):
	"""What a cashier or a staff user could otherwise do around the outlets' rules (found by a
	hostile review over REST; each case here is its server-side refusal)."""

	def setUp(self):
		super().setUp()
		self.unit = unit_gerai(self.company, f"Gerai {frappe.generate_hash(length=5)}")
		frappe.db.set_single_value("Pengaturan Koperasi", "batas_bon_anggota", 20_000)
		self.kode = barang_gerai(self.unit, harga=15_000, stok=20, nilai=10_000)

	def test_unpaid_pos_sales_count_toward_the_credit_limit(self):
		a = buat_anggota("Aktif", company=self.company)
		kasir_buka(self.unit)
		faktur_pos(self.unit, a.customer, [(self.kode, 1)], dibayar=0)
		# a POS sale's own outstanding_amount stays 0 until the closing; the open amount is computed
		self.assertEqual(kasir.anggota_pos(a.nomor_anggota)["bon_terbuka"], 15_000)
		with self.assertRaisesRegex(frappe.ValidationError, "batas bon"):
			faktur_pos(self.unit, a.customer, [(self.kode, 1)], dibayar=0)
		faktur_pos(self.unit, a.customer, [(self.kode, 1)], dibayar=10_000)
		self.assertEqual(kasir.anggota_pos(a.nomor_anggota)["sisa_bon"], 0)

	def test_the_till_keeps_its_prices_discounts_and_write_off_limit(self):
		si = jual_tunai(self.unit, "Umum", [(self.kode, 1)], submit=False)
		si.items[0].price_list_rate = si.items[0].rate = 1
		with self.assertRaisesRegex(frappe.ValidationError, "Harga .* di kasir ini Rp 15.000"):
			si.save()
		si.reload()
		si.items[0].discount_percentage = 100
		with self.assertRaisesRegex(frappe.ValidationError, "tidak memberi diskon"):
			si.save()
		si.reload()
		si.additional_discount_percentage = 50
		with self.assertRaisesRegex(frappe.ValidationError, "tidak memberi diskon"):
			si.save()
		si.reload()
		si.write_off_amount = 14_999
		si.payments[0].amount = 1
		with self.assertRaisesRegex(frappe.ValidationError, "menghapus paling banyak"):
			si.save()
		si.reload()
		# another price list: the till's own comes back (ERPNext's POS fields), at its price
		si.selling_price_list = "Harga Anggota"
		si.save()
		self.assertEqual((si.selling_price_list, si.items[0].rate), ("Harga Umum", 15_000))

	def test_one_sale_is_one_outlets(self):
		lain = unit_gerai(self.company, f"Gerai {frappe.generate_hash(length=5)}")
		kode_lain = barang_gerai(lain, harga=15_000, stok=5)
		si = jual_tunai(self.unit, "Umum", [(self.kode, 1)], submit=False)
		si.append("items", {"item_code": kode_lain, "qty": 1, "warehouse": lain.warehouse})
		with self.assertRaisesRegex(frappe.ValidationError, "Satu penjualan untuk satu gerai"):
			si.save()

	def _titipan(self, anggota, nama: str, harga: int):
		"""A consigned product of `anggota` at the test's unit, entered by the staff and published."""
		p = frappe.get_doc(
			{
				"doctype": "Produk Anggota",
				"anggota": anggota.name,
				"nama_produk": nama,
				"harga": harga,
				"titip_jual": 1,
				"unit_usaha": self.unit.name,
			}
		).insert()
		terbitkan(p.name)
		return frappe.get_doc("Produk Anggota", p.name)

	def test_consigned_goods_never_take_a_value(self):
		a = buat_anggota("Aktif", company=self.company)
		p = self._titipan(a, "Emping", 9_000)
		se = frappe.get_doc(
			{
				"doctype": "Stock Entry",
				"stock_entry_type": "Material Receipt",
				"company": self.company,
				"items": [
					{"item_code": p.item, "qty": 4, "t_warehouse": self.unit.warehouse, "basic_rate": 50_000}
				],
			}
		).insert()
		se.submit()
		self.assertEqual(_stok(p.item, self.unit.warehouse), 4)
		self.assertEqual(
			frappe.db.get_value("Stock Ledger Entry", {"voucher_no": se.name}, "stock_value_difference"), 0
		)
		self.assertFalse(frappe.get_all("GL Entry", {"voucher_no": se.name, "is_cancelled": 0}))

	def test_a_consigned_product_stays_with_its_member_and_its_sales_are_settled_once(self):
		a = buat_anggota("Aktif", company=self.company)
		b = buat_anggota("Aktif", company=self.company)
		p = self._titipan(a, "Tempe Keripik", 10_000)
		terima_titipan(p.name, 5)
		jual_tunai(self.unit, "Umum", [(p.item, 2)])
		p.anggota = b.name
		with self.assertRaises(frappe.ValidationError):
			p.save()
		baru = {
			"doctype": "Penyelesaian Titip Jual",
			"unit_usaha": self.unit.name,
			"dari_tanggal": fiscal_year()[1],
			"sampai_tanggal": today(),
		}
		frappe.get_doc({**baru, "anggota": a.name}).insert().submit()
		# even if the product were moved (a data fix behind the form), its settled sales stay settled
		frappe.db.set_value("Produk Anggota", p.name, "anggota", b.name)
		with self.assertRaisesRegex(frappe.ValidationError, "belum diselesaikan"):
			frappe.get_doc({**baru, "anggota": b.name}).insert()

	def test_a_published_product_changed_by_a_cashier_is_reviewed_again(self):
		a = buat_anggota("Aktif", company=self.company)
		p = frappe.get_doc(
			{"doctype": "Produk Anggota", "anggota": a.name, "nama_produk": "Abon", "harga": 20_000}
		).insert()
		terbitkan(p.name)
		frappe.set_user(ensure_user("kasir"))
		p = frappe.get_doc("Produk Anggota", p.name)
		p.harga = 1
		p.save()
		self.assertEqual(p.status, "Diajukan")
		# the seller's phone is the member's own choice
		p.reload()
		p.tampilkan_nomor_hp = 1
		with self.assertRaisesRegex(frappe.ValidationError, "Hanya anggota sendiri"):
			p.save()

	def test_a_units_cooperative_is_fixed(self):
		lain = frappe.db.get_value("Company", {"name": ("!=", self.company)})
		if not lain:
			from tests.support.data import koperasi_baru

			lain = koperasi_baru("Uji Unit Lain")
		self.unit.company = lain
		with self.assertRaises(frappe.ValidationError):
			self.unit.save()

	def test_credit_collection_takes_whole_rupiah_only(self):
		a = buat_anggota("Aktif", company=self.company)
		jual_tunai(self.unit, a.customer, [(self.kode, 1)], dibayar=5_000)
		for salah, pesan in (
			("nan", "lebih dari nol"),
			("inf", "lebih dari nol"),
			(0.001, "rupiah bulat"),
			(-5, "lebih dari nol"),
		):
			with self.assertRaisesRegex(frappe.ValidationError, pesan):
				kasir.bayar_bon(a.name, salah)
		self.assertEqual(kasir.bon_anggota(a.name)["total"], 10_000)
