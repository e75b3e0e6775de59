from datetime import date
from decimal import Decimal

import pytest

from koperasi_merah_putih.rules import simpanan as s


def test_pokok_and_wajib_only_come_back_on_exit():
	for jenis in (s.POKOK, s.WAJIB):
		with pytest.raises(s.PenarikanDitolak) as err:
			s.periksa_penarikan(jenis, 1_000_000, 100_000)
		assert err.value.kode == "terkunci"
		s.periksa_penarikan(jenis, 1_000_000, 1_000_000, keluar=True)


def test_sukarela_never_beyond_the_balance_nor_below_the_minimum():
	s.periksa_penarikan(s.SUKARELA, 500_000, 500_000)  # emptying the account is allowed
	with pytest.raises(s.PenarikanDitolak) as err:
		s.periksa_penarikan(s.SUKARELA, 500_000, 500_001)
	assert err.value.kode == "saldo"
	with pytest.raises(s.PenarikanDitolak) as err:
		s.periksa_penarikan(s.SUKARELA, 500_000, 480_000, saldo_minimal=25_000)
	assert err.value.kode == "saldo_minimal"
	for bad in (0, -5):
		with pytest.raises(s.PenarikanDitolak) as err:
			s.periksa_penarikan(s.SUKARELA, 500_000, bad)
		assert err.value.kode == "jumlah"


def test_berjangka_at_or_after_maturity():
	jt = date(2026, 12, 1)
	with pytest.raises(s.PenarikanDitolak) as err:
		s.periksa_penarikan(s.BERJANGKA, 10_000_000, 10_000_000, date(2026, 11, 30), jt)
	assert err.value.kode == "belum_jatuh_tempo"
	s.periksa_penarikan(s.BERJANGKA, 10_000_000, 10_000_000, date(2026, 12, 1), jt)
	s.periksa_penarikan(
		s.BERJANGKA, 10_000_000, 10_000_000, date(2026, 11, 1), jt, boleh_sebelum_jatuh_tempo=True
	)


def test_billing_periods():
	assert s.periode(date(2026, 11, 28)) == "2026-11"
	assert s.parse_periode("2027-01") == (2027, 1)
	assert s.akhir_periode("2026-02") == date(2026, 2, 28)
	assert s.akhir_periode("2028-02") == date(2028, 2, 29)
	for bad in ("11-2026", "2026-13", "2026-1", "2026/11", "", None):
		with pytest.raises(ValueError):
			s.parse_periode(bad)


def test_bill_status_follows_what_was_paid():
	assert s.status_tagihan(20_000, 0) == "Belum Dibayar"
	assert s.status_tagihan(20_000, 5_000) == "Sebagian"
	assert s.status_tagihan(20_000, 20_000) == "Lunas"


def test_amounts_are_positive_whole_rupiah():
	assert s.periksa_jumlah(10_000.0) == 10_000
	nan, inf = float("nan"), float("inf")
	for bad, kode in (
		(0, "jumlah"),
		(-1, "jumlah"),
		(None, "jumlah"),
		(1000.5, "bulat"),
		(nan, "jumlah"),
		(inf, "jumlah"),
	):
		with pytest.raises(s.TransaksiDitolak) as err:
			s.periksa_jumlah(bad)
		assert err.value.kode == kode


def test_deposits_respect_the_minimum_and_the_fixed_pokok():
	s.periksa_setoran(s.SUKARELA, 0, 10_000, setoran_minimal=10_000)
	with pytest.raises(s.SetoranDitolak) as err:
		s.periksa_setoran(s.SUKARELA, 0, 9_999, setoran_minimal=10_000)
	assert err.value.kode == "minimal"
	s.periksa_setoran(s.POKOK, 0, 100_000, jumlah_pokok=100_000)
	s.periksa_setoran(s.POKOK, 60_000, 40_000, jumlah_pokok=100_000)  # paid in two parts
	with pytest.raises(s.SetoranDitolak) as err:
		s.periksa_setoran(s.POKOK, 100_000, 1_000, jumlah_pokok=100_000)
	assert err.value.kode == "pokok"


def test_deposits_settle_the_oldest_bills_first():
	bills = [("2026-09", 50_000), ("2026-10", 50_000), ("2026-11", 50_000)]
	assert s.alokasi_ke_tagihan(bills, 120_000) == (
		[("2026-09", 50_000), ("2026-10", 50_000), ("2026-11", 20_000)],
		0,
	)
	assert s.alokasi_ke_tagihan(bills, 200_000) == (
		[("2026-09", 50_000), ("2026-10", 50_000), ("2026-11", 50_000)],
		50_000,
	)
	assert s.alokasi_ke_tagihan([("a", 0), ("b", 30_000)], 10_000) == ([("b", 10_000)], 0)


def test_arrears_list_the_months_owed():
	bills = [((2026, 9), 0), ((2026, 10), 50_000), ((2026, 11), 30_000), ((2026, 12), 50_000)]
	assert s.tunggakan(bills, date(2026, 11, 28)) == (80_000, [(2026, 10), (2026, 11)])


def test_jasa_on_daily_balances_worked_example():
	# November 2026 (30 days), 6% a year: Rp1,000,000 all month, Rp500,000 added on the 16th
	mutasi = [(date(2026, 11, 16), 500_000)]
	jasa = s.jasa_bulanan(
		s.SALDO_HARIAN, 1_000_000, mutasi, date(2026, 11, 1), date(2026, 11, 30), Decimal(6)
	)
	# (15 days x 1,000,000 + 15 days x 1,500,000) x 6% / 365 = 37,500,000 x 0.06 / 365 = 6,164.38
	assert jasa == 6164


def test_jasa_on_the_lowest_monthly_balance_worked_example():
	mutasi = [(date(2026, 11, 10), -400_000), (date(2026, 11, 20), 900_000)]
	jasa = s.jasa_bulanan(
		s.SALDO_TERENDAH, 1_000_000, mutasi, date(2026, 11, 1), date(2026, 11, 30), Decimal(6)
	)
	assert jasa == 3000  # lowest 600,000 x 6% / 12
	assert (
		s.jasa_bulanan(
			s.SALDO_TERENDAH, 1_000_000, mutasi, date(2026, 11, 1), date(2026, 11, 30), Decimal(6), 700_000
		)
		== 0
	)


def test_jasa_below_the_minimum_balance_earns_nothing_on_those_days():
	jasa = s.jasa_bulanan(
		s.SALDO_HARIAN, 40_000, [], date(2026, 11, 1), date(2026, 11, 30), Decimal(6), 50_000
	)
	assert jasa == 0


def test_withholding_tax_above_the_threshold_only():
	assert s.pajak_jasa(240_000) == 0
	assert s.pajak_jasa(240_001) == 24_000
	assert s.pajak_jasa(300_000) == 30_000


def test_fixed_term_deposit():
	d = s.Berjangka(10_000_000, Decimal(6), 12, date(2026, 1, 31))
	assert d.jatuh_tempo == date(2027, 1, 31)
	assert s.Berjangka(1_000_000, Decimal(6), 1, date(2026, 1, 31)).jatuh_tempo == date(2026, 2, 28)
	assert d.bunga_per_bulan() == 50_000
	assert d.bunga_total() == 600_000
	assert d.penalti(date(2026, 6, 1), Decimal(1)) == 100_000
	assert d.penalti(date(2027, 1, 31), Decimal(1)) == 0


def test_berjangka_payout_at_maturity_with_tax_on_the_monthly_share():
	d = s.Berjangka(10_000_000, Decimal(6), 12, date(2026, 1, 31))
	hasil = s.pencairan_berjangka(d, date(2027, 1, 31), potong_pajak=True)
	assert (hasil.jasa, hasil.pajak, hasil.penalti, hasil.jasa_bersih) == (600_000, 0, 0, 600_000)
	# 600,000,000 at 6% for 12 months: 3,000,000 a month, above 240,000: 10% of all of it
	besar = s.Berjangka(600_000_000, Decimal(6), 12, date(2026, 1, 31))
	hasil = s.pencairan_berjangka(besar, date(2027, 2, 15), potong_pajak=True)
	assert (hasil.jasa, hasil.pajak, hasil.jasa_bersih) == (36_000_000, 3_600_000, 32_400_000)
	assert s.pajak_jasa_berjangka(2_880_000, 12) == 0  # exactly 240,000 a month
	assert s.pajak_jasa_berjangka(2_880_012, 12) == 288_001


def test_berjangka_early_withdrawal_refused_or_penalised():
	d = s.Berjangka(10_000_000, Decimal(6), 12, date(2026, 1, 31))
	with pytest.raises(s.PenarikanDitolak) as err:
		s.pencairan_berjangka(d, date(2027, 1, 30))
	assert err.value.kode == "belum_jatuh_tempo" and err.value.nilai == (date(2027, 1, 31),)
	hasil = s.pencairan_berjangka(
		d, date(2026, 7, 1), boleh_sebelum_jatuh_tempo=True, penalti_persen=Decimal(1)
	)
	assert (hasil.jasa, hasil.pajak, hasil.penalti) == (0, 0, 100_000)


def test_saldo_dasar_and_payout():
	assert s.saldo_dasar(s.SALDO_HARIAN, [100, 200, 301]) == 200
	assert s.saldo_dasar(s.SALDO_TERENDAH, [100, 200, 301]) == 100
	assert s.saldo_dasar(s.SALDO_HARIAN, []) == 0
	h = s.HasilPencairan(jasa=125_000, pajak=12_500, penalti=0)
	assert h.dibayar(10_000_000, cairkan=True) == 10_112_500
	assert h.dibayar(10_000_000, cairkan=False) == 112_500
	assert h.dibayar(10_000_000, cairkan=False, jasa_ditambahkan=True) == 0
	assert s.HasilPencairan(0, 0, 100_000).dibayar(10_000_000, cairkan=True) == 9_900_000


def test_tarif_berjangka_is_the_products_unless_a_special_rate_within_its_bounds():
	from koperasi_merah_putih.rules.simpanan import TransaksiDitolak, tarif_berjangka

	assert tarif_berjangka(Decimal("6"), None, None) == Decimal("6")
	assert tarif_berjangka(Decimal("6"), Decimal("6"), None) == Decimal("6")
	# without a highest special rate, a special rate can only be lower
	assert tarif_berjangka(Decimal("6"), Decimal("4.5"), None) == Decimal("4.5")
	assert tarif_berjangka(Decimal("6"), Decimal("7"), Decimal("7.5")) == Decimal("7")
	for diminta, tertinggi in ((Decimal("500"), None), (Decimal("8"), Decimal("7.5")), (Decimal("-1"), None)):
		with pytest.raises(TransaksiDitolak) as err:
			tarif_berjangka(Decimal("6"), diminta, tertinggi)
		assert err.value.kode == "tarif_khusus"
