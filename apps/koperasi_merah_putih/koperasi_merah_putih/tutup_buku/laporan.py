"""The RAT's statements from the ledger, in SAK EP words, two years side by side: Laporan Posisi
Keuangan (at each year's end), Laporan Hasil Usaha (the year's income and expenses, members'
participation income apart from non-members' where the ledger names the counterpart), the SHU
computation, the indicative health ratios, and the transparency summary members see.

Figures are sums of GL Entry per account (cancelled lines left out), as ERPNext's Trial Balance,
Balance Sheet and Profit and Loss compute them; the year's income and expenses leave out the
Period Closing Voucher's lines, and a position at a date whose year is not closed yet shows that
year's result as "SHU tahun berjalan (belum ditutup)", as ERPNext's Balance Sheet shows its
provisional profit."""

import frappe
from frappe import _
from frappe.query_builder.functions import Sum
from frappe.utils import add_days, flt, getdate

from koperasi_merah_putih.rules import akun as akun_bagan
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.tutup_buku import buku

GL = buku.GL
JUDUL_ROOT = {
	"Asset": "Aset",
	"Liability": "Liabilitas",
	"Equity": "Ekuitas",
	"Income": "Pendapatan",
	"Expense": "Beban",
}


def _akun(company: str) -> list[dict]:
	return frappe.get_all(
		"Account",
		filters={"company": company},
		fields=[
			"name",
			"account_name",
			"account_number",
			"root_type",
			"is_group",
			"parent_account",
			"lft",
			"rgt",
		],
		order_by="lft",
	)


def _saldo(company: str, sampai, dari=None, penutupan=True) -> dict[str, float]:
	q = (
		frappe.qb.from_(GL)
		.select(GL.account, Sum(GL.debit - GL.credit))
		.where((GL.company == company) & (GL.is_cancelled == 0) & (GL.posting_date <= sampai))
		.groupby(GL.account)
	)
	if dari:
		q = q.where(GL.posting_date >= dari)
	if not penutupan:
		q = q.where(GL.voucher_type != "Period Closing Voucher")
	return {a: flt(s, 2) for a, s in q.run()}


def _pohon(akun: list[dict], saldo: dict, roots: tuple, tanda: dict) -> list[dict]:
	"""Rows of the account tree for `roots`, each with its balance (sign per root) and indent."""
	by_name = {a.name: a for a in akun}
	total = {a.name: 0.0 for a in akun}
	for a in akun:
		if a.is_group:
			continue
		nilai = saldo.get(a.name, 0) * tanda[a.root_type]
		p = a.name
		while p:
			total[p] += nilai
			p = by_name[p].parent_account if p in by_name else None
	rows = []
	for a in akun:
		if a.root_type not in roots:
			continue
		indent, p = 0, a.parent_account
		while p:
			indent += 1
			p = by_name[p].parent_account if p in by_name else None
		rows.append(
			{
				"akun": a.name,
				"nomor": a.account_number,
				"nama": a.account_name,
				"root_type": a.root_type,
				"is_group": a.is_group,
				"indent": indent,
				"nilai": flt(total[a.name], 2),
			}
		)
	return rows


def berdampingan(laporan: list[dict]) -> list[dict]:
	"""The rows of one statement for several years side by side (`nilai`: one figure per year, in
	the order given), accounts that are zero in every year left out."""
	per_tahun = [{r["nomor"] or r["akun"]: r["nilai"] for r in x["rows"]} for x in laporan]
	hasil = []
	for r in laporan[0]["rows"]:
		kunci = r["nomor"] or r["akun"]
		nilai = [v.get(kunci, 0) for v in per_tahun]
		if any(nilai):
			hasil.append({**r, "label": f"{r['nomor'] or ''} {r['nama']}".strip(), "nilai": nilai})
	return hasil


def laporan_dua_tahun(koperasi: str, fiscal_year: str, laporan, ringkasan) -> tuple[list, list]:
	"""A desk report of one statement (`laporan(koperasi, fiscal_year)`) for the year and the year
	before: the accounts side by side, then the `ringkasan` lines ((label, key or function))."""
	tahun = tahun_dan_sebelumnya(fiscal_year)
	lap = [laporan(koperasi, t) for t in tahun]
	columns = [{"fieldname": "akun", "label": _("Akun"), "fieldtype": "Data", "width": 360}] + [
		{"fieldname": f"t{i}", "label": t, "fieldtype": "Currency", "width": 160} for i, t in enumerate(tahun)
	]
	data = [
		{
			"akun": r["label"],
			"indent": r["indent"],
			"bold": r["is_group"],
			**{f"t{i}": v for i, v in enumerate(r["nilai"])},
		}
		for r in berdampingan(lap)
	]
	for label, key in ringkasan:
		data.append(
			{
				"akun": _(label),
				"bold": 1,
				**{f"t{i}": key(x) if callable(key) else x[key] for i, x in enumerate(lap)},
			}
		)
	return columns, data


def tahun_dan_sebelumnya(fiscal_year: str) -> list[str]:
	awal, _akhir = buku.tahun_buku(fiscal_year)
	lalu = frappe.db.get_value(
		"Fiscal Year",
		{"year_end_date": add_days(awal, -1)},
		"name",
	)
	return [fiscal_year] + ([lalu] if lalu else [])


def hasil_usaha(company: str, fiscal_year: str) -> dict:
	"""The year's income and expenses (closing entries left out): rows, totals, SHU before and
	after tax."""
	awal, akhir = buku.tahun_buku(fiscal_year)
	akun = _akun(company)
	saldo = _saldo(company, akhir, awal, penutupan=False)
	rows = _pohon(
		akun,
		saldo,
		("Income", "Expense"),
		{"Income": -1, "Expense": 1, "Asset": 1, "Liability": -1, "Equity": -1},
	)
	pendapatan = sum(r["nilai"] for r in rows if r["root_type"] == "Income" and r["indent"] == 0)
	beban = sum(r["nilai"] for r in rows if r["root_type"] == "Expense" and r["indent"] == 0)
	pajak_akun = buku.akun(company, "5401")
	pajak = saldo.get(pajak_akun, 0)
	return {
		"rows": rows,
		"pendapatan": flt(pendapatan, 2),
		"beban": flt(beban, 2),
		"pajak": flt(pajak, 2),
		"shu_sebelum_pajak": flt(pendapatan - beban + pajak, 2),
		"shu": flt(pendapatan - beban, 2),
		"partisipasi_anggota": partisipasi(company, awal, akhir),
	}


def partisipasi(company: str, awal, akhir) -> dict:
	"""Income from members (the counterpart is a member's Customer) and from others."""
	income = buku.akun_root(company, "Income")
	if not income:
		return {"anggota": 0, "non_anggota": 0}
	C = frappe.qb.DocType("Customer")
	rows = (
		frappe.qb.from_(GL)
		.left_join(C)
		.on(C.name == GL.against)
		.select(C.anggota.isnotnull(), Sum(GL.credit - GL.debit))
		.where(
			(GL.company == company)
			& (GL.is_cancelled == 0)
			& GL.account.isin(income)
			& (GL.posting_date[awal:akhir])
			& (GL.voucher_type != "Period Closing Voucher")
		)
		.groupby(C.anggota.isnotnull())
		.run()
	)
	out = {"anggota": 0.0, "non_anggota": 0.0}
	for is_anggota, s in rows:
		out["anggota" if is_anggota else "non_anggota"] += flt(s, 2)
	return out


def posisi_keuangan(company: str, fiscal_year: str) -> dict:
	"""Assets, liabilities and equity at the year's end."""
	awal, akhir = buku.tahun_buku(fiscal_year)
	akun = _akun(company)
	saldo = _saldo(company, akhir)
	tanda = {"Asset": 1, "Liability": -1, "Equity": -1, "Income": -1, "Expense": 1}
	rows = _pohon(akun, saldo, ("Asset", "Liability", "Equity"), tanda)
	totals = {
		rt: sum(r["nilai"] for r in rows if r["root_type"] == rt and r["indent"] == 0)
		for rt in ("Asset", "Liability", "Equity")
	}
	# a year not closed yet: its result still sits in income and expense accounts
	belum = -sum(
		saldo.get(a.name, 0) for a in akun if not a.is_group and a.root_type in ("Income", "Expense")
	)
	return {
		"rows": rows,
		"aset": flt(totals["Asset"], 2),
		"liabilitas": flt(totals["Liability"], 2),
		"ekuitas": flt(totals["Equity"], 2),
		"shu_belum_ditutup": flt(belum, 2),
		"tanggal": akhir,
	}


def perubahan_ekuitas(company: str, fiscal_year: str) -> list[dict]:
	"""Each equity account: opening, movements of the year and closing balance."""
	awal, akhir = buku.tahun_buku(fiscal_year)
	ekuitas = [a for a in _akun(company) if a.root_type == "Equity" and not a.is_group]
	buka = _saldo(company, add_days(awal, -1))
	tutup = _saldo(company, akhir)
	rows = []
	for a in ekuitas:
		o, c = -buka.get(a.name, 0), -tutup.get(a.name, 0)
		if not (o or c):
			continue
		rows.append(
			{
				"akun": a.name,
				"nama": a.account_name,
				"nomor": a.account_number,
				"awal": o,
				"mutasi": flt(c - o, 2),
				"akhir": c,
			}
		)
	return rows


def arus_kas(company: str, fiscal_year: str) -> dict:
	"""The year's cash flow by the indirect method: the year's result and the change of every other
	balance-sheet account (closing entries left out), as operations, investing (fixed assets and
	investments) and financing (members' savings, equity, SHU payable and funds, borrowings);
	opening cash plus the three is closing cash."""
	awal, akhir = buku.tahun_buku(fiscal_year)
	akun = {a.name: a for a in _akun(company) if not a.is_group}
	buka = _saldo(company, add_days(awal, -1), penutupan=False)
	tutup = _saldo(company, akhir, penutupan=False)
	bagian = {akun_bagan.OPERASI: [], akun_bagan.INVESTASI: [], akun_bagan.PENDANAAN: []}
	kas_awal = kas_akhir = 0.0
	hasil = 0.0
	for name, a in akun.items():
		delta = tutup.get(name, 0) - buka.get(name, 0)
		nomor = str(a.account_number or "")
		if a.root_type in ("Income", "Expense"):
			hasil -= delta
			continue
		kelompok = akun_bagan.kelompok_arus_kas(nomor)
		if kelompok == akun_bagan.KAS:
			kas_awal += buka.get(name, 0)
			kas_akhir += tutup.get(name, 0)
			continue
		if not delta:
			continue
		bagian[kelompok].append({"nomor": nomor, "nama": a.account_name, "nilai": flt(-delta, 2)})
	total = {k: flt(sum(r["nilai"] for r in v), 2) for k, v in bagian.items()}
	total["operasi"] = flt(total["operasi"] + hasil, 2)
	return {
		"shu": flt(hasil, 2),
		"bagian": bagian,
		"total": total,
		"kas_awal": flt(kas_awal, 2),
		"kas_akhir": flt(kas_akhir, 2),
	}


def _jumlah_nomor(saldo: dict, awalan: tuple) -> float:
	"""The sum of the balances of the accounts whose number starts with one of `awalan`."""
	return sum(v for a, v in saldo.items() if a.split(" - ")[0].startswith(awalan))


def kesehatan(company: str, fiscal_year: str) -> list[dict]:
	"""The indicative health ratios with their bands (not the Kemenkop rating)."""
	awal, akhir = buku.tahun_buku(fiscal_year)
	pk = posisi_keuangan(company, fiscal_year)
	hu = hasil_usaha(company, fiscal_year)
	saldo = _saldo(company, akhir)

	kas = _jumlah_nomor(saldo, akun_bagan.KAS_DAN_BANK)
	liab_pendek = -_jumlah_nomor(saldo, akun_bagan.LIABILITAS_JANGKA_PENDEK)
	piutang_pinjaman = _jumlah_nomor(saldo, akun_bagan.PIUTANG_PINJAMAN)
	modal = pk["ekuitas"] + pk["shu_belum_ditutup"]
	npl = frappe.db.get_single_value("Pengaturan Pinjaman", "npl")
	produktif = _jumlah_nomor(saldo, akun_bagan.ASET_PRODUKTIF)
	nilai = {
		"modal_aset": aturan.persen_dari(modal, pk["aset"]),
		"npl": flt(npl, 2) if piutang_pinjaman else None,
		"likuiditas": aturan.persen_dari(kas, liab_pendek),
		"beban_pendapatan": aturan.persen_dari(hu["beban"] - hu["pajak"], hu["pendapatan"]),
		"shu_modal": aturan.persen_dari(hu["shu"], modal),
		"pinjaman_aset_produktif": aturan.persen_dari(piutang_pinjaman, produktif)
		if piutang_pinjaman
		else None,
	}
	return [
		{
			"kode": kode,
			"rasio": label,
			"nilai": nilai[kode],
			"predikat": aturan.predikat(nilai[kode], naik, batas),
		}
		for kode, (label, naik, batas) in aturan.RASIO.items()
	]


def ringkasan(company: str, fiscal_year: str) -> dict:
	"""What members see of their cooperative's year (no member's own figures)."""
	_awal, akhir = buku.tahun_buku(fiscal_year)
	pk = posisi_keuangan(company, fiscal_year)
	saldo = _saldo(company, akhir)

	pembagian = frappe.db.get_value(
		"Pembagian SHU",
		{"company": company, "tahun_buku": fiscal_year, "docstatus": 1},
		["shu", "bagian_anggota"],
		as_dict=True,
	)
	return {
		"tahun": fiscal_year,
		"aset": pk["aset"],
		"simpanan": -_jumlah_nomor(saldo, akun_bagan.SIMPANAN_ANGGOTA),
		"pinjaman": _jumlah_nomor(saldo, akun_bagan.PIUTANG_PINJAMAN),
		"shu": flt(pembagian.shu) if pembagian else buku.shu_ditutup(company, fiscal_year)[1],
		"shu_anggota": flt(pembagian.bagian_anggota) if pembagian else 0,
		"npl": frappe.db.get_single_value("Pengaturan Pinjaman", "npl"),
		"anggota": frappe.db.count(
			"Anggota", {"company": company, "status": ("in", keanggotaan.BOLEH_BERTRANSAKSI)}
		),
	}


def buku_rat(doc) -> dict:
	"""Everything the Buku RAT prints for a Rapat Anggota Tahunan (the Jinja print format)."""
	frappe.has_permission("Rapat Anggota Tahunan", "print", doc=doc, throw=True)
	tahun = tahun_dan_sebelumnya(doc.fiscal_year)
	pembagian = frappe.db.get_value(
		"Pembagian SHU",
		{"company": doc.company, "tahun_buku": doc.fiscal_year, "docstatus": ("<", 2)},
		"name",
		order_by="docstatus desc, creation desc",
	)
	p = frappe.get_doc("Pembagian SHU", pembagian) if pembagian else None
	posisi = [posisi_keuangan(doc.company, t) for t in tahun]
	hasil = [hasil_usaha(doc.company, t) for t in tahun]
	return {
		"tahun": tahun,
		"posisi": posisi,
		"hasil": hasil,
		"baris_posisi": berdampingan(posisi),
		"baris_hasil": berdampingan(hasil),
		"ekuitas": perubahan_ekuitas(doc.company, doc.fiscal_year),
		"arus_kas": arus_kas(doc.company, doc.fiscal_year),
		"kesehatan": kesehatan(doc.company, doc.fiscal_year),
		"pembagian": p,
		"rincian": frappe.get_all(
			"Rincian SHU Anggota",
			filters={"pembagian_shu": p.name},
			fields=[
				"anggota",
				"nama_anggota",
				"simpanan_dasar",
				"transaksi_dasar",
				"jasa_modal",
				"jasa_usaha",
				"bersih",
			],
			order_by="name",
			limit_page_length=0,
		)
		if p
		else [],
		"judul": JUDUL_ROOT,
		"tanggal_cetak": getdate(),
	}


@frappe.whitelist()
def unduh_buku_rat(rat: str):
	"""The Buku RAT as a PDF, rendered from the print format's template with a plain stylesheet
	(the desk's print stylesheet triples wkhtmltopdf's time on a book of 10,000 members)."""
	from frappe.utils.pdf import get_pdf

	doc = frappe.get_doc("Rapat Anggota Tahunan", rat)
	doc.check_permission("print")
	html = frappe.render_template("templates/tutup_buku/buku_rat_pdf.html", {"doc": doc, "b": buku_rat(doc)})
	frappe.local.response.filename = f"Buku RAT {doc.fiscal_year} {doc.company}.pdf"
	frappe.local.response.filecontent = get_pdf(
		html, {"footer-center": "[page]/[topage]", "footer-font-size": "8"}
	)
	frappe.local.response.type = "download"
	frappe.local.response.content_type = "application/pdf"
