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


PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


def _berkas_ke_field(client, doctype: str, field: str, nama: str):
	"""Frappe writes a File's URL into the field it names when the File is made or turned public:
	the trick that let any user set a logo of their choosing."""
	r = client.post(
		"/api/resource/File",
		json={
			"file_name": nama,
			"content": PNG,
			"decode": 1,
			"is_private": 1,
			"attached_to_doctype": doctype,
			"attached_to_name": doctype,
			"attached_to_field": field,
		},
	)
	if r.status_code == 200:
		r = client.put(f"/api/resource/File/{r.json()['data']['name']}", json={"is_private": 0})
	return r


def test_a_file_cannot_write_a_field_of_a_record_its_uploader_may_not_change(as_user, as_member, nama):
	from tests.support.data import anggota_dengan_login

	kasir = as_user("kasir")
	r = _berkas_ke_field(kasir, "Pengaturan Koperasi", "logo_koperasi", 'k x" onerror="alert(1)" a=".png')
	assert r.status_code == 403, r.text[:300]
	frappe.set_user("Administrator")
	anggota = as_member(anggota_dengan_login())
	r = _berkas_ke_field(anggota, "Website Settings", "app_logo", 'a x" data-x="1.png')
	assert r.status_code == 403, r.text[:300]
	frappe.db.rollback()
	assert not (frappe.db.get_single_value("Pengaturan Koperasi", "logo_koperasi") or "").startswith(
		"/files/k"
	)
	assert "data-x" not in (frappe.db.get_single_value("Website Settings", "app_logo") or "")


def test_the_logo_and_the_settings_state_hold_for_the_board(as_user, nama):
	pengurus = as_user("pengurus")
	r = pengurus.put(
		"/api/resource/Pengaturan Koperasi/Pengaturan Koperasi",
		json={"logo_koperasi": '/files/x.png"><script>alert(1)</script>'},
	)
	assert r.status_code == 417
	r = pengurus.post(
		"/api/method/frappe.client.cancel",
		data={"doctype": "Pengaturan Koperasi", "name": "Pengaturan Koperasi"},
	)
	assert r.status_code in (403, 417), r.text[:300]
	frappe.db.rollback()
	assert (
		frappe.utils.cint(frappe.db.get_value("Pengaturan Koperasi", "Pengaturan Koperasi", "docstatus")) == 0
	)


def test_the_chart_refuses_odd_filters_without_an_error_page(as_user, nama):
	kasir = as_user("kasir")
	url = "/api/method/koperasi_merah_putih.unit_usaha.dashboard_chart_source.penjualan_hari_ini_per_unit.penjualan_hari_ini_per_unit.get"
	for filters in ('{"company": ["like", "%"]}', '{"company": {"a": 1}}'):
		assert kasir.get(url, params={"filters": filters}).status_code == 417
	# a cooperative that does not exist is refused like one the user may not read
	assert kasir.get(url, params={"filters": '{"company": "Tidak Ada"}'}).status_code == 403
