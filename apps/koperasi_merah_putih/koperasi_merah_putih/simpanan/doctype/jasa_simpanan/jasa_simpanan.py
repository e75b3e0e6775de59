# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Jasa Simpanan: one month's jasa on a sukarela product for every member, posted in one batch.

"Hitung" (and submit, again) computes every member's jasa from the ledger with the pure rules and
stores the per-member breakdown; submit posts the interest expense against each member's savings
through the app's one posting path. Large batches are submitted in a background job.
"""

import frappe
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.integritas import dari_basis_data
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.simpanan import jasa


class JasaSimpanan(DokumenBerjurnal):
	def validate(self):
		try:
			akhir = aturan.akhir_periode(self.periode or "")
		except ValueError:
			frappe.throw(_("The period must be written as YYYY-MM, e.g. 2026-11."))
		self.posting_date = self.posting_date or akhir
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		super().validate()
		produk = frappe.get_cached_doc("Jenis Simpanan", self.jenis_simpanan)
		if produk.kategori != aturan.SUKARELA:
			frappe.throw(_("Monthly jasa is computed for simpanan sukarela products only."))
		if flt(produk.tarif_jasa) <= 0:
			frappe.throw(_("Savings product {0} has no jasa rate.").format(self.jenis_simpanan))
		akun = produk.akun_untuk(self.company)
		if not akun.akun_beban_jasa or (produk.potong_pajak and not akun.akun_utang_pajak):
			frappe.throw(
				_("Set the jasa expense and tax payable accounts of {0} for {1}.").format(
					self.jenis_simpanan, self.company
				)
			)
		self.akun_simpanan, self.akun_beban_jasa = akun.akun_simpanan, akun.akun_beban_jasa
		self.akun_utang_pajak = akun.akun_utang_pajak
		self.metode_jasa, self.tarif_jasa = produk.metode_jasa, produk.tarif_jasa
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		if str(self.posting_date) < str(akhir):
			frappe.throw(
				_("Jasa for {0} can be posted from the last day of that month.").format(self.periode)
			)
		self._periksa_ganda()
		if not self.remarks:
			self.remarks = _("Jasa {0} period {1}").format(self.jenis_simpanan, self.periode)

	def _periksa_ganda(self):
		filters = {
			"company": self.company,
			"jenis_simpanan": self.jenis_simpanan,
			"periode": self.periode,
			"docstatus": 1,
		}
		if self._action == "submit":
			# two submits at once (of this draft, or of two drafts of the month) post once: the
			# product's row lock serialises them, and the locking read sees what the other committed
			# (this draft itself still has docstatus 0 in the table until it is written)
			frappe.db.get_value("Jenis Simpanan", self.jenis_simpanan, "name", for_update=True)
			lain = frappe.db.get_value("Jasa Simpanan", filters, "name", for_update=True)
		else:
			lain = frappe.db.get_value("Jasa Simpanan", {**filters, "name": ("!=", self.name)})
		if lain:
			frappe.throw(_("Jasa for {0} has already been posted in {1}.").format(self.periode, lain))

	@frappe.whitelist()
	def hitung(self):
		"""Compute (or recompute) the breakdown of a draft and show the totals."""
		dari_basis_data(self, "write")
		if self.docstatus != 0:
			frappe.throw(_("Only a draft can be recomputed."))
		self._hitung()
		self.flags.oleh_server = True
		self.save()
		return {"jumlah_anggota": self.jumlah_anggota, "total_bersih": self.total_bersih}

	def _hitung(self):
		produk = frappe.get_cached_doc("Jenis Simpanan", self.jenis_simpanan)
		baris = jasa.hitung(produk, self.company, self.periode)
		jasa.simpan_rincian(self.name, baris)
		self.jumlah_anggota = len(baris)
		self.total_jasa = sum(b["jasa"] for b in baris)
		self.total_pajak = sum(b["pajak"] for b in baris)
		self.total_bersih = sum(b["bersih"] for b in baris)

	def submit(self):
		if not self.jumlah_anggota:
			self._hitung()  # never computed: size the batch first (two grouped queries)
		return self.ajukan_per_anggota(self.jumlah_anggota)

	def before_submit(self):
		# the ledger may have moved since "Hitung": post what it says now
		self._hitung()
		if not self.jumlah_anggota:
			frappe.throw(_("No member earns jasa for {0}: nothing to post.").format(self.periode))

	def on_trash(self):
		frappe.db.delete(jasa.RINCIAN, {"jasa_simpanan": self.name})

	def baris_jurnal(self) -> list[dict]:
		lines = [
			{
				"account": self.akun_beban_jasa,
				"debit": flt(self.total_jasa),
				"against": self.akun_simpanan,
			}
		]
		if flt(self.total_pajak):
			lines.append(
				{
					"account": self.akun_utang_pajak,
					"credit": flt(self.total_pajak),
					"against": self.akun_beban_jasa,
				}
			)
		for b in jasa.rincian(self.name):
			lines.append(
				{
					"account": self.akun_simpanan,
					"party_type": "Customer",
					"party": b.customer,
					"credit": flt(b.bersih),
					"against": self.akun_beban_jasa,
				}
			)
		return lines
