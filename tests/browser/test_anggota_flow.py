"""A resident applies on /daftar from a phone; a Pengurus verifies and approves in the desk and
sends the portal link; the new member sets a password and sees their card on /anggota."""

import frappe

from tests.browser.conftest import BASE_URL, login, login_form, shot
from tests.support.data import PNG_1PX, data_anggota

NEW_PASSWORD = "Kartu-Anggota-2026!"


def test_resident_applies_pengurus_approves_member_sees_card(browser, users, tmp_path):
	values = data_anggota(
		nama_lengkap="Sri Wahyuni Peramban", jenis_kelamin="Perempuan", tanggal_lahir="1988-02-14"
	)
	ktp = tmp_path / "ktp.png"
	ktp.write_bytes(PNG_1PX)

	# 1. the resident, on a phone, without an account
	phone = browser.new_context(
		base_url=BASE_URL, viewport={"width": 390, "height": 844}, locale="id-ID", is_mobile=True
	)
	page = phone.new_page()
	page.set_default_timeout(30000)
	page.goto("/daftar")
	page.fill("#nama_lengkap", values["nama_lengkap"])
	page.fill("#nik", values["nik"])
	page.fill("#no_kk", values["no_kk"])
	page.fill("#tempat_lahir", "Klaten")
	page.fill("#tanggal_lahir", "1988-02-14")
	page.select_option("#jenis_kelamin", "Perempuan")
	page.fill("#alamat", values["alamat"])
	page.fill("#rt", "001")
	page.fill("#rw", "002")
	page.fill("#kelurahan", "Sukamaju")
	page.fill("#kecamatan", "Cibinong")
	page.fill("#kota_kabupaten", "Kabupaten Bogor")
	page.fill("#nomor_hp", "0813-2222-3333")
	page.fill("#email", values["email"])
	page.set_input_files("#foto_ktp", str(ktp))
	shot(page, "daftar-terisi")
	page.click("#kirim-daftar")
	nomor = page.wait_for_selector("#nomor-pendaftaran").inner_text().strip()
	assert nomor.startswith("REG-")
	shot(page, "daftar-berhasil")
	phone.close()

	# 2. the Pengurus verifies and approves in the desk, then makes the portal link
	desk = browser.new_context(base_url=BASE_URL, viewport={"width": 1366, "height": 900}, locale="id-ID")
	page = desk.new_page()
	page.set_default_timeout(30000)
	login(page, users["pengurus"])
	page.goto(f"/app/anggota/{nomor}")
	page.wait_for_selector(f"text={values['nama_lengkap']}")
	page.get_by_role("button", name="Verifikasi").click()
	page.get_by_role("button", name="Setujui").click()
	page.wait_for_selector("button:has-text('Tautan Kata Sandi Portal')", timeout=60000)
	shot(page, "pengurus-menyetujui")
	page.get_by_role("button", name="Tautan Kata Sandi Portal").click()
	link = page.wait_for_selector(
		".modal.show [data-fieldname='link'] .control-value, .modal.show [data-fieldname='link'] textarea"
	)
	link_text = (link.inner_text() or link.input_value()).strip()
	assert "/update-password?key=" in link_text
	assert page.locator(".modal.show a[href^='https://wa.me/62813']").count() == 1
	shot(page, "pengurus-tautan-kata-sandi")
	desk.close()

	frappe.db.rollback()
	nomor_anggota = frappe.db.get_value("Anggota", nomor, "nomor_anggota")
	assert nomor_anggota

	# 3. the member opens the link, sets a password, and sees the card
	member = browser.new_context(
		base_url=BASE_URL, viewport={"width": 390, "height": 844}, locale="id-ID", is_mobile=True
	)
	page = member.new_page()
	page.set_default_timeout(30000)
	page.goto("/update-password?key=" + link_text.split("key=", 1)[1])
	# typed key by key: the page enables its button on keyup after checking the strength
	page.locator("#new_password").press_sequentially(NEW_PASSWORD)
	page.locator("#confirm_password").press_sequentially(NEW_PASSWORD)
	page.wait_for_selector("#update:not([disabled])")
	page.click("#update")
	page.wait_for_url(lambda url: "update-password" not in url, timeout=60000)
	page.goto("/anggota")
	if "/login" in page.url or page.locator("#login_email").count():
		login_form(page, values["email"], NEW_PASSWORD)
		page.goto("/anggota")
	page.wait_for_selector("#kartu-anggota")
	assert page.locator("#nomor-anggota").inner_text().strip() == nomor_anggota
	assert page.locator("#nama-anggota").inner_text().strip() == values["nama_lengkap"]
	assert page.locator("#kartu-anggota img").evaluate("img => img.naturalWidth") > 0  # the QR code drew
	shot(page, "anggota-kartu")
	member.close()
