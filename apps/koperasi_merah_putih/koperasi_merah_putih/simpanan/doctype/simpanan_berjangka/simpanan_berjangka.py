# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Simpanan Berjangka: one fixed-term placement (a bilyet): amount, term, rate and maturity date.

Posts cash/bank against the product's savings account with the member as party. A placement made
by rolling an earlier one over (`perpanjangan_dari`) moves no money: the funds stay where they are.
It is closed, or rolled over, by a Pencairan Simpanan Berjangka.
"""

from decimal import Decimal

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import flt, getdate

from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.izin import wajib_pengurus
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import periksa_dapat_bertransaksi
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang
from koperasi_merah_putih.simpanan.doctype.transaksi_simpanan.transaksi_simpanan import pesan_penolakan


def produk_berjangka(nama: str):
	produk = frappe.get_cached_doc("Jenis Simpanan", nama)
	if produk.kategori != aturan.BERJANGKA:
		frappe.throw(_("{0} is not a fixed-term savings product.").format(nama))
	return produk


class SimpananBerjangka(DokumenBerjurnal):
	def validate(self):
		anggota = periksa_dapat_bertransaksi(self.anggota)
		self.customer, self.company = anggota.customer, anggota.company
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		produk = produk_berjangka(self.jenis_simpanan)
		if produk.nonaktif and not self.perpanjangan_dari:
			frappe.throw(_("Savings product {0} is no longer in use.").format(self.jenis_simpanan))
		self.tenor_bulan = self.tenor_bulan or produk.tenor_bulan
		if not self.tenor_bulan or self.tenor_bulan <= 0:
			frappe.throw(_("The term must be at least one month."))
		self._tarif(produk)
		try:
			jumlah = aturan.periksa_jumlah(flt(self.jumlah))
			if not self.perpanjangan_dari:
				aturan.periksa_setoran(aturan.BERJANGKA, 0, jumlah, int(flt(produk.setoran_minimal)))
		except aturan.TransaksiDitolak as err:
			frappe.throw(pesan_penolakan(err), title=_("Invalid amount"))
		b = self.berjangka()
		self.tanggal_jatuh_tempo = b.jatuh_tempo
		self.perkiraan_jasa = b.bunga_total()
		self.akun_simpanan = produk.akun_untuk(self.company).akun_simpanan
		if self.perpanjangan_dari:
			self.mode_of_payment = self.akun_kas = None
		else:
			self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		self.terbilang = rupiah_terbilang(int(flt(self.jumlah)))
		self.status = aturan.DRAF
		if not self.remarks:
			self.remarks = _("Fixed-term savings of {0}, {1} months").format(
				self.nama_anggota or self.anggota, self.tenor_bulan
			)

	def _tarif(self, produk):
		"""The product's rate; a special rate needs the Pengurus, a reason and the product's bounds
		(a roll-over takes the product's rate of the day)."""
		tarif_produk = Decimal(str(flt(produk.tarif_jasa)))
		diminta = None if self.tarif_jasa in (None, "") else Decimal(str(flt(self.tarif_jasa)))
		if self.perpanjangan_dari and self.flags.oleh_server:
			diminta = None
		try:
			tarif = aturan.tarif_berjangka(
				tarif_produk,
				diminta,
				Decimal(str(flt(produk.tarif_jasa_maksimal))) if produk.get("tarif_jasa_maksimal") else None,
			)
		except aturan.TransaksiDitolak as err:
			frappe.throw(
				_("A special jasa rate must lie between 0% and {0}% for {1}.").format(
					frappe.format(float(err.nilai[1]), {"fieldtype": "Float"}), produk.name
				),
				title=_("Rate outside the product's bounds"),
			)
		tersimpan = None if self.is_new() else self.get_db_value("tarif_jasa")
		disetujui = tersimpan is not None and Decimal(str(flt(tersimpan))) == tarif
		if tarif != tarif_produk and not disetujui:
			wajib_pengurus(
				_("Only the Pengurus may give a special jasa rate (the product's rate is {0}%).").format(
					frappe.format(float(tarif_produk), {"fieldtype": "Float"})
				)
			)
			if not (self.alasan_tarif or "").strip():
				frappe.throw(_("Give the reason for the special jasa rate."), title=_("Reason required"))
		else:
			self.alasan_tarif = None
		self.tarif_jasa = float(tarif)

	def berjangka(self) -> aturan.Berjangka:
		return aturan.Berjangka(
			int(flt(self.jumlah)),
			Decimal(str(flt(self.tarif_jasa))),
			int(self.tenor_bulan),
			getdate(self.posting_date),
		)

	def before_submit(self):
		self.status = aturan.AKTIF

	def before_cancel(self):
		if self.perpanjangan_dari and not self.flags.dari_pencairan:
			frappe.throw(
				_("This placement is the roll-over of {0}: cancel the Pencairan that made it.").format(
					self.perpanjangan_dari
				)
			)
		tetapkan(self, status=aturan.DIBATALKAN)

	def baris_jurnal(self) -> list[dict]:
		if self.perpanjangan_dari:
			return []
		jumlah = flt(self.jumlah)
		return [
			{"account": self.akun_kas, "debit": jumlah, "against": self.customer},
			{
				"account": self.akun_simpanan,
				"credit": jumlah,
				"party_type": "Customer",
				"party": self.customer,
				"against": self.akun_kas,
			},
		]
