"""/shu over HTTP: a member sees their own SHU per year and downloads their own slip; member A gets
nothing of B's through the page or the slip; guests and staff-only records stay closed; the
server-owned rows of a Pembagian SHU cannot be edited over REST."""

import json
from urllib.parse import quote

import frappe
import pytest
from frappe.utils import flt

from koperasi_merah_putih.jinja import rupiah
from tests.support.data import pengguna_terbatas, shu_dibagi

SLIP = "/api/method/koperasi_merah_putih.tutup_buku.portal.unduh_slip"


@pytest.fixture(scope="module")
def shu(koperasi):
	frappe.set_user("Administrator")
	data = shu_dibagi()
	rows = {
		r.anggota: r
		for r in frappe.get_all(
			"Rincian SHU Anggota", filters={"pembagian_shu": data["pembagian"]}, fields=["*"]
		)
	}
	a, b = (frappe.get_doc("Anggota", n) for n in data["anggota"][:2])
	return {**data, "a": a, "b": b, "rows": rows}


def test_guest_is_sent_to_login_and_gets_no_slip(guest, shu):
	r = guest.get("/shu", headers={"Accept": "text/html"})
	if r.status_code in (301, 302, 303):
		assert "/login" in r.headers["Location"]
	else:
		assert r.status_code == 200 and 'id="login_email"' in r.text
	r = guest.get(f"{SLIP}?pembagian_shu={quote(shu['pembagian'])}")
	assert r.status_code == 403


def test_member_sees_own_shu_and_downloads_own_slip(as_member, shu):
	a, b = shu["a"], shu["b"]
	ra, rb = shu["rows"][a.name], shu["rows"][b.name]
	client = as_member(a)
	r = client.get("/shu", headers={"Accept": "text/html"})
	assert r.status_code == 200, r.text[:500]
	assert f'data-tahun="{shu["tahun"]}"' in r.text
	assert rupiah(ra.bersih) in r.text and rupiah(ra.jasa_modal) in r.text
	assert 'id="ringkasan-koperasi"' in r.text
	assert "Tunai" in r.text  # a took theirs in cash
	for secret in (b.nama_lengkap, rb.name):
		assert secret not in r.text
	r = client.get(f"{SLIP}?pembagian_shu={quote(shu['pembagian'])}")
	assert r.status_code == 200 and r.content.startswith(b"%PDF")
	assert r.headers["Content-Type"].startswith("application/pdf")


def test_member_reaches_nothing_of_another_members_shu(as_member, shu):
	a, b = shu["a"], shu["b"]
	rb = shu["rows"][b.name]
	client = as_member(a)
	# the slip takes no member parameter; another year's or a made-up sharing is refused
	r = client.get(f"{SLIP}?pembagian_shu=PSHU-0000-99999")
	assert r.status_code == 403
	r = client.get(f"{SLIP}?pembagian_shu={quote(shu['pembagian'])}&anggota={quote(b.name)}")
	assert r.status_code in (200, 417)  # an unknown argument: never B's slip
	# the records themselves are staff-only
	for doctype, name in (
		("Rincian SHU Anggota", rb.name),
		("Pembagian SHU", shu["pembagian"]),
		("Anggota", b.name),
	):
		r = client.get(f"/api/resource/{quote(doctype)}/{quote(name)}")
		assert r.status_code in (403, 404), (doctype, r.status_code)
	r = client.get(
		f"/api/resource/{quote('Rincian SHU Anggota')}",
		params={"fields": json.dumps(["anggota", "bersih"]), "limit_page_length": 0},
	)
	assert r.status_code == 403 or not r.json().get("data")


def test_a_member_row_cannot_be_edited_or_added_over_rest(as_user, shu):
	rb = shu["rows"][shu["b"].name]
	for key in ("kasir", "pengurus"):
		client = as_user(key)
		r = client.put(
			f"/api/resource/{quote('Rincian SHU Anggota')}/{quote(rb.name)}",
			data=json.dumps({"bersih": 99_999_999, "dibayar": 0}),
		)
		assert r.status_code in (403, 417), r.text[:300]
		r = client.post(
			f"/api/resource/{quote('Rincian SHU Anggota')}",
			data=json.dumps({"pembagian_shu": shu["pembagian"], "anggota": shu["b"].name, "bersih": 5}),
		)
		assert r.status_code in (403, 417), r.text[:300]
	frappe.db.rollback()
	assert flt(frappe.db.get_value("Rincian SHU Anggota", rb.name, "bersih")) == flt(rb.bersih)


def test_kasir_cannot_pay_a_member_twice_over_rest(as_user, shu):
	a = shu["a"]
	client = as_user("kasir")
	r = client.post(
		f"/api/resource/{quote('Pembayaran SHU')}",
		data=json.dumps(
			{
				"pembagian_shu": shu["pembagian"],
				"cakupan": "Satu Anggota",
				"anggota": a.name,
				"cara": "Tunai",
				"docstatus": 1,
			}
		),
	)
	assert r.status_code == 417, r.text[:300]
	assert "sudah dibayar" in r.text


def test_buku_rat_pdf_for_staff_not_for_members(as_user, as_member, shu):
	rat = frappe.db.get_value(
		"Rapat Anggota Tahunan", {"company": shu["company"], "fiscal_year": shu["tahun"], "docstatus": 1}
	)
	url = f"/api/method/koperasi_merah_putih.tutup_buku.laporan.unduh_buku_rat?rat={quote(rat)}"
	r = as_user("pengawas").get(url)
	assert r.status_code == 200 and r.content.startswith(b"%PDF"), r.text[:300]
	assert as_member(shu["a"]).get(url).status_code == 403


KASIR_LAIN = "kasir.lain.shu@koperasi.test"


@pytest.fixture(scope="module")
def kasir_lain(koperasi):
	"""A Kasir restricted to the shared test cooperative (not the one whose SHU was shared)."""
	frappe.set_user("Administrator")
	return pengguna_terbatas(KASIR_LAIN, "Kasir", koperasi["company"])


def test_staff_of_another_cooperative_can_neither_pay_nor_read_its_shu(kasir_lain, shu):
	from tests.http.conftest import Client

	client = Client().login(kasir_lain)
	rb = shu["rows"][shu["b"].name]
	gl = frappe.db.count("GL Entry", {"voucher_type": "Pembayaran SHU"})
	for cakupan in ("Satu Anggota", "Semua yang Belum Dibayar"):
		r = client.post(
			f"/api/resource/{quote('Pembayaran SHU')}",
			data=json.dumps(
				{
					"pembagian_shu": shu["pembagian"],
					"cakupan": cakupan,
					"anggota": shu["b"].name,
					"cara": "Tunai",
					"docstatus": 1,
				}
			),
		)
		assert r.status_code == 403, r.text[:300]
		assert shu["b"].nama_lengkap not in r.text
	frappe.db.rollback()
	assert frappe.db.count("GL Entry", {"voucher_type": "Pembayaran SHU"}) == gl
	assert not flt(frappe.db.get_value("Rincian SHU Anggota", rb.name, "dibayar"))
	# nor read the members' shares, by list or by name
	r = client.get(
		f"/api/resource/{quote('Rincian SHU Anggota')}",
		params={
			"filters": json.dumps([["pembagian_shu", "=", shu["pembagian"]]]),
			"fields": json.dumps(["bersih"]),
		},
	)
	assert r.status_code == 403 or not r.json().get("data"), r.text[:300]
	r = client.get(f"/api/resource/{quote('Rincian SHU Anggota')}/{quote(rb.name)}")
	assert r.status_code in (403, 404)
