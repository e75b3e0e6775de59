"""Loans over HTTP: a member applies on the portal and follows their own loans; member A reaches
nothing of member B's applications or loans through any route; maker-checker holds at the
server (the clerk who entered an application cannot approve it; the Pengawas can read, not act)."""

import json
from urllib.parse import quote

import frappe
import pytest

from tests.support.data import (
	anggota_peminjam,
	nik_baru,
	pengajuan_pinjaman,
	pinjaman_cair,
)

PORTAL = "/api/method/koperasi_merah_putih.pinjaman.portal."
PP = "/api/method/koperasi_merah_putih.pinjaman.doctype.pengajuan_pinjaman.pengajuan_pinjaman."


@pytest.fixture(scope="module")
def pinjaman(koperasi, users):
	frappe.set_user("Administrator")
	a = anggota_peminjam(login=True, nama_lengkap="Peminjam Alfa Portal")
	b = anggota_peminjam(login=True, nama_lengkap="Peminjam Bravo Rahasia")
	pa = pinjaman_cair(a, jumlah=3_000_000, tenor=6, posting_date="2026-01-05")
	pb = pinjaman_cair(b, jumlah=4_321_000, tenor=6, posting_date="2026-01-05")
	ajuan_b = pengajuan_pinjaman(b, jumlah=1_000_000, tenor=3)
	frappe.db.commit()
	return {"a": a, "b": b, "pa": pa, "pb": pb, "ajuan_b": ajuan_b}


def test_guest_is_sent_to_login(guest):
	r = guest.get("/pinjaman", headers={"Accept": "text/html"})
	if r.status_code in (301, 302, 303):
		assert "/login" in r.headers["Location"]
	else:
		assert r.status_code == 200 and 'id="login_email"' in r.text
	assert (
		guest.post(
			PORTAL + "pratinjau", data={"produk": "Pinjaman Anggota", "jumlah": 1, "tenor": 3}
		).status_code
		== 403
	)
	assert guest.get(PORTAL + "unduh?pinjaman=x").status_code in (403, 404)


def test_member_sees_own_loan_schedule_and_downloads_the_agreement(as_member, pinjaman):
	client = as_member(pinjaman["a"])
	r = client.get("/pinjaman", headers={"Accept": "text/html"})
	assert r.status_code == 200, r.text[:500]
	assert pinjaman["pa"].name in r.text
	assert r.text.count('class="baris-jadwal"') == 6
	assert "545.000" in r.text  # the first instalment: 500,000 + 45,000
	for secret in ("Peminjam Bravo Rahasia", pinjaman["pb"].name, "4.321.000"):
		assert secret not in r.text
	r = client.get(PORTAL + f"unduh?pinjaman={quote(pinjaman['pa'].name)}")
	assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_member_applies_with_simulation_and_bad_input_is_refused(as_member, pinjaman):
	client = as_member(pinjaman["a"])
	r = client.post(
		PORTAL + "pratinjau", data={"produk": "Pinjaman Anggota", "jumlah": 2_000_000, "tenor": 4}
	)
	assert r.status_code == 200, r.text
	sim = r.json()["message"]
	assert sum(a["pokok"] for a in sim["jadwal"]) == 2_000_000 and sim["suku_efektif_tahunan"] > 18
	data = {
		"produk": "Pinjaman Anggota",
		"jumlah": 2_000_000,
		"tenor": 4,
		"tujuan": "Tambah modal",
		"nama_penjamin": "Budi Penjamin",
		"nik_penjamin": pinjaman["a"].nik,
		"hubungan_penjamin": "Saudara Kandung",
		"hp_penjamin": "081234567890",
	}
	r = client.post(PORTAL + "ajukan", data=data, headers={"Accept-Language": "id"})
	assert r.status_code == 417 and "selain pemohon" in r.text
	r = client.post(PORTAL + "ajukan", data={**data, "jumlah": 50_000_000})
	assert r.status_code == 417 and "Plafond" in r.text
	r = client.post(PORTAL + "ajukan", data={**data, "nik_penjamin": nik_baru()})
	assert r.status_code == 200, r.text
	nama = r.json()["message"]["name"]
	frappe.db.rollback()  # a fresh snapshot: the server committed it
	assert frappe.db.get_value("Pengajuan Pinjaman", nama, ["anggota", "sumber"]) == (
		pinjaman["a"].name,
		"Portal",
	)
	r = client.get("/pinjaman", headers={"Accept": "text/html"})
	assert nama in r.text
	r = client.post(PORTAL + "batalkan", data={"pengajuan": nama})
	assert r.status_code == 200 and r.json()["message"]["status"] == "Dibatalkan"


ROUTES = [
	("GET", PORTAL + "unduh?pinjaman={pb}", None),
	("POST", PORTAL + "batalkan", {"pengajuan": "{ajuan_b}"}),
	("POST", PP + "setujui", {"name": "{ajuan_b}"}),
	("GET", "/api/resource/Pinjaman/{pb}", None),
	("GET", '/api/resource/Pinjaman?fields=["*"]', None),
	("GET", '/api/resource/Pengajuan Pinjaman?fields=["*"]', None),
	("GET", '/api/resource/Angsuran Pinjaman?fields=["*"]', None),
	(
		"GET",
		"/api/method/koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman.tagihan_hari_ini?pinjaman={pb}",
		None,
	),
	(
		"POST",
		"/api/method/frappe.desk.query_report.run",
		{"report_name": "Outstanding Pinjaman", "filters": "{}"},
	),
	("GET", "/printview?doctype=Pinjaman&name={pb}&format=Perjanjian Pinjaman", None),
	("GET", "/api/method/frappe.utils.print_format.download_pdf?doctype=Pinjaman&name={pb}", None),
	("GET", "/pinjaman?anggota={b}", None),
]


@pytest.mark.parametrize(
	"method, route, data", ROUTES, ids=[r[1].split("?")[0] + str(i) for i, r in enumerate(ROUTES)]
)
def test_member_a_reaches_nothing_of_member_b(as_member, pinjaman, method, route, data):
	b = pinjaman["b"]
	client = as_member(pinjaman["a"])
	fill = {"b": quote(b.name), "pb": quote(pinjaman["pb"].name), "ajuan_b": pinjaman["ajuan_b"].name}

	def isi(teks: str) -> str:
		for k, v in fill.items():
			teks = teks.replace("{" + k + "}", v)
		return teks

	url = isi(route)
	if data:
		data = {k: isi(v) for k, v in data.items()}
	r = client.request(
		method,
		url,
		data=data,
		headers={"Accept": "application/json" if url.startswith("/api") else "text/html"},
	)
	leaked = [s for s in (b.nama_lengkap, "4.321.000", "4321000", "Bravo Rahasia") if s in r.text]
	assert not leaked, f"{url} answered {r.status_code} with {leaked}"
	if url.startswith("/api"):
		assert r.status_code in (403, 404, 417), f"{url} answered {r.status_code}"
	frappe.db.rollback()
	assert frappe.db.get_value("Pengajuan Pinjaman", pinjaman["ajuan_b"].name, "status") == "Diajukan"


def test_clerk_cannot_approve_what_they_entered_and_pengawas_only_reads(as_user, pinjaman, users):
	frappe.set_user("Administrator")
	c = anggota_peminjam(login=True, nama_lengkap="Peminjam Charlie Kasir")
	frappe.db.commit()
	kasir = as_user("kasir")
	doc = {
		"doctype": "Pengajuan Pinjaman",
		"anggota": c.name,
		"produk": "Pinjaman Anggota",
		"jumlah": 1_500_000,
		"tenor": 6,
		"tujuan": "Modal",
		"nama_penjamin": "Dewi",
		"nik_penjamin": nik_baru(),
		"hubungan_penjamin": "Suami/Istri",
		"hp_penjamin": "081311112222",
	}
	r = kasir.post("/api/resource/Pengajuan Pinjaman", data={"data": json.dumps(doc)})
	assert r.status_code == 200, r.text
	nama = r.json()["data"]["name"]
	r = kasir.post(PP + "setujui", data={"name": nama})
	assert r.status_code == 403, r.text
	pengawas = as_user("pengawas")
	assert pengawas.get(f"/api/resource/Pengajuan Pinjaman/{nama}").status_code == 200
	assert pengawas.post(PP + "setujui", data={"name": nama}).status_code == 403
	r = pengawas.put(f"/api/resource/Pengajuan Pinjaman/{nama}", data={"data": json.dumps({"jumlah": 1})})
	assert r.status_code == 403
	r = as_user("pengurus").post(PP + "setujui", data={"name": nama})
	assert r.status_code == 200 and r.json()["message"] == "Disetujui"


def test_staff_print_the_agreement_schedule_and_receipt(as_user, pinjaman):
	from tests.support.data import angsuran

	frappe.set_user("Administrator")
	pa = pinjaman["pa"]
	bayar = angsuran(pa, 545_000, "2026-02-05")
	frappe.db.commit()
	kasir = as_user("kasir")
	cases = [
		(
			"Pinjaman",
			pa.name,
			"Perjanjian Pinjaman",
			["Surat Perjanjian Pinjaman", "tiga juta rupiah", "Siti Penjamin", "0,1% per hari"],
		),
		("Pinjaman", pa.name, "Jadwal Angsuran", ["Jadwal Angsuran Pinjaman", "5 Februari 2026", "45.000"]),
		(
			"Angsuran Pinjaman",
			bayar.name,
			"Kuitansi Angsuran",
			["Kuitansi Angsuran Pinjaman", "Lima ratus empat puluh lima ribu rupiah"],
		),
	]
	for doctype, name, fmt, expected in cases:
		r = kasir.get(
			f"/printview?doctype={quote(doctype)}&name={quote(name)}&format={quote(fmt)}&_lang=id",
			headers={"Accept": "text/html"},
		)
		assert r.status_code == 200, (fmt, r.text[:300])
		missing = [e for e in expected if e not in r.text]
		assert not missing, (fmt, missing)


def test_member_attaches_a_document_kept_private(as_member, pinjaman):
	frappe.set_user("Administrator")
	c = anggota_peminjam(login=True, nama_lengkap="Peminjam Delta Lampiran")
	frappe.db.commit()
	client = as_member(c)
	data = {
		"produk": "Pinjaman Anggota",
		"jumlah": 1_000_000,
		"tenor": 3,
		"tujuan": "Beli mesin jahit",
		"nama_penjamin": "Eka",
		"nik_penjamin": nik_baru(),
		"hubungan_penjamin": "Orang Tua",
		"hp_penjamin": "081355556666",
	}
	r = client.post(PORTAL + "ajukan", data=data, files={"lampiran": ("izin.exe", b"MZ\x90\x00" * 10)})
	assert r.status_code == 417 and "PDF" in r.text
	pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
	r = client.post(PORTAL + "ajukan", data=data, files={"lampiran": ("izin usaha.pdf", pdf)})
	assert r.status_code == 200, r.text
	nama = r.json()["message"]["name"]
	frappe.db.rollback()
	url = frappe.db.get_value("Pengajuan Pinjaman", nama, "lampiran")
	assert url and url.startswith("/private/files/") and url.endswith(".pdf")
	# private: another member cannot fetch it
	other = as_member(pinjaman["b"])
	assert other.get(url).status_code in (403, 404)
