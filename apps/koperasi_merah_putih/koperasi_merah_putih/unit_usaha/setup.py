# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Seed of the outlets module at provisioning: the walk-in customer, the price lists and, if
Pengaturan Koperasi says so, a gerai sembako with its till for a cooperative that has no outlet."""

import frappe
from frappe import _
from frappe.utils import cint

from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.unit_usaha.siapkan import HARGA_ANGGOTA, HARGA_UMUM, daftar_harga, pembeli_umum


def ensure(company: str) -> None:
	pembeli_umum()
	daftar_harga(HARGA_UMUM)
	daftar_harga(HARGA_ANGGOTA)
	if not cint(frappe.db.get_single_value("Pengaturan Koperasi", "buat_gerai_sembako")):
		return
	if frappe.db.exists("Unit Usaha", {"company": company}):
		return
	frappe.get_doc(
		{
			"doctype": "Unit Usaha",
			"company": company,
			"nama_unit": _("Gerai Sembako"),
			"jenis_unit": aturan.GERAI_SEMBAKO,
			"status": aturan.BEROPERASI,
		}
	).insert(ignore_permissions=True)
