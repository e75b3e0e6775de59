"""The public website over HTTP: a guest at / gets the cooperative's home page (its name, the way
to /daftar, the transparency block, nothing of any member, no Frappe branding or newsletter box),
the login page carries the cooperative's name, and the settings behind them hold over REST."""

import frappe
import pytest

from koperasi_merah_putih.koperasi import situs

HTML = {"Accept": "text/html", "Accept-Language": "id-ID,id;q=0.9"}


@pytest.fixture(scope="module")
def nama(koperasi):
	frappe.set_user("Administrator")
	situs.terapkan_situs()
	frappe.db.commit()
	return frappe.db.get_value("Company", situs.koperasi_situs(), "company_name")


def test_guest_gets_the_cooperatives_home_page(guest, nama):
	r = guest.get("/", headers=HTML)
	assert r.status_code == 200
	assert f"<title>{nama}</title>" in r.text
	assert 'href="/daftar"' in r.text and 'id="transparansi"' in r.text
	# a page of its own: no Frappe web bundle, no icon sprites, no newsletter box
	assert "frappe-web.bundle" not in r.text and "<symbol" not in r.text
	assert "footer-subscribe" not in r.text
	assert r.headers.get("Content-Security-Policy", "").startswith("default-src 'self'")
	# aggregates only: no member's name, NIK or number
	anggota = frappe.get_all("Anggota", fields=["nama_lengkap", "nik", "nomor_anggota"], limit=20)
	for a in anggota:
		for value in (a.nik, a.nomor_anggota):
			assert not value or value not in r.text
	assert guest.get("/beranda", headers=HTML).status_code == 200


def test_the_login_page_is_the_cooperatives(guest, nama):
	r = guest.get("/login", headers=HTML)
	assert r.status_code == 200
	assert f"Masuk ke {nama}" in r.text
	assert "Login to Frappe" not in r.text and "erpnext-logo" not in r.text and "frappe-logo" not in r.text
	assert "footer-subscribe" not in r.text
	# residents join through the application form, not a self-made account
	assert frappe.db.get_single_value("Website Settings", "disable_signup") == 1


def test_the_sites_settings_hold_over_rest(as_user, nama):
	kasir = as_user("kasir")
	r = kasir.put(
		"/api/resource/Pengaturan Koperasi/Pengaturan Koperasi", json={"tentang_koperasi": "Diubah kasir"}
	)
	assert r.status_code == 403
	r = kasir.put("/api/resource/Website Settings/Website Settings", json={"app_name": "Bukan Koperasi"})
	assert r.status_code == 403
	pengurus = as_user("pengurus")
	r = pengurus.put(
		"/api/resource/Pengaturan Koperasi/Pengaturan Koperasi",
		json={"warna_utama": "#fff;}</style><script>alert(1)</script>"},
	)
	assert r.status_code == 417
	frappe.db.rollback()
	assert "<script>alert(1)" not in pengurus.get("/", headers=HTML).text
	assert frappe.db.get_single_value("Website Settings", "app_name") == nama
