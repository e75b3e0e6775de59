# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Restrukturisasi Pinjaman: a new schedule for what is left of a loan (a longer tenor, a new
rate), submitted by the Pengurus. The instalments not yet paid are closed at what was paid of
them; the principal left is rescheduled by the pure rules, with the jasa, denda and fees in
arrears carried into the first new instalment. The old schedule is kept on this document (its
history), and cancelling it puts that schedule back. No ledger effect: the principal owed does
not change."""

import json
from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import add_months, cint, flt, getdate

from koperasi_merah_putih.izin import wajib_pengurus
from koperasi_merah_putih.pinjaman import posisi
from koperasi_merah_putih.rules import pinjaman as aturan


class RestrukturisasiPinjaman(Document):
	def validate(self):
		pinjaman = frappe.get_doc("Pinjaman", self.pinjaman)
		if pinjaman.docstatus != 1 or pinjaman.status != posisi.AKTIF:
			frappe.throw(_("Only an active loan can be restructured."))
		self.company = pinjaman.company
		if cint(self.tenor_baru) < 1:
			frappe.throw(_("The new tenor must be at least one month."))
		if flt(self.tarif_baru) < 0:
			frappe.throw(_("The rate cannot be negative."))
		if getdate(self.tanggal_angsuran_pertama) <= getdate(self.tanggal):
			frappe.throw(_("The first instalment must fall due after the restructuring date."))
		owed = self._tagihan(pinjaman)
		self.sisa_pokok = sum(t.pokok for t in owed)
		if self.sisa_pokok <= 0:
			frappe.throw(_("Loan {0} has no principal left to reschedule.").format(self.pinjaman))
		tanggal = getdate(self.tanggal)
		self.tunggakan_jasa = sum(t.jasa for t in owed if t.jatuh_tempo <= tanggal)
		self.tunggakan_denda = sum(t.denda for t in owed) + sum(t.biaya for t in owed)
		jadwal = self._jadwal_baru(pinjaman)
		self.angsuran_baru = jadwal[0].total + self.tunggakan_jasa + self.tunggakan_denda

	def _tagihan(self, pinjaman, for_update=False):
		produk = frappe.get_cached_doc("Produk Pinjaman", pinjaman.produk)
		return posisi.tagihan(posisi.baris_jadwal(self.pinjaman, for_update), produk, getdate(self.tanggal))

	def _jadwal_baru(self, pinjaman):
		tarif = flt(self.tarif_baru) if self.tarif_baru not in (None, "") else flt(pinjaman.tarif)
		return aturan.jadwal(
			int(self.sisa_pokok),
			cint(self.tenor_baru),
			Decimal(str(tarif)),
			pinjaman.basis_tarif,
			pinjaman.metode,
		)

	def before_submit(self):
		wajib_pengurus(_("A restructuring must be approved by the Pengurus."))
		frappe.db.get_value("Pinjaman", self.pinjaman, "name", for_update=True)
		self.validate()

	def on_submit(self):
		pinjaman = frappe.get_doc("Pinjaman", self.pinjaman)
		lama = posisi.baris_jadwal(self.pinjaman, for_update=True)
		self.db_set(
			"jadwal_lama",
			json.dumps([{k: v for k, v in r.items() if k != "parent"} for r in lama], default=str),
		)
		owed = {t.ke: t for t in self._tagihan(pinjaman)}
		carried_biaya = carried_denda = 0
		for row in pinjaman.jadwal:
			if row.lunas:
				continue
			t = owed[row.ke]
			# close the instalment at what was paid of it; what it still owed moves on
			carried_biaya += t.biaya
			carried_denda += t.denda
			row.pokok, row.biaya = flt(row.pokok_dibayar), flt(row.biaya_dibayar)
			# jasa in arrears is carried (tunggakan_jasa); jasa not yet due is replaced by the new schedule's
			row.jasa = flt(row.jasa_dibayar)
			row.denda = flt(row.denda_dibayar)
			row.total, row.lunas = flt(row.pokok) + flt(row.jasa) + flt(row.biaya), 1
			row.db_update()
		ke = max(cint(r.ke) for r in pinjaman.jadwal)
		for a in self._jadwal_baru(pinjaman):
			pertama = a.ke == 1
			row = pinjaman.append(
				"jadwal",
				{
					"ke": ke + a.ke,
					"jatuh_tempo": add_months(self.tanggal_angsuran_pertama, a.ke - 1),
					"pokok": a.pokok,
					"jasa": a.jasa + (flt(self.tunggakan_jasa) if pertama else 0),
					"biaya": carried_biaya if pertama else 0,
					"denda": carried_denda if pertama else 0,
					"total": a.total + ((flt(self.tunggakan_jasa) + carried_biaya) if pertama else 0),
					"sisa_pokok": a.sisa_pokok,
				},
			)
			row.db_insert()
		pinjaman.db_set("restrukturisasi_ke", cint(pinjaman.restrukturisasi_ke) + 1)
		posisi.perbarui(self.pinjaman, self.tanggal)

	def on_cancel(self):
		sesudah = frappe.db.get_value(
			"Angsuran Pinjaman",
			{"pinjaman": self.pinjaman, "docstatus": 1, "creation": (">", self.modified)},
			"name",
		)
		if sesudah:
			frappe.throw(_("Repayment {0} was made on the new schedule; cancel it first.").format(sesudah))
		pinjaman = frappe.get_doc("Pinjaman", self.pinjaman)
		frappe.db.delete("Jadwal Angsuran Pinjaman", {"parent": self.pinjaman, "parenttype": "Pinjaman"})
		for i, r in enumerate(json.loads(self.jadwal_lama or "[]"), 1):
			r.pop("name", None)
			row = pinjaman.append("jadwal", {**r, "idx": i})
			row.db_insert()
		pinjaman.db_set("restrukturisasi_ke", max(cint(pinjaman.restrukturisasi_ke) - 1, 0))
		posisi.perbarui(self.pinjaman)
