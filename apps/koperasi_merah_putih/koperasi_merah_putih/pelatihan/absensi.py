"""The check-in screen (page absensi-pelatihan): the session's list with a tick per person, and a
field a card scanner (or the camera) types the member number into."""

import frappe
from frappe import _

from koperasi_merah_putih.pelatihan import layanan
from koperasi_merah_putih.rules import pelatihan as aturan


@frappe.whitelist()
def daftar_hadir(pelatihan: str, sesi: str) -> dict:
	frappe.has_permission(layanan.DOCTYPE, "read", throw=True)
	frappe.has_permission("Pelatihan", "read", doc=pelatihan, throw=True)
	hadir = set(
		frappe.get_all(
			"Kehadiran Pelatihan", filters={"pelatihan": pelatihan, "sesi": sesi}, pluck="pendaftaran"
		)
	)
	rows = frappe.get_all(
		layanan.DOCTYPE,
		filters={"pelatihan": pelatihan, "status": aturan.TERDAFTAR},
		fields=["name", "nama", "anggota", "kelurahan"],
		order_by="nama asc",
	)
	for r in rows:
		r.hadir = r.name in hadir
	return {"peserta": rows, "hadir": len(hadir)}


@frappe.whitelist(methods=["POST"])
def catat_hadir(pelatihan: str, sesi: str, kode: str, cara: str = "Daftar") -> dict:
	"""Check in by registration number or scanned member number (staff who may edit registrations)."""
	frappe.has_permission(layanan.DOCTYPE, "write", throw=True)
	frappe.has_permission("Pelatihan", "write", doc=pelatihan, throw=True)
	if cara not in ("Daftar", "Pindai"):
		frappe.throw(_("Unknown check-in method."))
	return layanan.hadir(pelatihan, sesi, kode, cara)
