# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The outlets' figures, read from ERPNext's ledgers: results per unit (GL by Cost Center), stock
per unit (the Stock Ledger by Warehouse), each unit's cash book (its own cash account), and each
member's purchases of a year.

Members' purchases for the SHU: `pembelian_anggota` is what every member bought from the outlets
in a period, net of returns (the Sales Invoices' net amounts, ERPNext's POS sales included once
consolidated at the till's closing). The SHU's jasa usaha reads the same sales from the income
lines of `4201 Penjualan Barang` whose counterpart is the member's Customer (tutup_buku/buku.py
`dasar_transaksi`, Pengaturan SHU's accounts), so the two agree; the integration test holds them
to each other.
"""

from collections import defaultdict

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Coalesce, Count, Sum
from frappe.utils import add_days, flt, getdate

GL = DocType("GL Entry")
ACC = DocType("Account")
ANGKA = ("pendapatan", "hpp", "laba_kotor", "beban", "hasil", "nilai_persediaan")
# the chart's group of cost of goods sold (Beban Pokok Penjualan)
GRUP_HPP = "51"


def _unit(company: str) -> list[dict]:
	return frappe.get_all(
		"Unit Usaha",
		filters={"company": company},
		fields=["name", "nama_unit", "cost_center", "warehouse", "akun_kas"],
		order_by="nama_unit asc",
	)


def nilai_persediaan(company: str, sampai) -> dict:
	"""warehouse -> the value of its stock at the end of `sampai` (the Stock Ledger's own sum)."""
	SLE = DocType("Stock Ledger Entry")
	rows = (
		frappe.qb.from_(SLE)
		.select(SLE.warehouse, Sum(SLE.stock_value_difference))
		.where((SLE.company == company) & (SLE.is_cancelled == 0) & (SLE.posting_date <= getdate(sampai)))
		.groupby(SLE.warehouse)
		.run()
	)
	return {w: flt(v) for w, v in rows}


def hasil_per_unit(company: str, dari, sampai) -> list[dict]:
	"""One row per outlet and one for the rest of the cooperative: income, cost of goods, expenses,
	result and stock at the end. Their sum is the period's Profit and Loss."""
	rows = (
		frappe.qb.from_(GL)
		.join(ACC)
		.on(ACC.name == GL.account)
		.select(
			GL.cost_center,
			ACC.root_type,
			ACC.account_number.like(f"{GRUP_HPP}%").as_("hpp"),
			Sum(GL.credit - GL.debit),
		)
		.where(
			(GL.company == company)
			& (GL.is_cancelled == 0)
			& (GL.posting_date >= getdate(dari))
			& (GL.posting_date <= getdate(sampai))
			& (GL.voucher_type != "Period Closing Voucher")
			& ACC.root_type.isin(["Income", "Expense"])
		)
		.groupby(GL.cost_center, ACC.root_type, ACC.account_number.like(f"{GRUP_HPP}%"))
		.run()
	)
	units = _unit(company)
	per_cc = {u.cost_center: u for u in units}
	lain = _("Koperasi (di luar unit usaha)")
	angka = defaultdict(lambda: dict.fromkeys(ANGKA, 0.0))
	for cc, root, hpp, saldo in rows:
		kunci = cc if cc in per_cc else lain
		if root == "Income":
			angka[kunci]["pendapatan"] += flt(saldo)
		elif hpp:
			angka[kunci]["hpp"] -= flt(saldo)
		else:
			angka[kunci]["beban"] -= flt(saldo)
	stok = nilai_persediaan(company, sampai)
	hasil = []
	for u in units:
		a = angka[u.cost_center]
		a["nilai_persediaan"] = stok.pop(u.warehouse, 0.0)
		hasil.append({"unit": u.nama_unit, "unit_usaha": u.name, **a})
	a = angka[lain]
	a["nilai_persediaan"] = sum(stok.values())
	hasil.append({"unit": lain, "unit_usaha": None, **a})
	for a in hasil:
		a["laba_kotor"] = a["pendapatan"] - a["hpp"]
		a["hasil"] = a["laba_kotor"] - a["beban"]
	return hasil


def kas_harian(unit: str, dari, sampai) -> list[dict]:
	"""The unit's cash book by day: opening balance, cash in, cash out, closing balance."""
	akun = frappe.db.get_value("Unit Usaha", unit, "akun_kas")
	company = frappe.db.get_value("Unit Usaha", unit, "company")
	dari, sampai = getdate(dari), getdate(sampai)
	dasar = (GL.company == company) & (GL.account == akun) & (GL.is_cancelled == 0)
	awal = flt(
		frappe.qb.from_(GL)
		.select(Coalesce(Sum(GL.debit - GL.credit), 0))
		.where(dasar & (GL.posting_date < dari))
		.run()[0][0]
	)
	per_hari = {
		getdate(t): (flt(m), flt(k), n)
		for t, m, k, n in frappe.qb.from_(GL)
		.select(GL.posting_date, Sum(GL.debit), Sum(GL.credit), Count(GL.voucher_no).distinct())
		.where(dasar & (GL.posting_date >= dari) & (GL.posting_date <= sampai))
		.groupby(GL.posting_date)
		.run()
	}
	baris, saldo, hari = [], awal, dari
	while hari <= sampai:
		masuk, keluar, n = per_hari.get(hari, (0.0, 0.0, 0))
		if n or hari == dari:
			baris.append(
				{
					"tanggal": hari,
					"saldo_awal": saldo,
					"masuk": masuk,
					"keluar": keluar,
					"saldo_akhir": saldo + masuk - keluar,
					"transaksi": n,
				}
			)
		saldo += masuk - keluar
		hari = add_days(hari, 1)
	return baris


def pembelian_anggota(company: str, dari, sampai) -> dict[str, float]:
	"""Customer -> what the member bought from the outlets between the dates, net of returns."""
	SI = DocType("Sales Invoice")
	A = DocType("Anggota")
	ccs = [u.cost_center for u in _unit(company)] or [""]
	rows = (
		frappe.qb.from_(SI)
		.join(A)
		.on(A.customer == SI.customer)
		.select(SI.customer, Sum(SI.base_net_total))
		.where(
			(SI.company == company)
			& (SI.docstatus == 1)
			& SI.cost_center.isin(ccs)
			& (SI.posting_date >= getdate(dari))
			& (SI.posting_date <= getdate(sampai))
		)
		.groupby(SI.customer)
		.run()
	)
	return {c: flt(s) for c, s in rows}
