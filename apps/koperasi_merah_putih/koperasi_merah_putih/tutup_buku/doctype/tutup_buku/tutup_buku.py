# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Tutup Buku: a cooperative closes a fiscal year.

Saving shows the checklist (tutup_buku/periksa.py) and the cooperative's income tax for the year
(Pengaturan SHU's method, computed by the pure rules). Submit refuses while an item is not ready;
it books the tax as an expense (Dr 5401, Cr 2124) through the one posting path, then closes the
year with ERPNext's own Period Closing Voucher into `3106 SHU Tahun Berjalan`, and closes an
Accounting Period over the year for every posting DocType (`period_closing_doctypes`), so ERPNext
itself refuses any later posting, amendment or cancellation dated in the year. Cancel undoes the
three in reverse order (ERPNext refuses while a later year is closed)."""

import frappe
from frappe import _
from frappe.utils import flt, getdate, today

from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.rules.ditolak import Ditolak
from koperasi_merah_putih.tutup_buku import buku, periksa

AKUN_BEBAN_PAJAK, AKUN_UTANG_PAJAK = "5401", "2124"


class TutupBuku(DokumenBerjurnal):
	def validate(self):
		awal, akhir = buku.tahun_buku(self.fiscal_year)
		self.posting_date = akhir
		if getdate(akhir) > getdate(today()):
			frappe.throw(
				_("Fiscal year {0} ends on {1}: it can be closed from then.").format(self.fiscal_year, akhir)
			)
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		super().validate()
		self._periksa_ganda()
		self.set("butir", periksa.semua(self.company, self.fiscal_year))
		self.siap = int(all(b.siap for b in self.butir))
		self._hitung_pajak(awal, akhir)
		if not self.remarks:
			self.remarks = _("Closing of fiscal year {0}").format(self.fiscal_year)

	def _periksa_ganda(self):
		if self._action == "submit":
			# two closings at once: the company's row lock serialises them
			frappe.db.get_value("Company", self.company, "name", for_update=True)
		lain = buku.dokumen_lain(self, "fiscal_year", for_update=self._action == "submit")
		if lain:
			frappe.throw(_("Fiscal year {0} is already closed by {1}.").format(self.fiscal_year, lain))
		_awal, akhir = buku.tahun_buku(self.fiscal_year)
		pcv = frappe.db.get_value(
			"Period Closing Voucher",
			{"company": self.company, "docstatus": 1, "period_end_date": (">=", akhir)},
			"name",
		)
		if pcv and pcv != self.period_closing_voucher:
			frappe.throw(_("The books are already closed to {0} by {1}.").format(akhir, pcv))

	def _hitung_pajak(self, awal, akhir):
		pengaturan = frappe.get_cached_doc("Pengaturan SHU")
		self.metode_pajak = pengaturan.metode_pajak or aturan.PP55
		self.akun_beban_pajak = buku.akun(self.company, AKUN_BEBAN_PAJAK)
		self.akun_utang_pajak = buku.akun(self.company, AKUN_UTANG_PAJAK)
		self.akun_shu = buku.akun(self.company, aturan.AKUN_SHU_TAHUN_BERJALAN)
		hasil = buku.hasil_tahun(self.company, awal, akhir)
		# tax already booked in the year by other vouchers (by hand): this document books the rest
		sudah = buku.saldo_akun(
			self.company,
			[self.akun_beban_pajak],
			akhir,
			awal,
			penutupan=False,
			kecuali=(self.doctype, self.name),
		).get(self.akun_beban_pajak, 0)
		self.peredaran_bruto = hasil["pendapatan"]
		self.laba_sebelum_pajak = hasil["laba"] + sudah
		try:
			wajib = aturan.pajak_koperasi(
				self.metode_pajak,
				int(flt(self.peredaran_bruto)),
				int(flt(self.laba_sebelum_pajak)),
				pengaturan.tarif_pajak_umum,
			)
		except Ditolak as e:
			buku.tolak(e)
		self.pajak = max(wajib - int(flt(sudah)), 0)
		self.shu = flt(self.laba_sebelum_pajak) - sudah - flt(self.pajak)

	def before_submit(self):
		belum = [b.butir for b in self.butir if not b.siap]
		if belum:
			frappe.throw(
				_("The year is not ready to close: {0}.").format("; ".join(belum)),
				title=_("Year not ready to close"),
			)

	def baris_jurnal(self) -> list[dict]:
		return [
			{"account": self.akun_beban_pajak, "debit": flt(self.pajak), "against": self.akun_utang_pajak},
			{"account": self.akun_utang_pajak, "credit": flt(self.pajak), "against": self.akun_beban_pajak},
		]

	def on_submit(self):
		super().on_submit()  # the tax, dated the year's last day, before the year is closed
		pcv = self._tutup_dengan_pcv()
		periode, dibuat = self._tutup_periode()
		pcv_shu = buku.shu_ditutup(self.company, self.fiscal_year)[1]
		status = frappe.db.get_value("Period Closing Voucher", pcv, "gle_processing_status")
		self.db_set(
			{
				"period_closing_voucher": pcv,
				"accounting_period": periode,
				"periode_dibuat": int(dibuat),
				"shu": pcv_shu if status == "Completed" else self.shu,
			}
		)

	def _tutup_dengan_pcv(self) -> str:
		awal, akhir = buku.tahun_buku(self.fiscal_year)
		pcv = frappe.get_doc(
			{
				"doctype": "Period Closing Voucher",
				"company": self.company,
				"fiscal_year": self.fiscal_year,
				"period_start_date": awal,
				"period_end_date": akhir,
				"transaction_date": today(),
				"closing_account_head": self.akun_shu,
				"remarks": _("Closing of fiscal year {0} ({1})").format(self.fiscal_year, self.name),
			}
		)
		pcv.flags.ignore_permissions = True  # the Tutup Buku's own permission was checked
		pcv.insert()
		pcv.submit()
		status = frappe.db.get_value("Period Closing Voucher", pcv.name, "gle_processing_status")
		if status not in ("Completed", "In Progress"):
			# ERPNext logs the error and rolls the transaction back itself
			frappe.throw(_("ERPNext could not close the year: see the Error Log."), title=_("Closing failed"))
		return pcv.name

	def _tutup_periode(self) -> tuple[str, bool]:
		"""The year's Accounting Period with every posting DocType closed: the one the cooperative
		made for exactly the year (completed), or a new one. Returns (name, made here)."""
		awal, akhir = buku.tahun_buku(self.fiscal_year)
		# every posting DocType but ERPNext's closing itself: on a large site ERPNext posts the
		# closing entries in a background job, which may run after this period is closed
		ditutup = [
			{"document_type": d, "closed": 1}
			for d in dict.fromkeys(frappe.get_hooks("period_closing_doctypes"))
			if d != "Period Closing Voucher"
		]
		name = frappe.db.get_value(
			"Accounting Period", {"company": self.company, "start_date": awal, "end_date": akhir}
		)
		if name:
			doc = frappe.get_doc("Accounting Period", name)
			ada = {r.document_type: r for r in doc.closed_documents}
			for row in ditutup:
				if row["document_type"] in ada:
					ada[row["document_type"]].closed = 1
				else:
					doc.append("closed_documents", row)
		else:
			doc = frappe.get_doc(
				{
					"doctype": "Accounting Period",
					"company": self.company,
					"period_name": _("Closed fiscal year {0}").format(self.fiscal_year),
					"start_date": awal,
					"end_date": akhir,
					"closed_documents": ditutup,
				}
			)
		doc.flags.ignore_permissions = True
		dibuat = not name
		doc.save()
		return doc.name, dibuat

	def on_cancel(self):
		# reverse order: open the period, cancel ERPNext's closing, then reverse the tax
		# (a period the cooperative made itself stays as it is: ERPNext then refuses the reversal
		# in it, and says so, until they open it)
		if (
			self.periode_dibuat
			and self.accounting_period
			and frappe.db.exists("Accounting Period", self.accounting_period)
		):
			frappe.delete_doc(
				"Accounting Period", self.accounting_period, ignore_permissions=True, force=True
			)
		if self.period_closing_voucher:
			pcv = frappe.get_doc("Period Closing Voucher", self.period_closing_voucher)
			if pcv.docstatus == 1:
				pcv.flags.ignore_permissions = True
				pcv.cancel()
		super().on_cancel()
