# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pelatihan: a training or outreach event with its sessions, quota and completion rule."""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, get_datetime, get_time, getdate

from koperasi_merah_putih.integritas import dari_basis_data
from koperasi_merah_putih.pelatihan import layanan
from koperasi_merah_putih.rules import pelatihan as aturan


class Pelatihan(Document):
	def validate(self):
		if cint(self.kuota) < 0:
			frappe.throw(_("The quota cannot be negative (0 means no limit)."))
		if flt(self.biaya) < 0:
			frappe.throw(_("The fee cannot be negative."))
		if not 0 <= flt(self.minimal_kehadiran) <= 100:
			frappe.throw(_("The minimum attendance is a percentage from 0 to 100."))
		if not self.sesi:
			frappe.throw(_("Add at least one session."))
		for s in self.sesi:
			if s.jam_mulai and s.jam_selesai and get_time(s.jam_selesai) <= get_time(s.jam_mulai):
				frappe.throw(_("Session {0}: the end time must be after the start time.").format(s.idx))
		self.sesi.sort(key=lambda s: (getdate(s.tanggal), get_time(s.jam_mulai or "00:00:00")))
		for i, s in enumerate(self.sesi, 1):
			s.idx = i
		first, last = self.sesi[0], self.sesi[-1]
		self.mulai = get_datetime(f"{first.tanggal} {first.jam_mulai or '00:00:00'}")
		self.selesai = get_datetime(f"{last.tanggal} {last.jam_selesai or '23:59:59'}")
		if self.batas_pendaftaran and get_datetime(self.batas_pendaftaran) > self.selesai:
			frappe.throw(_("The registration deadline is after the training ends."))

	def on_update(self):
		before = self.get_doc_before_save()
		if before and cint(self.kuota) != cint(before.kuota) and self.status == aturan.DIBUKA:
			# more seats: the waiting list moves up
			plt = frappe.db.get_value(
				"Pelatihan", self.name, ["name", "kuota", "biaya", "company"], as_dict=True, for_update=True
			)
			layanan.promosikan(plt)
			layanan.hitung_ulang(self.name)

	@frappe.whitelist()
	def daftarkan(
		self,
		anggota: str | None = None,
		nama: str | None = None,
		nomor_hp: str | None = None,
		kelurahan: str | None = None,
		jenis_kelamin: str | None = None,
	):
		"""Staff register a member, or a resident by name and phone."""
		dari_basis_data(self, "write")
		frappe.has_permission("Pendaftaran Pelatihan", "create", throw=True)
		doc = layanan.daftar(
			self.name,
			anggota=anggota,
			sumber="Staf",
			nama=nama,
			nomor_hp=nomor_hp,
			kelurahan=kelurahan,
			jenis_kelamin=jenis_kelamin,
		)
		return {"name": doc.name, "status": doc.status}

	@frappe.whitelist()
	def tetapkan_kelulusan(self):
		"""Close the training and issue certificate numbers to those who completed it."""
		dari_basis_data(self, "write")
		return layanan.tetapkan_kelulusan(self.name)

	@frappe.whitelist()
	def ringkasan_umpan_balik(self) -> dict:
		"""The feedback in figures: how many answered, average stars (1-5) per question, the remarks."""
		dari_basis_data(self, "read", ubah=False)
		U = frappe.qb.DocType("Umpan Balik Pelatihan")
		from frappe.query_builder.functions import Avg, Count

		row = (
			frappe.qb.from_(U)
			.select(
				Count(U.name).as_("jumlah"),
				Avg(U.nilai_keseluruhan).as_("keseluruhan"),
				Avg(U.nilai_materi).as_("materi"),
				Avg(U.nilai_pelatih).as_("pelatih"),
			)
			.where(U.pelatihan == self.name)
			.run(as_dict=True)[0]
		)
		bintang = {
			k: round(flt(row[k]) * 5, 1) if row[k] is not None else None
			for k in ("keseluruhan", "materi", "pelatih")
		}
		saran = frappe.get_all(
			"Umpan Balik Pelatihan",
			filters={"pelatihan": self.name, "saran": ("is", "set")},
			pluck="saran",
			order_by="creation desc",
			limit=20,
		)
		return {"jumlah": row.jumlah, **bintang, "saran": saran}
