"""A member applies for a loan on their phone (with the schedule simulation), the Pengurus
approves it in the desk and disburses it, and the member then sees the loan's schedule."""

import random

import frappe

from tests.browser.conftest import login, login_form, shot
from tests.support.data import PASSWORD, anggota_dengan_login, nik_baru, transaksi_simpanan


def test_member_applies_staff_approves_and_disburses_member_sees_schedule(ponsel, page, users):
	frappe.set_user("Administrator")
	kode = random.randint(1000, 9999)
	anggota = anggota_dengan_login(nama_lengkap=f"Wulan Peminjam {kode}")
	anggota.db_set("tanggal_bergabung", "2025-01-02")
	transaksi_simpanan(anggota, "Simpanan Sukarela", 1_000_000)
	frappe.db.commit()

	# the member, on a phone-sized screen
	mp = ponsel
	mp.goto("/login")
	login_form(mp, anggota.user, PASSWORD)
	mp.goto("/pinjaman")
	mp.select_option('select[name="produk"]', "Pinjaman Anggota")
	mp.fill('input[name="jumlah"]', "2000000")
	mp.fill('input[name="tenor"]', "4")
	mp.fill('textarea[name="tujuan"]', "Modal usaha jahit")
	mp.click("#lihat-simulasi")
	mp.wait_for_selector("#tabel-simulasi")
	assert mp.locator("#tabel-simulasi tr").count() == 5  # header and four instalments
	assert "memenuhi syarat" in mp.inner_text("#alasan-kelayakan")
	shot(mp, "pinjaman-simulasi-anggota")
	mp.fill('input[name="nama_penjamin"]', "Agus Penjamin")
	mp.fill('input[name="nik_penjamin"]', nik_baru())
	mp.fill('input[name="hp_penjamin"]', "0813-4444-5555")
	mp.select_option('select[name="hubungan_penjamin"]', "Suami/Istri")
	mp.click("#kirim-pengajuan")
	try:
		mp.wait_for_selector("#pesan-pinjaman.alert-success")
	except Exception:
		shot(mp, "pinjaman-gagal-kirim")
		raise
	mp.wait_for_selector(".baris-pengajuan", timeout=30000)
	nomor = mp.get_attribute(".baris-pengajuan", "data-pengajuan")
	assert "Diajukan" in mp.inner_text(".baris-pengajuan .status-pengajuan")

	# the Pengurus approves and disburses in the desk (once the desk has loaded after login)
	login(page, users["pengurus"])
	page.goto(f"/app/pengajuan-pinjaman/{nomor}")
	page.wait_for_selector(
		"#tabel-simulasi, .frappe-control[data-fieldname='simulasi_html'] table", timeout=60000
	)
	page.get_by_role("button", name="Setujui").click()
	page.locator(".modal.show .btn-modal-primary").click()
	page.wait_for_selector("button:has-text('Cairkan Pinjaman')", timeout=60000)
	shot(page, "pinjaman-pengajuan-disetujui")
	page.get_by_role("button", name="Cairkan Pinjaman").click()
	page.wait_for_url("**/app/pinjaman/new**")
	cara = page.locator(".frappe-control[data-fieldname='mode_of_payment'] input")
	cara.fill("Cash")
	page.wait_for_selector(".awesomplete [role='option']:has-text('Cash')")
	cara.press("Enter")
	page.keyboard.press("Control+s")
	page.wait_for_url(lambda url: "/app/pinjaman/new" not in url, timeout=60000)
	page.wait_for_selector(".frappe-control[data-fieldname='jadwal'] .grid-row[data-idx='4']", timeout=60000)
	page.keyboard.press("Control+s")
	page.locator(".modal.show .btn-modal-primary").click()
	page.wait_for_selector("button:has-text('Bayar Angsuran')", timeout=60000)
	shot(page, "pinjaman-dicairkan")
	frappe.db.rollback()
	pinjaman = frappe.db.get_value("Pengajuan Pinjaman", nomor, "pinjaman_dicairkan")
	assert frappe.db.get_value("Pinjaman", pinjaman, ["docstatus", "status", "jumlah"]) == (
		1,
		"Aktif",
		2_000_000,
	)

	# the member sees the loan with its schedule and the next instalment
	mp.goto("/pinjaman")
	kartu = mp.locator(f'.pinjaman-saya[data-pinjaman="{pinjaman}"]')
	kartu.wait_for()
	kartu.locator(".jadwal-pinjaman summary").click()
	assert kartu.locator(".baris-jadwal").count() == 4
	assert "530.000" in kartu.locator(".angsuran-berikutnya").inner_text()  # 500,000 + 1.5% of 2,000,000
	shot(mp, "pinjaman-jadwal-anggota")
