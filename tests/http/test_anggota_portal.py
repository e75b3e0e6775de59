"""The member portal over HTTP: a guest applies on /daftar; a member sees only their own record.

Member A tries every route a curious member could use to read member B; each must refuse, and B's
name must not appear in any answer.
"""

import json
from urllib.parse import quote

import frappe
import pytest

from tests.support.data import PNG_1PX, anggota_dengan_login, data_anggota

DAFTAR = "/api/method/koperasi_merah_putih.keanggotaan.portal.daftar"


def _form(values: dict) -> dict:
	return {k: str(v) for k, v in values.items() if k != "doctype" and v is not None}


def _reset_rate_limit():
	frappe.cache.delete_keys("rl:koperasi_merah_putih.keanggotaan.portal.daftar")


@pytest.fixture(scope="module")
def members(koperasi):
	a = anggota_dengan_login(nama_lengkap="Anggota Alfa Portal")
	b = anggota_dengan_login(nama_lengkap="Anggota Bravo Rahasia", nama_usaha="Warung Bravo")
	from koperasi_merah_putih.keanggotaan.portal import simpan_foto_ktp

	ktp_b = simpan_foto_ktp(b, PNG_1PX, "png")
	frappe.db.commit()
	return {"a": a, "b": b, "ktp_b": ktp_b}


def test_guest_sees_the_application_form(guest):
	r = guest.get("/daftar", headers={"Accept": "text/html"})
	assert r.status_code == 200
	for field in ('name="nik"', 'name="no_kk"', 'name="foto_ktp"', 'name="nomor_hp"'):
		assert field in r.text


def test_guest_applies_with_a_private_ktp_photo(guest, koperasi):
	_reset_rate_limit()
	values = data_anggota(tanggal_lahir="1990-05-15")
	values["nik"] = values["nik"][:4] + " " + values["nik"][4:]  # typed with a space
	r = guest.post(DAFTAR, data=_form(values), files={"foto_ktp": ("ktp.png", PNG_1PX, "image/png")})
	assert r.status_code == 200, r.text
	nomor = r.json()["message"]["nomor_pendaftaran"]
	frappe.db.rollback()  # see the server's commit
	doc = frappe.get_doc("Anggota", nomor)
	assert (doc.status, doc.sumber_pendaftaran, doc.nik) == (
		"Pendaftaran",
		"Portal",
		values["nik"].replace(" ", ""),
	)
	assert doc.foto_ktp.startswith("/private/files/")
	# the photo is not reachable by a guest
	r = guest.get(doc.foto_ktp, headers={"Accept": "text/html"})
	assert r.status_code in (403, 404) or PNG_1PX not in r.content


def test_guest_gets_clear_indonesian_refusals_and_nothing_is_saved(guest, members):
	_reset_rate_limit()
	before = frappe.db.count("Anggota")
	b = members["b"]
	dup = data_anggota(nik=b.nik, tanggal_lahir=str(b.tanggal_lahir), jenis_kelamin=b.jenis_kelamin)
	r = guest.post(DAFTAR, data=_form(dup))
	assert r.status_code == 417, r.text
	assert "sudah terdaftar" in r.text
	assert b.nama_lengkap not in r.text and b.name not in r.text and b.nomor_anggota not in r.text

	r = guest.post(DAFTAR, data=_form(data_anggota(tanggal_lahir="1990-05-15") | {"nik": "3201013205900001"}))
	assert r.status_code == 417 and "tanggal lahir yang tidak mungkin" in r.text
	r = guest.post(DAFTAR, data=_form(data_anggota(tanggal_lahir="1990-05-15") | {"nomor_hp": "12345"}))
	assert r.status_code == 417 and "Nomor HP" in r.text
	r = guest.post(DAFTAR, data=_form(data_anggota(nik="9901011505900001", tanggal_lahir="1990-05-15")))
	assert r.status_code == 417 and "bukan kode provinsi" in r.text
	r = guest.post(
		DAFTAR,
		data=_form(data_anggota(tanggal_lahir="1990-05-15")),
		files={"foto_ktp": ("ktp.exe", b"MZ\x90\x00not an image", "image/png")},
	)
	assert r.status_code == 417 and "JPG" in r.text
	frappe.db.rollback()
	assert frappe.db.count("Anggota") == before


def test_applications_are_rate_limited_per_ip(guest):
	_reset_rate_limit()
	frappe.db.set_single_value("Pengaturan Koperasi", "batas_pendaftaran_per_jam", 2)
	frappe.db.commit()
	try:
		codes = [guest.post(DAFTAR, data={"nama_lengkap": "Spam"}).status_code for _ in range(3)]
	finally:
		frappe.db.set_single_value("Pengaturan Koperasi", "batas_pendaftaran_per_jam", 20)
		frappe.db.commit()
		_reset_rate_limit()
	assert codes[:2] == [417, 417]  # refused on content, but counted
	assert codes[2] == 429


def test_member_sees_their_own_page_and_card(as_member, members):
	a, b = members["a"], members["b"]
	client = as_member(a)
	r = client.get("/anggota", headers={"Accept": "text/html"})
	assert r.status_code == 200
	assert a.nama_lengkap in r.text and a.nomor_anggota in r.text
	assert b.nama_lengkap not in r.text
	assert a.nik not in r.text  # masked even on their own page
	r = client.get(
		f"/api/method/frappe.utils.print_format.download_pdf?doctype=Anggota&name={quote(a.name)}"
		"&format=Kartu%20Anggota&no_letterhead=1"
	)
	assert r.status_code == 200, r.text[:500]
	assert r.content.startswith(b"%PDF")


def test_guest_is_sent_to_login_from_the_member_page(guest):
	r = guest.get("/anggota", headers={"Accept": "text/html"})
	if r.status_code in (301, 302, 303):
		assert "/login" in r.headers["Location"]
	else:  # Frappe may answer with the login page itself
		assert r.status_code == 200 and 'id="login_email"' in r.text
	assert "Kartu Anggota" not in r.text


ROUTES = [
	("GET", "/api/resource/Anggota/{b}", None),
	("GET", '/api/resource/Anggota?fields=["*"]', None),
	("GET", "/api/method/frappe.client.get?doctype=Anggota&name={b}", None),
	(
		"GET",
		'/api/method/frappe.client.get_value?doctype=Anggota&filters={b_filter}&fieldname=["nama_lengkap","nik"]',
		None,
	),
	(
		"POST",
		"/api/method/frappe.client.get_list",
		{"doctype": "Anggota", "fields": '["name","nama_lengkap","nik"]'},
	),
	(
		"POST",
		"/api/method/frappe.desk.reportview.get",
		{"doctype": "Anggota", "fields": '["`tabAnggota`.`nama_lengkap`"]'},
	),
	("POST", "/api/method/frappe.desk.reportview.get_count", {"doctype": "Anggota"}),
	("GET", "/api/method/frappe.desk.form.load.getdoc?doctype=Anggota&name={b}", None),
	("POST", "/api/method/frappe.desk.search.search_link", {"doctype": "Anggota", "txt": "Bravo"}),
	("POST", "/api/method/frappe.desk.query_report.run", {"report_name": "Daftar Anggota", "filters": "{}"}),
	("GET", "/printview?doctype=Anggota&name={b}&format=Kartu%20Anggota", None),
	(
		"GET",
		"/api/method/frappe.utils.print_format.download_pdf?doctype=Anggota&name={b}&format=Kartu%20Anggota",
		None,
	),
	("GET", "/app/anggota/{b}", None),
	("GET", "/api/resource/Customer/{b_customer}", None),
	("GET", "/api/resource/Contact/{b_contact}", None),
	("GET", "{ktp_b}", None),
	(
		"GET",
		"/api/method/koperasi_merah_putih.keanggotaan.doctype.masa_jabatan.masa_jabatan.pemegang_jabatan",
		None,
	),
]


@pytest.mark.parametrize(
	"method, route, data",
	ROUTES,
	ids=[
		r[1].split("?")[0] + ("" if not r[2] else ":" + r[2].get("doctype", r[2].get("report_name", "")))
		for r in ROUTES
	],
)
def test_member_a_cannot_read_member_b(as_member, members, method, route, data):
	a, b = members["a"], members["b"]
	client = as_member(a)
	url = route.format(
		b=quote(b.name),
		b_filter=quote(json.dumps({"name": b.name})),
		b_customer=quote(b.customer),
		b_contact=quote(b.contact),
		ktp_b=members["ktp_b"],
	)
	r = client.request(
		method,
		url,
		data=data,
		headers={"Accept": "application/json" if url.startswith("/api") else "text/html"},
	)
	# what A typed into the URL may be echoed in the refusal; nothing else of B's may appear
	secrets = [s for s in (b.nama_lengkap, b.nik, "Warung Bravo", "Bravo Rahasia") if quote(s) not in url]
	leaked = [s for s in secrets if s in r.text]
	assert not leaked, f"{url} answered {r.status_code} with {leaked}"
	if url.startswith("/api"):
		assert r.status_code in (403, 404, 417), f"{url} answered {r.status_code}"
