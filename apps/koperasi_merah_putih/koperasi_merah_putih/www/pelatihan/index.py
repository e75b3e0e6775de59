"""/pelatihan: open trainings (sign up or cancel), and for a member their own registrations,
certificates and feedback. Guests see the events open to the public and their sign-up form."""

import frappe
from frappe import _
from frappe.utils import now_datetime

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import anggota_untuk_user
from koperasi_merah_putih.rules import pelatihan as aturan

no_cache = 1


def get_context(context):
	context.title = _("Pelatihan")
	context.show_sidebar = False
	anggota = anggota_untuk_user()
	context.anggota = anggota
	peserta = [aturan.UMUM] if not anggota else [aturan.UMUM, aturan.ANGGOTA, aturan.PENGURUS]
	P = frappe.qb.DocType("Pelatihan")
	terbuka = (
		frappe.qb.from_(P)
		.select(
			P.name,
			P.judul,
			P.topik,
			P.peserta,
			P.penyelenggara,
			P.mulai,
			P.selesai,
			P.kuota,
			P.jumlah_terdaftar,
			P.batas_pendaftaran,
			P.biaya,
			P.deskripsi,
		)
		.where((P.status == aturan.DIBUKA) & P.peserta.isin(peserta) & (P.selesai >= now_datetime()))
		.where(P.batas_pendaftaran.isnull() | (P.batas_pendaftaran >= now_datetime()))
		.orderby(P.mulai)
	)
	if anggota:
		# a member sees their own cooperative's events (one site may hold several)
		terbuka = terbuka.where(P.company == frappe.db.get_value("Anggota", anggota, "company"))
	terbuka = terbuka.run(as_dict=True)
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
