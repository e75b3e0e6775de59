"""The outlets' rules over plain REST, as the Kasir (the least-privileged staff role that sells):
a consigned product stays with its member and its phone consent with the member; consigned goods
are received only as of the allowed dates; a POS sale over REST obeys the credit limit and the
till's prices like one from the point-of-sale page."""

import json
from urllib.parse import quote

import frappe
import pytest
from frappe.utils import add_days, today

from koperasi_merah_putih.unit_usaha.siapkan import cara_bayar_unit
from tests.support.data import (
	anggota_dengan_login,
	barang_gerai,
	buat_anggota,
	kasir_buka,
	produk_anggota,
	unit_gerai,
)

TERIMA = "/api/method/koperasi_merah_putih.unit_usaha.titip.terima_titipan"


@pytest.fixture(scope="module")
def gerai(koperasi, users):
	frappe.set_user("Administrator")
	unit = unit_gerai(koperasi["company"], "Gerai REST")
	penjual = anggota_dengan_login(nama_usaha="Kerupuk Bu Tini")
	produk = produk_anggota(penjual, "Kerupuk Udang", titip_jual=1, unit_usaha=unit.name)
	kode = barang_gerai(unit, harga=15_000, stok=10)
	pembeli = buat_anggota("Aktif", company=koperasi["company"])
	lain = buat_anggota("Aktif", company=koperasi["company"])
	# the till opened by the board (the cashier's own opening would be the one the point-of-sale
	# page opens for them in the browser tests)
	kasir_buka(unit)
	frappe.db.set_single_value("Pengaturan Koperasi", "batas_bon_anggota", 0)
	frappe.db.commit()
	return {"unit": unit, "produk": produk, "kode": kode, "pembeli": pembeli, "lain": lain}


def _ubah(klien, produk: str, **nilai):
	return klien.put(f"/api/resource/Produk Anggota/{quote(produk)}", data=json.dumps(nilai))


def test_a_cashier_cannot_move_a_product_or_show_the_sellers_phone(as_user, gerai):
	kasir = as_user("kasir")
	p = gerai["produk"]
	r = _ubah(kasir, p.name, anggota=gerai["lain"].name)
	assert r.status_code == 417, r.text
	r = _ubah(kasir, p.name, tampilkan_nomor_hp=1)
	assert r.status_code == 417 and "Hanya anggota sendiri" in r.text
	frappe.db.rollback()
	doc = frappe.get_doc("Produk Anggota", p.name)
	assert (doc.anggota, doc.tampilkan_nomor_hp, doc.status) == (p.anggota, 0, "Terbit")
	# a change the market shows goes back to review
	r = _ubah(kasir, p.name, harga=1)
	assert r.status_code == 200, r.text
	frappe.db.rollback()
	assert frappe.db.get_value("Produk Anggota", p.name, "status") == "Diajukan"
	assert frappe.db.get_value("Item Price", {"item_code": p.item}, "price_list_rate") == 25_000


def test_consigned_goods_are_not_received_backdated(as_user, gerai):
	kasir = as_user("kasir")
	frappe.set_user("Administrator")
	from koperasi_merah_putih.unit_usaha.doctype.produk_anggota.produk_anggota import terbitkan

	terbitkan(gerai["produk"].name)
	frappe.db.commit()
	r = kasir.post(
		TERIMA, data={"produk": gerai["produk"].name, "qty": 3, "posting_date": add_days(today(), -60)}
	)
	assert r.status_code in (403, 417), r.text
	assert "Pengurus" in r.text
	r = kasir.post(TERIMA, data={"produk": gerai["produk"].name, "qty": 3, "posting_date": today()})
	assert r.status_code == 200, r.text


def _pos(klien, gerai, customer, rate=None, bayar=None):
	row = {"item_code": gerai["kode"], "qty": 1, "warehouse": gerai["unit"].warehouse}
	if rate is not None:
		row.update(rate=rate, price_list_rate=rate)
	body = {
		"company": gerai["unit"].company,
		"pos_profile": gerai["unit"].pos_profile,
		"customer": customer,
		"update_stock": 1,
		"items": [row],
		"payments": [
			{"mode_of_payment": cara_bayar_unit(gerai["unit"]), "amount": 15_000 if bayar is None else bayar}
		],
		"docstatus": 1,
	}
	return klien.post("/api/resource/POS Invoice", data=json.dumps(body))


def test_a_pos_sale_over_rest_obeys_the_credit_limit_and_the_prices(as_user, gerai):
	kasir = as_user("kasir")
	r = _pos(kasir, gerai, gerai["pembeli"].customer, bayar=0)
	assert r.status_code == 417 and "tidak boleh berbelanja dengan bon" in r.text, r.text
	r = _pos(kasir, gerai, gerai["pembeli"].customer, rate=1, bayar=1)
	assert r.status_code == 417 and "di kasir ini Rp 15.000" in r.text, r.text
	frappe.db.rollback()
	assert not frappe.get_all("POS Invoice", {"customer": gerai["pembeli"].customer, "docstatus": 1})
	r = _pos(kasir, gerai, gerai["pembeli"].customer)
	assert r.status_code == 200, r.text
