"""The cooperative's home page in the browser: a guest on a phone opens /, reads what the
cooperative offers and its figures, and reaches the application form."""

import frappe

from koperasi_merah_putih.koperasi import situs
from tests.browser.conftest import BASE_URL, shot

PONSEL = {"width": 390, "height": 844}


def test_guest_on_a_phone_opens_the_home_page_and_reaches_the_form(browser):
	frappe.set_user("Administrator")
	situs.terapkan_situs()
	frappe.db.commit()
	nama = frappe.db.get_value("Company", situs.koperasi_situs(), "company_name")
	context = browser.new_context(
		base_url=BASE_URL, viewport=PONSEL, is_mobile=True, has_touch=True, locale="id-ID"
	)
	page = context.new_page()
	try:
		page.goto("/")
		page.wait_for_selector("#transparansi")
		assert page.locator("h1").inner_text() == nama
		# nothing wider than the phone
		assert page.evaluate("document.documentElement.scrollWidth") <= PONSEL["width"]
		shot(page, "beranda-ponsel")
		page.tap("#tautan-daftar")
		page.wait_for_url("**/daftar")
		page.wait_for_selector("#form-daftar #nik")
		shot(page, "beranda-ke-daftar")
		# and the login page is the cooperative's, also on the phone
		page.goto("/login")
		page.wait_for_selector(f'h4:has-text("{nama}")')
		assert page.evaluate("document.documentElement.scrollWidth") <= PONSEL["width"]
	finally:
		context.close()
