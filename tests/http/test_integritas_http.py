"""The server owns money, state and approvals: the attacks a hostile cashier, member and guest
tried over plain REST, each refused with an Indonesian message, the ledger and the files as
they were."""

import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import frappe
from frappe.utils import add_days, add_months, today

from tests.http.conftest import Client
from tests.support.data import (
	PNG_1PX,
	anggota_dengan_login,
	anggota_peminjam,
	buat_anggota,
	data_anggota,
	draf_jasa,
	pengajuan_pinjaman,
	pinjaman_cair,
	transaksi_simpanan,
)

DAFTAR = "/api/method/koperasi_merah_putih.keanggotaan.portal.daftar"


def gl(voucher_type=None, voucher_no=None) -> tuple:
	frappe.db.rollback()  # read what the server committed
	filters = {"is_cancelled": 0}
	if voucher_no:
		filters.update(voucher_type=voucher_type, voucher_no=voucher_no)
	rows = frappe.get_all("GL Entry", filters=filters, fields=["sum(debit) as d", "count(name) as n"])
	return (rows[0].n, rows[0].d)


def ditolak(r, *kata):
	assert r.status_code in (403, 417), (r.status_code, r.text[:400])
	for k in kata:
		assert k in r.text, r.text[:600]


def test_kasir_cannot_close_a_loan_or_delete_its_schedule(as_user, koperasi):
	p = pinjaman_cair(jumlah=1_000_000, tenor=3, posting_date=add_days(today(), -10))
	frappe.db.commit()
	kasir = as_user("kasir")
	sebelum = gl()
	url = f"/api/resource/Pinjaman/{quote(p.name)}"
	ditolak(kasir.put(url, json={"status": "Lunas", "sisa_pokok": 0}), "diisi oleh sistem")
	ditolak(kasir.put(url, json={"jadwal": [p.jadwal[0].as_dict()]}), "diisi oleh sistem")
	p.reload()
	assert (p.status, p.sisa_pokok, len(p.jadwal)) == ("Aktif", 1_000_000, 3)
	assert gl() == sebelum


def test_a_cancel_acts_on_the_record_as_stored_and_records_are_not_renamed(as_user, koperasi):
	p = pinjaman_cair(jumlah=1_000_000, tenor=3, posting_date=add_days(today(), -10))
	lain = pinjaman_cair(jumlah=1_000_000, tenor=3, posting_date=add_days(today(), -10))
	bayar = frappe.get_doc(
		{
			"doctype": "Angsuran Pinjaman",
			"pinjaman": p.name,
			"jumlah": 100_000,
			"posting_date": today(),
			"mode_of_payment": "Cash",
		}
	).insert()
	bayar.submit()
	frappe.db.commit()
	pengurus = as_user("pengurus")
	sebelum = gl()
	# the cancel names another loan: its schedule must not be "unpaid" by this repayment
	r = pengurus.put(
		f"/api/resource/Angsuran Pinjaman/{quote(bayar.name)}", json={"docstatus": 2, "pinjaman": lain.name}
	)
	ditolak(r, "dibatalkan sebagaimana disimpan")
	assert frappe.db.get_value("Angsuran Pinjaman", bayar.name, "docstatus") == 1
	assert gl() == sebelum
	# Frappe's whitelisted rename with its checks switched off
	r = as_user("kasir").post(
		"/api/method/run_doc_method",
		data={
			"dt": "Pinjaman",
			"dn": p.name,
			"method": "rename",
			"args": '{"name": "PINJ-PALSU", "validate_rename": 0}',
		},
	)
	ditolak(r)
	assert frappe.db.exists("Pinjaman", p.name) and not frappe.db.exists("Pinjaman", "PINJ-PALSU")


def test_kasir_cannot_reopen_a_paid_placement_nor_pay_it_twice_nor_set_its_rate(as_user, koperasi):
	a = anggota_peminjam()
	frappe.db.commit()
	kasir = as_user("kasir")
	dasar = {
		"anggota": a.name,
		"jenis_simpanan": "Simpanan Berjangka",
		"posting_date": today(),
		"jumlah": 1_000_000,
		"tenor_bulan": 3,
		"mode_of_payment": "Cash",
	}
	# 500% a year: a special rate only the Pengurus may give, within the product's bounds
	ditolak(kasir.post("/api/resource/Simpanan Berjangka", json={**dasar, "tarif_jasa": 500}), "Tarif")
	# forty days back: beyond the backdating window a Kasir has
	ditolak(
		kasir.post(
			"/api/resource/Simpanan Berjangka", json={**dasar, "posting_date": add_days(today(), -40)}
		),
		"Pengurus",
	)
	sb = frappe.get_doc(
		{**dasar, "doctype": "Simpanan Berjangka", "posting_date": add_months(today(), -4)}
	).insert()
	sb.submit()
	cair = frappe.get_doc(
		{
			"doctype": "Pencairan Simpanan Berjangka",
			"simpanan_berjangka": sb.name,
			"posting_date": today(),
			"tindakan": "Cairkan",
		}
	).insert()
	cair.submit()
	frappe.db.commit()
	sebelum = gl()
	url = f"/api/resource/Simpanan Berjangka/{quote(sb.name)}"
	ditolak(kasir.put(url, json={"status": "Aktif", "pencairan": None}), "diisi oleh sistem")
	r = kasir.post(
		"/api/resource/Pencairan Simpanan Berjangka",
		json={"simpanan_berjangka": sb.name, "posting_date": today(), "tindakan": "Cairkan", "docstatus": 1},
	)
	ditolak(r)
	assert frappe.db.get_value("Simpanan Berjangka", sb.name, "status") == "Dicairkan"
	assert gl() == sebelum


def test_a_backdated_settlement_owes_what_fell_due_since(as_user, koperasi):
	from koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman import hitung_tagihan

	p = pinjaman_cair(jumlah=1_200_000, tenor=6, posting_date=add_months(today(), -4))
	frappe.db.commit()
	lalu = add_days(today(), -40)
	payoff_lalu = hitung_tagihan(p, frappe.utils.getdate(lalu), True)["pelunasan"]
	payoff_kini = hitung_tagihan(p, frappe.utils.getdate(today()), True)["pelunasan"]
	assert payoff_kini > payoff_lalu  # denda and jasa fell due since
	data = {
		"pinjaman": p.name,
		"jenis": "Pelunasan",
		"jumlah": payoff_lalu,
		"posting_date": lalu,
		"mode_of_payment": "Cash",
		"docstatus": 1,
	}
	sebelum = gl()
	# a Kasir may not date it 40 days back at all
	ditolak(as_user("kasir").post("/api/resource/Angsuran Pinjaman", json=data), "Pengurus")
	# the Pengurus may, but the settlement is what it takes on the day it is entered
	ditolak(as_user("pengurus").post("/api/resource/Angsuran Pinjaman", json=data))
	assert gl() == sebelum
	assert frappe.db.get_value("Pinjaman", p.name, "status") == "Aktif"


def test_applications_are_decided_only_by_their_methods(as_user, koperasi):
	a = anggota_peminjam()
	frappe.db.commit()
	kasir = as_user("kasir")
	r = kasir.post(
		"/api/resource/Pengajuan Pinjaman",
		json={
			"anggota": a.name,
			"produk": "Pinjaman Anggota",
			"jumlah": 9_000_000,
			"tenor": 6,
			"nama_penjamin": "Siti Penjamin",
			"nik_penjamin": data_anggota()["nik"],
			"hubungan_penjamin": "Suami/Istri",
			"hp_penjamin": "081298765432",
			"status": "Disetujui",
			"diputuskan_oleh": "Administrator",
		},
	)
	# a new record's server-owned fields start at their defaults: it is an application waiting
	if r.status_code == 200:
		baru = r.json()["data"]
		assert (baru["status"], baru.get("diputuskan_oleh")) == ("Diajukan", None), baru
		frappe.db.rollback()
		frappe.delete_doc("Pengajuan Pinjaman", baru["name"], force=True)
		frappe.db.commit()
	else:
		ditolak(r)
	pending = pengajuan_pinjaman(anggota_peminjam(), jumlah=1_000_000, tenor=3, sumber="Portal")
	frappe.db.commit()
	r = kasir.put(f"/api/resource/Pengajuan Pinjaman/{quote(pending.name)}", json={"status": "Disetujui"})
	ditolak(r)
	assert frappe.db.get_value("Pengajuan Pinjaman", pending.name, "status") == "Diajukan"
	# and a loan is disbursed only from an application decided through setujui
	r = kasir.post(
		"/api/resource/Pinjaman",
		json={"pengajuan": pending.name, "posting_date": today(), "mode_of_payment": "Cash", "docstatus": 1},
	)
	ditolak(r)


def test_a_member_cannot_claim_another_members_private_file(as_member, koperasi):
	from koperasi_merah_putih.keanggotaan.portal import simpan_foto_ktp

	a = anggota_dengan_login(nama_lengkap="Anggota Pemilik KTP")
	b = anggota_dengan_login(nama_lengkap="Anggota Pencuri KTP")
	# bytes of its own (Frappe gives identical content the URL of the first file that had it)
	url = simpan_foto_ktp(a, PNG_1PX + frappe.generate_hash().encode(), "png")
	frappe.db.commit()
	assert f"ktp-{frappe.scrub(a.name)}" not in url  # a name nobody can guess
	client = as_member(b)
	r = client.post("/api/method/upload_file", data={"file_url": url, "is_private": 1})
	ditolak(r)
	r = client.get(url, headers={"Accept": "text/html"})
	assert r.status_code in (403, 404) or PNG_1PX not in r.content
	frappe.db.rollback()
	assert not frappe.db.exists("File", {"file_url": url, "owner": b.user})


def test_the_rate_limit_counts_the_real_client_not_a_header(guest, koperasi):
	frappe.db.set_single_value("Pengaturan Koperasi", "batas_pendaftaran_per_jam", 3)
	frappe.db.commit()
	frappe.cache.delete_keys("rl:koperasi_merah_putih.keanggotaan.portal.daftar")
	try:
		codes = []
		for i in range(5):
			r = guest.post(DAFTAR, data={"nama_lengkap": "X"}, headers={"X-Forwarded-For": f"10.9.8.{i}"})
			codes.append(r.status_code)
		assert 429 in codes, codes
	finally:
		frappe.db.set_single_value("Pengaturan Koperasi", "batas_pendaftaran_per_jam", 10)
		frappe.db.commit()
		frappe.cache.delete_keys("rl:koperasi_merah_putih.keanggotaan.portal.daftar")


def test_errors_reach_guests_without_a_traceback_and_pages_carry_security_headers(guest, koperasi):
	frappe.cache.delete_keys("rl:koperasi_merah_putih.keanggotaan.portal.daftar")
	r = guest.post(DAFTAR, data={"nama_lengkap": "Tanpa NIK"})
	assert r.status_code == 417
	assert "Traceback" not in r.text and 'File "' not in r.text
	r = guest.get("/api/method/koperasi_merah_putih.tidak.ada")
	assert "Traceback" not in r.text
	r = guest.get("/daftar", headers={"Accept": "text/html"})
	assert r.headers["X-Content-Type-Options"] == "nosniff"
	assert r.headers["X-Frame-Options"] == "SAMEORIGIN"
	assert "object-src 'none'" in r.headers["Content-Security-Policy"]
	assert "frame-ancestors 'self'" in r.headers["Content-Security-Policy"]


def test_member_posts_without_the_csrf_token_are_refused(koperasi):
	a = anggota_dengan_login(nama_lengkap="Anggota Tanpa Token")
	c = Client().login(a.user)
	token = c.headers.pop("X-Frappe-CSRF-Token")
	data = {"produk": "Pinjaman Anggota", "jumlah": 1_000_000, "tenor": 3}
	# what a forged page on another site would send with the member's cookie: no token
	r = c.post("/api/method/koperasi_merah_putih.pinjaman.portal.pratinjau", data=data)
	assert r.status_code in (400, 403), r.text[:300]
	r = c.post(
		"/api/method/koperasi_merah_putih.pinjaman.portal.pratinjau",
		data=data,
		headers={"X-Frappe-CSRF-Token": token},
	)
	assert r.status_code == 200, r.text[:300]


def test_two_submits_of_the_months_jasa_at_once_post_once(users, koperasi):
	company = koperasi["company"]
	periode = add_months(today(), -1)[:7]
	ada = frappe.db.get_value(
		"Jasa Simpanan",
		{"company": company, "jenis_simpanan": "Simpanan Sukarela", "periode": periode, "docstatus": 1},
	)
	if ada:  # an earlier run posted this month already: cancel it for this test
		frappe.get_doc("Jasa Simpanan", ada).cancel()
	a = buat_anggota("Aktif")
	transaksi_simpanan(a, "Simpanan Sukarela", 5_000_000, posting_date=add_months(today(), -2))
	drafts = []
	for _ in range(2):
		drafts.append(draf_jasa(company, periode).name)
	frappe.db.commit()
	clients = [Client().login(users["pengurus"]) for _ in range(4)]
	start = threading.Barrier(len(clients))

	docs = {name: frappe.get_doc("Jasa Simpanan", name).as_dict(convert_dates_to_str=True) for name in drafts}

	def submit(args):
		client, doc = args
		start.wait()
		return client.post("/api/method/frappe.client.submit", json={"doc": doc})

	work = [(c, docs[drafts[i % 2]]) for i, c in enumerate(clients)]
	with ThreadPoolExecutor(len(work)) as pool:
		responses = list(pool.map(submit, work))
	frappe.db.rollback()
	posted = frappe.get_all(
		"Jasa Simpanan",
		filters={
			"company": company,
			"jenis_simpanan": "Simpanan Sukarela",
			"periode": periode,
			"docstatus": 1,
		},
		pluck="name",
	)
	assert len(posted) == 1, [(r.status_code, r.text[:200]) for r in responses]
	vouchers = frappe.get_all(
		"GL Entry",
		filters={"voucher_type": "Jasa Simpanan", "voucher_no": ("in", drafts), "is_cancelled": 0},
		pluck="voucher_no",
	)
	assert set(vouchers) <= set(posted)
