"""A member registers for a training on the portal, the cashier checks them in by typing the
member number (as a card scanner does), the board closes the training, and the member downloads
the certificate."""

import random

import frappe
from frappe.utils import today

from koperasi_merah_putih.pelatihan import layanan
from tests.browser.conftest import BASE_URL, login_form, shot
from tests.support.data import PASSWORD, anggota_dengan_login, buat_pelatihan, ensure_koperasi


def test_register_check_in_and_download_certificate(browser, page, users):
	frappe.set_user("Administrator")
	company = ensure_koperasi()["company"]
	judul = f"Pembukuan Warung Sederhana {random.randint(1000, 9999)}"
	# today's session lasts the whole day: the page lists a training until its end
	plt = buat_pelatihan(
		company, judul=judul, sesi=[today()], jam=("00:00:00", "23:59:00"), kuota=30, minimal_kehadiran=100
	)
	anggota = anggota_dengan_login(nama_lengkap=f"Dewi Lestari {random.randint(1000, 9999)}")
	frappe.db.commit()

	# the member signs up on the portal
	page.goto("/login")
	login_form(page, anggota.user, PASSWORD)
	page.goto("/pelatihan")
	kartu = page.locator(f'.pelatihan-terbuka[data-pelatihan="{plt.name}"]')
	kartu.wait_for()
	kartu.locator(".daftar-pelatihan").click()
	page.wait_for_selector(f'.pendaftaran-saya[data-pelatihan="{plt.name}"]', timeout=30000)
	shot(page, "anggota-daftar-pelatihan")
	frappe.db.rollback()
	pendaftaran = frappe.db.get_value(
		"Pendaftaran Pelatihan",
		{"pelatihan": plt.name, "anggota": anggota.name},
		["name", "status"],
		as_dict=True,
	)
	assert pendaftaran.status == "Terdaftar"

	# the cashier checks them in with the member number
	staff = browser.new_context(base_url=BASE_URL, viewport={"width": 1366, "height": 900})
	kasir = staff.new_page()
	kasir.goto("/login")
	login_form(kasir, users["kasir"], PASSWORD)
	kasir.goto(f"/app/absensi-pelatihan?pelatihan={plt.name}")
	kasir.wait_for_selector(".absensi-baris", timeout=60000)
	kasir.fill("#absensi-pindai", anggota.nomor_anggota)
	kasir.press("#absensi-pindai", "Enter")
	kasir.wait_for_selector("#absensi-terakhir")
	assert anggota.nama_lengkap in kasir.inner_text("#absensi-terakhir")
	kasir.wait_for_selector("text=1 dari 1 peserta hadir")
	shot(kasir, "kasir-absensi-pelatihan")
	staff.close()

	# the board closes the training; the member downloads the certificate
	frappe.db.rollback()
	layanan.tetapkan_kelulusan(plt.name)
	frappe.db.commit()
	page.goto("/pelatihan")
	tombol = page.locator(f'.pendaftaran-saya[data-pelatihan="{plt.name}"] .unduh-sertifikat')
	tombol.wait_for()
	with page.expect_download() as unduhan:
		tombol.click()
	berkas = unduhan.value
	assert berkas.suggested_filename.startswith("Sertifikat SRT-")
	with open(berkas.path(), "rb") as f:
		assert f.read(4) == b"%PDF"
	shot(page, "anggota-sertifikat-tersedia")
