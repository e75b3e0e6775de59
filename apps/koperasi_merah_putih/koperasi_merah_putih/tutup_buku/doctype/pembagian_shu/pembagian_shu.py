# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pembagian SHU: a closed year's SHU shared as the by-laws and the RAT say.

The SHU is read from the ledger: what the year's Period Closing Voucher (made by Tutup Buku) put
into `3106 SHU Tahun Berjalan`; it is never typed. The allocation percentages come from Pengaturan
SHU and must total 100%; the members' part splits into jasa modal and jasa usaha, and each
member's share is computed by the pure rules (tutup_buku/pembagian.py) and stored as Rincian SHU
Anggota. The RAT's approval (Rapat Anggota Tahunan) locks the percentages; only then may it be
submitted, which posts through the one posting path: Dr 3106 the whole SHU; Cr 3103 cadangan and
each fund; Cr 2131 each member's SHU (the member's Customer as party). A loss year posts what the
RAT decided instead: covered from cadangan (Dr 3103) or carried forward (Dr 3107). Cancel reverses.
"""

import frappe
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.integritas import dari_basis_data, sama_nilai, tetapkan
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.posting import DokumenBerjurnal
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.rules.ditolak import Ditolak
from koperasi_merah_putih.tutup_buku import buku, pembagian

AKUN_UTANG_PPH_SHU = "2125"
# the parameters a new Pembagian SHU takes from Pengaturan SHU
DARI_PENGATURAN = (
	"persen_jasa_modal",
	"persen_jasa_usaha",
	"dasar_simpanan",
	"sukarela_termasuk",
	"anggota_keluar_termasuk",
	"akun_transaksi",
	"tarif_pph_shu",
)
# what the RAT approves: fixed once it has
DIKUNCI_RAT = (*DARI_PENGATURAN, "penanganan_rugi", "posting_date")


class PembagianSHU(DokumenBerjurnal):
	# a member who exited during the year may still be owed their share (settings): the share is
	# booked to their (disabled) Customer, as the exit settlement's refund is
	pihak_nonaktif_boleh = True

	def validate(self):
		self.currency = frappe.get_cached_value("Company", self.company, "default_currency")
		self.cost_center = self.cost_center or frappe.get_cached_value("Company", self.company, "cost_center")
		super().validate()
		self.tutup_buku = frappe.db.get_value(
			"Tutup Buku", {"company": self.company, "fiscal_year": self.tahun_buku, "docstatus": 1}
		)
		pcv, shu = buku.shu_ditutup(self.company, self.tahun_buku)
		if not self.tutup_buku or not pcv:
			frappe.throw(
				_("Fiscal year {0} is not closed yet: close it with Tutup Buku first.").format(
					self.tahun_buku
				),
				title=_("Year not closed"),
			)
		status = frappe.db.get_value("Period Closing Voucher", pcv, "gle_processing_status")
		if status == "Failed":
			frappe.throw(
				_(
					"ERPNext could not post the closing of {0} ({1}): see the Error Log, then cancel the Tutup Buku and close again."
				).format(self.tahun_buku, pcv)
			)
		if status != "Completed":
			frappe.throw(
				_("ERPNext is still closing fiscal year {0}; try again in a few minutes.").format(
					self.tahun_buku
				)
			)
		_awal, akhir = buku.tahun_buku(self.tahun_buku)
		if str(self.posting_date) <= str(akhir):
			frappe.throw(
				_("The SHU is shared after the year it was earned in: date it after {0}.").format(akhir)
			)
		self.shu = shu
		self._periksa_ganda()
		self._isi_bawaan()
		self._kunci_rat()
		self.akun_shu = buku.akun(self.company, aturan.AKUN_SHU_TAHUN_BERJALAN)
		self.akun_shu_anggota = buku.akun(self.company, aturan.AKUN_KOMPONEN[aturan.JASA_ANGGOTA])
		self.akun_utang_pph = buku.akun(self.company, AKUN_UTANG_PPH_SHU) if flt(self.tarif_pph_shu) else None
		if flt(self.shu) < 0:
			self._rugi()
		else:
			self._bagi()
		if not self.remarks:
			self.remarks = _("SHU of fiscal year {0}").format(self.tahun_buku)

	def _periksa_ganda(self):
		if self._action == "submit":
			frappe.db.get_value("Tutup Buku", self.tutup_buku, "name", for_update=True)
		lain = buku.dokumen_lain(self, "tahun_buku", for_update=self._action == "submit")
		if lain:
			frappe.throw(_("The SHU of {0} is already shared in {1}.").format(self.tahun_buku, lain))

	def _isi_bawaan(self):
		if not self.is_new():
			return
		p = frappe.get_cached_doc("Pengaturan SHU")
		if not self.alokasi:
			for row in p.alokasi or []:
				self.append("alokasi", {"komponen": row.komponen, "persen": row.persen})
			if not self.alokasi:
				for nama, _akun, persen in aturan.KOMPONEN:
					self.append("alokasi", {"komponen": nama, "persen": persen})
		for field in DARI_PENGATURAN:
			if self.get(field) in (None, ""):
				self.set(field, p.get(field))
		if self.persen_jasa_modal in (None, "") and self.persen_jasa_usaha in (None, ""):
			self.persen_jasa_modal = self.persen_jasa_usaha = 50
		self.dasar_simpanan = self.dasar_simpanan or aturan.SALDO_AKHIR
		if self.akun_transaksi in (None, ""):
			self.akun_transaksi = ", ".join(aturan.AKUN_TRANSAKSI)

	def _berubah(self) -> list[str]:
		"""The split's parameters changed since the record was stored."""
		lama = self.get_doc_before_save()
		if not lama:
			return []
		berubah = [f for f in DIKUNCI_RAT if not sama_nilai(self.meta.get_field(f), self.get(f), lama.get(f))]
		if [(r.komponen, flt(r.persen)) for r in self.alokasi] != [
			(r.komponen, flt(r.persen)) for r in lama.alokasi
		]:
			berubah.append("alokasi")
		return berubah

	def _kunci_rat(self):
		"""Once the RAT approved the split, it is what is posted. Before that, shares computed under
		other parameters are dropped: the RAT approves shares computed by the split it approves."""
		if self.flags.disetujui_rat:
			return
		berubah = self._berubah()
		if berubah and not self.rapat_anggota_tahunan and self.jumlah_anggota:
			frappe.db.delete(pembagian.RINCIAN, {"pembagian_shu": self.name})
			self.jumlah_anggota = 0
			self.total_pph = 0
			frappe.msgprint(_("The split changed: compute the members' shares again (Hitung)."), alert=True)
		if berubah and self.rapat_anggota_tahunan:
			frappe.throw(
				_("The RAT {0} approved this split: {1} can no longer change.").format(
					self.rapat_anggota_tahunan, ", ".join(_(self.meta.get_label(f)) for f in berubah)
				),
				title=_("Approved by the RAT"),
			)

	def _bagi(self):
		if self.penanganan_rugi:
			self.penanganan_rugi = None
		komponen = [r.komponen for r in self.alokasi]
		if len(set(komponen)) != len(komponen):
			frappe.throw(_("Each allocation may appear once."))
		if aturan.JASA_ANGGOTA not in komponen:
			self.append("alokasi", {"komponen": aturan.JASA_ANGGOTA, "persen": 0})
		try:
			jumlah = aturan.bagi_komponen(int(flt(self.shu)), [flt(r.persen) for r in self.alokasi])
			for row, j in zip(self.alokasi, jumlah, strict=True):
				row.akun = buku.akun(self.company, aturan.AKUN_KOMPONEN[row.komponen])
				row.jumlah = j
			self.bagian_anggota = next(r.jumlah for r in self.alokasi if r.komponen == aturan.JASA_ANGGOTA)
			self.jasa_modal, self.jasa_usaha = aturan.bagi_jasa(
				int(self.bagian_anggota), self.persen_jasa_modal, self.persen_jasa_usaha
			)
		except Ditolak as e:
			buku.tolak(e)

	def _rugi(self):
		for row in self.alokasi:
			row.jumlah = 0
		self.bagian_anggota = self.jasa_modal = self.jasa_usaha = 0

	@frappe.whitelist()
	def hitung(self):
		"""Compute (or recompute) the members' shares of a draft."""
		dari_basis_data(self, "write")
		if self.docstatus != 0:
			frappe.throw(_("Only a draft can be recomputed."))
		if self.rapat_anggota_tahunan:
			frappe.throw(
				_("The RAT {0} approved these shares: they are posted as approved.").format(
					self.rapat_anggota_tahunan
				),
				title=_("Approved by the RAT"),
			)
		self._hitung()
		self.flags.oleh_server = True
		self.save()
		return {"jumlah_anggota": self.jumlah_anggota, "bagian_anggota": self.bagian_anggota}

	def _hitung(self):
		if flt(self.shu) <= 0:
			baris = []
		else:
			try:
				baris = pembagian.hitung(self)
			except Ditolak as e:
				buku.tolak(e)
		pembagian.simpan_rincian(self.name, self.company, baris)
		self.jumlah_anggota = len(baris)
		self.total_pph = sum(b["pph"] for b in baris)

	def submit(self):
		return self.ajukan_per_anggota(self.jumlah_anggota)

	def before_submit(self):
		rat = self.rapat_anggota_tahunan and frappe.db.get_value(
			"Rapat Anggota Tahunan", self.rapat_anggota_tahunan, ["docstatus", "shu_disetujui"], as_dict=True
		)
		if not rat or rat.docstatus != 1 or not rat.shu_disetujui:
			frappe.throw(
				_(
					"The RAT must approve the SHU split first (Rapat Anggota Tahunan, decision: SHU approved)."
				),
				title=_("Not approved by the RAT"),
			)
		if not flt(self.shu):
			frappe.throw(
				_("Fiscal year {0} closed with no SHU: there is nothing to share.").format(self.tahun_buku)
			)
		if flt(self.shu) < 0:
			if not self.penanganan_rugi:
				frappe.throw(_("Choose how the RAT decided to cover the loss."))
			if self.penanganan_rugi == aturan.DITUTUP_CADANGAN:
				akun = buku.akun(self.company, aturan.AKUN_KOMPONEN[aturan.CADANGAN])
				cadangan = buku.saldo_terendah_sejak(self.company, akun, self.posting_date)
				if cadangan < -flt(self.shu):
					frappe.throw(
						_("The reserve ({0}) cannot cover the loss of {1}.").format(
							rupiah(cadangan),
							rupiah(-flt(self.shu)),
						)
					)
			return
		# what is posted is the list the RAT approved (the bases are the closed year's)
		rows = pembagian.rincian(self.name, ("jumlah", "jasa_modal", "jasa_usaha"))
		if (
			int(sum(flt(b.jumlah) for b in rows)) != int(flt(self.bagian_anggota))
			or int(sum(flt(b.jasa_modal) for b in rows)) != int(flt(self.jasa_modal))
			or int(sum(flt(b.jasa_usaha) for b in rows)) != int(flt(self.jasa_usaha))
		):
			frappe.throw(_("The members' shares do not add up to the members' part; compute again."))

	def on_cancel(self):
		super().on_cancel()
		# the RAT's decision stays on record; the sharing it approved may be reversed and redone
		self.ignore_linked_doctypes = (*self.ignore_linked_doctypes, "Rapat Anggota Tahunan")

	def on_trash(self):
		frappe.db.delete(pembagian.RINCIAN, {"pembagian_shu": self.name})

	def baris_jurnal(self) -> list[dict]:
		shu = flt(self.shu)
		if shu < 0:
			nomor = (
				aturan.AKUN_KOMPONEN[aturan.CADANGAN]
				if self.penanganan_rugi == aturan.DITUTUP_CADANGAN
				else aturan.AKUN_SHU_BELUM_DIBAGI
			)
			akun = buku.akun(self.company, nomor)
			return [
				{"account": akun, "debit": -shu, "against": self.akun_shu},
				{"account": self.akun_shu, "credit": -shu, "against": akun},
			]
		lines = [{"account": self.akun_shu, "debit": shu, "against": self.akun_shu_anggota}]
		for row in self.alokasi:
			if row.komponen != aturan.JASA_ANGGOTA:
				lines.append({"account": row.akun, "credit": flt(row.jumlah), "against": self.akun_shu})
		if flt(self.total_pph):
			lines.append(
				{"account": self.akun_utang_pph, "credit": flt(self.total_pph), "against": self.akun_shu}
			)
		for b in pembagian.rincian(self.name):
			lines.append(
				{
					"account": self.akun_shu_anggota,
					"party_type": "Customer",
					"party": b.customer,
					"credit": flt(b.bersih),
					"against": self.akun_shu,
				}
			)
		return lines


def setujui_rat(pembagian_shu: str, rat: str) -> None:
	"""The RAT approved the split (called by the Rapat Anggota Tahunan on submit)."""
	doc = frappe.get_doc("Pembagian SHU", pembagian_shu)
	if doc.docstatus != 0:
		frappe.throw(_("{0} is no longer a draft.").format(pembagian_shu))
	tetapkan(doc, rapat_anggota_tahunan=rat)
	doc.flags.disetujui_rat = True
	doc.flags.ignore_permissions = True
	doc.save()
