"""What the year-end reads from the ledger: a fiscal year's dates, account balances by number, the
year's income and result before closing, the SHU the year's Period Closing Voucher put into
`3106 SHU Tahun Berjalan`, and the members' bases for jasa modal and jasa usaha.

Grouped queries on GL Entry only (company, account, party, posting date are indexed); a year of
10,000 members is a handful of queries."""

from collections import defaultdict
from datetime import date

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Extract, Sum
from frappe.utils import add_days, flt, getdate

from koperasi_merah_putih.akun import akun
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.rules.ditolak import Ditolak

GL = DocType("GL Entry")


def pesan(e: Ditolak) -> str:
	"""The Indonesian message of a refusal of the SHU rules."""
	teks = {
		"persen_rentang": _("Each allocation percentage must be between 0 and 100."),
		"persen_total": _("The allocation percentages total {0}%, not 100%."),
		"shu_negatif": _(
			"A negative SHU (a loss) is not shared among members; the RAT decides how it is covered."
		),
		"jasa_total": _("Jasa modal and jasa usaha must total 100% of the members' part."),
		"tanpa_simpanan": _("No member has savings to share jasa modal on: set jasa modal to 0%."),
		"tanpa_transaksi": _("No member has transactions to share jasa usaha on: set jasa usaha to 0%."),
		"tarif_rentang": _("A tax rate must be between 0 and 100%."),
		"metode_pajak": _("Unknown tax method {0}."),
		"di_atas_pp55": _(
			"Gross turnover of {0} is above Rp4.8 billion: PP 55/2022 does not apply; use the regular rate."
		),
	}.get(e.kode, e.kode)
	nilai = [rupiah(v) if e.kode == "di_atas_pp55" else v for v in e.nilai]
	return teks.format(*nilai)


def tolak(e: Ditolak):
	frappe.throw(pesan(e), title=_("Against the SHU rules"))


def tahun_buku(fiscal_year: str) -> tuple[date, date]:
	awal, akhir = frappe.db.get_value("Fiscal Year", fiscal_year, ["year_start_date", "year_end_date"])
	return getdate(awal), getdate(akhir)


def _bukan_penutupan():
	return GL.voucher_type != "Period Closing Voucher"


def _pada_akun(company: str, accounts: list[str], sampai: date | None = None, pihak: bool = False):
	"""The condition every ledger read here shares: the cooperative's lines on `accounts`, cancelled
	lines left out, up to `sampai`; with `pihak`, only the lines of a member's Customer."""
	kondisi = (GL.company == company) & (GL.is_cancelled == 0) & GL.account.isin(accounts)
	if sampai:
		kondisi &= GL.posting_date <= sampai
	if pihak:
		kondisi &= GL.party_type == "Customer"
	return kondisi


def dokumen_lain(doc, field_tahun: str, for_update: bool = False) -> str | None:
	"""Another submitted document of `doc`'s kind for its cooperative and year: a year has one
	closing, one SHU sharing and one RAT (`for_update` on submit, under the caller's lock)."""
	return frappe.db.get_value(
		doc.doctype,
		{"company": doc.company, field_tahun: doc.get(field_tahun), "docstatus": 1, "name": ("!=", doc.name)},
		for_update=for_update,
	)


def saldo_akun(
	company: str, accounts: list[str], sampai: date, dari: date | None = None, penutupan=True, kecuali=None
):
	"""Debit minus credit per account up to `sampai` (from `dari` if given), cancelled lines left
	out; `penutupan=False` leaves out the Period Closing Voucher's lines, `kecuali` (voucher type,
	voucher no) one voucher's."""
	if not accounts:
		return {}
	q = (
		frappe.qb.from_(GL)
		.select(GL.account, Sum(GL.debit - GL.credit))
		.where(_pada_akun(company, accounts, sampai))
		.groupby(GL.account)
	)
	if dari:
		q = q.where(GL.posting_date >= dari)
	if not penutupan:
		q = q.where(_bukan_penutupan())
	if kecuali:
		q = q.where((GL.voucher_type != kecuali[0]) | (GL.voucher_no != kecuali[1]))
	return {a: flt(s) for a, s in q.run()}


def saldo_terendah_sejak(company: str, akun: str, tanggal) -> float:
	"""The lowest credit balance of `akun` on `tanggal` and on every later day it moves: what a
	payment dated `tanggal` may take from a fund without overdrawing it on any day (a payment
	dated back would otherwise spend what later payments already spent)."""
	saldo = -saldo_akun(company, [akun], tanggal).get(akun, 0)
	rows = (
		frappe.qb.from_(GL)
		.select(GL.posting_date, Sum(GL.credit - GL.debit))
		.where(_pada_akun(company, [akun]) & (GL.posting_date > tanggal))
		.groupby(GL.posting_date)
		.orderby(GL.posting_date)
		.run()
	)
	terendah = saldo
	for _tanggal, delta in rows:
		saldo += flt(delta)
		terendah = min(terendah, saldo)
	return terendah


def akun_root(company: str, root_type: str) -> list[str]:
	return frappe.get_all(
		"Account", filters={"company": company, "root_type": root_type, "is_group": 0}, pluck="name"
	)


def hasil_tahun(company: str, awal: date, akhir: date) -> dict:
	"""The year's income, expense and result from the ledger, the closing entries left out:
	{pendapatan, beban, laba} (laba positive for a surplus)."""
	pendapatan = -sum(
		saldo_akun(company, akun_root(company, "Income"), akhir, awal, penutupan=False).values()
	)
	beban = sum(saldo_akun(company, akun_root(company, "Expense"), akhir, awal, penutupan=False).values())
	return {"pendapatan": pendapatan, "beban": beban, "laba": pendapatan - beban}


def shu_ditutup(company: str, fiscal_year: str) -> tuple[str | None, float]:
	"""(Period Closing Voucher, SHU it credited to 3106) of the year; (None, 0) if not closed."""
	awal, akhir = tahun_buku(fiscal_year)
	pcv = frappe.db.get_value(
		"Period Closing Voucher",
		{"company": company, "docstatus": 1, "period_end_date": akhir},
		"name",
	)
	if not pcv:
		return None, 0
	akun_shu = akun(company, aturan.AKUN_SHU_TAHUN_BERJALAN)
	row = (
		frappe.qb.from_(GL)
		.select(Sum(GL.credit - GL.debit))
		.where(
			(GL.voucher_type == "Period Closing Voucher")
			& (GL.voucher_no == pcv)
			& (GL.account == akun_shu)
			& (GL.is_cancelled == 0)
		)
		.run()
	)
	return pcv, flt(row[0][0]) if row else 0


def _per_pihak(company: str, accounts: list[str], sampai: date, dari: date | None = None) -> dict:
	"""Credit minus debit per member's Customer on `accounts`."""
	if not accounts:
		return {}
	q = (
		frappe.qb.from_(GL)
		.select(GL.party, Sum(GL.credit - GL.debit))
		.where(_pada_akun(company, accounts, sampai, pihak=True))
		.groupby(GL.party)
	)
	if dari:
		q = q.where(GL.posting_date >= dari)
	return {p: flt(s) for p, s in q.run()}


def dasar_simpanan(company: str, accounts: list[str], awal: date, akhir: date, metode: str) -> dict:
	"""Each member's savings basis of jasa modal: the year-end balance, or the average of the 12
	month-end balances (opening balance plus each month's net movement)."""
	if metode == aturan.SALDO_AKHIR:
		return _per_pihak(company, accounts, akhir)
	saldo_awal = _per_pihak(company, accounts, getdate(add_days(awal, -1)))
	bulan = Extract("month", GL.posting_date)
	rows = (
		frappe.qb.from_(GL)
		.select(GL.party, bulan, Sum(GL.credit - GL.debit))
		.where(_pada_akun(company, accounts, akhir, pihak=True) & (GL.posting_date >= awal))
		.groupby(GL.party, bulan)
		.run()
	)
	mutasi = defaultdict(dict)
	for party, b, s in rows:
		# a fiscal year that does not start in January: month index from its first month
		mutasi[party][(int(b) - awal.month) % 12 + 1] = int(flt(s))
	return {
		p: aturan.rata_rata_bulanan(int(saldo_awal.get(p, 0)), mutasi.get(p, {}))
		for p in set(saldo_awal) | set(mutasi)
	}


def dasar_transaksi(company: str, accounts: list[str], awal: date, akhir: date) -> dict:
	"""Each member's transactions of the year for jasa usaha: the income the cooperative earned
	from them on `accounts` (loan jasa and fees, outlet sales, training fees), read from the income
	lines whose counterpart (`against`) is the member's Customer, net of returns."""
	if not accounts:
		return {}
	rows = (
		frappe.qb.from_(GL)
		.select(GL.against, Sum(GL.credit - GL.debit))
		.where(_pada_akun(company, accounts, akhir) & (GL.posting_date >= awal) & _bukan_penutupan())
		.groupby(GL.against)
		.run()
	)
	return {a: flt(s) for a, s in rows if a}


def anggota_penerima(company: str, awal: date, akhir: date, termasuk_keluar: bool) -> list[dict]:
	"""The members who share the year's SHU: approved by the year's end, not exited before the
	year began; exited during the year only if the settings say so."""
	A = DocType("Anggota")
	q = (
		frappe.qb.from_(A)
		.select(A.name, A.nama_lengkap, A.customer, A.status, A.tanggal_keluar)
		.where(
			(A.company == company)
			& A.customer.isnotnull()
			& A.status.isin(keanggotaan.BERNOMOR)
			& (A.tanggal_bergabung.isnull() | (A.tanggal_bergabung <= akhir))
		)
		.orderby(A.name)
	)
	hasil = []
	for r in q.run(as_dict=True):
		if r.status == keanggotaan.KELUAR:
			keluar = getdate(r.tanggal_keluar) if r.tanggal_keluar else None
			if not aturan.keluar_berhak(keluar, awal, termasuk_keluar):
				continue
		hasil.append(r)
	return hasil
