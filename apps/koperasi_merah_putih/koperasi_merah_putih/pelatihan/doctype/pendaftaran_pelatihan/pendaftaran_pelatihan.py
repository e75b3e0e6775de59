# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pendaftaran Pelatihan: one person's registration (seat or waiting list), attendance,
completion and certificate. Made and changed only through pelatihan.layanan."""

import frappe
from frappe import _
from frappe.model.document import Document

from koperasi_merah_putih.integritas import dari_basis_data
from koperasi_merah_putih.pelatihan import layanan


class PendaftaranPelatihan(Document):
	# made only by the app's own methods (integritas.periksa refuses a client's insert)
	hanya_server = True

	def has_website_permission(self, ptype, user=None, verbose=False):
		"""A member may read their own registrations, and print their own certificate once earned."""
		user = user or frappe.session.user
		if not self.user or self.user != user:
			return False
		return ptype == "read" or (ptype == "print" and bool(self.lulus))

	@frappe.whitelist()
	def batalkan(self):
		dari_basis_data(self, "write")
		# a registration belongs to its training's cooperative (User Permissions on Company)
		frappe.has_permission("Pelatihan", "write", doc=self.pelatihan, throw=True)
		layanan.batalkan(self.name)

	def on_trash(self):
		if self.lulus or frappe.db.exists("Kehadiran Pelatihan", {"pendaftaran": self.name}):
			frappe.throw(_("A registration with attendance cannot be deleted; cancel it instead."))
