# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The year's RAT in the shape the national SIMKOPDES database keeps for a cooperative's RAT:

```json
{"koperasi": "...", "tahun_buku": "2025", "tanggal_rat": "2026-03-15", "status": "Draft|Reported",
 "peserta": {"berhak": 300, "hadir": 180, "kuorum_terpenuhi": true},
 "laporan_posisi_keuangan": {"aset": 0, "liabilitas": 0, "ekuitas": 0, "akun": [{"nomor", "nama", "nilai"}]},
 "laporan_hasil_usaha": {"pendapatan": 0, "beban": 0, "shu": 0, "akun": [...]},
 "rapb_posisi_keuangan": {"akun": [...]}, "rapb_hasil_usaha": {"pendapatan": 0, "beban": 0, "akun": [...]}}
```

Amounts are whole rupiah; `akun` lists the leaf accounts with a balance (numbers of the app's
chart). The RAPB is the ERPNext Budget the RAT approved: its income and expense accounts make
`rapb_hasil_usaha`; balance-sheet accounts budgeted (rare) make `rapb_posisi_keuangan`."""

import frappe
from frappe import _
from frappe.utils import cint, flt

from koperasi_merah_putih.integritas import dari_basis_data
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.tutup_buku import laporan


def _daun(rows) -> list[dict]:
	return [
		{"nomor": r["nomor"], "nama": r["nama"], "nilai": round(flt(r["nilai"]))}
		for r in rows
		if not r["is_group"] and flt(r["nilai"])
	]


def _rapb(budget: str | None) -> tuple[dict, dict]:
	if not budget:
		return {"akun": []}, {"pendapatan": 0, "beban": 0, "akun": []}
	rows = frappe.get_all(
		"Budget Account", filters={"parent": budget}, fields=["account", "budget_amount"], order_by="idx"
	)
	akun = {
		a.name: a
		for a in frappe.get_all(
			"Account",
			filters={"name": ("in", [r.account for r in rows] or [""])},
			fields=["name", "account_number", "account_name", "root_type"],
		)
	}
	pos, hasil = {"akun": []}, {"pendapatan": 0, "beban": 0, "akun": []}
	for r in rows:
		a = akun.get(r.account)
		if not a:
			continue
		baris = {"nomor": a.account_number, "nama": a.account_name, "nilai": round(flt(r.budget_amount))}
		if a.root_type in ("Income", "Expense"):
			hasil["akun"].append(baris)
			hasil["pendapatan" if a.root_type == "Income" else "beban"] += baris["nilai"]
		else:
			pos["akun"].append(baris)
	return pos, hasil


def data_rat(doc) -> dict:
	pk = laporan.posisi_keuangan(doc.company, doc.fiscal_year)
	hu = laporan.hasil_usaha(doc.company, doc.fiscal_year)
	rapb_pos, rapb_hasil = _rapb(doc.rapb)
	return {
		"koperasi": doc.company,
		"tahun_buku": doc.fiscal_year,
		"tanggal_rat": str(doc.tanggal),
		"status": doc.status_pelaporan or "Draft",
		"peserta": {
			"berhak": cint(doc.jumlah_anggota_berhak),
			"hadir": cint(doc.jumlah_hadir),
			"kuorum_terpenuhi": bool(doc.kuorum_terpenuhi),
		},
		"laporan_posisi_keuangan": {
			"aset": round(pk["aset"]),
			"liabilitas": round(pk["liabilitas"]),
			"ekuitas": round(pk["ekuitas"] + pk["shu_belum_ditutup"]),
			"akun": _daun(pk["rows"]),
		},
		"laporan_hasil_usaha": {
			"pendapatan": round(hu["pendapatan"]),
			"beban": round(hu["beban"]),
			"shu": round(hu["shu"]),
			"akun": _daun(hu["rows"]),
		},
		"rapb_posisi_keuangan": rapb_pos,
		"rapb_hasil_usaha": rapb_hasil,
	}


@frappe.whitelist()
def ekspor_rat(rat: str) -> dict:
	"""The RAT of a year as SIMKOPDES JSON (for whoever may read the RAT)."""
	doc = frappe.get_doc("Rapat Anggota Tahunan", rat)
	doc.check_permission("read")
	return data_rat(doc)


@frappe.whitelist(methods=["POST"])
def tandai_dilaporkan(rat: str) -> str:
	"""Record that the RAT has been reported to SIMKOPDES (status Reported)."""
	doc = dari_basis_data(frappe.get_doc("Rapat Anggota Tahunan", rat), "submit")
	if doc.docstatus != 1:
		frappe.throw(_("Submit the RAT before reporting it."))
	doc.db_set("status_pelaporan", aturan.DILAPORKAN)
	return doc.status_pelaporan
