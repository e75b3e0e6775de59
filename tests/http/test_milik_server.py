"""Server-owned fields over plain REST, generated from the DocType metadata.

For every DocType of the app (so a new DocType is covered by default) and for every field the
metadata marks as the server's (`integritas.kolom_milik_server`: read-only fields, tables and
fields allowed on submit), a Kasir and a Pengurus each try to set it with a forged value: on
insert (`POST /api/resource`: refused, or set back to the default the controller computes
from), on save of a draft or a plain record, and on update after submit (`PUT /api/resource`:
refused). Each attempt must leave the stored value as it was, and nothing in the ledger may move. The records come from the shared factories; a DocType for which
no record can be found fails the test, so it gets a factory rather than being skipped."""

import json
from urllib.parse import quote

import frappe
import pytest
from frappe.model import no_value_fields, table_fields
from frappe.utils import add_days, add_months, cint, flt, today

from koperasi_merah_putih.integritas import doctype_aplikasi, kolom_milik_server
from koperasi_merah_putih.pelatihan import layanan
from tests.support.data import (
	anggota_peminjam,
	angsuran,
	buat_anggota,
	buat_pelatihan,
	draf_jasa,
	jual_tunai,
	pengajuan_pinjaman,
	pinjaman_cair,
	shu_dibagi,
	transaksi_simpanan,
	unit_gerai,
)

PERAN = ("kasir", "pengurus")
# what Frappe keeps to itself on every record (not the app's fields)
BUKAN_ISI = {"name", "owner", "creation", "modified", "modified_by", "docstatus", "idx", "amended_from"}
BARIS_BUKAN_ISI = {"parent", "parentfield", "parenttype", "doctype", "currency"}


def doctype_app() -> list[str]:
	return sorted(
		d
		for d in frappe.get_all("DocType", filters={"istable": 0}, pluck="name")
		if doctype_aplikasi(d) and kolom_milik_server(d)
	)


def _coba(buat):
	"""Make one sample record; a factory that cannot run here leaves its DocType to the records
	already on the test site (and the test fails for a DocType with none)."""
	frappe.db.savepoint("contoh")
	try:
		buat()
	except Exception:
		frappe.db.rollback(save_point="contoh")


@pytest.fixture(scope="module")
def contoh(koperasi, users):
	"""Records (draft or plain, and submitted) of each DocType, made through the factories."""
	frappe.set_user("Administrator")
	company = koperasi["company"]
	a = anggota_peminjam()
	transaksi_simpanan(a, "Simpanan Sukarela", 50_000, posting_date=today(), submit=False)

	def berjangka():
		sb = frappe.get_doc(
			{
				"doctype": "Simpanan Berjangka",
				"anggota": a.name,
				"jenis_simpanan": "Simpanan Berjangka",
				"posting_date": add_months(today(), -4),
				"jumlah": 1_000_000,
				"tenor_bulan": 3,
				"mode_of_payment": "Cash",
			}
		).insert()
		sb.submit()
		frappe.get_doc(
			{
				"doctype": "Pencairan Simpanan Berjangka",
				"simpanan_berjangka": sb.name,
				"posting_date": today(),
				"tindakan": "Cairkan",
			}
		).insert()

	_coba(berjangka)
	_coba(lambda: pengajuan_pinjaman(anggota_peminjam(), jumlah=1_000_000, tenor=3))
	p = pinjaman_cair(anggota=a, jumlah=1_000_000, tenor=3, posting_date=add_days(today(), -10))
	_coba(lambda: angsuran(p, 100_000, today(), submit=False))
	_coba(lambda: angsuran(p, 100_000, today()))
	_coba(
		lambda: frappe.get_doc(
			{"doctype": "Hapus Buku Pinjaman", "pinjaman": p.name, "posting_date": today(), "alasan": "Uji"}
		).insert()
	)
	_coba(
		lambda: frappe.get_doc(
			{
				"doctype": "Restrukturisasi Pinjaman",
				"pinjaman": p.name,
				"tanggal": today(),
				"alasan": "Uji",
				"tenor_baru": 6,
				"tanggal_angsuran_pertama": add_months(today(), 1),
			}
		).insert()
	)
	_coba(
		lambda: frappe.get_doc(
			{"doctype": "Penyisihan Piutang Pinjaman", "company": company, "posting_date": today()}
		).insert()
	)

	def keluar():
		k = buat_anggota("Aktif")
		transaksi_simpanan(k, "Simpanan Sukarela", 20_000, posting_date=today())
		k.keluar("Pindah domisili")

	_coba(keluar)
	from koperasi_merah_putih.simpanan import tagihan

	_coba(lambda: tagihan.buat_tagihan_bulanan(company=company))

	_coba(lambda: draf_jasa(company, add_months(today(), -1)[:7]))

	def pelatihan():
		plt = buat_pelatihan(company, sesi=[today()])
		r = layanan.daftar(plt.name, anggota=a.name)
		layanan.hadir(plt.name, plt.sesi[0].name, r.name)

	_coba(pelatihan)

	shu = shu_dibagi()  # a closed and shared year (commits itself)

	def dana_dan_bayar():
		frappe.get_doc(
			{
				"doctype": "Penggunaan Dana SHU",
				"company": shu["company"],
				"dana": "Dana Pendidikan",
				"jumlah": 1_000,
				"mode_of_payment": "Cash",
				"keterangan": "Uji",
			}
		).insert()
		frappe.get_doc(
			{
				"doctype": "Pembayaran SHU",
				"pembagian_shu": shu["pembagian"],
				"cakupan": "Semua yang Belum Dibayar",
				"cara": "Tunai",
			}
		).insert()

	_coba(dana_dan_bayar)

	def titip_jual():
		from koperasi_merah_putih.unit_usaha.doctype.produk_anggota.produk_anggota import terbitkan
		from koperasi_merah_putih.unit_usaha.titip import terima_titipan

		unit = unit_gerai(company)
		penjual = buat_anggota("Aktif", nama_usaha="Usaha Uji")
		produk = frappe.get_doc(
			{
				"doctype": "Produk Anggota",
				"anggota": penjual.name,
				"nama_produk": "Produk Uji",
				"harga": 10_000,
				"titip_jual": 1,
				"unit_usaha": unit.name,
			}
		).insert()
		terbitkan(produk.name)
		produk.reload()
		terima_titipan(produk.name, 5)
		jual_tunai(unit, "Umum", [(produk.item, 2)])
		baru = {
			"doctype": "Penyelesaian Titip Jual",
			"anggota": penjual.name,
			"unit_usaha": unit.name,
			"dari_tanggal": add_months(today(), -1),
			"sampai_tanggal": today(),
		}
		frappe.get_doc(baru).insert().submit()
		jual_tunai(unit, "Umum", [(produk.item, 1)])
		frappe.get_doc(baru).insert()

	_coba(titip_jual)
	frappe.db.commit()
	return {"company": company, "anggota": a}


def rekaman(doctype: str) -> dict[str, str]:
	"""Names of a draft/plain record and of a submitted one of `doctype` (what exists)."""
	if frappe.get_meta(doctype).issingle:
		return {"simpan": doctype}
	hasil = {}
	for kasus, docstatus in (("simpan", 0), ("setelah_submit", 1)):
		name = frappe.db.get_value(doctype, {"docstatus": docstatus}, "name", order_by="creation desc")
		if name:
			hasil[kasus] = name
	return hasil


def palsu(df, sekarang, *hindari):
	"""A value a forger would send instead of `sekarang`, unlike every value in `hindari` too (the
	default of a new record, what the server would set itself); None when there is none to try."""
	ft = df.fieldtype
	lain = {str(v) for v in (sekarang, *hindari) if v not in (None, "")}
	if ft in table_fields:
		return [] if sekarang else [{}]
	if ft == "Check":
		# a value the server would set itself proves nothing: none left to try then
		return next((v for v in (1 - cint(sekarang), cint(sekarang)) if str(v) not in lain), None)
	if ft in ("Int", "Float", "Currency", "Percent"):
		return flt(sekarang) + 12345
	if ft == "Rating":
		return 0.2 if flt(sekarang) != 0.2 else 0.4
	if ft == "Select":
		pilihan = [o for o in (df.options or "").split("\n") if o and o not in lain]
		return pilihan[0] if pilihan else None
	if ft == "Link":
		nama = frappe.get_all(
			df.options, filters={"name": ("not in", list(lain) or [""])}, pluck="name", limit=1
		)
		return nama[0] if nama else None
	if ft == "Date":
		return "2020-02-02"
	if ft == "Datetime":
		return "2020-02-02 02:02:02"
	if ft in ("Data", "Small Text", "Text", "Long Text", "Text Editor", "Code", "Attach", "Attach Image"):
		return f"{sekarang or ''}PALSU"
	return None


def isi_klien(doc) -> dict:
	"""A record's fields that a client may send: the base of a forged insert."""
	milik = {df.fieldname for df in kolom_milik_server(doc.doctype)}
	data = {}
	for df in doc.meta.fields:
		if df.fieldtype in no_value_fields or df.fieldname in milik | BUKAN_ISI:
			continue
		if df.fieldtype in table_fields:
			data[df.fieldname] = [
				{k: v for k, v in row.as_dict().items() if k not in BUKAN_ISI | {"parent"}}
				for row in doc.get(df.fieldname)
			]
		elif doc.get(df.fieldname) is not None:
			data[df.fieldname] = doc.get(df.fieldname)
	return json.loads(frappe.as_json(data))


def disimpan(doctype, name, df):
	frappe.db.rollback()  # a fresh read of what the server committed
	doc = frappe.get_doc(doctype, name)
	if df.fieldtype in table_fields:
		return [row.name for row in doc.get(df.fieldname)]
	return doc.get(df.fieldname)


def jumlah_gl() -> tuple:
	frappe.db.rollback()
	return (
		frappe.db.count("GL Entry"),
		frappe.db.sql("select coalesce(sum(debit), 0) from `tabGL Entry`")[0][0],
	)


def pytest_generate_tests(metafunc):
	if "doctype" in metafunc.fixturenames:
		metafunc.parametrize("doctype", doctype_app())


@pytest.mark.parametrize("peran", PERAN)
def test_server_owned_fields_cannot_be_set_over_rest(as_user, contoh, peran, doctype):
	cases = rekaman(doctype)
	assert cases, f"No {doctype} record to try: add it to the `contoh` fixture's factories."
	client = as_user(peran)
	gl_awal = jumlah_gl()
	lolos = []
	for kasus, name in cases.items():
		doc = frappe.get_doc(doctype, name)
		for df in kolom_milik_server(doctype):
			nilai = palsu(df, doc.get(df.fieldname))
			if nilai is None:
				continue
			sebelum = disimpan(doctype, name, df)
			r = client.put(f"/api/resource/{quote(doctype)}/{quote(name)}", json={df.fieldname: nilai})
			if disimpan(doctype, name, df) != sebelum:
				lolos.append(f"{kasus} {name}.{df.fieldname} = {nilai!r} (HTTP {r.status_code})")
	if not frappe.get_meta(doctype).issingle:
		contoh_doc = frappe.get_doc(doctype, next(iter(cases.values())))
		dasar = isi_klien(contoh_doc)
		baru_kosong = frappe.new_doc(doctype)
		for df in kolom_milik_server(doctype):
			nilai = palsu(df, None, baru_kosong.get(df.fieldname), contoh_doc.get(df.fieldname))
			if nilai is None:
				continue
			ada = frappe.db.count(doctype)
			r = client.post(f"/api/resource/{quote(doctype)}", json={**dasar, df.fieldname: nilai})
			frappe.db.rollback()
			if r.status_code == 200:
				# accepted: the forged value must have been set back (a new record's server-owned
				# fields start at their defaults and the controller computes them)
				baru = r.json()["data"]
				if df.fieldtype in table_fields:
					kosong = [
						row
						for row in baru.get(df.fieldname) or []
						if not any(v for k, v in row.items() if k not in BUKAN_ISI | BARIS_BUKAN_ISI)
					]
					if kosong:
						lolos.append(f"insert {doctype}.{df.fieldname}: the forged row was kept")
				elif str(baru.get(df.fieldname)) == str(nilai):
					lolos.append(f"insert {doctype}.{df.fieldname} = {nilai!r}")
				frappe.delete_doc(doctype, baru["name"], force=True, ignore_permissions=True)
				frappe.db.commit()
			elif frappe.db.count(doctype) != ada:
				lolos.append(f"insert {doctype}.{df.fieldname}: refused but a record was left")
	assert not lolos, "\n".join(lolos)
	assert jumlah_gl() == gl_awal, "the ledger moved"
