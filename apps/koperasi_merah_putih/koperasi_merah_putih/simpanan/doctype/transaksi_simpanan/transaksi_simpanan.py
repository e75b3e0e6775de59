# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Transaksi Simpanan: a deposit (setoran) or withdrawal (penarikan) on a member's savings.

Posts through the app's one posting path (`DokumenBerjurnal`): cash/bank against the product's
savings account with the member's Customer as party. Withdrawals lock the member's row, then read
the balance with a locking read, so concurrent withdrawals are served one after another.
"""

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.utils import flt, getdate

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import periksa_dapat_bertransaksi
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang
from koperasi_merah_putih.simpanan import saldo as saldo_simpanan
from koperasi_merah_putih.simpanan import tagihan


def pesan_penolakan(err: aturan.TransaksiDitolak) -> str:
	"""The Indonesian (translated) message for a deposit or withdrawal the rules refuse."""
	kode, nilai = err.kode, err.nilai
	if kode == "jumlah":
		return _("The amount must be more than zero.")
	if kode == "bulat":
		return _("Amounts are in whole rupiah.")
	if kode == "minimal":
		return _("The minimum deposit for this product is {0}.").format(rupiah(nilai[0]))
	if kode == "pokok":
		return _("Simpanan pokok is {0} and {1} has been paid already.").format(
			rupiah(nilai[0]),
			rupiah(nilai[1]),
		)
	if kode == "terkunci":
		return _("Simpanan {0} cannot be withdrawn while a member; it is refunded on exit.").format(
			_(nilai[0])
		)
	if kode == "belum_jatuh_tempo":
		return _("This fixed-term deposit matures on {0}; it cannot be withdrawn before then.").format(
			frappe.format(nilai[0], {"fieldtype": "Date"})
		)
	if kode == "saldo":
		return _("The balance is {0}; {1} cannot be withdrawn.").format(
			rupiah(nilai[0]),
			rupiah(nilai[1]),
		)
	if kode == "saldo_minimal":
		return _("At least {0} must stay in the account (it would be {1}).").format(
			rupiah(nilai[0]),
			rupiah(nilai[1]),
		)
	return _("This withdrawal is not allowed.")


class TransaksiSimpanan(DokumenBerjurnal):
	def validate(self):
		anggota = periksa_dapat_bertransaksi(self.anggota)
		self.customer, self.company = anggota.customer, anggota.company
		self.currency = self.currency or frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		produk = frappe.get_cached_doc("Jenis Simpanan", self.jenis_simpanan)
		if produk.nonaktif:
			frappe.throw(_("Savings product {0} is no longer in use.").format(self.jenis_simpanan))
		if produk.kategori == aturan.BERJANGKA:
			frappe.throw(
				_("Fixed-term savings are placed and paid out with a Simpanan Berjangka document."),
				title=_("Use Simpanan Berjangka"),
			)
		self.akun_simpanan = produk.akun_untuk(self.company).akun_simpanan
		self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		# early feedback on the draft where the balance matters (withdrawals, the one-off pokok);
		# checked again on submit under the member's lock
		perlu_saldo = self.jenis_transaksi == aturan.PENARIKAN or produk.kategori == aturan.POKOK
		saldo = saldo_simpanan.saldo(self.customer, self.akun_simpanan, self.company) if perlu_saldo else 0
		self._periksa(produk, saldo)
		self.terbilang = rupiah_terbilang(int(flt(self.jumlah)))
		if not self.remarks:
			self.remarks = " ".join(
				(_(self.jenis_transaksi), self.jenis_simpanan, self.nama_anggota or self.anggota)
			)

	def before_submit(self):
		# one member's money documents are submitted one at a time: the row lock queues the others,
		# and the locking read sees what the one before committed
		frappe.db.get_value("Anggota", self.anggota, "name", for_update=True)
		saldo = saldo_simpanan.saldo(self.customer, self.akun_simpanan, self.company, for_update=True)
		self._periksa(frappe.get_cached_doc("Jenis Simpanan", self.jenis_simpanan), saldo)
		self.saldo_sebelum = saldo
		self.saldo_sesudah = saldo + (
			flt(self.jumlah) if self.jenis_transaksi == aturan.SETORAN else -flt(self.jumlah)
		)
		if self.jenis_transaksi == aturan.SETORAN and self.kategori == aturan.WAJIB:
			tagihan.alokasikan(self)

	def _periksa(self, produk, saldo: float):
		"""Apply the savings rules to this deposit or withdrawal; refuse with an Indonesian message."""
		try:
			jumlah = aturan.periksa_jumlah(flt(self.jumlah))
			if self.jenis_transaksi == aturan.SETORAN:
				aturan.periksa_setoran(
					produk.kategori,
					int(saldo),
					jumlah,
					int(flt(produk.setoran_minimal)),
					int(flt(produk.jumlah_tetap)),
				)
			else:
				aturan.periksa_penarikan(
					produk.kategori,
					int(saldo),
					jumlah,
					getdate(self.posting_date),
					saldo_minimal=int(flt(produk.saldo_minimal)),
				)
		except aturan.TransaksiDitolak as err:
			judul = (
				_("Withdrawal refused") if self.jenis_transaksi == aturan.PENARIKAN else _("Invalid amount")
			)
			frappe.throw(pesan_penolakan(err), title=judul)

	def on_submit(self):
		super().on_submit()
		tagihan.terapkan(self)

	def on_cancel(self):
		super().on_cancel()
		tagihan.terapkan(self, batal=True)

	def baris_jurnal(self) -> list[dict]:
		jumlah = flt(self.jumlah)
		member = {"party_type": "Customer", "party": self.customer}
		kas = {"account": self.akun_kas, "against": self.customer}
		simpanan = {"account": self.akun_simpanan, "against": self.akun_kas, **member}
		if self.jenis_transaksi == aturan.SETORAN:
			return [{**kas, "debit": jumlah}, {**simpanan, "credit": jumlah}]
		return [{**simpanan, "debit": jumlah}, {**kas, "credit": jumlah}]
