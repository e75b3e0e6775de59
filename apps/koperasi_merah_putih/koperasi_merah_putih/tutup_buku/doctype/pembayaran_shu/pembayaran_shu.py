# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pembayaran SHU: members take their SHU, in cash or by transfer, or have it credited to their
simpanan sukarela; for one member at the teller or for every member not yet paid in one batch.

Each member's share is paid once and whole: the rows of the Pembagian SHU are locked while the
payment is submitted, a row already paid is refused, and the amount is the row's, never typed.
Dr 2131 SHU Bagian Anggota Belum Dibayar per member; Cr cash/bank, or Cr the member's sukarela.
What nobody claims stays in 2131 (the rows with nothing paid: the list of unclaimed SHU)."""

import frappe
from erpnext.accounts.doctype.sales_invoice.sales_invoice import get_bank_cash_account
from frappe import _
from frappe.query_builder import DocType
from frappe.utils import flt

from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import shu as aturan_shu
from koperasi_merah_putih.simpanan.saldo import akun_sukarela
from koperasi_merah_putih.tutup_buku import pembagian


class PembayaranSHU(DokumenBerjurnal):
	# an exited member may still take their share in cash
	pihak_nonaktif_boleh = True

	def validate(self):
		induk = frappe.db.get_value(
			"Pembagian SHU",
			self.pembagian_shu,
			["company", "docstatus", "shu", "akun_shu_anggota", "tahun_buku", "posting_date"],
			as_dict=True,
		)
		if not induk or induk.docstatus != 1 or flt(induk.shu) <= 0:
			frappe.throw(_("Pay SHU from a submitted Pembagian SHU of a year with a surplus."))
		if self.posting_date and str(self.posting_date) < str(induk.posting_date):
			frappe.throw(_("The SHU was shared on {0}: it is paid from that day.").format(induk.posting_date))
		self.company = induk.company
		self.akun_shu_anggota = induk.akun_shu_anggota
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		super().validate()
		if self.cara == aturan_shu.KE_SUKARELA:
			self.mode_of_payment = None
			self.akun_kas = None
			self.akun_sukarela = akun_sukarela(self.company)
		else:
			self.akun_sukarela = None
			self.mode_of_payment = self.mode_of_payment or ("Cash" if self.cara == "Tunai" else None)
			if not self.mode_of_payment:
				frappe.throw(_("Choose the mode of payment of the transfer."))
			self.akun_kas = get_bank_cash_account(self.mode_of_payment, self.company).get("account")
		baris = self._baris()
		self.jumlah = sum(flt(b.bersih) for b in baris)
		self.jumlah_anggota = len(baris)
		if self.cakupan == aturan_shu.SATU:
			self.nama_anggota = baris[0].nama_anggota
		else:
			self.anggota = self.nama_anggota = None
		if not self.remarks:
			self.remarks = _("SHU {0} paid ({1})").format(induk.tahun_buku, _(self.cara))

	def _baris(self, for_update: bool = False) -> list:
		R = DocType(pembagian.RINCIAN)
		C = DocType("Customer")
		q = (
			frappe.qb.from_(R)
			.join(C)
			.on(C.name == R.customer)
			.select(
				R.name,
				R.anggota,
				R.nama_anggota,
				R.customer,
				R.bersih,
				R.dibayar,
				R.pembayaran_shu,
				C.disabled,
			)
			.where((R.pembagian_shu == self.pembagian_shu) & (R.bersih > 0))
			.orderby(R.name)
		)
		if self.cakupan == aturan_shu.SATU:
			if not self.anggota:
				frappe.throw(_("Choose the member who takes their SHU."))
			q = q.where(R.anggota == self.anggota)
		else:
			q = q.where(R.dibayar == 0)
		if for_update:
			q = q.for_update()
		rows = q.run(as_dict=True)
		if self.cakupan == aturan_shu.SATU:
			if not rows:
				frappe.throw(_("{0} has no SHU in {1}.").format(self.anggota, self.pembagian_shu))
			r = rows[0]
			if flt(r.dibayar) > 0:
				frappe.throw(
					_("The SHU of {0} has already been paid ({1}).").format(r.nama_anggota, r.pembayaran_shu),
					title=_("SHU already paid"),
				)
			if self.cara == aturan_shu.KE_SUKARELA and r.disabled:
				frappe.throw(_("{0} has left the cooperative: pay the SHU in cash.").format(r.nama_anggota))
		elif self.cara == aturan_shu.KE_SUKARELA:
			# members who have left have no savings to credit: they take theirs in cash
			rows = [r for r in rows if not r.disabled]
		if not rows:
			frappe.throw(_("Every member's SHU in {0} has been paid.").format(self.pembagian_shu))
		return rows

	def submit(self):
		return self.ajukan_per_anggota(self.jumlah_anggota)

	def before_submit(self):
		# the rows are locked: a second payment of the same member waits, then sees it paid
		self.flags.baris = self._baris(for_update=True)
		self.jumlah = sum(flt(b.bersih) for b in self.flags.baris)
		self.jumlah_anggota = len(self.flags.baris)

	def baris_jurnal(self) -> list[dict]:
		lines = []
		for b in self.flags.baris or []:
			member = {"party_type": "Customer", "party": b.customer}
			lines.append(
				{
					"account": self.akun_shu_anggota,
					"debit": flt(b.bersih),
					"against": self.akun_sukarela or self.akun_kas,
					**member,
				}
			)
			if self.cara == aturan_shu.KE_SUKARELA:
				lines.append(
					{
						"account": self.akun_sukarela,
						"credit": flt(b.bersih),
						"against": self.akun_shu_anggota,
						**member,
					}
				)
		if self.cara != aturan_shu.KE_SUKARELA:
			lines.append(
				{"account": self.akun_kas, "credit": flt(self.jumlah), "against": self.akun_shu_anggota}
			)
		return lines

	def on_submit(self):
		super().on_submit()
		R = DocType(pembagian.RINCIAN)
		names = [b.name for b in self.flags.baris]
		for i in range(0, len(names), 2000):
			(
				frappe.qb.update(R)
				.set(R.dibayar, R.bersih)
				.set(R.pembayaran_shu, self.name)
				.set(R.cara_bayar, self.cara)
				.set(R.tanggal_bayar, self.posting_date)
				.where(R.name.isin(names[i : i + 2000]))
				.run()
			)
		_perbarui_total(self.pembagian_shu)

	def on_cancel(self):
		super().on_cancel()
		R = DocType(pembagian.RINCIAN)
		(
			frappe.qb.update(R)
			.set(R.dibayar, 0)
			.set(R.pembayaran_shu, None)
			.set(R.cara_bayar, None)
			.set(R.tanggal_bayar, None)
			.where(R.pembayaran_shu == self.name)
			.run()
		)
		_perbarui_total(self.pembagian_shu)


def _perbarui_total(pembagian_shu: str) -> None:
	total = frappe.db.get_value(pembagian.RINCIAN, {"pembagian_shu": pembagian_shu}, "sum(dibayar)")
	frappe.db.set_value("Pembagian SHU", pembagian_shu, "total_dibayar", flt(total), update_modified=False)
