# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Penyisihan Piutang Pinjaman (PPAP): the month-end provision journal. Each active loan's
outstanding times its collectibility class's rate gives the provision required; the journal
moves the provision account (cadangan kerugian piutang) to that level: debit the PPAP expense
and credit the provision when more is needed, the reverse when less is."""

import frappe
from erpnext.accounts.utils import get_balance_on
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import (
	pengaturan,
	tabel_kelas,
)
from koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman import akun_produk
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import pinjaman as aturan


def pinjaman_aktif(company: str) -> list:
	return frappe.get_all(
		"Pinjaman",
		filters={"company": company, "docstatus": 1, "status": aturan.AKTIF},
		fields=["name", "produk", "sisa_pokok", "sisa_biaya", "hari_tunggakan"],
	)


class PenyisihanPiutangPinjaman(DokumenBerjurnal):
	def validate(self):
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		self.skema = pengaturan().skema
		self.hitung()

	def hitung(self):
		tabel = tabel_kelas()
		per_akun, beban, semua = {}, {}, []
		for p in pinjaman_aktif(self.company):
			akun = akun_produk(frappe.get_cached_doc("Produk Pinjaman", p.produk), self.company)
			if not (akun.akun_cadangan and akun.akun_beban_ppap):
				frappe.throw(_("Loan product {0} has no provision accounts.").format(p.produk))
			beban.setdefault(akun.akun_cadangan, akun.akun_beban_ppap)
			pinjaman = (int(flt(p.sisa_pokok) + flt(p.sisa_biaya)), int(p.hari_tunggakan or 0))
			per_akun.setdefault(akun.akun_cadangan, []).append(pinjaman)
			semua.append(pinjaman)
		self.set("rincian", [])
		for akun_cadangan, daftar in sorted(per_akun.items()):
			for k in aturan.ppap_per_kelas(daftar, tabel):
				if k.jumlah_pinjaman:
					self.append(
						"rincian",
						{
							"kelas": k.kelas.nama,
							"akun_cadangan": akun_cadangan,
							"jumlah_pinjaman": k.jumlah_pinjaman,
							"outstanding": k.outstanding,
							"persen_ppap": float(k.kelas.ppap_persen),
							"wajib": k.wajib,
						},
					)
		self.total_outstanding = sum(flt(r.outstanding) for r in self.rincian)
		self.ppap_wajib = sum(flt(r.wajib) for r in self.rincian)
		# accounts that still hold a provision but no longer have loans are brought to zero as well
		for row in frappe.get_all(
			"Akun Produk Pinjaman",
			filters={"company": self.company},
			fields=["akun_cadangan", "akun_beban_ppap"],
		):
			if row.akun_cadangan:
				beban.setdefault(row.akun_cadangan, row.akun_beban_ppap)
		self._akun_beban = beban
		self.saldo_cadangan = sum(self._saldo(a) for a in beban)
		self.selisih = self.ppap_wajib - self.saldo_cadangan
		rasio = aturan.rasio_npl(semua, tabel)
		self.npl = float(round(rasio, 2))
		self.kesehatan_npl = aturan.kesehatan_npl(rasio)

	def _saldo(self, akun: str) -> float:
		"""The provision held on an account (its credit balance)."""
		return -flt(
			get_balance_on(akun, self.posting_date, company=self.company, ignore_account_permission=True)
		)

	def baris_jurnal(self) -> list[dict]:
		wajib = {}
		for r in self.rincian:
			wajib[r.akun_cadangan] = wajib.get(r.akun_cadangan, 0) + flt(r.wajib)
		lines = []
		for akun, akun_beban in sorted(self._akun_beban.items()):
			beda = wajib.get(akun, 0) - self._saldo(akun)
			if beda > 0:
				lines += [
					{"account": akun_beban, "debit": beda, "against": akun},
					{"account": akun, "credit": beda, "against": akun_beban},
				]
			elif beda < 0:
				lines += [
					{"account": akun, "debit": -beda, "against": akun_beban},
					{"account": akun_beban, "credit": -beda, "against": akun},
				]
		return lines


def buat(company: str, tanggal) -> str | None:
	"""Post the month-end provision journal of a cooperative (nothing when nothing changes)."""
	doc = frappe.new_doc("Penyisihan Piutang Pinjaman")
	doc.company, doc.posting_date = company, tanggal
	doc.remarks = _("Loan loss provision at {0}").format(frappe.format(tanggal, {"fieldtype": "Date"}))
	doc.flags.oleh_server = True
	doc.run_method("validate")
	if not flt(doc.selisih):
		return None
	doc.insert(ignore_permissions=True)
	doc.submit()
	return doc.name
