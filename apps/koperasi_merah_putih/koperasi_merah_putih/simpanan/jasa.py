"""Month-end jasa (interest) on sukarela savings: every member's jasa for a month, computed by the
pure rules from the ledger, stored as a per-member breakdown (Rincian Jasa Simpanan) and posted by
one Jasa Simpanan document (interest expense against each member's savings, withholding tax to its
payable account).

The ledger is read with two grouped queries (opening balance per member, and net movement per
member per day), so a month for 10,000 accounts is a few seconds of Python; the breakdown is one
bulk insert.
"""

from datetime import date
from decimal import Decimal

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Sum
from frappe.utils import flt

from koperasi_merah_putih.massal import sisip_massal
from koperasi_merah_putih.rules import simpanan as aturan

RINCIAN = "Rincian Jasa Simpanan"
FIELDS = (
	"jasa_simpanan",
	"anggota",
	"nama_anggota",
	"customer",
	"saldo_dasar",
	"jasa",
	"pajak",
	"bersih",
)


def _saldo_awal(akun: str, company: str, awal: date) -> dict[str, int]:
	gl = DocType("GL Entry")
	rows = (
		frappe.qb.from_(gl)
		.select(gl.party, Sum(gl.credit - gl.debit))
		.where(
			(gl.account == akun)
			& (gl.company == company)
			& (gl.party_type == "Customer")
			& (gl.is_cancelled == 0)
			& (gl.posting_date < awal)
		)
		.groupby(gl.party)
		.run()
	)
	return {party: int(flt(s)) for party, s in rows}


def _mutasi(akun: str, company: str, awal: date, akhir: date) -> dict[str, list[tuple[date, int]]]:
	gl = DocType("GL Entry")
	rows = (
		frappe.qb.from_(gl)
		.select(gl.party, gl.posting_date, Sum(gl.credit - gl.debit))
		.where(
			(gl.account == akun)
			& (gl.company == company)
			& (gl.party_type == "Customer")
			& (gl.is_cancelled == 0)
			& (gl.posting_date[awal:akhir])
		)
		.groupby(gl.party, gl.posting_date)
		.run()
	)
	out: dict[str, list[tuple[date, int]]] = {}
	for party, tanggal, delta in rows:
		out.setdefault(party, []).append((tanggal, int(flt(delta))))
	return out


def _anggota(customers: list[str]) -> dict[str, tuple[str, str]]:
	"""Customer -> (member, name) for the members' Customers that are neither disabled nor frozen
	(ERPNext would refuse to post to them)."""
	out = {}
	c = DocType("Customer")
	for i in range(0, len(customers), 5000):
		rows = (
			frappe.qb.from_(c)
			.select(c.name, c.anggota, c.customer_name)
			.where(
				c.name.isin(customers[i : i + 5000])
				& (c.disabled == 0)
				& (c.is_frozen == 0)
				& c.anggota.isnotnull()
			)
			.run()
		)
		out.update({name: (anggota, nama) for name, anggota, nama in rows})
	return out


def hitung(produk, company: str, periode: str) -> list[dict]:
	"""Each member's jasa for the period on one sukarela product: [{anggota, nama_anggota, customer,
	saldo_dasar, jasa, pajak, bersih}], members with no jasa left out."""
	tahun, bulan = aturan.parse_periode(periode)
	awal, akhir = date(tahun, bulan, 1), aturan.akhir_periode(periode)
	akun = produk.akun_untuk(company).akun_simpanan
	saldo_awal = _saldo_awal(akun, company, awal)
	mutasi = _mutasi(akun, company, awal, akhir)
	customers = sorted(set(saldo_awal) | set(mutasi))
	anggota = _anggota(customers)
	tarif = Decimal(str(flt(produk.tarif_jasa)))
	minimal = int(flt(produk.saldo_minimal_jasa))
	ambang = int(flt(produk.ambang_pajak)) if produk.ambang_pajak is not None else 240000
	tarif_pajak = Decimal(str(flt(produk.tarif_pajak) or 10))
	hasil = []
	for customer in customers:
		if customer not in anggota:
			continue
		awal_c, mutasi_c = saldo_awal.get(customer, 0), mutasi.get(customer, [])
		jasa = aturan.jasa_bulanan(produk.metode_jasa, awal_c, mutasi_c, awal, akhir, tarif, minimal)
		if jasa <= 0:
			continue
		harian = aturan.saldo_harian(awal_c, mutasi_c, awal, akhir)
		dasar = aturan.saldo_dasar(produk.metode_jasa, harian)
		pajak = aturan.pajak_jasa(jasa, ambang, tarif_pajak) if produk.potong_pajak else 0
		hasil.append(
			{
				"anggota": anggota[customer][0],
				"nama_anggota": anggota[customer][1],
				"customer": customer,
				"saldo_dasar": dasar,
				"jasa": jasa,
				"pajak": pajak,
				"bersih": jasa - pajak,
			}
		)
	return hasil


def simpan_rincian(jasa_simpanan: str, baris: list[dict]) -> None:
	"""Replace the breakdown of a Jasa Simpanan with `baris` (one bulk insert)."""
	frappe.db.delete(RINCIAN, {"jasa_simpanan": jasa_simpanan})
	kolom = FIELDS[1:]
	sisip_massal(
		RINCIAN,
		FIELDS,
		[(jasa_simpanan, *(b[k] for k in kolom)) for b in baris],
		nama=lambda i: f"{jasa_simpanan}-{i:05d}",
	)


def rincian(jasa_simpanan: str) -> list[dict]:
	return frappe.get_all(
		RINCIAN,
		filters={"jasa_simpanan": jasa_simpanan},
		fields=["anggota", "customer", "jasa", "pajak", "bersih"],
		order_by="name",
	)


def buat_draf_bulanan(periode: str | None = None) -> list[str]:
	"""Monthly job: last month's Jasa Simpanan as a computed draft for every sukarela product with
	a rate and every cooperative using it where someone earned jasa, for the treasurer to check and
	submit (a draft already made, or a posted one, is left alone). Returns the drafts made."""
	from frappe.utils import add_months, today

	periode = periode or aturan.periode(frappe.utils.getdate(add_months(today(), -1)))
	dibuat = []
	produk = frappe.get_all(
		"Jenis Simpanan",
		filters={"kategori": aturan.SUKARELA, "nonaktif": 0, "tarif_jasa": (">", 0)},
		pluck="name",
	)
	for nama in produk:
		for koperasi in frappe.get_all("Akun Jenis Simpanan", filters={"parent": nama}, pluck="company"):
			ada = {"company": koperasi, "jenis_simpanan": nama, "periode": periode, "docstatus": ("<", 2)}
			if frappe.db.exists("Jasa Simpanan", ada):
				continue
			frappe.db.savepoint("draf_jasa")
			try:
				doc = frappe.get_doc(
					{
						"doctype": "Jasa Simpanan",
						"company": koperasi,
						"jenis_simpanan": nama,
						"periode": periode,
					}
				)
				doc.flags.ignore_permissions = doc.flags.oleh_server = True
				doc.insert()
				doc._hitung()
				if not doc.jumlah_anggota:
					# nobody earned jasa (a cooperative just started): no empty draft to dismiss
					frappe.db.rollback(save_point="draf_jasa")
					continue
				doc.save()
				dibuat.append(doc.name)
			except Exception:
				frappe.db.rollback(save_point="draf_jasa")
				frappe.log_error(title=f"Draf jasa simpanan {nama} {koperasi} {periode}")
	return dibuat
