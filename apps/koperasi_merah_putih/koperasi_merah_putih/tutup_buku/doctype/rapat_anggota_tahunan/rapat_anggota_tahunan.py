# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Rapat Anggota Tahunan (RAT): the members' meeting on a closed year.

The members entitled to attend are counted from the register on the meeting's date, those present
are listed from it, and the quorum (Pengaturan SHU, "more than N%") is the pure rule's. Submitting
records the decisions, and none is valid without the quorum: the accounts accepted, the SHU split
approved (which locks the Pembagian SHU's percentages and lets it be posted), the RAPB (an ERPNext
Budget) approved (the Budget is submitted), and the board elected (a Masa Jabatan per person)."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.query_builder.functions import Count
from frappe.utils import cint, flt, getdate, today

from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.tutup_buku import buku


def anggota_berhak(company: str, tanggal) -> int:
	A = frappe.qb.DocType("Anggota")
	row = (
		frappe.qb.from_(A)
		.select(Count("*"))
		.where(
			(A.company == company)
			& A.status.isin(list(keanggotaan.BOLEH_BERTRANSAKSI))
			& (A.tanggal_bergabung.isnull() | (A.tanggal_bergabung <= tanggal))
		)
		.run()
	)
	return cint(row[0][0])


class RapatAnggotaTahunan(Document):
	def validate(self):
		_awal, akhir = buku.tahun_buku(self.fiscal_year)
		if getdate(self.tanggal) <= getdate(akhir):
			frappe.throw(
				_("The RAT on fiscal year {0} is held after the year ends ({1}).").format(
					self.fiscal_year, akhir
				)
			)
		lain = buku.dokumen_lain(self, "fiscal_year")
		if lain:
			frappe.throw(
				_("The RAT on fiscal year {0} is already recorded in {1}.").format(self.fiscal_year, lain)
			)
		self._kehadiran()
		self._keputusan()

	def _kehadiran(self):
		self.jumlah_anggota_berhak = anggota_berhak(self.company, self.tanggal)
		if self.docstatus == 0:
			self.kuorum_persen = frappe.get_cached_doc("Pengaturan SHU").kuorum_persen or 50
		seen = set()
		berhak = {
			r.name: r
			for r in frappe.get_all(
				"Anggota",
				filters={"name": ("in", [k.anggota for k in self.kehadiran] or [""])},
				fields=["name", "company", "status", "nama_lengkap", "tanggal_bergabung"],
			)
		}
		for row in self.kehadiran:
			a = berhak.get(row.anggota)
			# entitled as counted: a member of the cooperative on the meeting's date
			if (
				not a
				or a.company != self.company
				or a.status not in keanggotaan.BOLEH_BERTRANSAKSI
				or (a.tanggal_bergabung and getdate(a.tanggal_bergabung) > getdate(self.tanggal))
			):
				frappe.throw(
					_("Row {0}: {1} is not a member entitled to attend.").format(row.idx, row.anggota)
				)
			if row.anggota in seen:
				frappe.throw(_("Row {0}: {1} is listed twice.").format(row.idx, a.nama_lengkap))
			seen.add(row.anggota)
		self.jumlah_hadir = len(seen)
		self.kuorum_minimal = aturan.kuorum_minimal(self.jumlah_anggota_berhak, self.kuorum_persen)
		self.kuorum_terpenuhi = int(
			aturan.kuorum_terpenuhi(self.jumlah_hadir, self.jumlah_anggota_berhak, self.kuorum_persen)
		)

	def _keputusan(self):
		if self.shu_disetujui and not self.pembagian_shu:
			frappe.throw(_("Name the Pembagian SHU the RAT approved."))
		if self.pembagian_shu:
			p = frappe.db.get_value(
				"Pembagian SHU",
				self.pembagian_shu,
				["company", "tahun_buku", "docstatus", "rapat_anggota_tahunan", "shu", "jumlah_anggota"],
				as_dict=True,
			)
			if not p or p.company != self.company or p.tahun_buku != self.fiscal_year:
				frappe.throw(
					_("{0} is not the SHU of {1} for {2}.").format(
						self.pembagian_shu, self.company, self.fiscal_year
					)
				)
			if self.docstatus == 0 and (
				p.docstatus != 0 or (p.rapat_anggota_tahunan and p.rapat_anggota_tahunan != self.name)
			):
				frappe.throw(_("{0} has already been decided.").format(self.pembagian_shu))
			if self.shu_disetujui and flt(p.shu) > 0 and not p.jumlah_anggota:
				frappe.throw(
					_("Compute the members' shares of {0} (Hitung) before the RAT approves them.").format(
						self.pembagian_shu
					)
				)
		if self.rapb_disetujui and not self.rapb:
			frappe.throw(_("Name the RAPB (Budget) the RAT approved."))
		if self.rapb and frappe.db.get_value("Budget", self.rapb, "company") != self.company:
			frappe.throw(_("Budget {0} belongs to another cooperative.").format(self.rapb))
		for row in self.pengurus_terpilih:
			if getdate(row.tanggal_selesai) < getdate(row.tanggal_mulai):
				frappe.throw(_("Row {0}: the end of the term cannot be before its start.").format(row.idx))

	def before_submit(self):
		if getdate(self.tanggal) > getdate(today()):
			frappe.throw(
				_("The RAT is held on {0}: its decisions are recorded from that day.").format(self.tanggal)
			)
		memutuskan = (
			self.laporan_diterima or self.shu_disetujui or self.rapb_disetujui or self.pengurus_terpilih
		)
		if memutuskan and not self.kuorum_terpenuhi:
			frappe.throw(
				_(
					"The RAT has no quorum: {0} of {1} members attended, at least {2} are needed. "
					"It cannot decide anything; hold it again."
				).format(self.jumlah_hadir, self.jumlah_anggota_berhak, self.kuorum_minimal),
				title=_("No quorum"),
			)

	def on_submit(self):
		from koperasi_merah_putih.tutup_buku.doctype.pembagian_shu.pembagian_shu import setujui_rat

		if self.shu_disetujui:
			setujui_rat(self.pembagian_shu, self.name)
		if self.rapb_disetujui:
			budget = frappe.get_doc("Budget", self.rapb)
			if budget.docstatus == 0:
				budget.flags.ignore_permissions = True
				budget.submit()
		for row in self.pengurus_terpilih:
			mj = frappe.get_doc(
				{
					"doctype": "Masa Jabatan",
					"anggota": row.anggota,
					"company": self.company,
					"organ": row.organ,
					"jabatan": row.jabatan,
					"tanggal_mulai": row.tanggal_mulai,
					"tanggal_selesai": row.tanggal_selesai,
					"dasar_pengangkatan": _("Elected at RAT {0}").format(self.name),
				}
			)
			mj.flags.ignore_permissions = True
			mj.insert()
			row.db_set("masa_jabatan", mj.name)

	def on_cancel(self):
		if self.pembagian_shu:
			p = frappe.get_doc("Pembagian SHU", self.pembagian_shu)
			if p.docstatus == 0 and p.rapat_anggota_tahunan == self.name:
				tetapkan(p, rapat_anggota_tahunan=None)
				p.flags.disetujui_rat = True
				p.flags.ignore_permissions = True
				p.save()
		for row in self.pengurus_terpilih:
			if row.masa_jabatan and frappe.db.exists("Masa Jabatan", row.masa_jabatan):
				frappe.delete_doc("Masa Jabatan", row.masa_jabatan, ignore_permissions=True)
				row.db_set("masa_jabatan", None)
