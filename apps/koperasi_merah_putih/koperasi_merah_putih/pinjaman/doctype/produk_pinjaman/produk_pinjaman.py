# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Produk Pinjaman: a loan product (method, rate and its basis, tenor and plafond limits, fees,
denda, allocation order, eligibility, accounts per cooperative) and its schedule simulation."""

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.rules import pinjaman as aturan


class ProdukPinjaman(Document):
	def validate(self):
		if flt(self.tarif) < 0:
			frappe.throw(_("The rate cannot be negative."))
		if cint(self.tenor_minimal) < 1 or cint(self.tenor_maksimal) < cint(self.tenor_minimal):
			frappe.throw(_("The tenor limits must be at least one month, the maximum not below the minimum."))
		if flt(self.plafond) <= 0:
			frappe.throw(_("Set the plafond (the largest loan)."))
		for b in self.biaya:
			if flt(b.nilai) < 0 or (b.dasar == "Persen" and flt(b.nilai) > 100):
				frappe.throw(
					_("Fee {0}: the value must be between 0 and 100 percent, or a positive amount.").format(
						_(b.jenis_biaya)
					)
				)
		seen = set()
		for row in self.akun:
			if row.company in seen:
				frappe.throw(_("Cooperative {0} appears twice in the accounts table.").format(row.company))
			seen.add(row.company)
			for field in (
				"akun_piutang",
				"akun_pendapatan_jasa",
				"akun_pendapatan_administrasi",
				"akun_pendapatan_provisi",
				"akun_pendapatan_denda",
				"akun_cadangan",
				"akun_beban_ppap",
				"akun_titipan_asuransi",
				"akun_pemulihan",
			):
				akun = row.get(field)
				if akun and frappe.get_cached_value("Account", akun, "company") != row.company:
					frappe.throw(_("Account {0} does not belong to {1}.").format(akun, row.company))

	def periksa_batas(self, jumlah: int, tenor: int) -> None:
		"""Refuse an amount above the plafond or a tenor outside the limits (Indonesian message)."""
		if jumlah <= 0:
			frappe.throw(_("The amount must be more than zero."))
		if jumlah > flt(self.plafond):
			frappe.throw(_("The plafond of {0} is {1}.").format(self.name, rupiah(self.plafond)))
		if not cint(self.tenor_minimal) <= tenor <= cint(self.tenor_maksimal):
			frappe.throw(
				_("The tenor of {0} is {1} to {2} months.").format(
					self.name, self.tenor_minimal, self.tenor_maksimal
				)
			)

	def biaya_untuk(self, jumlah: int) -> list[dict]:
		out = []
		for b in self.biaya:
			out.append(
				{
					"jenis_biaya": b.jenis_biaya,
					"cara": b.cara,
					"jumlah": aturan.biaya(jumlah, b.dasar, flt(b.nilai)),
				}
			)
		return out

	def simulasi(self, jumlah, tenor) -> dict:
		"""The schedule, the fees and the effective annual rate of a loan of `jumlah` over `tenor`."""
		jumlah, tenor = int(flt(jumlah)), cint(tenor)
		self.periksa_batas(jumlah, tenor)
		biaya = self.biaya_untuk(jumlah)
		k = aturan.ketentuan(
			jumlah,
			tenor,
			Decimal(str(flt(self.tarif))),
			self.basis_tarif,
			self.metode,
			[(b["cara"], b["jumlah"]) for b in biaya],
		)
		return {
			"produk": self.name,
			"metode": self.metode,
			"tarif": flt(self.tarif),
			"basis_tarif": self.basis_tarif,
			"jumlah": jumlah,
			"tenor": tenor,
			# a fee billed with the first instalment is in its total, as the loan will bill it
			"jadwal": [
				{
					"ke": a.ke,
					"pokok": a.pokok,
					"jasa": a.jasa,
					"biaya": b,
					"total": a.total + b,
					"sisa_pokok": a.sisa_pokok,
				}
				for a, b in k.angsuran
			],
			"angsuran_pertama": k.angsuran_pertama,
			"total_jasa": k.total_jasa,
			"total_bayar": k.total_bayar,
			"biaya": biaya,
			"diterima": k.diterima,
			"suku_efektif_tahunan": float(round(k.suku_efektif_tahunan, 2)),
		}


@frappe.whitelist()
def simulasi(produk: str, jumlah, tenor) -> dict:
	"""Schedule simulation for staff and for members (any logged-in user; it reads only the
	product's public terms)."""
	if frappe.session.user == "Guest":
		raise frappe.PermissionError(_("Please log in to simulate a loan."))
	doc = frappe.get_cached_doc("Produk Pinjaman", produk)
	if doc.nonaktif:
		frappe.throw(_("Loan product {0} is no longer offered.").format(produk))
	return doc.simulasi(jumlah, tenor)
