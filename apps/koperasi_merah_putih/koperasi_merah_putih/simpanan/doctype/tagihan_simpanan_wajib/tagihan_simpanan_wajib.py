# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Tagihan Simpanan Wajib: one member's wajib bill for one month, made by the monthly billing
(`simpanan.tagihan.buat_tagihan_bulanan`) and settled by wajib deposits, oldest first."""

from frappe.model.document import Document


class TagihanSimpananWajib(Document):
	# made only by the app's own methods (integritas.periksa refuses a client's insert)
	hanya_server = True
