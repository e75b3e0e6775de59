"""The checklist before a year is closed: each item's state, what it found, and where to fix it.

Items: the previous year is closed (ERPNext requires it), the last month's jasa on sukarela is
posted, the loans' daily job has run up to the year's end and the year-end provision (PPAP) is
posted, no money document of the year is left in draft, and the trial balance balances."""

from urllib.parse import urlencode

import frappe
from frappe import _
from frappe.query_builder.functions import Sum
from frappe.utils import add_days, flt, fmt_money, get_datetime, get_first_day, getdate

from koperasi_merah_putih.rules import simpanan as aturan_simpanan
from koperasi_merah_putih.tutup_buku.buku import GL, tahun_buku

# ERPNext's own money documents checked for drafts, besides the app's (period_closing_doctypes)
DOKUMEN_ERPNEXT = ("Journal Entry", "Payment Entry", "Sales Invoice", "Purchase Invoice")
# the year-end's own documents are dated after the year or are what closes it
BUKAN_DRAF_TAHUN = {"Tutup Buku", "Pembagian SHU", "Pembayaran SHU", "Penggunaan Dana SHU"}


def _url(route: str, **params) -> str:
	return f"/app/{route}" + (f"?{urlencode(params)}" if params else "")


def _butir(butir: str, siap: bool, keterangan: str, tautan: str = "") -> dict:
	return {"butir": butir, "siap": int(bool(siap)), "keterangan": keterangan, "tautan": tautan}


def tahun_lalu(company: str, awal) -> dict:
	akhir_lalu = getdate(add_days(awal, -1))
	fy = frappe.db.get_value(
		"Fiscal Year", {"year_start_date": ("<=", akhir_lalu), "year_end_date": (">=", akhir_lalu)}, "name"
	)
	ada_gl = fy and frappe.db.exists(
		"GL Entry", {"company": company, "is_cancelled": 0, "posting_date": ("<=", akhir_lalu)}
	)
	ditutup = frappe.db.exists(
		"Period Closing Voucher", {"company": company, "docstatus": 1, "period_end_date": akhir_lalu}
	)
	siap = not ada_gl or ditutup
	return _butir(
		_("The previous year is closed"),
		siap,
		_("Closed by a Period Closing Voucher.")
		if ditutup
		else (_("No transactions before this year.") if siap else _("Close {0} first.").format(fy)),
		"" if siap else _url("tutup-buku/new", company=company, fiscal_year=fy),
	)


def jasa_bulan_terakhir(company: str, akhir) -> list[dict]:
	from koperasi_merah_putih.simpanan import jasa

	periode = getdate(akhir).strftime("%Y-%m")
	hasil = []
	for nama in frappe.get_all(
		"Jenis Simpanan",
		filters={"kategori": aturan_simpanan.SUKARELA, "nonaktif": 0, "tarif_jasa": (">", 0)},
		pluck="name",
	):
		produk = frappe.get_cached_doc("Jenis Simpanan", nama)
		if not any(r.company == company for r in produk.akun):
			continue
		butir = _("Jasa {0} for {1} is posted").format(nama, periode)
		posted = frappe.db.get_value(
			"Jasa Simpanan", {"company": company, "jenis_simpanan": nama, "periode": periode, "docstatus": 1}
		)
		if posted:
			hasil.append(_butir(butir, True, _("Posted in {0}.").format(posted)))
		elif not jasa.hitung(produk, company, periode):
			hasil.append(_butir(butir, True, _("No member earns jasa that month.")))
		else:
			hasil.append(
				_butir(
					butir,
					False,
					_("Not posted yet."),
					_url("jasa-simpanan/new", company=company, jenis_simpanan=nama, periode=periode),
				)
			)
	return hasil


def _ada_pinjaman(company: str, akhir) -> bool:
	P = frappe.qb.DocType("Pinjaman")
	return bool(
		frappe.qb.from_(P)
		.select(P.name)
		.where(
			(P.company == company)
			& (P.docstatus == 1)
			& (P.posting_date <= akhir)
			& (P.tanggal_lunas.isnull() | (P.tanggal_lunas > akhir))
		)
		.limit(1)
		.run()
	)


def pinjaman(company: str, akhir) -> list[dict]:
	if not _ada_pinjaman(company, akhir):
		return [
			_butir(_("Loans: daily job and provision (PPAP)"), True, _("No loan was open at the year's end."))
		]
	terakhir = frappe.db.get_single_value("Pengaturan Pinjaman", "terakhir_dijalankan")
	harian = bool(terakhir) and getdate(get_datetime(terakhir)) >= getdate(akhir)
	ppap = frappe.db.get_value(
		"Penyisihan Piutang Pinjaman",
		{"company": company, "docstatus": 1, "posting_date": ("between", [get_first_day(akhir), akhir])},
		"name",
	)
	return [
		_butir(
			_("The loans' daily job has run to the year's end"),
			harian,
			_("Last run {0}.").format(terakhir) if terakhir else _("The daily job has never run."),
			"" if harian else _url("pengaturan-pinjaman"),
		),
		_butir(
			_("The year-end provision (PPAP) is posted"),
			bool(ppap),
			_("Posted in {0}.").format(ppap) if ppap else _("No provision journal in the last month."),
			"" if ppap else _url("penyisihan-piutang-pinjaman/new", company=company, posting_date=str(akhir)),
		),
	]


def draf(company: str, awal, akhir) -> dict:
	doctypes = [d for d in frappe.get_hooks("period_closing_doctypes") if d not in BUKAN_DRAF_TAHUN]
	doctypes += [d for d in DOKUMEN_ERPNEXT if d not in doctypes]
	ada = []
	for doctype in dict.fromkeys(doctypes):
		meta = frappe.get_meta(doctype)
		if not meta.has_field("company") or not meta.has_field("posting_date"):
			continue
		n = frappe.db.count(
			doctype, {"company": company, "docstatus": 0, "posting_date": ("between", [awal, akhir])}
		)
		if n:
			ada.append((doctype, n))
	return _butir(
		_("No money document of the year is left in draft"),
		not ada,
		", ".join(f"{_(d)}: {n}" for d, n in ada) if ada else _("No draft left."),
		_url(frappe.scrub(ada[0][0]).replace("_", "-"), docstatus=0) if ada else "",
	)


def neraca_saldo(company: str, akhir) -> dict:
	row = (
		frappe.qb.from_(GL)
		.select(Sum(GL.debit), Sum(GL.credit))
		.where((GL.company == company) & (GL.is_cancelled == 0) & (GL.posting_date <= akhir))
		.run()
	)
	debit, kredit = (flt(row[0][0], 2), flt(row[0][1], 2)) if row else (0, 0)
	return _butir(
		_("The trial balance balances"),
		abs(debit - kredit) < 0.01,
		# to the sen: an imbalance below a rupiah must show
		_("Debit {0}, credit {1}.").format(
			fmt_money(debit, precision=2, currency="IDR"), fmt_money(kredit, precision=2, currency="IDR")
		),
		"" if abs(debit - kredit) < 0.01 else "/app/query-report/Trial Balance",
	)


def semua(company: str, fiscal_year: str) -> list[dict]:
	awal, akhir = tahun_buku(fiscal_year)
	return [
		tahun_lalu(company, awal),
		*jasa_bulan_terakhir(company, akhir),
		*pinjaman(company, akhir),
		draf(company, awal, akhir),
		neraca_saldo(company, akhir),
	]
