# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later

from urllib.parse import urlparse

import frappe
from frappe import _
from frappe.model.document import Document

from koperasi_merah_putih.koperasi import situs
from koperasi_merah_putih.rules import kontak


class PengaturanKoperasi(Document):
	def validate(self):
		# a Single is never submitted or cancelled (Frappe does not stop a client asking)
		if self.docstatus != 0:
			frappe.throw(_("The cooperative's settings cannot be submitted or cancelled."))
		if self.usia_minimal_anggota is not None and self.usia_minimal_anggota < 0:
			frappe.throw(_("The minimum member age cannot be negative."))
		if self.seri_nomor_anggota and "#" not in self.seri_nomor_anggota:
			frappe.throw(
				_("The member number series must contain # for the running number, e.g. AGT-.YYYY.-.#####.")
			)
		self.periksa_situs()

	def periksa_situs(self):
		"""What the public website shows: checked here, as it reaches every visitor's page."""
		if self.warna_utama and not situs.WARNA.fullmatch(self.warna_utama):
			frappe.throw(_("The main colour must be a hex colour code such as #B71C1C."))
		if self.logo_koperasi and not (
			situs.logo_sah(self.logo_koperasi)
			and frappe.db.exists("File", {"file_url": self.logo_koperasi, "is_private": 0})
		):
			frappe.throw(
				_(
					"The logo must be a public image file (PNG, JPG, WebP, SVG or GIF) whose name has only letters, digits, dots, dashes and underscores: upload it again without marking it private."
				)
			)
		if self.nomor_kontak:
			try:
				self.nomor_kontak = kontak.normalisasi_hp(self.nomor_kontak)
			except kontak.NomorHPTidakValid:
				frappe.throw(
					_("The office's mobile number {0} is not a valid Indonesian mobile number.").format(
						frappe.utils.escape_html(self.nomor_kontak)
					)
				)
		if self.tautan_peta and urlparse(self.tautan_peta.strip()).scheme != "https":
			frappe.throw(_("The map link must begin with https://."))

	def before_cancel(self):
		frappe.throw(_("The cooperative's settings cannot be submitted or cancelled."))

	def on_update(self):
		situs.terapkan_situs()
