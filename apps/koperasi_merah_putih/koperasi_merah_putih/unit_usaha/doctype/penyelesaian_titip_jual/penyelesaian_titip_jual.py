# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Penyelesaian Titip Jual: what a member's consigned goods sold at an outlet in a period, settled.

The rows are the sales (and returns) not yet in another settlement, read by the server; the split
between the cooperative's commission and the member's due is the pure rule
(`rules.unit_usaha.bagi_titip_jual`). On submit an ERPNext Purchase Invoice books the member's due
as the cost of the goods sold (5101 against 2111 Utang Dagang, party the member's Supplier), and
this document pays it at once (cash from the unit's till, transfer, or into the member's simpanan
sukarela) through the posting path, closing the invoice. Cancel reverses both."""

import frappe
from frappe import _
from frappe.utils import flt, getdate

from koperasi_merah_putih.akun import akun
from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import shu as aturan_shu
from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.rules.terbilang import rupiah_terbilang
from koperasi_merah_putih.simpanan.saldo import akun_sukarela
from koperasi_merah_putih.unit_usaha import titip
from koperasi_merah_putih.unit_usaha.siapkan import AKUN_HPP

AKUN_UTANG = "2111"
AKUN_BANK = "1111"


class PenyelesaianTitipJual(DokumenBerjurnal):
	update_outstanding = "Yes"

	def validate(self):
		anggota = frappe.get_doc("Anggota", self.anggota)
		unit = frappe.db.get_value(
			"Unit Usaha", self.unit_usaha, ["company", "cost_center", "akun_kas"], as_dict=True
		)
		if not unit or unit.company != anggota.company:
			frappe.throw(_("The outlet is not one of the member's cooperative."))
		if getdate(self.dari_tanggal) > getdate(self.sampai_tanggal):
			frappe.throw(_("The period's start is after its end."))
		if anggota.status not in keanggotaan.BERNOMOR:
			frappe.throw(_("{0} is not a member of the cooperative.").format(anggota.nama_lengkap))
		self.company = anggota.company
		self.customer = anggota.customer
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		self.cost_center = unit.cost_center
		super().validate()
		persen = flt(frappe.db.get_single_value("Pengaturan Koperasi", "persen_komisi_titip_jual"))
		baris = self._hitung(persen)
		tetapkan(
			self,
			supplier=titip.pemasok(anggota),
			persen_komisi=persen,
			rincian=baris,
			total_penjualan=sum(r["penjualan"] for r in baris),
			total_komisi=sum(r["komisi"] for r in baris),
			total_dibayar=sum(r["hak_anggota"] for r in baris),
			akun_utang=akun(self.company, AKUN_UTANG),
			akun_bayar=self._akun_bayar(unit),
		)
		self.terbilang = rupiah_terbilang(int(flt(self.total_dibayar)))
		if not self.remarks:
			self.remarks = _("Consignment settlement of {0}, {1} to {2}").format(
				anggota.nama_lengkap, self.dari_tanggal, self.sampai_tanggal
			)

	def _hitung(self, persen: float) -> list[dict]:
		baris = []
		for r in titip.penjualan_belum_diselesaikan(
			self.anggota, self.unit_usaha, self.dari_tanggal, self.sampai_tanggal, kecuali=self.name
		):
			komisi, hak = aturan.bagi_titip_jual(int(round(flt(r.penjualan))), persen)
			baris.append({**r, "penjualan": komisi + hak, "komisi": komisi, "hak_anggota": hak})
		if not baris:
			frappe.throw(
				_("No consigned sales of this member at {0} between {1} and {2} are left to settle.").format(
					self.unit_usaha, self.dari_tanggal, self.sampai_tanggal
				),
				title=_("Nothing to settle"),
			)
		if sum(r["hak_anggota"] for r in baris) <= 0:
			frappe.throw(_("Returns in this period are larger than the sales: there is nothing to pay."))
		return baris

	def _akun_bayar(self, unit) -> str:
		if self.cara_bayar == aturan_shu.KE_SUKARELA:
			return akun_sukarela(self.company)
		if self.cara_bayar == aturan_shu.TRANSFER:
			return akun(self.company, AKUN_BANK)
		return unit.akun_kas

	def before_submit(self):
		# the member's settlements one at a time: a second one for the same sales finds them taken
		frappe.db.get_value("Anggota", self.anggota, "name", for_update=True)
		bebas = {
			r.sales_invoice_item
			for r in titip.penjualan_belum_diselesaikan(
				self.anggota, self.unit_usaha, self.dari_tanggal, self.sampai_tanggal, kecuali=self.name
			)
		}
		if any(r.sales_invoice_item not in bebas for r in self.rincian):
			frappe.throw(
				_(
					"Some of these sales were settled by another document meanwhile; make the settlement again."
				),
				title=_("Already settled"),
			)

	def on_submit(self):
		pi = frappe.get_doc(
			{
				"doctype": "Purchase Invoice",
				"supplier": self.supplier,
				"company": self.company,
				"posting_date": self.posting_date,
				"set_posting_time": 1,
				"bill_no": self.name,
				"bill_date": self.posting_date,
				"credit_to": self.akun_utang,
				"cost_center": self.cost_center,
				"remarks": self.remarks,
				"items": [
					{
						"item_code": titip.barang_penyelesaian(),
						"qty": 1,
						"rate": flt(self.total_dibayar),
						"expense_account": akun(self.company, AKUN_HPP),
						"cost_center": self.cost_center,
						"description": _("{0}: {1} sold, less {2}% commission").format(
							self.name, self.total_penjualan, self.persen_komisi
						),
					}
				],
			}
		)
		pi.flags.ignore_permissions = True
		pi.insert()
		pi.submit()
		self.db_set("purchase_invoice", pi.name)
		super().on_submit()

	def on_cancel(self):
		super().on_cancel()
		if self.purchase_invoice:
			pi = frappe.get_doc("Purchase Invoice", self.purchase_invoice)
			if pi.docstatus == 1:
				pi.flags.ignore_permissions = True
				pi.cancel()

	def baris_jurnal(self) -> list[dict]:
		jumlah = flt(self.total_dibayar)
		utang = {
			"account": self.akun_utang,
			"debit": jumlah,
			"party_type": "Supplier",
			"party": self.supplier,
			"against": self.akun_bayar,
			"against_voucher_type": "Purchase Invoice",
			"against_voucher": self.purchase_invoice,
		}
		bayar = {"account": self.akun_bayar, "credit": jumlah, "against": self.supplier}
		if self.cara_bayar == aturan_shu.KE_SUKARELA:
			bayar.update(party_type="Customer", party=self.customer)
		return [utang, bayar]
