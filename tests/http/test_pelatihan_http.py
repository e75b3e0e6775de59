"""Trainings over HTTP: 20 members signing up at the same instant for 10 seats get exactly 10
seats and 10 places on the waiting list; the public certificate check shows only the name, the
training and the date; a member reaches only their own registrations and certificate."""

import random
import threading
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import frappe
import pytest
from frappe.utils import add_days, today

from koperasi_merah_putih.pelatihan import layanan
from tests.http.conftest import Client
from tests.support.data import anggota_dengan_login, buat_pelatihan

DAFTAR = "/api/method/koperasi_merah_putih.pelatihan.portal.daftar_saya"
SERTIFIKAT = "/api/method/koperasi_merah_putih.pelatihan.portal.unduh_sertifikat"
KURSI, PEMINAT = 10, 20


def test_twenty_simultaneous_sign_ups_for_ten_seats(koperasi):
	frappe.set_user("Administrator")
	plt = buat_pelatihan(koperasi["company"], kuota=KURSI)
	members = [anggota_dengan_login() for _ in range(PEMINAT)]
	frappe.db.commit()
	clients = []
	for m in members:
		clients.append(Client().login(m.user))
	start = threading.Barrier(PEMINAT)

	def daftar(client):
		start.wait()
		return client.post(DAFTAR, data={"pelatihan": plt.name})

	with ThreadPoolExecutor(PEMINAT) as pool:
		responses = list(pool.map(daftar, clients))
	assert [r.status_code for r in responses] == [200] * PEMINAT, [
		r.text[:200] for r in responses if r.status_code != 200
	]
	statuses = sorted(r.json()["message"]["status"] for r in responses)
	assert statuses == ["Daftar Tunggu"] * (PEMINAT - KURSI) + ["Terdaftar"] * KURSI
	frappe.db.rollback()
	assert frappe.db.count("Pendaftaran Pelatihan", {"pelatihan": plt.name, "status": "Terdaftar"}) == KURSI
	assert (
		frappe.db.count("Pendaftaran Pelatihan", {"pelatihan": plt.name, "status": "Daftar Tunggu"})
		== PEMINAT - KURSI
	)
	# the same member again: refused, nothing added
	r = clients[0].post(DAFTAR, data={"pelatihan": plt.name})
	assert r.status_code == 417 and "Sudah terdaftar" in r.text
	assert frappe.db.count("Pendaftaran Pelatihan", {"pelatihan": plt.name}) == PEMINAT


@pytest.fixture(scope="module")
def lulusan(koperasi):
	frappe.set_user("Administrator")
	a = anggota_dengan_login(nama_lengkap="Peserta Alfa Pelatihan")
	b = anggota_dengan_login(nama_lengkap="Peserta Bravo Rahasia", kelurahan="Kelurahan Rahasia")
	modul = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"modul-{random.randint(1000, 9999)}.pdf",
			"content": b"%PDF-1.4 modul",
			"is_private": 0,
		}
	).insert()
	plt = buat_pelatihan(
		koperasi["company"],
		sesi=[today()],
		judul=f"Manajemen Usaha Mikro {random.randint(100, 999)}",
		materi=[{"judul": "Modul Manajemen Usaha", "berkas": modul.file_url}],
	)
	ra, rb = layanan.daftar(plt.name, anggota=a.name), layanan.daftar(plt.name, anggota=b.name)
	for r in (ra, rb):
		layanan.hadir(plt.name, plt.sesi[0].name, r.name)
	layanan.tetapkan_kelulusan(plt.name)
	belum = buat_pelatihan(
		koperasi["company"], sesi=[add_days(today(), 3)], judul="Pelatihan Digital Lanjutan"
	)
	rb2 = layanan.daftar(belum.name, anggota=b.name)
	frappe.db.commit()
	ra.reload()
	rb.reload()
	return {"a": a, "b": b, "plt": plt, "ra": ra, "rb": rb, "rb2": rb2}


def test_certificate_check_shows_only_name_training_and_date(guest, lulusan):
	rb, b = lulusan["rb"], lulusan["b"]
	r = guest.get(f"/sertifikat?kode={quote(rb.kode_verifikasi)}", headers={"Accept": "text/html"})
	assert r.status_code == 200
	assert 'id="sertifikat-sah"' in r.text
	assert b.nama_lengkap in r.text and lulusan["plt"].judul in r.text
	for private in (b.nomor_hp, b.nik, b.email, "Kelurahan Rahasia", b.nomor_anggota, rb.name, b.name):
		assert private not in r.text, private
	r = guest.get("/sertifikat?kode=" + "x" * 20, headers={"Accept": "text/html"})
	assert 'id="sertifikat-tidak-sah"' in r.text
	# the serial certificate number no longer verifies anything: numbers cannot be enumerated
	for query in (f"nomor={quote(rb.nomor_sertifikat)}", f"kode={quote(rb.nomor_sertifikat)}"):
		r = guest.get(f"/sertifikat?{query}", headers={"Accept": "text/html"})
		assert 'id="sertifikat-sah"' not in r.text, query


def test_certificate_check_escapes_what_it_is_sent(guest):
	payload = '"><script>alert(1)</script>'
	r = guest.get(f"/sertifikat?kode={quote(payload)}", headers={"Accept": "text/html"})
	assert r.status_code == 200
	assert "<script>alert(1)</script>" not in r.text
	assert "&lt;script&gt;" in r.text


def test_member_sees_own_registrations_and_certificate_only(as_member, lulusan):
	a, b = lulusan["a"], lulusan["b"]
	client = as_member(a)
	r = client.get("/pelatihan", headers={"Accept": "text/html"})
	assert r.status_code == 200
	assert lulusan["ra"].name in r.text and lulusan["rb"].name not in r.text and b.nama_lengkap not in r.text
	assert "Modul Manajemen Usaha" in r.text  # the materials, for participants
	r = client.get(f"{SERTIFIKAT}?pendaftaran={lulusan['ra'].name}")
	assert r.status_code == 200 and r.content.startswith(b"%PDF")
	for method, url, data in [
		("GET", f"{SERTIFIKAT}?pendaftaran={lulusan['rb'].name}", None),
		(
			"POST",
			"/api/method/koperasi_merah_putih.pelatihan.portal.batal_saya",
			{"pendaftaran": lulusan["rb2"].name},
		),
		(
			"POST",
			"/api/method/koperasi_merah_putih.pelatihan.portal.umpan_balik",
			{
				"pendaftaran": lulusan["rb"].name,
				"nilai_keseluruhan": 1,
				"nilai_materi": 1,
				"nilai_pelatih": 1,
			},
		),
		("GET", f"/api/resource/Pendaftaran Pelatihan/{lulusan['rb'].name}", None),
		("GET", '/api/resource/Pendaftaran Pelatihan?fields=["*"]', None),
		(
			"GET",
			f"/printview?doctype=Pendaftaran%20Pelatihan&name={lulusan['rb'].name}&format=Sertifikat%20Pelatihan",
			None,
		),
		(
			"POST",
			"/api/method/koperasi_merah_putih.pelatihan.absensi.catat_hadir",
			{
				"pelatihan": lulusan["plt"].name,
				"sesi": lulusan["plt"].sesi[0].name,
				"kode": lulusan["ra"].name,
			},
		),
	]:
		r = client.request(
			method,
			url,
			data=data,
			headers={"Accept": "application/json" if url.startswith("/api") else "text/html"},
		)
		assert b.nama_lengkap not in r.text, url
		if url.startswith("/api"):
			assert r.status_code in (403, 404, 417), (url, r.status_code)
	frappe.db.rollback()
	assert frappe.db.get_value("Pendaftaran Pelatihan", lulusan["rb2"].name, "status") == "Terdaftar"


def test_public_sign_up_only_for_outreach(guest, koperasi):
	frappe.set_user("Administrator")
	umum = buat_pelatihan(koperasi["company"], peserta="Umum", topik="Sosialisasi")
	anggota_saja = buat_pelatihan(koperasi["company"])
	frappe.db.commit()
	frappe.cache.delete_keys("rl:koperasi_merah_putih.pelatihan.portal.daftar_umum")
	url = "/api/method/koperasi_merah_putih.pelatihan.portal.daftar_umum"
	data = {
		"nama": "Warga Umum",
		"nomor_hp": f"0812{random.randint(10000000, 99999999)}",
		"kelurahan": "Sukamaju",
	}
	r = guest.post(url, data={"pelatihan": umum.name, **data})
	assert r.status_code == 200 and r.json()["message"]["status"] == "Terdaftar"
	r = guest.post(url, data={"pelatihan": anggota_saja.name, **data})
	assert r.status_code == 417 and "hanya untuk Anggota" in r.text
	r = guest.get("/pelatihan", headers={"Accept": "text/html"})
	assert umum.judul in r.text and anggota_saja.judul not in r.text
