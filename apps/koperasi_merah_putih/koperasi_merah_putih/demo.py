# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The living demo: a cooperative for a ward in Kota Pekalongan (fixtures/demo/pekalongan.json),
loaded through the app's own documents and posting path, so every report shows real figures.

What it makes, for `anggota` members (300 by default), over this year:
- the members (valid-shaped NIKs of Pekalongan Barat, Indonesian names), applied, verified,
  approved by the board and activated; some with a small business (usaha);
- the board (Pengurus and Pengawas) with their terms (Masa Jabatan);
- savings: pokok on joining, wajib every month (about one member in seven falls behind), sukarela
  for the savers;
- loans: applied by the cashier, approved by the board, disbursed and repaid, some stopping, so
  the daily job finds every collectibility class;
- trainings: two held (attendance, certificates) and one open to the public;
- the outlet (Gerai Sembako): goods bought in and a year of sales to members and walk-in buyers.

Idempotent: every record is found again by what identifies it (a member by NIK, a training by
its title, an item by its code, one step's documents by the member or the unit), so a second run
adds nothing. Deterministic: the same seed gives the same cooperative.
"""

import json
import random
from datetime import date, timedelta
from pathlib import Path

import frappe
from dateutil.relativedelta import relativedelta
from frappe.utils import cint, flt, getdate, today

from koperasi_merah_putih.pinjaman.setup import PRODUK as PRODUK_SEED
from koperasi_merah_putih.rules import nik as aturan_nik
from koperasi_merah_putih.rules import pelatihan as aturan_pelatihan

BERKAS = Path(__file__).resolve().parents[3] / "fixtures" / "demo" / "pekalongan.json"
PENANDA = "Data demo"
BENIH = 16
# the loan product every cooperative is provisioned with
PRODUK_PINJAMAN = PRODUK_SEED["nama_produk"]


def data() -> dict:
	return json.loads(BERKAS.read_text(encoding="utf-8"))


def _cetak(pesan: str) -> None:
	print(f"    demo: {pesan}", flush=True)


class Demo:
	def __init__(self, anggota: int = 300, hari_ini: date | None = None, situs: bool = True):
		self.d = data()
		# the site's showcase: its website and Pengaturan Koperasi speak for the demo cooperative
		self.situs = situs
		self.n = anggota
		self.hari_ini = getdate(hari_ini or today())
		self.awal_tahun = date(self.hari_ini.year, 1, 1)
		self.rng = random.Random(BENIH)

	# ------------------------------------------------------------------ the cooperative
	def koperasi(self) -> None:
		from koperasi_merah_putih.setup.provisioning import provision_koperasi

		hasil = provision_koperasi(self.d["koperasi"], demo_users=True)
		self.company = hasil["company"]
		self.users = {u["role"]: u["email"] for u in hasil["users"]}
		if not self.situs:
			return
		p = frappe.get_single("Pengaturan Koperasi")
		p.company = self.company
		for k, v in self.d["situs"].items():
			if not p.get(k):
				p.set(k, v)
		p.save(ignore_permissions=True)

	# ------------------------------------------------------------------ members
	def _orang(self, i: int) -> dict:
		r = random.Random(BENIH * 100_000 + i)
		perempuan = r.random() < 0.52
		jenis = aturan_nik.PEREMPUAN if perempuan else aturan_nik.LAKI_LAKI
		depan = r.choice(self.d["nama_perempuan" if perempuan else "nama_laki"])
		lahir = date(r.randint(1960, 2004), r.randint(1, 12), r.randint(1, 28))
		w = self.d["wilayah"]
		# most joined early in the year (the founding drive), the rest month by month
		bulan = 1 if r.random() < 0.55 else r.randint(2, max(2, self.hari_ini.month - 1))
		bergabung = min(date(self.hari_ini.year, bulan, r.randint(2, 27)), self.hari_ini)
		usaha = r.random() < 0.25
		data = {
			"doctype": "Anggota",
			"nama_lengkap": f"{depan} {r.choice(self.d['nama_belakang'])}",
			"nik": aturan_nik.buat_nik(w["kode_wilayah"], lahir, jenis, 1000 + i),
			"no_kk": f"{w['kode_wilayah']}{r.randint(10**9, 10**10 - 1)}",
			"tempat_lahir": "Pekalongan",
			"tanggal_lahir": lahir,
			"jenis_kelamin": jenis,
			"pekerjaan": r.choice(self.d["pekerjaan"]),
			"alamat": f"{r.choice(self.d['jalan'])} No. {r.randint(1, 120)}",
			"rt": f"{r.randint(1, 9):03d}",
			"rw": f"{r.randint(1, 6):03d}",
			"kelurahan": w["kelurahan"],
			"kecamatan": w["kecamatan"],
			"kota_kabupaten": w["kota"],
			"nomor_hp": f"0812{r.randint(10**7, 10**8 - 1)}",
			"company": self.company,
		}
		if usaha:
			nama_usaha, bidang = r.choice(self.d["usaha"])
			data.update(nama_usaha=nama_usaha.format(depan), bidang_usaha=bidang)
		return {"data": data, "bergabung": bergabung}

	def anggota(self) -> list:
		self.daftar = []
		for i in range(self.n):
			orang = self._orang(i)
			name = frappe.db.get_value("Anggota", {"nik": orang["data"]["nik"]})
			if not name:
				doc = frappe.get_doc(orang["data"]).insert()
				for langkah in ("verifikasi", "setujui", "aktifkan"):
					getattr(doc, langkah)()
				doc.db_set("tanggal_bergabung", orang["bergabung"])
				name = doc.name
			self.daftar.append(frappe.get_doc("Anggota", name))
			if (i + 1) % 50 == 0:
				_cetak(f"{i + 1} members")
		return self.daftar

	def pengurus(self) -> None:
		mulai = self.awal_tahun
		susunan = [
			("Pengurus", "Ketua"),
			("Pengurus", "Sekretaris"),
			("Pengurus", "Bendahara"),
			("Pengawas", "Ketua Pengawas"),
			("Pengawas", "Anggota Pengawas"),
		]
		for (organ, jabatan), a in zip(susunan, self.daftar, strict=False):
			if frappe.db.exists("Masa Jabatan", {"anggota": a.name, "jabatan": jabatan}):
				continue
			frappe.get_doc(
				{
					"doctype": "Masa Jabatan",
					"anggota": a.name,
					"company": self.company,
					"organ": organ,
					"jabatan": jabatan,
					"tanggal_mulai": mulai,
					"tanggal_selesai": mulai + relativedelta(years=5, days=-1),
					"dasar_pengangkatan": "Musyawarah Kelurahan Khusus",
				}
			).insert()

	# ------------------------------------------------------------------ savings
	def _setor(self, a, jenis: str, jumlah: int, tanggal: date, transaksi: str = "Setoran") -> None:
		frappe.get_doc(
			{
				"doctype": "Transaksi Simpanan",
				"anggota": a.name,
				"jenis_simpanan": jenis,
				"jenis_transaksi": transaksi,
				"jumlah": jumlah,
				"posting_date": tanggal,
				"mode_of_payment": "Cash",
				"remarks": PENANDA,
			}
		).insert().submit()

	def simpanan(self) -> None:
		from koperasi_merah_putih.koperasi.situs import iuran_masuk

		iuran = iuran_masuk()
		pokok, wajib = int(iuran["pokok"] or 100_000), int(iuran["wajib"] or 20_000)
		for k, a in enumerate(self.daftar):
			if frappe.db.exists("Transaksi Simpanan", {"anggota": a.name, "remarks": PENANDA}):
				continue
			r = random.Random(BENIH * 7 + k)
			bergabung = getdate(a.tanggal_bergabung)
			self._setor(a, "Simpanan Pokok", pokok, bergabung)
			# about one member in seven stops paying wajib one to four months before now
			telat = r.randint(1, 4) if r.random() < 0.15 else 0
			penabung = r.random() < 0.45
			bulan = date(bergabung.year, bergabung.month, 1)
			while bulan <= self.hari_ini - relativedelta(months=telat):
				tanggal = min(max(bulan.replace(day=r.randint(5, 25)), bergabung), self.hari_ini)
				if telat == 0 or bulan < date(self.hari_ini.year, self.hari_ini.month, 1) - relativedelta(
					months=telat - 1
				):
					self._setor(a, "Simpanan Wajib", wajib, tanggal)
				if penabung and r.random() < 0.6:
					self._setor(a, "Simpanan Sukarela", r.randint(5, 60) * 10_000, tanggal)
				bulan += relativedelta(months=1)
			if (k + 1) % 50 == 0:
				_cetak(f"savings of {k + 1} members")

	# ------------------------------------------------------------------ loans
	def pinjaman(self) -> None:
		from koperasi_merah_putih.simpanan.saldo import akun_sukarela, saldo

		sukarela = akun_sukarela(self.company)
		produk = frappe.get_doc("Produk Pinjaman", PRODUK_PINJAMAN)
		# each collectibility class: how many months before now the borrower stopped paying
		rencana = [0, 2, 0, 4, 0, 6, 0, 8, 0, 2, 0, 4, 0, 6, 0, 8, 0, 0, 2, 0, 0, 0]
		calon = [a for a in self.daftar[5:] if getdate(a.tanggal_bergabung) < date(self.hari_ini.year, 3, 1)]
		for k, (a, berhenti) in enumerate(zip(calon, rencana, strict=False)):
			if frappe.db.exists("Pengajuan Pinjaman", {"anggota": a.name}):
				continue
			r = random.Random(BENIH * 13 + k)
			# the loan fits the product's own terms (Produk Pinjaman), whatever the site set there
			jumlah = min(r.choice((1, 2, 3, 5)) * 1_000_000, int(produk.plafond or 10**12))
			kelipatan = flt(produk.kelipatan_simpanan)
			tabungan = saldo(a.customer, sukarela, self.company)
			if kelipatan and tabungan * kelipatan < jumlah:
				tambah = int(jumlah / kelipatan - tabungan) // 10_000 * 10_000 + 10_000
				self._setor(a, "Simpanan Sukarela", tambah, getdate(a.tanggal_bergabung) + timedelta(days=20))
			cair = max(
				getdate(a.tanggal_bergabung)
				+ relativedelta(months=cint(produk.minimal_bulan_anggota), days=1),
				self.hari_ini - relativedelta(months=berhenti + r.randint(1, 3)),
			)
			if cair >= self.hari_ini:
				continue
			tenor = min(
				max(r.choice((6, 10, 12)), cint(produk.tenor_minimal)), cint(produk.tenor_maksimal) or 12
			)
			self._pinjam(a, jumlah, tenor, cair, berhenti, k)

	def _pinjam(self, a, jumlah: int, tenor: int, cair: date, berhenti: int, nomor: int) -> None:
		frappe.set_user(self.users["Kasir"])
		try:
			pengajuan = frappe.get_doc(
				{
					"doctype": "Pengajuan Pinjaman",
					"anggota": a.name,
					"produk": PRODUK_PINJAMAN,
					"jumlah": jumlah,
					"tenor": tenor,
					"tanggal": cair,
					"tujuan": "Modal usaha",
					"nik_penjamin": aturan_nik.buat_nik(
						self.d["wilayah"]["kode_wilayah"],
						date(1985, 6, 1),
						aturan_nik.PEREMPUAN,
						9000 + nomor,
					),
					"nama_penjamin": "Keluarga Peminjam",
					"hubungan_penjamin": "Suami/Istri",
					"hp_penjamin": "081298765432",
				}
			).insert()
			frappe.set_user(self.users["Pengurus"])
			pengajuan.reload()
			pengajuan.setujui()
		finally:
			frappe.set_user("Administrator")
		pinjaman = frappe.get_doc(
			{
				"doctype": "Pinjaman",
				"pengajuan": pengajuan.name,
				"posting_date": cair,
				"mode_of_payment": "Cash",
			}
		).insert()
		pinjaman.submit()
		batas = self.hari_ini - relativedelta(months=berhenti)
		for baris in pinjaman.jadwal:
			jatuh = getdate(baris.jatuh_tempo)
			if jatuh > batas or jatuh > self.hari_ini:
				break
			frappe.get_doc(
				{
					"doctype": "Angsuran Pinjaman",
					"pinjaman": pinjaman.name,
					"jumlah": baris.total,
					"jenis": "Angsuran",
					"posting_date": jatuh,
					"mode_of_payment": "Cash",
				}
			).insert().submit()

	# ------------------------------------------------------------------ trainings
	def pelatihan(self) -> None:
		from koperasi_merah_putih.pelatihan import layanan

		for k, p in enumerate(self.d["pelatihan"]):
			if frappe.db.exists("Pelatihan", {"judul": p["judul"], "company": self.company}):
				continue
			hari = self.hari_ini - timedelta(days=p["hari_lalu"])
			plt = frappe.get_doc(
				{
					"doctype": "Pelatihan",
					"judul": p["judul"],
					"topik": p["topik"],
					"company": self.company,
					"peserta": p["peserta"],
					"penyelenggara": "Dinas Koperasi dan UKM Kota Pekalongan",
					"minimal_kehadiran": 50,
					"kuota": 40,
					"sesi": [
						{
							"tanggal": hari + timedelta(days=d),
							"jam_mulai": "09:00:00",
							"jam_selesai": "12:00:00",
							"tempat": "Balai Kelurahan Podosugih",
						}
						for d in (0, 1)
					],
				}
			)
			plt.flags.oleh_server = True
			plt.insert()
			if not p["selesai"]:
				continue
			peserta = self.daftar[k * 10 : k * 10 + 25]
			daftar = [layanan.daftar(plt.name, anggota=a.name) for a in peserta]
			for j, r in enumerate(daftar):
				for s in plt.sesi[: 1 if j % 5 == 4 else 2]:
					if r.status == aturan_pelatihan.TERDAFTAR:
						layanan.hadir(plt.name, s.name, r.name)
			layanan.tetapkan_kelulusan(plt.name)

	# ------------------------------------------------------------------ the outlet
	def gerai(self) -> None:
		from koperasi_merah_putih.unit_usaha.siapkan import cara_bayar_unit, kelompok_unit

		unit = frappe.get_doc("Unit Usaha", {"company": self.company})
		if frappe.db.exists("Sales Invoice", {"company": self.company, "remarks": PENANDA}):
			return
		pemasok = "Grosir Sembako Pekalongan"
		if not frappe.db.exists("Supplier", pemasok):
			frappe.get_doc(
				{"doctype": "Supplier", "supplier_name": pemasok, "supplier_group": "All Supplier Groups"}
			).insert(set_name=pemasok)
		barang = []
		for kode, nama, harga, modal in self.d["barang"]:
			if not frappe.db.exists("Item", kode):
				frappe.get_doc(
					{
						"doctype": "Item",
						"item_code": kode,
						"item_name": nama,
						"item_group": kelompok_unit(unit)[0],
						"stock_uom": "Nos",
						"is_stock_item": 1,
					}
				).insert()
			harga_ada = frappe.db.get_value(
				"Item Price",
				{"item_code": kode, "price_list": unit.daftar_harga},
				["name", "valid_from"],
				as_dict=True,
			)
			if not harga_ada:
				# priced from the start of the year: the year's sales are dated back to then
				frappe.get_doc(
					{
						"doctype": "Item Price",
						"item_code": kode,
						"price_list": unit.daftar_harga,
						"price_list_rate": harga,
						"valid_from": self.awal_tahun,
					}
				).insert()
			elif harga_ada.valid_from and getdate(harga_ada.valid_from) > self.awal_tahun:
				frappe.db.set_value("Item Price", harga_ada.name, "valid_from", self.awal_tahun)
			barang.append((kode, modal))
		pembeli = [a.customer for a in self.daftar if a.customer]
		cara = cara_bayar_unit(unit)
		bulan = self.awal_tahun
		while bulan <= self.hari_ini:
			# goods bought in at the start of each month
			beli = frappe.get_doc(
				{
					"doctype": "Purchase Invoice",
					"company": self.company,
					"supplier": pemasok,
					"posting_date": bulan,
					"set_posting_time": 1,
					"update_stock": 1,
					"remarks": PENANDA,
					"items": [
						{"item_code": k, "qty": 40, "rate": m, "warehouse": unit.warehouse} for k, m in barang
					],
				}
			)
			beli.insert()
			beli.submit()
			# a dozen sales a month for the full demo, fewer for a small one
			for _ in range(max(3, min(12, self.n // 25))):
				hari = min(bulan + timedelta(days=self.rng.randint(1, 27)), self.hari_ini)
				customer = self.rng.choice(pembeli) if self.rng.random() < 0.6 else "Umum"
				baris = self.rng.sample(barang, self.rng.randint(1, 3))
				si = frappe.get_doc(
					{
						"doctype": "Sales Invoice",
						"company": self.company,
						"customer": customer,
						"is_pos": 1,
						"pos_profile": unit.pos_profile,
						"posting_date": hari,
						"set_posting_time": 1,
						"update_stock": 1,
						"remarks": PENANDA,
						"items": [
							{"item_code": k, "qty": self.rng.randint(1, 3), "warehouse": unit.warehouse}
							for k, _m in baris
						],
						"payments": [{"mode_of_payment": cara, "amount": 0}],
					}
				)
				si.set_missing_values()
				si.calculate_taxes_and_totals()
				si.payments[0].amount = si.rounded_total or si.grand_total
				si.insert()
				si.submit()
			bulan += relativedelta(months=1)

	# ------------------------------------------------------------------ all of it
	def muat(self) -> dict:
		from koperasi_merah_putih.koperasi.situs import terapkan_situs
		from koperasi_merah_putih.pinjaman import harian

		frappe.set_user("Administrator")
		for langkah in ("koperasi", "anggota", "pengurus", "simpanan", "pinjaman", "pelatihan", "gerai"):
			_cetak(langkah)
			getattr(self, langkah)()
			frappe.db.commit()
		_cetak("daily loan job (collectibility)")
		harian.jalankan(self.hari_ini, company=self.company)
		terapkan_situs()
		frappe.db.commit()
		return {
			"company": self.company,
			"anggota": frappe.db.count("Anggota", {"company": self.company}),
			"transaksi_simpanan": frappe.db.count("Transaksi Simpanan", {"company": self.company}),
			"pinjaman": frappe.db.count("Pinjaman", {"company": self.company, "docstatus": 1}),
			"pelatihan": frappe.db.count("Pelatihan", {"company": self.company}),
			"penjualan": frappe.db.count("Sales Invoice", {"company": self.company, "docstatus": 1}),
			"users": self.users,
		}


def muat_demo(anggota: int = 300, hari_ini: date | None = None, situs: bool = True) -> dict:
	return Demo(anggota, hari_ini, situs).muat()
