"""Simpanan berjangka at maturity: placements marked for automatic roll-over are rolled over by a
daily job (jasa added to the principal); the others wait for the member at the teller."""

import frappe
from frappe.utils import today

from koperasi_merah_putih.rules import simpanan as aturan


def jatuh_tempo_otomatis(sampai: str | None = None) -> dict:
	"""Roll over every active placement with automatic roll-over whose maturity date has come.
	Each placement is its own transaction step: one that fails is logged and the others go on."""
	sampai = sampai or today()
	names = frappe.get_all(
		"Simpanan Berjangka",
		filters={
			"docstatus": 1,
			"status": aturan.AKTIF,
			"perpanjang_otomatis": 1,
			"tanggal_jatuh_tempo": ("<=", sampai),
		},
		pluck="name",
		order_by="tanggal_jatuh_tempo",
	)
	done, failed = [], []
	for name in names:
		frappe.db.savepoint("jatuh_tempo")
		try:
			sb = frappe.get_doc("Simpanan Berjangka", name)
			doc = frappe.get_doc(
				{
					"doctype": "Pencairan Simpanan Berjangka",
					"simpanan_berjangka": name,
					"posting_date": sb.tanggal_jatuh_tempo,
					"tindakan": "Perpanjang",
					"jasa_ditambahkan": 1,
				}
			)
			doc.flags.ignore_permissions = True
			doc.insert()
			doc.submit()
			done.append(name)
		except Exception:
			frappe.db.rollback(save_point="jatuh_tempo")
			frappe.log_error(title=f"Perpanjangan otomatis {name}")
			failed.append(name)
	return {"diperpanjang": done, "gagal": failed}
