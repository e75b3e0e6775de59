"""The outlet's till and the members' market in the browser: a cashier scans a member's number at
ERPNext's point of sale, the sale is the member's; a guest on a phone browses /produk and opens the
WhatsApp order link."""

import random

import frappe

from tests.browser.conftest import login, shot
from tests.support.data import (
	anggota_dengan_login,
	barang_gerai,
	ensure_koperasi,
	kasir_buka,
	produk_anggota,
	unit_gerai,
)


def test_cashier_sells_to_a_member_by_scanning_the_member_number(page, users):
	frappe.set_user("Administrator")
	company = ensure_koperasi()["company"]
	unit = unit_gerai(company, "Gerai Kasir Uji")
	kode = barang_gerai(unit, kode=f"BRS-{random.randint(10000, 99999)}", harga=12_500, stok=10)
	anggota = anggota_dengan_login(nama_lengkap=f"Wulan Sari {random.randint(1000, 9999)}")
	kasir_buka(unit, users["kasir"])
	frappe.db.commit()

	login(page, users["kasir"])
	page.goto("/app/point-of-sale")
	cari = page.locator(".items-selector .search-field input")
	cari.wait_for(timeout=60000)
	# a barcode scanner types the card's QR (the member number) and Enter into the focused field
	cari.click()
	page.keyboard.type(anggota.nomor_anggota, delay=5)
	page.keyboard.press("Enter")
	page.wait_for_selector(
		f'.customer-section .customer-name:has-text("{anggota.nama_lengkap}")', timeout=30000
	)
	shot(page, "pos-anggota-dipindai")
	# then the goods, by their code
	cari.fill(kode)
	page.wait_for_selector(f'.item-wrapper[data-item-code="{kode}"]')
	page.click(f'.item-wrapper[data-item-code="{kode}"]')
	page.click(f'.item-wrapper[data-item-code="{kode}"]')
	page.wait_for_selector(".cart-item-wrapper")
	page.click(".checkout-btn")
	# the till's default mode (the unit's cash) takes the whole amount
	page.wait_for_function("() => cur_pos.frm.doc.payments.some((p) => p.amount >= 25000)", timeout=15000)
	shot(page, "pos-pembayaran")
	page.click(".submit-order-btn")
	# ERPNext asks to confirm the submission
	page.locator(".modal.show .btn-primary").click()
	page.wait_for_selector(".new-btn", timeout=30000)
	shot(page, "pos-selesai")

	frappe.db.rollback()
	faktur = frappe.get_all(
		"POS Invoice",
		filters={"customer": anggota.customer, "docstatus": 1, "owner": users["kasir"]},
		fields=["name", "grand_total", "pos_profile"],
	)
	assert len(faktur) == 1
	assert (faktur[0].grand_total, faktur[0].pos_profile) == (25_000, unit.pos_profile)


def test_guest_on_a_phone_browses_the_market_and_opens_the_order_link(browser):
	from tests.browser.conftest import BASE_URL

	frappe.set_user("Administrator")
	penjual = anggota_dengan_login(nama_usaha="Batik Bu Rini", nomor_hp="081298765432")
	nama = f"Batik Cap Jlamprang {random.randint(1000, 9999)}"
	p = produk_anggota(penjual, nama, harga=175_000, tampilkan_nomor_hp=1)
	frappe.db.commit()

	ctx = browser.new_context(
		base_url=BASE_URL,
		viewport={"width": 390, "height": 844},
		is_mobile=True,
		has_touch=True,
		locale="id-ID",
		user_agent="Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36",
	)
	hp = ctx.new_page()
	# WhatsApp is not reachable from the test machine: the link's target is recorded instead
	dibuka = []
	ctx.route(
		"https://wa.me/**", lambda route: (dibuka.append(route.request.url), route.fulfill(body="WhatsApp"))
	)
	hp.goto("/produk")
	kartu = hp.locator(f'.kartu-produk[data-produk="{p.name}"]')
	kartu.wait_for()
	assert "Rp 175.000" in kartu.inner_text()
	assert hp.evaluate("document.documentElement.scrollWidth") <= 390
	shot(hp, "pasar-anggota-ponsel")
	kartu.locator(".nama-produk a").click()
	hp.wait_for_url("**/produk?p=*")
	assert hp.locator(".kartu-produk").count() == 1
	with ctx.expect_page() as tab:
		hp.locator(".pesan-wa").click()
	tab.value.wait_for_load_state()
	assert dibuka and dibuka[0].startswith("https://wa.me/6281298765432?text=")
	assert "Batik%20Cap%20Jlamprang" in dibuka[0]
	shot(hp, "pasar-anggota-produk")
	ctx.close()


def test_the_board_sees_todays_sales_of_each_unit_on_the_workspace(page, users):
	frappe.set_user("Administrator")
	company = ensure_koperasi()["company"]
	unit_gerai(company, "Gerai Kasir Uji")
	frappe.db.commit()
	terbuka = frappe.db.count("Unit Usaha", {"company": company, "status": ["!=", "Tutup"]})

	login(page, users["pengurus"])
	page.goto("/app/unit-usaha")
	grafik = page.locator('.widget.dashboard-widget-box:has-text("Penjualan Hari Ini per Unit")')
	grafik.wait_for(timeout=60000)
	# Frappe Charts labels one bar per open unit on its x axis
	grafik.locator(".frappe-chart rect.bar").first.wait_for(state="attached", timeout=30000)
	assert grafik.locator(".frappe-chart .x.axis text").count() == terbuka
	shot(page, "unit-usaha-workspace")
