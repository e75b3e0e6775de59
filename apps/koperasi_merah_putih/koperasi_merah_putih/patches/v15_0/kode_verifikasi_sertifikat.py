"""Certificates issued before the public check took a random code: give each one its code (the
check no longer accepts the serial certificate number; reprinting shows the new QR)."""

import frappe


def execute():
	for name in frappe.get_all(
		"Pendaftaran Pelatihan",
		filters={"lulus": 1, "nomor_sertifikat": ("is", "set"), "kode_verifikasi": ("is", "not set")},
		pluck="name",
	):
		frappe.db.set_value(
			"Pendaftaran Pelatihan",
			name,
			"kode_verifikasi",
			frappe.generate_hash(length=20),
			update_modified=False,
		)
