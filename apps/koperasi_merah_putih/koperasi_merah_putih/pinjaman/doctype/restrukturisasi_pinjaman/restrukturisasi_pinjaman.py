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
		if pinjaman.docstatus != 1 or pinjaman.status != aturan.AKTIF:
			frappe.throw(_("Only an active loan can be restructured."))
		self.company = pinjaman.company
		if cint(self.tenor_baru) < 1:
			frappe.throw(_("The new tenor must be at least one month."))
		if self.tarif_baru not in (None, "") and not 0 <= flt(self.tarif_baru) <= flt(pinjaman.tarif):
			# a restructuring eases a loan: the rate may be lowered, never raised
			frappe.throw(
				_("The new rate must lie between 0 and the loan's rate of {0}.").format(
					frappe.format(flt(pinjaman.tarif), {"fieldtype": "Float"})
				)
			)
		if getdate(self.tanggal_angsuran_pertama) <= getdate(self.tanggal):
			frappe.throw(_("The first instalment must fall due after the restructuring date."))
		r = aturan.restrukturisasi(self._tagihan(pinjaman), getdate(self.tanggal))
		if r.sisa_pokok <= 0:
			frappe.throw(_("Loan {0} has no principal left to reschedule.").format(self.pinjaman))
		self.sisa_pokok, self.tunggakan_jasa, self.tunggakan_denda = r.sisa_pokok, r.jasa, r.denda
		# the first new instalment as it will be billed: what is carried comes with it
		self.angsuran_baru = self._ketentuan(pinjaman, r.dibawa).angsuran_pertama

	def _tagihan(self, pinjaman, for_update=False):
		produk = frappe.get_cached_doc("Produk Pinjaman", pinjaman.produk)
		return posisi.tagihan(posisi.baris_jadwal(self.pinjaman, for_update), produk, getdate(self.tanggal))

	def _ketentuan(self, pinjaman, dibawa: int = 0) -> aturan.Ketentuan:
		tarif = flt(self.tarif_baru) if self.tarif_baru not in (None, "") else flt(pinjaman.tarif)
		return aturan.ketentuan(
			int(self.sisa_pokok),
			cint(self.tenor_baru),
			Decimal(str(tarif)),
			pinjaman.basis_tarif,
			pinjaman.metode,
			[(aturan.DITAGIH_DENGAN_ANGSURAN, int(dibawa))],
		)

	def _jadwal_baru(self, pinjaman):
		return [a for a, _biaya in self._ketentuan(pinjaman).angsuran]

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
		owed = self._tagihan(pinjaman)
		dibawa = aturan.restrukturisasi(owed, getdate(self.tanggal))
		per_ke = {t.ke: t for t in owed}
		for row in pinjaman.jadwal:
			if per_ke[row.ke].total <= 0:
				continue
			# close the instalment at what was paid of it: what it still owed moves to the first new
			# one (jasa in arrears, denda, fees); jasa not yet due is replaced by the new schedule's
			row.pokok, row.jasa = flt(row.pokok_dibayar), flt(row.jasa_dibayar)
			row.biaya, row.denda = flt(row.biaya_dibayar), flt(row.denda_dibayar)
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
					"jasa": a.jasa + (dibawa.jasa if pertama else 0),
					"biaya": dibawa.biaya if pertama else 0,
					"denda": dibawa.denda if pertama else 0,
					"total": a.total + ((dibawa.jasa + dibawa.biaya) if pertama else 0),
					"sisa_pokok": a.sisa_pokok,
				},
			)
			row.db_insert()
		pinjaman.db_set("restrukturisasi_ke", cint(pinjaman.restrukturisasi_ke) + 1)
		posisi.perbarui(self.pinjaman, self.tanggal)

	def before_cancel(self):
		# checked before anything is written (Frappe saves the cancelled status before on_cancel):
		# a repayment on an instalment of the new schedule must be cancelled first
		ke_lama = max((cint(r["ke"]) for r in json.loads(self.jadwal_lama or "[]")), default=0)
		A = frappe.qb.DocType("Angsuran Pinjaman")
		R = frappe.qb.DocType("Rincian Angsuran Pinjaman")
		sesudah = (
			frappe.qb.from_(A)
			.join(R)
			.on(R.parent == A.name)
			.select(A.name)
			.where((A.pinjaman == self.pinjaman) & (A.docstatus == 1) & (R.ke > ke_lama))
			.limit(1)
			.run()
		)
		if sesudah:
			frappe.throw(
				_("Repayment {0} was made on the new schedule; cancel it first.").format(sesudah[0][0])
			)

	def on_cancel(self):
		pinjaman = frappe.get_doc("Pinjaman", self.pinjaman)
		frappe.db.delete("Jadwal Angsuran Pinjaman", {"parent": self.pinjaman, "parenttype": "Pinjaman"})
		for i, r in enumerate(json.loads(self.jadwal_lama or "[]"), 1):
			r.pop("name", None)
			row = pinjaman.append("jadwal", {**r, "idx": i})
			row.db_insert()
		pinjaman.db_set("restrukturisasi_ke", max(cint(pinjaman.restrukturisasi_ke) - 1, 0))
		posisi.perbarui(self.pinjaman)
