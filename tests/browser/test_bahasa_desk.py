"""The desk speaks Indonesian: a Pengurus walks the screens of the main journeys (the workspace,
Anggota, Kasir Simpanan, Pinjaman, Pelatihan, ERPNext's General Ledger, Trial Balance, Balance
Sheet, Profit and Loss and Cash Flow, the search bar) and the test fails on any visible string
that reads as English. ERPNext's financial statements must also use the words SAK EP uses for a
cooperative (Aset, Liabilitas, Ekuitas, Hasil Usaha, SHU), not ERPNext's own Indonesian (Kewajiban,
Laba Rugi, keuntungan)."""

import re

import frappe

from koperasi_merah_putih.akun import account_by_number
from tests.browser.conftest import login, shot
from tests.support.data import buat_anggota, ensure_koperasi, transaksi_simpanan

LAYAR = [
	"/app/koperasi",
	"/app/anggota",
	"/app/kasir-simpanan",
	"/app/pinjaman",
	"/app/pelatihan",
	"/app/query-report/General Ledger",
	"/app/query-report/Trial Balance",
	"/app/query-report/Balance Sheet",
	"/app/query-report/Profit and Loss Statement",
	"/app/query-report/Cash Flow",
]
# words of ERPNext's screens that give a string away as English
INGGRIS = set(
	"""the and or of to for by with from in on at is are be not no yes all any add new edit save
	search filters asset assets liability liabilities equity income expense expenses opening closing
	account accounts date company fiscal year period show hide report settings assigned created tags
	list view menu refresh print export setup group sort last updated profit loss cash flow balance
	sheet trial general ledger provisional net operating activities investing financing select
	currency presentation periodicity yearly monthly quarterly accumulated values include default book
	cost center project finance dimension party type against remarks comments command
	toggle sidebar collapse expand customize actions action more less count value set clear apply reset
	submitted draft cancelled name title owner modified creation items item records record enter pick
	columns column based range compare previous next page results showing begin typing notifications
	""".split()
)
# shared by both languages, or names: never counted
SAMA = {"total", "status", "filter", "debit", "kredit", "id", "idr", "email", "ctrl", "koperasi"}

TEKS_TERLIHAT = """() => {
	const out = new Set();
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	let n;
	while ((n = walk.nextNode())) {
		const el = n.parentElement;
		if (!el || el.closest("script, style, svg, .sr-only, .visually-hidden, [hidden]")) continue;
		const r = el.getBoundingClientRect();
		if (r.width < 2 || r.height < 2) continue;
		const st = getComputedStyle(el);
		if (st.visibility === "hidden" || st.display === "none" || st.opacity === "0") continue;
		const t = n.textContent.trim();
		if (t) out.add(t);
	}
	document.querySelectorAll("input[placeholder]").forEach((i) => {
		if (i.getBoundingClientRect().width > 2) out.add(i.placeholder);
	});
	return [...out];
}"""


# Frappe's search dialog writes this in English, outside its translations (search.js)
TIDAK_TERJEMAH = re.compile(r"\d+ results found")


# ERPNext's own Indonesian for its statements, which SAK EP words replace
BUKAN_SAK_EP = re.compile(r"\b(kewajiban|laba|rugi|keuntungan|penghasilan)\b", re.I)
# what each statement must show once the year has a saving and an expense
SAK_EP = {
	"/app/query-report/Balance Sheet": [
		"Laporan Posisi Keuangan per Periode",
		"Total Aset",
		"Total Liabilitas",
		"Total Ekuitas",
		"SHU Sementara (Kredit)",
	],
	"/app/query-report/Profit and Loss Statement": [
		"Laporan Hasil Usaha per Periode",
		"SHU Tahun Berjalan",
		"Total Beban",
		"SHU Tahun Ini",  # the summary of a one-year view
	],
	"/app/query-report/Cash Flow": ["Laporan Arus Kas", "Arus Kas dari Aktivitas Operasi"],
}


def tahun_berjalan_berisi() -> None:
	"""This year's books hold a member's saving (Aset, Liabilitas) and an expense (Beban), so the
	statements show their rows and totals."""
	frappe.set_user("Administrator")
	company = ensure_koperasi()["company"]
	anggota = buat_anggota(status="Aktif", company=company)
	transaksi_simpanan(anggota, "Simpanan Sukarela", 250_000)
	je = frappe.get_doc(
		{
			"doctype": "Journal Entry",
			"company": company,
			"posting_date": frappe.utils.today(),
			"accounts": [
				{"account": account_by_number(company, "5207"), "debit_in_account_currency": 15_000},
				{"account": account_by_number(company, "1101"), "credit_in_account_currency": 15_000},
			],
		}
	).insert()
	je.submit()
	frappe.db.commit()


def inggris(teks: str) -> bool:
	if re.fullmatch(r"[a-z_]+", teks):
		return False  # a fieldname Frappe keeps in the page for itself
	if TIDAK_TERJEMAH.fullmatch(teks):
		return False
	kata = [k.lower() for k in re.findall(r"[A-Za-z][A-Za-z'-]+", teks) if k.lower() not in SAMA]
	return bool(kata) and sum(k in INGGRIS for k in kata) / len(kata) >= 0.5


def test_the_boards_screens_are_in_indonesian(page, users):
	tahun_berjalan_berisi()
	login(page, users["pengurus"])
	temuan = {}
	kurang = {}
	for layar in LAYAR:
		page.goto(layar)
		page.wait_for_load_state("networkidle")
		page.wait_for_timeout(1500)
		terlihat = page.evaluate(TEKS_TERLIHAT)
		assert len(terlihat) > 3, f"{layar} showed almost nothing: {terlihat}"
		for teks in terlihat:
			if inggris(teks) or (layar in SAK_EP and BUKAN_SAK_EP.search(teks)):
				temuan.setdefault(teks, layar)
		if layar in SAK_EP:
			semua = "\n".join(terlihat)
			kurang[layar] = [s for s in SAK_EP[layar] if s not in semua]
	# the search bar, opened and typed into
	page.click("#navbar-search")
	page.keyboard.type("angg")
	page.wait_for_timeout(1500)
	for teks in page.evaluate(TEKS_TERLIHAT):
		if inggris(teks):
			temuan.setdefault(teks, "search bar")
	shot(page, "desk-cari")
	assert not any(kurang.values()), f"SAK EP words missing: {kurang}"
	assert not temuan, "English (or not SAK EP) on the desk:\n" + "\n".join(
		f"{w}: {t}" for t, w in temuan.items()
	)
