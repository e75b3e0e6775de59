# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Unit Usaha: one of the cooperative's outlets (gerai sembako, apotek desa, ...), with what it needs
in ERPNext (cost center, warehouse, cash account, POS Profile) made on save and found again later
(unit_usaha/siapkan.py)."""

import frappe
from frappe import _
from frappe.model.document import Document

from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.rules.kontak import NomorHPTidakValid, normalisasi_hp
from koperasi_merah_putih.unit_usaha import siapkan


class UnitUsaha(Document):
	def autoname(self):
		abbr = frappe.get_cached_value("Company", self.company, "abbr")
		self.name = f"{(self.nama_unit or '').strip()} - {abbr}"

	def validate(self):
		self.nama_unit = (self.nama_unit or "").strip()
		if not self.kode_kbli:
			self.kode_kbli = aturan.JENIS_UNIT.get(self.jenis_unit)
		if self.kode_kbli and not (self.kode_kbli.isdigit() and len(self.kode_kbli) == 5):
			frappe.throw(_("A KBLI 2020 code has five digits (for example 47111)."))
		if self.nomor_wa:
			try:
				self.nomor_wa = normalisasi_hp(self.nomor_wa)
			except NomorHPTidakValid:
				frappe.throw(_("The phone number is not a valid Indonesian mobile number."))
		tetapkan(self, **siapkan.siapkan(self))

	def on_update(self):
		# a closed unit's till is closed too
		tutup = int(self.status == aturan.TUTUP)
		if frappe.db.get_value("POS Profile", self.pos_profile, "disabled") != tutup:
			frappe.db.set_value("POS Profile", self.pos_profile, "disabled", tutup)
