# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Masa Jabatan: one term of office of a board member (pengurus) or supervisor (pengawas)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import getdate, today

from koperasi_merah_putih.rules import keanggotaan as aturan


def _jabatan(row) -> aturan.Jabatan:
	return aturan.Jabatan(
		row.anggota,
		row.organ,
		row.jabatan,
		getdate(row.tanggal_mulai),
		getdate(row.tanggal_selesai) if row.tanggal_selesai else None,
	)


class MasaJabatan(Document):
	def validate(self):
		status = frappe.db.get_value("Anggota", self.anggota, "status")
		if status not in aturan.BOLEH_BERTRANSAKSI and not self.tanggal_selesai:
			frappe.throw(_("Only an approved or active member can hold office."))
		yang_ada = frappe.get_all(
			"Masa Jabatan",
			filters={"name": ("!=", self.name), "company": self.company},
			fields=["anggota", "nama_anggota", "organ", "jabatan", "tanggal_mulai", "tanggal_selesai"],
		)
		nama = {row.anggota: row.nama_anggota for row in yang_ada}
		for alasan, lain in aturan.bentrok(_jabatan(self), [_jabatan(r) for r in yang_ada]):
			if alasan == "urutan":
				frappe.throw(_("The end of the term cannot be before its start."))
			if alasan == "organ":
				frappe.throw(_("{0} is not a position of the {1}.").format(_(self.jabatan), _(self.organ)))
			if alasan == "tunggal":
				frappe.throw(
					_("{0} is already held by {1} in this period.").format(
						_(lain.jabatan), nama[lain.anggota]
					)
				)
			if alasan == "rangkap":
				frappe.throw(
					_("A person cannot sit on the board and among the supervisors at the same time.")
				)
			if alasan == "ganda":
				frappe.throw(
					_("{0} already holds {1} in this period.").format(self.nama_anggota, _(lain.jabatan))
				)


@frappe.whitelist()
def pemegang_jabatan(
	tanggal: str | None = None, company: str | None = None, koperasi: str | None = None
) -> list[dict]:
	"""Who holds office on a date (default today): the board first, then the supervisors."""
	frappe.has_permission("Masa Jabatan", "read", throw=True)
	# `koperasi`: the argument's name before 0.7
	return menjabat(tanggal, company or koperasi, daftar=frappe.get_list)


def menjabat(
	tanggal=None, company: str | None = None, anggota: str | None = None, daftar=frappe.get_all
) -> list[dict]:
	"""The terms in force on a date (the rule is `rules.keanggotaan.pemegang_pada`), read without
	the reader's permissions unless `daftar` is `frappe.get_list`: who chairs the cooperative is
	printed on a member's loan agreement, and an office holder registers for board trainings."""
	tanggal = getdate(tanggal or today())
	filters = {k: v for k, v in (("company", company), ("anggota", anggota)) if v}
	rows = daftar(
		"Masa Jabatan",
		filters=filters,
		fields=["name", "anggota", "nama_anggota", "organ", "jabatan", "tanggal_mulai", "tanggal_selesai"],
		limit_page_length=0,
	)
	by_key = {(r.anggota, r.jabatan, getdate(r.tanggal_mulai)): r for r in rows}
	return [
		by_key[(j.anggota, j.jabatan, j.mulai)]
		for j in aturan.pemegang_pada([_jabatan(r) for r in rows], tanggal)
	]
