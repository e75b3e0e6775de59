"""The test data factories, in one place for every level: a provisioned test cooperative and
users with known passwords. They go through the app's own provisioning and Frappe's ORM, and commit,
because the HTTP and browser levels read them from another process (the server)."""

import random
from contextlib import contextmanager
from datetime import date

import frappe

from koperasi_merah_putih.rules.nik import buat_nik
from koperasi_merah_putih.setup.provisioning import provision_koperasi

KOPERASI = "Uji Coba"
PASSWORD = "Uji-Koperasi-2026!"

USERS = {
	"pengurus": ("pengurus.uji@koperasi.test", "Pengurus", "System User"),
	"kasir": ("kasir.uji@koperasi.test", "Kasir", "System User"),
	"pengawas": ("pengawas.uji@koperasi.test", "Pengawas", "System User"),
	"anggota": ("anggota.uji@koperasi.test", "Anggota", "Website User"),
}


_cache: dict = {}


def ensure_koperasi() -> dict:
	"""Provision the test cooperative once per process (and commit); later calls only return it,
	so an integration test calling it keeps its transaction uncommitted and rolled back."""
	key = ("koperasi", frappe.local.site)
	if key not in _cache:
		_cache[key] = provision_koperasi(KOPERASI)
		frappe.db.commit()
	return _cache[key]


def ensure_user(key: str) -> str:
	"""A test user with a known password; made (and committed) once per process."""
	email, role, user_type = USERS[key]
	if ("user", frappe.local.site, key) in _cache:
		return email
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": key.title(),
				"last_name": "Uji",
				"user_type": user_type,
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	from frappe.utils.password import update_password

	update_password(email, PASSWORD)
	company = ensure_koperasi()["company"]
	frappe.defaults.set_user_default("company", company, email)
	frappe.db.commit()
	_cache[("user", frappe.local.site, key)] = True
	return email


def pengguna_terbatas(email: str, role: str, company: str) -> str:
	"""A staff user restricted to one cooperative by a User Permission on Company, with the test
	PASSWORD; committed (the HTTP level logs in as them)."""
	from frappe.utils.password import update_password

	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": email.split("@")[0].replace(".", " ").title(),
				"user_type": "System User",
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	if not frappe.db.exists("User Permission", {"user": email, "allow": "Company"}):
		frappe.get_doc(
			{"doctype": "User Permission", "user": email, "allow": "Company", "for_value": company}
		).insert(ignore_permissions=True)
	update_password(email, PASSWORD)
	frappe.db.commit()
	return email


def ensure_all_users() -> dict[str, str]:
	return {key: ensure_user(key) for key in USERS}


# ---------------------------------------------------------------- members
_rng = random.Random()


def nik_baru(tanggal_lahir: date = date(1990, 5, 15), jenis_kelamin: str = "Laki-laki") -> str:
	"""A valid NIK not yet on the site (random regency/district and serial in West Java)."""
	while True:
		wilayah = f"32{_rng.randint(1, 79):02d}{_rng.randint(1, 40):02d}"
		nik = buat_nik(wilayah, tanggal_lahir, jenis_kelamin, _rng.randint(1, 9999))
		if not frappe.db.exists("Anggota", {"nik": nik}):
			return nik


def data_anggota(**kw) -> dict:
	"""The fields of a valid application; override any of them with keyword arguments."""
	jenis_kelamin = kw.pop("jenis_kelamin", "Laki-laki")
	tanggal_lahir = frappe.utils.getdate(kw.pop("tanggal_lahir", date(1990, 5, 15)))
	kode = _rng.randint(100000, 999999)
	while frappe.db.exists("Anggota", {"email": f"warga.{kode}@anggota.test"}):
		kode = _rng.randint(100000, 999999)  # sites that ran the benchmarks hold thousands
	data = {
		"doctype": "Anggota",
		"nama_lengkap": f"Warga Uji {kode}",
		"nik": nik_baru(tanggal_lahir, jenis_kelamin),
		"no_kk": f"3201{_rng.randint(10**11, 10**12 - 1)}",
		"tempat_lahir": "Bogor",
		"tanggal_lahir": tanggal_lahir,
		"jenis_kelamin": jenis_kelamin,
		"pekerjaan": "Petani",
		"alamat": "Jl. Merah Putih No. 17",
		"rt": "003",
		"rw": "005",
		"kelurahan": "Sukamaju",
		"kecamatan": "Cibinong",
		"kota_kabupaten": "Kabupaten Bogor",
		"nomor_hp": f"0812{_rng.randint(10**7, 10**8 - 1)}",
		"email": f"warga.{kode}@anggota.test",
		"company": ensure_koperasi()["company"],
	}
	data.update(kw)
	return data


def buat_anggota(status: str = "Pendaftaran", **kw):
	"""An Anggota moved through the lifecycle to `status` by Administrator (who has every role)."""
	doc = frappe.get_doc(data_anggota(**kw)).insert()
	langkah = {"Diverifikasi": ["verifikasi"], "Disetujui": ["verifikasi", "setujui"]}
	langkah["Aktif"] = [*langkah["Disetujui"], "aktifkan"]
	for method in langkah.get(status, []):
		getattr(doc, method)()
	return doc


def anggota_dengan_login(**kw):
	"""An active member whose portal login has the test PASSWORD; committed for the server to see."""
	from frappe.utils.password import update_password

	doc = buat_anggota("Aktif", **kw)
	update_password(doc.user, PASSWORD)
	frappe.db.commit()
	return doc


# ---------------------------------------------------------------- savings
def transaksi_simpanan(
	anggota, jenis_simpanan: str, jumlah, jenis_transaksi: str = "Setoran", submit=True, **kw
):
	"""A savings deposit or withdrawal for a member, in cash unless `mode_of_payment` says otherwise."""
	doc = frappe.get_doc(
		{
			"doctype": "Transaksi Simpanan",
			"anggota": anggota.name if hasattr(anggota, "name") else anggota,
			"jenis_simpanan": jenis_simpanan,
			"jenis_transaksi": jenis_transaksi,
			"jumlah": jumlah,
			"mode_of_payment": kw.pop("mode_of_payment", "Cash"),
			**kw,
		}
	).insert()
	if submit:
		doc.submit()
	return doc


def baris_gl(voucher_type: str, voucher_no: str, cancelled: int = 0, against: bool = False) -> list[tuple]:
	"""A voucher's GL lines as sorted (account number, debit, credit, party[, against voucher])."""
	fields = ["account", "debit", "credit", "party", "against_voucher"]
	rows = frappe.get_all(
		"GL Entry",
		{"voucher_type": voucher_type, "voucher_no": voucher_no, "is_cancelled": cancelled},
		fields,
	)
	return sorted(
		(
			r.account.split(" - ")[0],
			r.debit,
			r.credit,
			r.party or "",
			*((r.against_voucher or "",) if against else ()),
		)
		for r in rows
	)


@contextmanager
def akun_email_keluar():
	"""An outgoing email account for the length of a block (nothing is sent: mail only queues).

	Removed afterwards even though the test's transaction is rolled back anyway: with an account in
	place, approving a member with an email sends the welcome mail at once, and sending commits."""
	name = "Koperasi Uji Keluar"
	if not frappe.db.exists("Email Account", name):
		frappe.get_doc(
			{
				"doctype": "Email Account",
				"email_account_name": name,
				"email_id": "koperasi.uji@contoh.id",
				"smtp_server": "smtp.contoh.id",
				"enable_outgoing": 1,
				"default_outgoing": 1,
				"awaiting_password": 1,
			}
		).insert()
	try:
		yield name
	finally:
		frappe.delete_doc("Email Account", name, force=True)
		frappe.cache.delete_value("outgoing_email_account")


# ---------------------------------------------------------------- loans
PENJAMIN = {
	"nama_penjamin": "Siti Penjamin",
	"hubungan_penjamin": "Suami/Istri",
	"hp_penjamin": "081298765432",
}


def anggota_peminjam(simpanan: int = 2_000_000, bergabung: str = "2025-01-02", login: bool = False, **kw):
	"""An active member of some standing (joined `bergabung`) with `simpanan` in sukarela, so the
	seeded product's conditions (membership months, 5x savings) are met; with `login`, one who can
	log in to the portal (committed)."""
	doc = anggota_dengan_login(**kw) if login else buat_anggota("Aktif", **kw)
	doc.db_set("tanggal_bergabung", bergabung)
	if simpanan:
		transaksi_simpanan(doc, "Simpanan Sukarela", simpanan, posting_date="2026-01-02")
	return doc


def pengajuan_pinjaman(
	anggota, jumlah: int = 3_000_000, tenor: int = 6, produk: str = "Pinjaman Anggota", **kw
):
	"""A loan application (by the current user) with a valid guarantor."""
	return frappe.get_doc(
		{
			"doctype": "Pengajuan Pinjaman",
			"anggota": anggota.name if hasattr(anggota, "name") else anggota,
			"produk": produk,
			"jumlah": jumlah,
			"tenor": tenor,
			"tujuan": "Modal warung sembako",
			"nik_penjamin": kw.pop("nik_penjamin", None) or nik_baru(date(1988, 3, 9), "Perempuan"),
			**PENJAMIN,
			**kw,
		}
	).insert()


def setujui_sebagai(pengajuan, key: str = "pengurus"):
	"""Approve an application as another officer (maker-checker), then return to Administrator."""
	frappe.set_user(ensure_user(key))
	try:
		pengajuan.reload()
		pengajuan.setujui()
	finally:
		frappe.set_user("Administrator")
	return pengajuan


def pinjaman_cair(
	anggota=None,
	jumlah: int = 3_000_000,
	tenor: int = 6,
	produk: str = "Pinjaman Anggota",
	posting_date: str = "2026-01-05",
	**kw,
):
	"""A disbursed loan: application, approval by the Pengurus, disbursement in cash."""
	anggota = anggota or anggota_peminjam()
	pengajuan = setujui_sebagai(pengajuan_pinjaman(anggota, jumlah, tenor, produk, tanggal=posting_date))
	doc = frappe.get_doc(
		{
			"doctype": "Pinjaman",
			"pengajuan": pengajuan.name,
			"posting_date": posting_date,
			"mode_of_payment": kw.pop("mode_of_payment", "Cash"),
			**kw,
		}
	).insert()
	doc.submit()
	return doc


def angsuran(pinjaman, jumlah, posting_date: str, jenis: str = "Angsuran", submit: bool = True):
	doc = frappe.get_doc(
		{
			"doctype": "Angsuran Pinjaman",
			"pinjaman": pinjaman.name if hasattr(pinjaman, "name") else pinjaman,
			"jumlah": jumlah,
			"jenis": jenis,
			"posting_date": posting_date,
			"mode_of_payment": "Cash",
		}
	).insert()
	if submit:
		doc.submit()
	return doc


def draf_jasa(company: str, periode: str, jenis_simpanan: str = "Simpanan Sukarela"):
	"""A month's Jasa Simpanan computed as a draft (the breakdown per member made)."""
	doc = frappe.get_doc(
		{"doctype": "Jasa Simpanan", "company": company, "jenis_simpanan": jenis_simpanan, "periode": periode}
	).insert()
	doc.hitung()
	return doc


# ---------------------------------------------------------------- year-end
KOPERASI_TUTUP_BUKU = "Uji Tutup Buku"


def koperasi_tutup_buku() -> str:
	"""A cooperative of its own for closing a year (closing the shared one would close its year for
	every other test); provisioned and committed once per process."""
	key = ("tutup_buku", frappe.local.site)
	if key not in _cache:
		# a new one per run: a year closes once, and a kept test site holds the last run's
		_cache[key] = koperasi_baru(f"{KOPERASI_TUTUP_BUKU} {_rng.randint(10000, 99999)}")
	return _cache[key]


def tahun_tutup_buku() -> str:
	"""The fiscal year the year-end tests close (2025: over, and before the shared tests' dates)."""
	return frappe.db.get_value("Fiscal Year", {"year_start_date": "2025-01-01"})


def anggota_lama(company: str, login: bool = False):
	"""An active member of `company` who joined in mid-2024 (a member for all of 2025)."""
	a = (anggota_dengan_login if login else buat_anggota)(
		**({} if login else {"status": "Aktif"}), company=company
	)
	a.db_set({"tanggal_bergabung": "2024-06-01", "tanggal_disetujui": "2024-06-01"})
	return a


def setahun_usaha(company: str, login: bool = False):
	"""A year (2025) of business: three members' savings, a loan with jasa repaid, an outlet sale
	to a member, an expense. Returns (a, b, c, loan)."""
	a, b, c = (anggota_lama(company, login) for _ in range(3))
	for m, pokok, wajib in ((a, 100_000, 600_000), (b, 100_000, 1_200_000), (c, 100_000, 0)):
		transaksi_simpanan(m, "Simpanan Pokok", pokok, posting_date="2025-01-10")
		if wajib:
			transaksi_simpanan(m, "Simpanan Wajib", wajib, posting_date="2025-02-10")
	transaksi_simpanan(a, "Simpanan Sukarela", 2_000_000, posting_date="2025-01-10")
	p = pinjaman_cair(anggota=a, jumlah=1_200_000, tenor=3, posting_date="2025-03-01")
	for row, tgl in zip(p.jadwal, ("2025-04-01", "2025-05-01", "2025-06-01"), strict=True):
		angsuran(p, int(frappe.utils.flt(row.pokok) + frappe.utils.flt(row.jasa)), tgl)
	from koperasi_merah_putih.akun import account_by_number

	item = (
		frappe.db.exists("Item", "UJI-SEMBAKO")
		or frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": "UJI-SEMBAKO",
				"item_name": "Beras 5 kg",
				"item_group": "All Item Groups",
				"stock_uom": "Nos",
				"is_stock_item": 0,
			}
		)
		.insert()
		.name
	)
	cost_center = frappe.get_cached_value("Company", company, "cost_center")
	si = frappe.get_doc(
		{
			"doctype": "Sales Invoice",
			"company": company,
			"customer": b.customer,
			"posting_date": "2025-07-15",
			"set_posting_time": 1,
			"due_date": "2025-07-15",
			"items": [
				{
					"item_code": item,
					"qty": 4,
					"rate": 75_000,
					"income_account": account_by_number(company, "4201"),
					"cost_center": cost_center,
				}
			],
		}
	).insert()
	si.submit()
	je = frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": company,
			"posting_date": "2025-08-31",
			"accounts": [
				{"account": account_by_number(company, "5207"), "debit_in_account_currency": 40_000},
				{"account": account_by_number(company, "1101"), "credit_in_account_currency": 40_000},
			],
		}
	).insert()
	je.submit()
	return a, b, c, p


def siapkan_akhir_tahun(company: str) -> None:
	"""What the checklist asks before 2025 closes: the daily loan job and PPAP, December's jasa."""
	from koperasi_merah_putih.pinjaman import harian

	harian.jalankan(hari_ini=frappe.utils.getdate("2025-12-31"), company=company, ppap=True)
	jasa = draf_jasa(company, "2025-12")
	if jasa.jumlah_anggota:
		jasa.submit()
	else:
		jasa.delete()


KOPERASI_SHU_PORTAL = "Uji SHU Portal"


def penutupan_selesai(tutup_buku: str) -> str:
	"""The year's Period Closing Voucher with its entries posted. On a site holding over 100,000 GL
	entries (a test site that ran the benchmarks) they are posted by a background job when the
	transaction commits; this posts them now, as that job would (the job then finds nothing to do)."""
	from koperasi_merah_putih.tutup_buku import penutupan

	return penutupan.proses(frappe.db.get_value("Tutup Buku", tutup_buku, "period_closing_voucher"))


def koperasi_baru(nama: str) -> str:
	"""A cooperative of its own for a year-end (with the 2025 fiscal year), committed."""
	from koperasi_merah_putih.setup.provisioning import ensure_fiscal_year

	ensure_fiscal_year("2025-06-30")
	company = provision_koperasi(nama)["company"]
	frappe.db.commit()
	return company


def rat_menyetujui(company: str, fy: str, pembagian_shu: str) -> str:
	"""The RAT on `fy`, attended by every active member, accepting the accounts and approving
	the SHU split `pembagian_shu`; submitted."""
	hadir = frappe.get_all("Anggota", filters={"company": company, "status": "Aktif"}, pluck="name")
	rat = frappe.get_doc(
		{
			"doctype": "Rapat Anggota Tahunan",
			"company": company,
			"fiscal_year": fy,
			"tanggal": frappe.utils.today(),
			"tempat": "Balai Kelurahan",
			"kehadiran": [{"anggota": a} for a in hadir],
			"laporan_diterima": 1,
			"pembagian_shu": pembagian_shu,
			"shu_disetujui": 1,
		}
	).insert()
	rat.submit()
	return rat.name


def shu_dibagi() -> dict:
	"""A cooperative whose 2025 is closed and shared (RAT held, SHU posted, one member paid in
	cash), its members with portal logins; made and committed once per process, for the HTTP,
	browser and server-owned-field tests."""
	key = ("shu_dibagi", frappe.local.site)
	if key in _cache:
		return _cache[key]
	company = koperasi_baru(KOPERASI_SHU_PORTAL)
	fy = tahun_tutup_buku()
	ada = frappe.db.get_value("Pembagian SHU", {"company": company, "tahun_buku": fy, "docstatus": 1})
	if not ada:
		a, _b, _c, _p = setahun_usaha(company, login=True)
		siapkan_akhir_tahun(company)
		tb = frappe.get_doc({"doctype": "Tutup Buku", "company": company, "fiscal_year": fy}).insert()
		tb.submit()
		penutupan_selesai(tb.name)
		bagi = frappe.get_doc({"doctype": "Pembagian SHU", "company": company, "tahun_buku": fy}).insert()
		bagi.hitung()
		rat_menyetujui(company, fy, bagi.name)
		bagi.reload()
		bagi.submit()
		pembayaran_shu(bagi.name, a.name).submit()
		ada = bagi.name
		frappe.db.commit()
	anggota = frappe.get_all(
		"Rincian SHU Anggota", filters={"pembagian_shu": ada}, pluck="anggota", order_by="name"
	)
	_cache[key] = {"company": company, "tahun": fy, "pembagian": ada, "anggota": anggota}
	return _cache[key]


# a 1-pixel PNG: a valid image for uploads (KTP photos, attachments)
PNG_1PX = bytes.fromhex(
	"89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def buat_pelatihan(company: str, **kw):
	"""A training of the cooperative, open, with sessions tomorrow and the day after (or `sesi`),
	09:00-12:00 (or `jam`: a session today that must stay open whenever the test runs takes the
	whole day)."""
	from frappe.utils import add_days, today

	sesi = kw.pop("sesi", [add_days(today(), 1), add_days(today(), 2)])
	mulai, selesai = kw.pop("jam", ("09:00:00", "12:00:00"))
	doc = frappe.get_doc(
		{
			"doctype": "Pelatihan",
			"judul": kw.pop("judul", f"Literasi Keuangan Keluarga {random.randint(1000, 9999)}"),
			"topik": kw.pop("topik", "Literasi Keuangan"),
			"company": company,
			"peserta": kw.pop("peserta", "Anggota"),
			"minimal_kehadiran": kw.pop("minimal_kehadiran", 50),
			"sesi": [
				{
					"tanggal": t,
					"jam_mulai": mulai,
					"jam_selesai": selesai,
					"tempat": "Balai Kelurahan",
				}
				for t in sesi
			],
			**kw,
		}
	).insert()
	return doc


def produk_pinjaman_uji(**kw) -> str:
	"""A loan product of its own for a test: the provisioned Pinjaman Anggota with `kw` changed."""
	nama = f"Pinjaman Uji {frappe.generate_hash(length=6)}"
	doc = frappe.copy_doc(frappe.get_doc("Produk Pinjaman", "Pinjaman Anggota"))
	doc.nama_produk = nama
	doc.update(kw)
	doc.insert()
	return nama


def pembayaran_shu(pembagian: str, anggota: str | None = None, cara: str = "Tunai", **kw):
	"""An SHU payment of one member (or, without `anggota`, of everyone not yet paid), inserted."""
	return frappe.get_doc(
		{
			"doctype": "Pembayaran SHU",
			"pembagian_shu": pembagian,
			"cakupan": "Satu Anggota" if anggota else "Semua yang Belum Dibayar",
			"anggota": anggota,
			"cara": cara,
			**kw,
		}
	).insert()


# ---------------------------------------------------------------- outlets (Unit Usaha)
def unit_gerai(company: str, nama: str = "Gerai Uji", **kw):
	"""An outlet of the cooperative with its ERPNext setup (found again if it exists)."""
	abbr = frappe.get_cached_value("Company", company, "abbr")
	if frappe.db.exists("Unit Usaha", f"{nama} - {abbr}"):
		return frappe.get_doc("Unit Usaha", f"{nama} - {abbr}")
	return frappe.get_doc(
		{"doctype": "Unit Usaha", "company": company, "nama_unit": nama, "jenis_unit": "Gerai Sembako", **kw}
	).insert()


def barang_gerai(
	unit, kode: str | None = None, harga: int = 15_000, stok: float = 20, nilai: int = 12_000
) -> str:
	"""A stocked item of the outlet: priced in its selling price list, `stok` units bought in at
	`nilai` each (a Purchase Invoice into the outlet's warehouse, left unpaid)."""
	kode = kode or f"BRG-{frappe.generate_hash(length=6).upper()}"
	from koperasi_merah_putih.unit_usaha.siapkan import kelompok_unit

	frappe.get_doc(
		{
			"doctype": "Item",
			"item_code": kode,
			"item_name": f"Barang {kode}",
			"item_group": kelompok_unit(unit)[0],
			"stock_uom": "Nos",
			"is_stock_item": 1,
		}
	).insert()
	frappe.get_doc(
		{
			"doctype": "Item Price",
			"item_code": kode,
			"price_list": unit.daftar_harga,
			"price_list_rate": harga,
		}
	).insert()
	if stok:
		# bought in from a supplier on a Purchase Invoice that updates stock (ERPNext's buying)
		if not frappe.db.exists("Supplier", "Pemasok Uji"):
			frappe.get_doc(
				{
					"doctype": "Supplier",
					"supplier_name": "Pemasok Uji",
					"supplier_group": "All Supplier Groups",
				}
			).insert(set_name="Pemasok Uji")
		pi = frappe.get_doc(
			{
				"doctype": "Purchase Invoice",
				"company": unit.company,
				"supplier": "Pemasok Uji",
				"update_stock": 1,
				"items": [{"item_code": kode, "qty": stok, "rate": nilai, "warehouse": unit.warehouse}],
			}
		).insert()
		pi.submit()
	return kode


def jual_tunai(
	unit, customer: str, baris: list[tuple], dibayar: float | None = None, submit: bool = True, **kw
):
	"""An outlet sale as a POS Sales Invoice (ERPNext's own, stock updated): `baris` of (item, qty);
	paid in full in the unit's cash unless `dibayar` says less."""
	from koperasi_merah_putih.unit_usaha.siapkan import cara_bayar_unit

	si = frappe.get_doc(
		{
			"doctype": "Sales Invoice",
			"company": unit.company,
			"customer": customer,
			"is_pos": 1,
			"pos_profile": unit.pos_profile,
			"update_stock": 1,
			"items": [{"item_code": k, "qty": q, "warehouse": unit.warehouse} for k, q in baris],
			"payments": [{"mode_of_payment": cara_bayar_unit(unit), "amount": 0}],
			**kw,
		}
	)
	si.set_missing_values()
	si.calculate_taxes_and_totals()
	si.payments[0].amount = si.rounded_total or si.grand_total if dibayar is None else dibayar
	si.insert()
	if submit:
		si.submit()
	return si


def produk_anggota(anggota, nama: str = "Produk Uji", harga: int = 25_000, terbit: bool = True, **kw):
	"""A member's product offered as the member does it (on /titip-jual: `simpan_produk`, as their
	own user), then published by Administrator unless `terbit` is False."""
	from koperasi_merah_putih.unit_usaha.doctype.produk_anggota.produk_anggota import terbitkan
	from koperasi_merah_putih.unit_usaha.portal import simpan_produk

	frappe.set_user(anggota.user)
	try:
		name = simpan_produk(nama_produk=nama, harga=harga, **kw)["name"]
	finally:
		frappe.set_user("Administrator")
	if terbit:
		terbitkan(name)
	return frappe.get_doc("Produk Anggota", name)


def kasir_buka(unit, user: str = "Administrator"):
	"""The till of `unit` opened for the day for `user` (ERPNext's POS Opening Entry), once."""
	ada = frappe.db.get_value(
		"POS Opening Entry", {"pos_profile": unit.pos_profile, "user": user, "docstatus": 1, "status": "Open"}
	)
	if ada:
		return frappe.get_doc("POS Opening Entry", ada)
	mode = frappe.get_doc("POS Profile", unit.pos_profile).payments[0].mode_of_payment
	buka = frappe.get_doc(
		{
			"doctype": "POS Opening Entry",
			"pos_profile": unit.pos_profile,
			"company": unit.company,
			"user": user,
			"period_start_date": frappe.utils.now_datetime(),
			"posting_date": frappe.utils.today(),
			"balance_details": [{"mode_of_payment": mode, "opening_amount": 0}],
		}
	).insert()
	buka.submit()
	return buka


def faktur_pos(unit, customer: str, baris: list[tuple], dibayar: float | None = None, submit: bool = True):
	"""A sale at the till as ERPNext's point-of-sale page makes it (a POS Invoice, consolidated into
	a Sales Invoice at the closing); paid in full in the unit's cash unless `dibayar` says less.
	The till must be open (`kasir_buka`)."""
	pi = frappe.get_doc(
		{
			"doctype": "POS Invoice",
			"company": unit.company,
			"pos_profile": unit.pos_profile,
			"customer": customer,
			"update_stock": 1,
			"items": [{"item_code": k, "qty": q} for k, q in baris],
		}
	)
	pi.set_missing_values()
	pi.calculate_taxes_and_totals()
	mode = frappe.get_doc("POS Profile", unit.pos_profile).payments[0].mode_of_payment
	total = pi.rounded_total or pi.grand_total
	pi.set("payments", [{"mode_of_payment": mode, "amount": total if dibayar is None else dibayar}])
	pi.insert()
	if submit:
		pi.submit()
	return pi
