"""A teller takes a deposit on the Kasir Simpanan screen in a few keystrokes and prints the
receipt; the member then sees it on /simpanan."""

import random

import frappe

from tests.browser.conftest import buka_di_kasir, login_form, shot
from tests.support.data import PASSWORD, anggota_dengan_login


def test_teller_deposit_printed_and_seen_by_the_member(ponsel, page, users):
	frappe.set_user("Administrator")
	kode = random.randint(1000, 9999)
	anggota = anggota_dengan_login(nama_lengkap=f"Sri Setyawati {kode}")
	frappe.db.commit()

	# find the member by part of the name, take the first match with Enter
	buka_di_kasir(page, users["kasir"], f"Setyawati {kode}")
	page.wait_for_selector("#kasir-nama")
	assert f"Sri Setyawati {kode}" in page.inner_text("#kasir-nama")
	page.select_option("#kasir-jenis", "Simpanan Sukarela")
	jumlah = page.locator("#kasir-jumlah")
	jumlah.fill("123000")
	shot(page, "kasir-sebelum-setor")
	# Enter posts the deposit and opens the receipt for printing
	with page.context.expect_page() as popup:
		jumlah.press("Enter")
	struk = popup.value
	struk.wait_for_load_state()
	page.wait_for_selector("#kasir-berhasil")
	nomor = page.inner_text("#kasir-berhasil b")
	assert nomor.startswith("TS-")
	assert "seratus dua puluh tiga ribu rupiah" in page.inner_text("#kasir-berhasil")
	struk.wait_for_selector("text=seratus dua puluh tiga ribu rupiah", timeout=60000)
	assert "printview" in struk.url and "Bukti" in struk.url.replace("%20", " ")
	shot(struk, "kasir-bukti-setoran")
	# the balance card shows the new balance; the search box is ready for the next member
	assert "123.000" in page.inner_text('.kasir-saldo[data-jenis="Simpanan Sukarela"]')
	assert page.evaluate("document.activeElement.id") == "kasir-cari"
	shot(page, "kasir-sesudah-setor")

	frappe.db.rollback()
	doc = frappe.get_doc("Transaksi Simpanan", nomor)
	assert (doc.docstatus, doc.anggota, doc.jumlah, doc.owner) == (1, anggota.name, 123000, users["kasir"])

	# the member sees it on their savings page
	mp = ponsel
	mp.goto("/login")
	login_form(mp, anggota.user, PASSWORD)
	mp.goto("/simpanan")
	mp.wait_for_selector(f'.baris-riwayat[data-nomor="{nomor}"]')
	assert "123.000" in mp.inner_text('.saldo-produk[data-kategori="Sukarela"]')
	shot(mp, "anggota-simpanan-setelah-setor")


def test_teller_takes_a_loan_repayment_and_prints_the_receipt(page, users):
	from tests.support.data import anggota_peminjam, pinjaman_cair

	frappe.set_user("Administrator")
	kode = random.randint(1000, 9999)
	anggota = anggota_peminjam(nama_lengkap=f"Joko Angsuran {kode}")
	pinjaman = pinjaman_cair(
		anggota, jumlah=1_200_000, tenor=3, posting_date=frappe.utils.add_months(frappe.utils.today(), -1)
	)
	frappe.db.commit()

	buka_di_kasir(page, users["kasir"], f"Angsuran {kode}")
	baris = page.locator(f'.kasir-pinjaman[data-pinjaman="{pinjaman.name}"]')
	baris.wait_for()
	assert "418.000" in baris.inner_text()
	baris.locator(".kasir-bayar-angsuran").click()
	page.wait_for_selector(".modal.show input[data-fieldname='jumlah']")
	with page.context.expect_page() as popup:
		page.locator(".modal.show .btn-modal-primary").click()
	kuitansi = popup.value
	kuitansi.wait_for_selector("text=empat ratus delapan belas ribu rupiah", timeout=60000)
	page.wait_for_selector("#kasir-berhasil")
	shot(page, "kasir-angsuran-pinjaman")
	shot(kuitansi, "kasir-kuitansi-angsuran")
	frappe.db.rollback()
	assert frappe.db.get_value("Pinjaman", pinjaman.name, "sisa_pokok") == 800_000
