"""The treasurer closes the year in the desk (the checklist, then Tutup Buku with ERPNext's Period
Closing Voucher), computes and posts the SHU once the RAT approved it, prints the Buku RAT; the
member then sees their SHU on a phone."""

import random

import frappe

from tests.browser.conftest import login_form, shot
from tests.support.data import (
	PASSWORD,
	koperasi_baru,
	penutupan_selesai,
	rat_menyetujui,
	setahun_usaha,
	siapkan_akhir_tahun,
	tahun_tutup_buku,
)


def pilih(page, fieldname: str, value: str) -> None:
	field = page.locator(f".frappe-control[data-fieldname='{fieldname}'] input")
	field.fill(value)
	page.wait_for_selector(f".awesomplete [role='option']:has-text('{value}')")
	field.press("Enter")


def ajukan(page) -> None:
	page.keyboard.press("Control+s")
	page.locator(".modal.show .btn-modal-primary").click()


def test_treasurer_closes_shares_and_prints_member_sees_shu(ponsel, page, users):
	frappe.set_user("Administrator")
	company = koperasi_baru(f"Uji SHU Browser {random.randint(1000, 9999)}")  # a year closes once
	fy = tahun_tutup_buku()
	a, _b, _c, _p = setahun_usaha(company, login=True)
	siapkan_akhir_tahun(company)
	frappe.db.commit()

	page.goto("/login")
	login_form(page, users["pengurus"], PASSWORD)
	page.goto("/app/tutup-buku/new")
	pilih(page, "company", company)
	pilih(page, "fiscal_year", fy)
	page.keyboard.press("Control+s")
	page.wait_for_url(lambda url: "/app/tutup-buku/new" not in url, timeout=60000)
	page.wait_for_selector(".form-message:has-text('Neraca saldo seimbang')", timeout=60000)
	shot(page, "tutup-buku-periksa")
	ajukan(page)
	page.wait_for_selector("button:has-text('Pembagian SHU')", timeout=120000)
	shot(page, "tutup-buku-selesai")
	frappe.db.rollback()
	tb = frappe.db.get_value(
		"Tutup Buku",
		{"company": company, "fiscal_year": fy},
		["name", "docstatus", "period_closing_voucher"],
		as_dict=True,
	)
	assert tb.docstatus == 1 and tb.period_closing_voucher
	assert penutupan_selesai(tb.name) == "Completed"
	frappe.db.commit()

	page.get_by_role("button", name="Pembagian SHU").click()
	page.wait_for_url("**/app/pembagian-shu/new**")
	page.keyboard.press("Control+s")
	page.wait_for_url(lambda url: "/app/pembagian-shu/new" not in url, timeout=60000)
	page.get_by_role("button", name="Hitung").click()
	page.wait_for_selector(
		".frappe-control[data-fieldname='jumlah_anggota'] .control-value:has-text('3')", timeout=60000
	)
	nama = page.url.rstrip("/").split("/")[-1]
	frappe.db.rollback()

	# the members' meeting approves the split (recorded by the secretary)
	rat = rat_menyetujui(company, fy, nama)
	frappe.db.commit()
	page.reload()
	page.wait_for_selector(
		".frappe-control[data-fieldname='rapat_anggota_tahunan'] a, .frappe-control[data-fieldname='rapat_anggota_tahunan'] .control-value",
		timeout=60000,
	)
	ajukan(page)
	page.wait_for_selector("button:has-text('Bayar SHU')", timeout=120000)
	shot(page, "pembagian-shu-diposting")
	frappe.db.rollback()
	assert frappe.db.get_value("Pembagian SHU", nama, "docstatus") == 1

	page.goto(f"/printview?doctype=Rapat%20Anggota%20Tahunan&name={rat}&format=Buku%20RAT")
	page.wait_for_selector("text=Laporan Posisi Keuangan", timeout=60000)
	assert "Daftar SHU per Anggota" in page.content()
	assert a.nama_lengkap in page.content()
	shot(page, "buku-rat")

	mp = ponsel
	mp.goto("/login")
	login_form(mp, a.user, PASSWORD)
	mp.goto("/shu")
	mp.wait_for_selector(f".shu-tahun[data-tahun='{fy}']")
	bersih = frappe.db.get_value("Rincian SHU Anggota", {"pembagian_shu": nama, "anggota": a.name}, "bersih")
	assert f"{int(bersih):,}".replace(",", ".") in mp.inner_text(f".shu-tahun[data-tahun='{fy}'] .shu-bersih")
	shot(mp, "shu-anggota")
