# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Anggota: one member of the cooperative, from application to exit.

The rules (NIK, phone, ages, who may move a member between statuses) live in
`koperasi_merah_putih.rules`; the ERPNext parties in `keanggotaan.pihak`. Status changes go only
through the whitelisted methods below, never by editing the field.
"""

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.model.naming import make_autoname
from frappe.utils import getdate, today

from koperasi_merah_putih.integritas import dari_basis_data
from koperasi_merah_putih.keanggotaan import pihak
from koperasi_merah_putih.rules import keanggotaan as aturan
from koperasi_merah_putih.rules.kontak import NomorHPTidakValid, normalisasi_hp, tautan_wa
from koperasi_merah_putih.rules.nik import NIKTidakValid, bersihkan, periksa_nik, periksa_no_kk

DEFAULT_SERIES = "AGT-.YYYY.-.#####"
# statuses a new record may start in: applications, and existing members brought in by import
STATUS_AWAL = (aturan.PENDAFTARAN, aturan.DISETUJUI, aturan.AKTIF)


def pesan_nik(err: NIKTidakValid, label: str = "NIK") -> str:
	"""The Indonesian (translated) message for a NIK/KK problem found by the rules."""
	kode, nilai = err.kode, err.nilai
	if kode == "kosong":
		return _("{0} is required.").format(label)
	if kode == "bukan_angka":
		return _("{0} may contain digits only.").format(label)
	if kode == "panjang":
		return _("{0} must be 16 digits; {1} digits were entered.").format(label, nilai[1])
	if kode == "provinsi":
		return _("{0} starts with {1}, which is not an Indonesian province code.").format(label, nilai[0])
	if kode == "wilayah":
		return _("{0} has an impossible regency or district code ({1}).").format(label, nilai[0])
	if kode == "tanggal":
		return _("{0} contains an impossible date of birth ({1}).").format(label, nilai[0])
	if kode == "nomor_urut":
		return _("{0} ends with an impossible serial number (0000).").format(label)
	if kode == "tanggal_tidak_cocok":
		return _("The date of birth does not match the NIK (the NIK says {0}).").format(nilai[0])
	if kode == "jenis_kelamin_tidak_cocok":
		return _("The gender does not match the NIK (the NIK says {0}).").format(_(nilai[0]))
	return _("{0} is not valid.").format(label)


def settings():
	return frappe.get_cached_doc("Pengaturan Koperasi")


class Anggota(Document):
	# what Data Import may carry of an existing register (server-owned otherwise; who may import
	# members who are already approved is checked in _periksa_status)
	kolom_impor = ("status", "nomor_anggota", "tanggal_bergabung", "tanggal_daftar", "sumber_pendaftaran")

	# ------------------------------------------------------------------ validation
	def validate(self):
		if self.is_new():
			# Data Import skips the doctype's defaults
			self.status = self.status or aturan.PENDAFTARAN
			self.tanggal_daftar = self.tanggal_daftar or today()
			if frappe.flags.in_import and self.sumber_pendaftaran in (None, "", "Kantor"):
				self.sumber_pendaftaran = "Impor"
		self.nama_lengkap = " ".join((self.nama_lengkap or "").split())
		self._periksa_nik_dan_kk()
		self._periksa_usia()
		self._periksa_kontak()
		self._periksa_status()
		if not self.company:
			self.company = settings().company or frappe.defaults.get_user_default("Company")

	def _periksa_nik_dan_kk(self):
		self.nik = bersihkan(self.nik)
		try:
			data = periksa_nik(
				self.nik, getdate(self.tanggal_lahir) if self.tanggal_lahir else None, self.jenis_kelamin
			)
		except NIKTidakValid as err:
			frappe.throw(pesan_nik(err), title=_("Invalid NIK"))
		try:
			self.no_kk = periksa_no_kk(self.no_kk)
		except NIKTidakValid as err:
			frappe.throw(pesan_nik(err, _("No. KK")), title=_("Invalid No. KK"))
		if not self.provinsi:
			self.provinsi = data.provinsi
		if frappe.db.exists("Anggota", {"nik": self.nik, "name": ("!=", self.name)}):
			# do not say whose: the applicant may be a stranger on the public form
			frappe.throw(
				_(
					"This NIK is already registered. If you have not registered before, please contact the cooperative's board."
				),
				title=_("NIK already registered"),
			)

	def _periksa_usia(self):
		memutuskan = self.flags.ubah_status and self.status == aturan.DISETUJUI
		# the minimum age counts for applications and at approval, not for old members' edits
		menilai = self.is_new() or self.status in (aturan.PENDAFTARAN, aturan.DIVERIFIKASI) or memutuskan
		minimal = (settings().usia_minimal_anggota or 0) if menilai else 0
		try:
			aturan.periksa_usia(getdate(self.tanggal_lahir), getdate(today()), minimal)
		except aturan.UsiaTidakMemenuhi as err:
			if err.kode == "masa_depan":
				frappe.throw(_("The date of birth cannot be in the future."))
			frappe.throw(
				_("The applicant is {0} years old; the minimum age for members is {1} years.").format(
					err.usia, err.minimal
				),
				title=_("Too young"),
			)

	def _periksa_kontak(self):
		try:
			self.nomor_hp = normalisasi_hp(self.nomor_hp)
		except NomorHPTidakValid:
			frappe.throw(
				_("Mobile number {0} is not valid. Write it like 0812-3456-7890.").format(
					frappe.bold(self.nomor_hp or "")
				),
				title=_("Invalid mobile number"),
			)
		if self.email:
			self.email = self.email.strip().lower()
			frappe.utils.validate_email_address(self.email, throw=True)
			if frappe.db.exists("Anggota", {"email": self.email, "name": ("!=", self.name)}):
				frappe.throw(_("This email is already used by another member."), title=_("Duplicate email"))

	def _periksa_status(self):
		if self.is_new():
			if self.status not in STATUS_AWAL:
				frappe.throw(_("A new member record cannot start with status {0}.").format(_(self.status)))
			if self.status != aturan.PENDAFTARAN:
				# bringing in existing members (import): the board's decision
				if "Pengurus" not in frappe.get_roles() and not frappe.flags.in_install:
					frappe.throw(
						_("Only the board (Pengurus) may register members who are already approved."),
						frappe.PermissionError,
					)
				self._terbitkan_nomor()
			return
		sebelum = self.get_doc_before_save()
		if sebelum and sebelum.status != self.status and not self.flags.ubah_status:
			frappe.throw(_("The status changes only through the buttons on the form (Verify, Approve, ...)."))

	def _terbitkan_nomor(self):
		seri = settings().seri_nomor_anggota or DEFAULT_SERIES
		# imported registers may already hold numbers the series would give out again: skip those
		while not self.nomor_anggota or frappe.db.exists(
			"Anggota", {"nomor_anggota": self.nomor_anggota, "name": ("!=", self.name)}
		):
			if self.nomor_anggota and self.is_new() and frappe.flags.in_import:
				frappe.throw(_("Member number {0} is already used.").format(self.nomor_anggota))
			self.nomor_anggota = make_autoname(seri, doc=self)
		self.tanggal_bergabung = self.tanggal_bergabung or today()

	# ------------------------------------------------------------------ parties
	def on_update(self):
		self._ktp_privat()
		if self.status in aturan.BERNOMOR:
			pihak.sinkronkan(self)

	def _ktp_privat(self):
		"""The KTP photo is personal data: whatever the upload dialog chose, keep it private."""
		if not self.foto_ktp or self.foto_ktp.startswith("/private/"):
			return
		name = frappe.db.get_value(
			"File",
			{"file_url": self.foto_ktp, "attached_to_doctype": "Anggota", "attached_to_name": self.name},
		)
		if not name:
			name = frappe.db.get_value("File", {"file_url": self.foto_ktp, "is_private": 0})
		if name:
			file = frappe.get_doc("File", name)
			file.is_private = 1
			file.flags.ignore_permissions = True
			file.save()
			self.db_set("foto_ktp", file.file_url, update_modified=False)

	def has_website_permission(self, ptype, user=None, verbose=False):
		"""A member may read and print their own record (their card) from the portal; nothing else."""
		user = user or frappe.session.user
		return (
			bool(self.user)
			and self.user == user
			and ptype in ("read", "print")
			and self.status in aturan.BERNOMOR
		)

	def on_trash(self):
		if self.nomor_anggota:
			frappe.throw(_("A member with a member number cannot be deleted; record their exit instead."))

	# ------------------------------------------------------------------ lifecycle
	@frappe.whitelist(methods=["POST"])
	def verifikasi(self):
		dari_basis_data(self)
		self._pindah(aturan.DIVERIFIKASI, diverifikasi_oleh=frappe.session.user)

	@frappe.whitelist(methods=["POST"])
	def setujui(self):
		dari_basis_data(self)
		if self.status in (aturan.DISETUJUI, aturan.AKTIF):
			return  # approving twice changes nothing
		self._pindah(aturan.DISETUJUI, disetujui_oleh=frappe.session.user, tanggal_disetujui=today())

	@frappe.whitelist(methods=["POST"])
	def aktifkan(self):
		dari_basis_data(self)
		if self.status == aturan.AKTIF:
			return
		self._pindah(aturan.AKTIF)

	@frappe.whitelist(methods=["POST"])
	def tolak(self, alasan: str):
		dari_basis_data(self)
		if not (alasan or "").strip():
			frappe.throw(_("Please give the reason for rejecting the application."))
		self._pindah(aturan.DITOLAK, alasan_penolakan=alasan.strip())

	@frappe.whitelist(methods=["POST"])
	def keluar(self, alasan: str, tanggal: str | None = None, cara_bayar: str | None = None):
		"""Exit: record the date and reason, settle through the `anggota_keluar` hooks, block transactions.

		Extension point: every dotted path in the `anggota_keluar` hook of any installed app is
		called as `fn(anggota, tanggal, alasan)` before the status changes, inside the same
		transaction (the Simpanan and Pinjaman modules refund savings net of debts there). If any
		of them throws, nothing of the exit is kept.
		"""
		dari_basis_data(self)
		if not (alasan or "").strip():
			frappe.throw(_("Please give the reason for leaving."))
		tanggal = getdate(tanggal or today())
		if self.tanggal_bergabung and tanggal < getdate(self.tanggal_bergabung):
			frappe.throw(_("The exit date cannot be before the joining date."))
		# how the refund of savings is paid (the settlement hook reads it; cash by default)
		self.flags.cara_bayar_keluar = cara_bayar
		self._pindah(aturan.KELUAR, tanggal_keluar=tanggal, alasan_keluar=alasan.strip())

	@frappe.whitelist(methods=["POST"])
	def tautan_kata_sandi(self) -> dict:
		"""A one-time link for the member to set their portal password, and a WhatsApp message with it.

		For members without working email: the cashier or board sends the link by WhatsApp. Only
		portal (Website User) accounts qualify, so staff logins can never be taken over this way;
		every link made is noted on the member's timeline.
		"""
		dari_basis_data(self)
		if not {"Pengurus", "Kasir"} & set(frappe.get_roles()):
			frappe.throw(
				_("Only {0} may do this.").format(", ".join((_("Pengurus"), _("Kasir")))),
				frappe.PermissionError,
			)
		if self.status not in aturan.BOLEH_BERTRANSAKSI or not (self.user or self.email):
			frappe.throw(
				_("This member has no portal account yet: approve the member with an email address first.")
			)
		if not self.user:  # imported, and the accounts job has not reached this member yet
			pihak.sinkronkan(self, dengan_akun=True)
		user = frappe.get_doc("User", self.user)
		if user.user_type != "Website User":
			frappe.throw(_("This login is a staff account; its password is managed from the User form."))
		link = user.reset_password(send_email=False)
		pesan = _("Hello {0}, this is the link to set your password for the {1} member portal: {2}").format(
			self.nama_lengkap, self.company, link
		)
		self.add_comment("Info", _("Password link created by {0}").format(frappe.session.user))
		return {"link": link, "whatsapp": tautan_wa(self.nomor_hp, pesan)}

	def _pindah(self, ke: str, **nilai):
		self.check_permission("write")
		status_db = frappe.db.get_value("Anggota", self.name, "status", for_update=True)
		if status_db != self.status:
			self.reload()
		peran = aturan.peran_untuk(self.status, ke)
		if not peran:
			frappe.throw(_("A member with status {0} cannot be moved to {1}.").format(_(self.status), _(ke)))
		if not set(peran) & set(frappe.get_roles()):
			frappe.throw(
				_("Only {0} may do this.").format(", ".join(_(p) for p in peran)), frappe.PermissionError
			)
		if aturan.memutuskan_sendiri(frappe.session.user, self.user, self.email):
			frappe.throw(_("You cannot decide on your own membership."), frappe.PermissionError)

		frappe.db.savepoint("anggota_status")
		try:
			self.status = ke
			self.update(nilai)
			self.flags.ubah_status = self.flags.oleh_server = True
			if ke == aturan.DISETUJUI:
				self._terbitkan_nomor()
			if ke == aturan.KELUAR:
				for method in frappe.get_hooks("anggota_keluar"):
					frappe.get_attr(method)(self, nilai["tanggal_keluar"], nilai["alasan_keluar"])
			self.save()
		except Exception:
			frappe.db.rollback(save_point="anggota_status")
			raise
		finally:
			self.flags.ubah_status = self.flags.oleh_server = False


def periksa_dapat_bertransaksi(anggota: str) -> frappe._dict:
	"""Throw unless the member may take part in a new transaction (approved or active).

	Every money document of the app calls this on validate; exited, rejected and pending members
	are refused with a clear message.
	"""
	data = frappe.db.get_value(
		"Anggota", anggota, ["name", "nama_lengkap", "status", "customer", "company"], as_dict=True
	)
	if not data:
		frappe.throw(_("Member {0} does not exist.").format(anggota))
	if data.status not in aturan.BOLEH_BERTRANSAKSI:
		frappe.throw(
			_("Member {0} has status {1}: no new transactions are allowed.").format(
				frappe.bold(data.nama_lengkap), _(data.status)
			),
			title=_("Member not active"),
		)
	return data


def anggota_untuk_user(user: str | None = None) -> str | None:
	"""The Anggota record of a portal user (None for staff who are not members and for guests)."""
	user = user or frappe.session.user
	if user == "Guest":
		return None
	return frappe.db.get_value("Anggota", {"user": user})
