import json
from pathlib import Path

from koperasi_merah_putih.rules.akun import accounts_by_type, iter_accounts, validate_chart

CHART = (
	Path(__file__).resolve().parents[2]
	/ "apps/koperasi_merah_putih/koperasi_merah_putih/setup/coa/koperasi_sak_ep.json"
)


def chart():
	return json.loads(CHART.read_text())


def test_shipped_chart_is_sound():
	assert validate_chart(chart()) == []


def test_sak_ep_structure():
	roots = {name: spec["root_type"] for name, spec, parent, *_ in iter_accounts(chart()) if parent is None}
	assert roots == {
		"Aset": "Asset",
		"Liabilitas": "Liability",
		"Ekuitas": "Equity",
		"Pendapatan": "Income",
		"Beban": "Expense",
	}
	where = {name: rt for name, _spec, _parent, rt, _g in iter_accounts(chart())}
	# savings: sukarela and berjangka are liabilities; pokok and wajib equity (default by-laws)
	assert where["Simpanan Sukarela"] == "Liability"
	assert where["Simpanan Berjangka"] == "Liability"
	assert where["Simpanan Pokok"] == "Equity"
	assert where["Simpanan Wajib"] == "Equity"
	assert where["Cadangan"] == "Equity"
	assert where["SHU Tahun Berjalan"] == "Equity"
	assert where["Pendapatan Jasa Pinjaman"] == "Income"
	assert where["Beban Jasa Simpanan"] == "Expense"


def test_chart_has_what_erpnext_needs_for_defaults():
	types = accounts_by_type(chart())
	for needed in (
		"Cash",
		"Bank",
		"Receivable",
		"Payable",
		"Round Off",
		"Stock",
		"Cost of Goods Sold",
		"Stock Adjustment",
		"Temporary",
		"Depreciation",
		"Accumulated Depreciation",
	):
		assert types.get(needed), needed


def test_validate_chart_reports_problems():
	bad = {
		"Aset": {"account_number": "1", "Kas": {"account_number": "1"}},
		"Aneh": {"account_number": "9", "root_type": "Magic"},
	}
	problems = validate_chart(bad)
	assert any("root account 'Aset'" in p for p in problems)
	assert any("account number 1 used" in p for p in problems)
	assert any("'Aneh'" in p for p in problems)


def test_cash_flow_line_of_an_account_by_its_number():
	from koperasi_merah_putih.rules import akun

	assert akun.kelompok_arus_kas("1101") == akun.KAS  # kas
	assert akun.kelompok_arus_kas("1111") == akun.KAS  # bank
	assert akun.kelompok_arus_kas("1121") == akun.OPERASI  # loans to members
	assert akun.kelompok_arus_kas("1231") == akun.INVESTASI
	assert akun.kelompok_arus_kas("2101") == akun.PENDANAAN  # simpanan sukarela
	assert akun.kelompok_arus_kas("2201") == akun.PENDANAAN  # bank loans
	assert akun.kelompok_arus_kas("3101") == akun.PENDANAAN  # simpanan pokok
	assert akun.kelompok_arus_kas("2122") == akun.OPERASI  # tax payable
	assert akun.kelompok_arus_kas(None) == akun.OPERASI
