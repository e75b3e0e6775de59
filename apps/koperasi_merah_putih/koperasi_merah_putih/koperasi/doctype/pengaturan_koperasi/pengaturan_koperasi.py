# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later

import frappe
from frappe import _
from frappe.model.document import Document


class PengaturanKoperasi(Document):
	def validate(self):
		if self.usia_minimal_anggota is not None and self.usia_minimal_anggota < 0:
			frappe.throw(_("The minimum member age cannot be negative."))
		if self.seri_nomor_anggota and "#" not in self.seri_nomor_anggota:
			frappe.throw(
				_("The member number series must contain # for the running number, e.g. AGT-.YYYY.-.#####.")
			)
