# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pengaturan Pinjaman: the collectibility table (a preset or the cooperative's own), the amount
above which the Pengurus must approve, and what happens to an overpaid instalment."""

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt

from koperasi_merah_putih.rules import pinjaman as aturan

PRESET = {aturan.SKEMA_LIMA: aturan.LIMA_KELAS, aturan.SKEMA_EMPAT: aturan.EMPAT_KELAS}


class PengaturanPinjaman(Document):
	def validate(self):
		lama = self.get_doc_before_save()
		if self.skema in PRESET and (not self.kelas or (lama and lama.skema != self.skema)):
			self.isi_preset()
		if not self.kelas:
			frappe.throw(_("The collectibility table needs at least one class."))
		hari = [cint(k.dari_hari) for k in self.kelas]
		if min(hari) != 0:
			frappe.throw(_("The first collectibility class must start at 0 days past due."))
		if len(set(hari)) != len(hari):
			frappe.throw(_("Two collectibility classes start at the same number of days."))
		for k in self.kelas:
			if not 0 <= flt(k.persen_ppap) <= 100:
				frappe.throw(
					_("Class {0}: the provision rate must be between 0 and 100%.").format(k.nama_kelas)
				)
		self.kelas.sort(key=lambda k: cint(k.dari_hari))
		for i, k in enumerate(self.kelas, 1):
			k.idx = i
		if flt(self.batas_persetujuan_kasir) < 0:
			frappe.throw(_("The approval limit cannot be negative."))

	def isi_preset(self):
		self.set("kelas", [])
		for k in PRESET[self.skema]:
			self.append(
				"kelas",
				{
					"nama_kelas": k.nama,
					"dari_hari": k.dari_hari,
					"persen_ppap": float(k.ppap_persen),
					"bermasalah": int(k.bermasalah),
				},
			)


def pengaturan():
	doc = frappe.get_cached_doc("Pengaturan Pinjaman")
	if not doc.kelas:
		doc = frappe.get_doc("Pengaturan Pinjaman")
		doc.skema = doc.skema or "Lima Kelas (Bank)"
		doc.isi_preset()
	return doc


def tabel_kelas() -> tuple[aturan.Kelas, ...]:
	"""The cooperative's collectibility table as the rules' classes."""
	return tuple(
		aturan.Kelas(k.nama_kelas, cint(k.dari_hari), Decimal(str(flt(k.persen_ppap))), bool(k.bermasalah))
		for k in pengaturan().kelas
	)
