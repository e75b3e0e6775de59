"""/simpanan over HTTP: a member sees their balances, history (with the date filter), bills and
statement; member A reaches nothing of member B's savings through any route."""

import json
from urllib.parse import quote

import frappe
import pytest
from frappe.utils import add_days, today

from koperasi_merah_putih.simpanan import tagihan
from tests.support.data import anggota_dengan_login, transaksi_simpanan

BUKU = "/api/method/koperasi_merah_putih.simpanan.buku.unduh_buku_simpanan"


@pytest.fixture(scope="module")
def penabung(koperasi):
	frappe.set_user("Administrator")
	a = anggota_dengan_login(nama_lengkap="Penabung Alfa Portal")
	b = anggota_dengan_login(nama_lengkap="Penabung Bravo Rahasia")
	lama = transaksi_simpanan(a, "Simpanan Sukarela", 150000, posting_date=add_days(today(), -120))
	baru = transaksi_simpanan(a, "Simpanan Sukarela", 25000)
	transaksi_simpanan(a, "Simpanan Pokok", 100000)
	tb = transaksi_simpanan(b, "Simpanan Sukarela", 987654)
	tagihan.buat_tagihan_bulanan(company=koperasi["company"])
	frappe.db.commit()
	return {"a": a, "b": b, "lama": lama, "baru": baru, "tb": tb}


def test_guest_is_sent_to_login(guest):
	r = guest.get("/simpanan", headers={"Accept": "text/html"})
	if r.status_code in (301, 302, 303):
		assert "/login" in r.headers["Location"]
	else:
		assert r.status_code == 200 and 'id="login_email"' in r.text
	r = guest.get(BUKU)
	assert r.status_code == 403


def test_member_sees_balances_history_bills_and_statement(as_member, penabung):
	a, b = penabung["a"], penabung["b"]
	client = as_member(a)
	r = client.get("/simpanan", headers={"Accept": "text/html"})
	assert r.status_code == 200, r.text[:500]
	assert "175.000" in r.text  # sukarela: 150,000 + 25,000
	assert "100.000" in r.text  # pokok
	assert penabung["baru"].name in r.text  # this month's deposit in the default three months
	assert penabung["lama"].name not in r.text  # four months ago: outside the default window
	assert 'id="tunggakan"' in r.text  # this month's wajib bill is unpaid
	for secret in (b.nama_lengkap, "987.654", penabung["tb"].name):
		assert secret not in r.text
	# the date filter reaches back
	r = client.get(
		f"/simpanan?dari={add_days(today(), -150)}&sampai={today()}", headers={"Accept": "text/html"}
	)
	assert penabung["lama"].name in r.text
	# and a period with nothing says so
	r = client.get("/simpanan?dari=2001-01-01&sampai=2001-01-31", headers={"Accept": "text/html"})
	assert 'id="riwayat-kosong"' in r.text
	r = client.get(f"{BUKU}?dari={add_days(today(), -150)}&sampai={today()}")
	assert r.status_code == 200 and r.content.startswith(b"%PDF")


ROUTES = [
	("GET", BUKU + "?anggota={b}", None),
	("GET", "/simpanan?anggota={b}", None),
	("GET", "/api/resource/Transaksi Simpanan/{tb}", None),
	("GET", '/api/resource/Transaksi Simpanan?fields=["*"]', None),
	("GET", '/api/resource/GL Entry?fields=["*"]', None),
	("GET", '/api/resource/Tagihan Simpanan Wajib?fields=["*"]', None),
	("POST", "/api/method/frappe.client.get_list", {"doctype": "Transaksi Simpanan", "fields": '["*"]'}),
	("POST", "/api/method/frappe.desk.query_report.run", {"report_name": "Rekap Simpanan", "filters": "{}"}),
	(
		"POST",
		"/api/method/frappe.desk.query_report.run",
		{"report_name": "Buku Simpanan", "filters": json.dumps({"anggota": "{b}"})},
	),
	("POST", "/api/method/frappe.desk.query_report.run", {"report_name": "General Ledger", "filters": "{}"}),
	("GET", "/printview?doctype=Transaksi Simpanan&name={tb}&format=Bukti Transaksi Simpanan", None),
	(
		"GET",
		"/api/method/frappe.utils.print_format.download_pdf?doctype=Transaksi Simpanan&name={tb}",
		None,
	),
]


@pytest.mark.parametrize(
	"method, route, data", ROUTES, ids=[r[1].split("?")[0] + str(i) for i, r in enumerate(ROUTES)]
)
def test_member_a_reaches_nothing_of_member_b(as_member, penabung, method, route, data):
	a, b, tb = penabung["a"], penabung["b"], penabung["tb"]
	client = as_member(a)
	url = route.format(b=quote(b.name), tb=quote(tb.name))
	if data:
		data = {k: v.replace("{b}", b.name) for k, v in data.items()}
	r = client.request(
		method,
		url,
		data=data,
		headers={"Accept": "application/json" if url.startswith("/api") else "text/html"},
	)
	secrets = [s for s in (b.nama_lengkap, "987.654", "987654", "Bravo Rahasia") if quote(s) not in url]
	leaked = [s for s in secrets if s in r.text]
	assert not leaked, f"{url} answered {r.status_code} with {leaked}"
	if url.startswith("/api"):
		assert r.status_code in (403, 404, 417), f"{url} answered {r.status_code}"
	if url.startswith("/simpanan"):
		assert r.status_code == 200 and "Penabung Alfa Portal" in r.text  # A's own page, whatever was asked
