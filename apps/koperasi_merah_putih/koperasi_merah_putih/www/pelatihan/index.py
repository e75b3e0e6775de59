"""/pelatihan: open trainings (sign up or cancel), and for a member their own registrations,
certificates and feedback. Guests see the events open to the public and their sign-up form."""

import frappe
from frappe import _

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.pelatihan.portal import pelatihan_terbuka
from koperasi_merah_putih.rules import pelatihan as aturan

no_cache = 1


def get_context(context):
	context.title = _("Pelatihan")
	context.show_sidebar = False
	anggota = anggota_untuk_user()
	context.anggota = anggota
	peserta = [aturan.UMUM] if not anggota else [aturan.UMUM, aturan.ANGGOTA, aturan.PENGURUS]
	# a member sees their own cooperative's events (one site may hold several)
	company = frappe.db.get_value("Anggota", anggota, "company") if anggota else None
	terbuka = pelatihan_terbuka(peserta, company)
	milik = {}
	if anggota:
		context.saya = frappe.get_all(
			"Pendaftaran Pelatihan",
			filters={"anggota": anggota, "status": ("!=", aturan.DIBATALKAN)},
			fields=[
				"name",
				"pelatihan",
				"judul_pelatihan",
				"status",
				"lulus",
				"nomor_sertifikat",
				"tanggal_lulus",
				"jumlah_hadir",
			],
			order_by="waktu_daftar desc",
		)
		milik = {r.pelatihan: r for r in context.saya}
		sudah = set(
			frappe.get_all(
				"Umpan Balik Pelatihan",
				filters={"pendaftaran": ("in", [r.name for r in context.saya] or [""])},
				pluck="pendaftaran",
			)
		)
		for r in context.saya:
			r.sudah_umpan_balik = r.name in sudah
			# the materials, for participants (public files only: private ones need a staff login)
			r.materi = (
				frappe.get_all(
					"Materi Pelatihan",
					filters={
						"parent": r.pelatihan,
						"parenttype": "Pelatihan",
						"berkas": ("like", "/files/%"),
					},
					fields=["judul", "berkas"],
					order_by="idx asc",
				)
				if r.status == aturan.TERDAFTAR
				else []
			)
			r.selesai = frappe.db.get_value("Pelatihan", r.pelatihan, "status") == aturan.SELESAI
	for p in terbuka:
		p.pendaftaran = milik.get(p.name)
		p.penuh = bool(p.kuota) and (p.jumlah_terdaftar or 0) >= p.kuota
	context.terbuka = terbuka
	return context
