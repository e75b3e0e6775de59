"""The year-end module (0.6): the tax payable accounts it books to (2124, 2125) for every
cooperative provisioned before it, and Pengaturan SHU's default split."""

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.setup.provisioning import ensure_accounts
from koperasi_merah_putih.tutup_buku.setup import ensure_pengaturan


def execute():
	for company in frappe.get_all("Company", pluck="name"):
		if account_by_number(company, "3106"):
			ensure_accounts(company)
	ensure_pengaturan()
