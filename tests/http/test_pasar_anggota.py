"""/produk and /titip-jual over HTTP: a guest sees only published products, and a seller's phone
only where the seller allowed it; a member sees only their own consignment figures and cannot edit
another member's product."""

import frappe
import pytest

from koperasi_merah_putih.unit_usaha.titip import terima_titipan
from tests.support.data import anggota_dengan_login, jual_tunai, produk_anggota, unit_gerai

SIMPAN = "/api/method/koperasi_merah_putih.unit_usaha.portal.simpan_produk"


@pytest.fixture(scope="module")
def pasar(koperasi):
	frappe.set_user("Administrator")
	unit = unit_gerai(koperasi["company"])
	a = anggota_dengan_login(nama_usaha="Batik Bu Ani", nomor_hp="081234567801")
	b = anggota_dengan_login(nama_usaha="Sambal Pak Budi", nomor_hp="081234567802")
	terbuka = produk_anggota(a, "Batik Tulis Pekalongan", tampilkan_nomor_hp=1)
	tertutup = produk_anggota(b, "Sambal Roa", titip_jual=1, unit_usaha=unit.name)
	draf = produk_anggota(b, "Sambal Rahasia", terbit=False)
	terima_titipan(tertutup.name, 7)
	jual_tunai(unit, "Umum", [(tertutup.item, 2)])
	frappe.db.commit()
	return {"a": a, "b": b, "terbuka": terbuka, "tertutup": tertutup, "draf": draf}


def test_guest_sees_published_products_and_only_allowed_phones(guest, pasar):
	r = guest.get("/produk")
	assert r.status_code == 200
	assert "Batik Tulis Pekalongan" in r.text and "Sambal Roa" in r.text
	assert "Sambal Rahasia" not in r.text
	# the seller who allowed it: phone and an order link to them
	assert "081234567801" in r.text or "+6281234567801" in r.text
	assert "wa.me/6281234567801" in r.text
	# the seller who did not: no phone anywhere on the page
	assert "81234567802" not in r.text
	# consigned: stock at the outlet
	assert ": 5" in r.text
	satu = guest.get("/produk", params={"p": pasar["draf"].name})
	assert "Sambal Rahasia" not in satu.text


def test_member_sees_only_their_own_consignment(as_member, guest, pasar):
	b = as_member(pasar["b"]).get("/titip-jual")
	assert b.status_code == 200
	assert "Sambal Roa" in b.text and "Sambal Rahasia" in b.text
	assert "Batik Tulis" not in b.text
	a = as_member(pasar["a"]).get("/titip-jual")
	assert "Batik Tulis Pekalongan" in a.text and "Sambal" not in a.text
	assert "/login" in guest.get("/titip-jual", allow_redirects=False).headers.get("Location", "/login")


def test_member_cannot_edit_another_members_product(as_member, pasar):
	r = as_member(pasar["a"]).post(
		SIMPAN, data={"produk": pasar["tertutup"].name, "nama_produk": "Dicuri", "harga": 1}
	)
	assert r.status_code == 403
	frappe.db.rollback()
	assert frappe.db.get_value("Produk Anggota", pasar["tertutup"].name, "nama_produk") == "Sambal Roa"


def test_member_offers_a_product_with_a_photo_checked_by_content(as_member, pasar):
	klien = as_member(pasar["a"])
	r = klien.post(SIMPAN, data={"nama_produk": "Batik Cap", "harga": 0})
	assert r.status_code == 417 and "Harga" in r.text
	r = klien.post(
		SIMPAN,
		data={"nama_produk": "Batik Cap", "harga": 50_000},
		files={"foto": ("foto.png", b"bukan gambar", "image/png")},
	)
	assert r.status_code == 417 and "gambar" in r.text
	import io

	from PIL import Image

	gambar = io.BytesIO()
	Image.new("RGB", (8, 6), (180, 30, 30)).save(gambar, "PNG")
	r = klien.post(
		SIMPAN,
		data={"nama_produk": "Batik Cap", "harga": 50_000},
		files={"foto": ("foto.png", gambar.getvalue(), "image/png")},
	)
	assert r.status_code == 200, r.text
	nama = r.json()["message"]["name"]
	frappe.db.rollback()
	doc = frappe.get_doc("Produk Anggota", nama)
	assert (doc.anggota, doc.status) == (pasar["a"].name, "Diajukan")
	assert doc.foto.startswith("/files/")
