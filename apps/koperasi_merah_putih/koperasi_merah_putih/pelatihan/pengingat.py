"""Reminders the day before a session: an email to participants who have an address (daily job)
and WhatsApp share links with a prefilled Indonesian message (from the training's form)."""

import frappe
from frappe import _
from frappe.utils import add_days, format_time, getdate, today

from koperasi_merah_putih.jinja import tanggal_indonesia
from koperasi_merah_putih.rules import pelatihan as aturan
from koperasi_merah_putih.rules.kontak import tautan_wa


def _pesan(nama: str, plt, sesi) -> str:
	waktu = tanggal_indonesia(sesi.tanggal) + (
		f" {format_time(sesi.jam_mulai, 'HH:mm')}" if sesi.jam_mulai else ""
	)
	tempat = sesi.tempat or sesi.tautan_daring or ""
	return _('Hello {0}, a reminder: the training "{1}" is on {2}{3}. See you there!').format(
		nama, plt.judul, waktu, f", {tempat}" if tempat else ""
	)


def _sesi_berikut(plt, dari):
	return next((s for s in plt.sesi if getdate(s.tanggal) >= getdate(dari)), None)


@frappe.whitelist()
def tautan_whatsapp(pelatihan: str) -> list[dict]:
	"""WhatsApp links for the participants of the next session (staff)."""
	frappe.has_permission("Pelatihan", "read", doc=pelatihan, throw=True)
	plt = frappe.get_doc("Pelatihan", pelatihan)
	sesi = _sesi_berikut(plt, today()) or plt.sesi[-1]
	out = []
	for r in frappe.get_all(
		"Pendaftaran Pelatihan",
		filters={"pelatihan": pelatihan, "status": aturan.TERDAFTAR},
		fields=["nama", "nomor_hp"],
		order_by="nama asc",
	):
		if r.nomor_hp:
			out.append(
				{
					"nama": r.nama,
					"tautan": tautan_wa(r.nomor_hp, _pesan(r.nama, plt, sesi)),
				}
			)
	return out


def kirim_pengingat_besok(hari: str | None = None) -> int:
	"""Daily job: email the participants of every session held tomorrow."""
	from frappe.email.doctype.email_account.email_account import EmailAccount

	if not EmailAccount.find_default_outgoing():
		return 0  # no email set up: the WhatsApp links on the training's form remain
	besok = add_days(hari or today(), 1)
	terkirim = 0
	for nama_plt in frappe.get_all(
		"Sesi Pelatihan", filters={"tanggal": besok, "parenttype": "Pelatihan"}, pluck="parent", distinct=True
	):
		plt = frappe.get_doc("Pelatihan", nama_plt)
		if plt.status not in (aturan.DIBUKA, aturan.DITUTUP):
			continue
		sesi = _sesi_berikut(plt, besok)
		for r in frappe.get_all(
			"Pendaftaran Pelatihan",
			filters={"pelatihan": plt.name, "status": aturan.TERDAFTAR, "email": ("is", "set")},
			fields=["name", "nama", "email"],
		):
			frappe.sendmail(
				recipients=[r.email],
				subject=_("Reminder: {0}").format(plt.judul),
				message=frappe.utils.escape_html(_pesan(r.nama, plt, sesi)),
				reference_doctype="Pendaftaran Pelatihan",
				reference_name=r.name,
			)
			terkirim += 1
	return terkirim
