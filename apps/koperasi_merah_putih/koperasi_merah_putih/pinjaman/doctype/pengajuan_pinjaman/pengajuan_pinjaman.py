# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pengajuan Pinjaman: a member's loan application, from the portal or the desk.

Checked on every save: the member may transact, the product's plafond and tenor limits, the
guarantor (a valid NIK that is not the applicant's, a phone number), and the product's
eligibility rules (each unmet one recorded with its reason). Decisions go only through
`setujui` / `tolak` (maker-checker: neither the applicant nor whoever entered the application may
approve it; above the configured amount only the Pengurus may)."""

from decimal import Decimal

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import cint, flt, getdate, now_datetime

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import (
	periksa_dapat_bertransaksi,
	pesan_nik,
)
from koperasi_merah_putih.pinjaman.doctype.pengaturan_pinjaman.pengaturan_pinjaman import (
	pengaturan,
	tabel_kelas,
)
from koperasi_merah_putih.rules import keanggotaan as aturan_anggota
from koperasi_merah_putih.rules import pinjaman as aturan
from koperasi_merah_putih.rules.kontak import NomorHPTidakValid, normalisasi_hp
from koperasi_merah_putih.rules.nik import NIKTidakValid, parse_nik
from koperasi_merah_putih.simpanan import saldo as saldo_simpanan
from koperasi_merah_putih.simpanan import tagihan as tagihan_wajib

STAF_PENYETUJU = ("Kasir", "Pengurus")


class PengajuanPinjaman(Document):
	def validate(self):
		if not self.is_new() and not self.flags.keputusan:
			if self.get_db_value("status") != aturan.DIAJUKAN:
				frappe.throw(
					_("Application {0} has been decided ({1}); it can no longer be changed.").format(
						self.name, _(self.get_db_value("status"))
					)
				)
		anggota = periksa_dapat_bertransaksi(self.anggota)
		self.company = anggota.company
		produk = frappe.get_cached_doc("Produk Pinjaman", self.produk)
		if produk.nonaktif:
			frappe.throw(_("Loan product {0} is no longer offered.").format(self.produk))
		if not any(r.company == self.company for r in produk.akun):
			frappe.throw(_("Loan product {0} is not set up for {1}.").format(self.produk, self.company))
		self.jumlah, self.tenor = int(flt(self.jumlah)), cint(self.tenor)
		produk.periksa_batas(self.jumlah, self.tenor)
		self._periksa_penjamin()
		if self.is_new():
			self.diajukan_oleh = frappe.session.user
			self._periksa_pengajuan_lain()
		sim = produk.simulasi(self.jumlah, self.tenor)
		self.angsuran_pertama = sim["angsuran_pertama"]
		self.total_jasa = sim["total_jasa"]
		self.diterima = sim["diterima"]
		self.suku_efektif_tahunan = sim["suku_efektif_tahunan"]
		if self.status == aturan.DIAJUKAN:
			alasan = alasan_tidak_layak(self.anggota, produk, self.jumlah)
			self.layak = int(not alasan)
			self.hasil_kelayakan = "\n".join(alasan) if alasan else _("All the product's conditions are met.")
			if alasan and self.flags.tolak_bila_tidak_layak:
				frappe.throw(
					_("Your application cannot be made yet:") + "<br>" + "<br>".join(alasan),
					title=_("Not eligible"),
				)
		self.perlu_pengurus = int(self.jumlah > flt(pengaturan().batas_persetujuan_kasir))

	def _periksa_penjamin(self):
		label = _("The guarantor's NIK")
		try:
			self.nik_penjamin = parse_nik(self.nik_penjamin).nik
		except NIKTidakValid as err:
			frappe.throw(pesan_nik(err, label), title=_("Invalid guarantor NIK"))
		if self.nik_penjamin == frappe.db.get_value("Anggota", self.anggota, "nik"):
			frappe.throw(
				_("The guarantor must be someone other than the applicant (the NIK is the applicant's own)."),
				title=_("Invalid guarantor"),
			)
		try:
			self.hp_penjamin = normalisasi_hp(self.hp_penjamin)
		except NomorHPTidakValid:
			frappe.throw(
				_("The guarantor's mobile number {0} is not valid. Write it like 0812-3456-7890.").format(
					frappe.bold(self.hp_penjamin or "")
				),
				title=_("Invalid mobile number"),
			)

	def _periksa_pengajuan_lain(self):
		lain = frappe.db.get_value(
			"Pengajuan Pinjaman", {"anggota": self.anggota, "status": aturan.DIAJUKAN}, "name"
		)
		if lain:
			frappe.throw(
				_("Application {0} of this member is still waiting for a decision.").format(lain),
				title=_("Application already pending"),
			)

	# ------------------------------------------------------------------ decisions
	def _periksa_pemutus(self):
		user = frappe.session.user
		self.check_permission("write")
		if self.status != aturan.DIAJUKAN:
			frappe.throw(
				_("Application {0} has already been decided ({1}).").format(self.name, _(self.status))
			)
		login, email = frappe.db.get_value("Anggota", self.anggota, ["user", "email"]) or (None, None)
		if aturan_anggota.memutuskan_sendiri(user, self.owner, self.diajukan_oleh, login, email):
			frappe.throw(
				_("You entered this application (or it is yours): another officer must decide on it."),
				frappe.PermissionError,
				title=_("Maker-checker"),
			)
		roles = set(frappe.get_roles(user))
		if self.perlu_pengurus and "Pengurus" not in roles:
			frappe.throw(
				_("Applications above {0} must be approved by the Pengurus.").format(
					rupiah(pengaturan().batas_persetujuan_kasir)
				),
				frappe.PermissionError,
				title=_("Pengurus approval required"),
			)
		if not roles.intersection(STAF_PENYETUJU) and "System Manager" not in roles:
			frappe.throw(
				_("Only the Kasir or the Pengurus decide on loan applications."), frappe.PermissionError
			)

	def setujui(self):
		self._periksa_pemutus()
		# the conditions are checked again now: savings, arrears and other loans may have changed
		self.validate()
		if not self.layak:
			frappe.throw(
				_("The member does not meet the product's conditions:")
				+ "<br>"
				+ self.hasil_kelayakan.replace("\n", "<br>"),
				title=_("Not eligible"),
			)
		self._putuskan(aturan.DISETUJUI)

	def tolak(self, alasan: str):
		self._periksa_pemutus()
		if not (alasan or "").strip():
			frappe.throw(_("Give the reason for the rejection; the member will see it."))
		self.alasan_penolakan = alasan.strip()
		self._putuskan(aturan.DITOLAK)

	def _putuskan(self, status: str):
		self.status = status
		self.diputuskan_oleh = frappe.session.user
		self.tanggal_keputusan = now_datetime()
		self.flags.keputusan = True
		self.flags.oleh_server = True
		self.save()


def alasan_tidak_layak(anggota: str, produk, jumlah: int, pada=None) -> list[str]:
	"""The product's eligibility conditions the member does not meet, each as a reason (the rule
	is `rules.pinjaman.tidak_layak`; this gathers its figures and words the answer)."""
	bergabung = frappe.db.get_value("Anggota", anggota, "tanggal_bergabung")
	terburuk = max(tabel_kelas(), key=lambda k: k.dari_hari).nama
	macet = frappe.db.get_value(
		"Pinjaman",
		{"anggota": anggota, "docstatus": 1, "status": aturan.AKTIF, "kolektibilitas": terburuk},
		"name",
	)
	syarat = aturan.Syarat(
		cint(produk.minimal_bulan_anggota),
		bool(cint(produk.wajib_lunas)),
		Decimal(str(flt(produk.kelipatan_simpanan))),
	)
	hasil = aturan.tidak_layak(
		syarat,
		jumlah,
		aturan.bulan_penuh(getdate(bergabung), getdate(pada)) if bergabung else 0,
		int(tagihan_wajib.tunggakan_anggota(anggota, pada)["total"]) if syarat.wajib_lunas else 0,
		macet and terburuk,
		int(sum(flt(s["saldo"]) for s in saldo_simpanan.saldo_per_jenis(anggota)))
		if syarat.kelipatan_simpanan
		else 0,
	)
	return [pesan_tidak_layak(kode, nilai, macet) for kode, *nilai in hasil]


def pesan_tidak_layak(kode: str, nilai: list, pinjaman: str | None = None) -> str:
	if kode == "bulan_anggota":
		return _("Membership of at least {0} months is required (the member has {1}).").format(*nilai)
	if kode == "tunggakan_wajib":
		return _("Simpanan wajib is in arrears ({0}); it must be paid up first.").format(rupiah(nilai[0]))
	if kode == "kelas_terburuk":
		return _("Loan {0} is in the class {1}.").format(pinjaman, _(nilai[0]))
	return _("The loan may be at most {0} times the member's savings: {1}.").format(
		frappe.format(float(nilai[0]), {"fieldtype": "Float"}), rupiah(nilai[1])
	)


@frappe.whitelist(methods=["POST"])
def setujui(name: str) -> str:
	doc = frappe.get_doc("Pengajuan Pinjaman", name)
	doc.setujui()
	return doc.status


@frappe.whitelist(methods=["POST"])
def tolak(name: str, alasan: str) -> str:
	doc = frappe.get_doc("Pengajuan Pinjaman", name)
	doc.tolak(alasan)
	return doc.status
