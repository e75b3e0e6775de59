"""Seed data of the year-end module: Pengaturan SHU with the common split of the by-laws (UU 25/1992
Art. 45) until the cooperative sets its own (a site's own values are kept)."""

import frappe

from koperasi_merah_putih.rules import shu as aturan


def ensure(company: str) -> None:
	"""The year-end settings are the site's, one for all its cooperatives."""
	ensure_pengaturan()


def ensure_pengaturan() -> None:
	doc = frappe.get_doc("Pengaturan SHU")
	if doc.alokasi:
		return
	for nama, _akun, persen in aturan.KOMPONEN:
		doc.append("alokasi", {"komponen": nama, "persen": persen})
	for field, value in (
		("persen_jasa_modal", 50),
		("persen_jasa_usaha", 50),
		("dasar_simpanan", aturan.SALDO_AKHIR),
		("akun_transaksi", ", ".join(aturan.AKUN_TRANSAKSI)),
		("metode_pajak", aturan.PP55),
		("tarif_pajak_umum", 22),
		("kuorum_persen", 50),
	):
		if doc.get(field) in (None, "", 0):
			doc.set(field, value)
	doc.flags.ignore_permissions = True
	doc.save()
