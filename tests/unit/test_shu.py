"""The SHU rules on worked examples: the by-laws' split, jasa modal and jasa usaha per member
(exact sums by largest remainder), tax methods, a loss year, the RAT's quorum, health bands."""

import random
from fractions import Fraction

import pytest

from koperasi_merah_putih.rules import shu
from koperasi_merah_putih.rules.ditolak import Ditolak

UMUM = [p for _n, _a, p in shu.KOMPONEN]


def test_common_split_of_a_surplus():
	# Rp10,000,001: 40/40/5/5/5/5/0, the one rupiah left goes to the largest remainder
	parts = shu.bagi_komponen(10_000_001, UMUM)
	assert sum(parts) == 10_000_001
	assert parts[:2] == [4_000_001, 4_000_000] or parts[:2] == [4_000_000, 4_000_001]
	assert parts[2:] == [500_000, 500_000, 500_000, 500_000, 0]


def test_percentages_must_total_100():
	with pytest.raises(Ditolak) as e:
		shu.bagi_komponen(1_000_000, [40, 40, 5, 5, 5, 4, 0])
	assert e.value.kode == "persen_total"
	with pytest.raises(Ditolak):
		shu.periksa_persen([110, -10])


def test_a_loss_is_not_shared():
	with pytest.raises(Ditolak) as e:
		shu.bagi_komponen(-5_000_000, UMUM)
	assert e.value.kode == "shu_negatif"


def test_members_part_into_jasa_modal_and_usaha():
	assert shu.bagi_jasa(4_000_001, 50, 50) in ((2_000_001, 2_000_000), (2_000_000, 2_000_001))
	assert shu.bagi_jasa(1_000_000, 30, 70) == (300_000, 700_000)
	with pytest.raises(Ditolak):
		shu.bagi_jasa(1_000_000, 30, 60)


def test_three_members_worked_example():
	# jasa modal 1,000,000 on savings 1:2:3 (exactly 166,666.67 / 333,333.33 / 500,000)
	# jasa usaha 500,000 on transactions 100,000 / 0 / 300,000
	rows = shu.bagi_anggota(1_000_000, 500_000, [100_000, 200_000, 300_000], [100_000, 0, 300_000])
	assert [r.jasa_modal for r in rows] == [166_667, 333_333, 500_000]
	assert [r.jasa_usaha for r in rows] == [125_000, 0, 375_000]
	assert [r.jumlah for r in rows] == [291_667, 333_333, 875_000]


def test_equal_weights_share_the_residue_one_rupiah_each_from_the_first():
	rows = shu.bagi_anggota(100, 0, [1, 1, 1], [0, 0, 0])
	assert [r.jasa_modal for r in rows] == [34, 33, 33]


def test_members_without_transactions_get_only_jasa_modal():
	rows = shu.bagi_anggota(900, 600, [1, 1, 1], [0, 0, 5])
	assert [(r.jasa_modal, r.jasa_usaha) for r in rows] == [(300, 0), (300, 0), (300, 600)]


def test_one_member_takes_all():
	rows = shu.bagi_anggota(123_457, 98_765, [10], [1])
	assert (rows[0].jasa_modal, rows[0].jasa_usaha) == (123_457, 98_765)


def test_a_pool_without_any_basis_is_refused():
	with pytest.raises(Ditolak) as e:
		shu.bagi_anggota(0, 1_000, [5, 5], [0, 0])
	assert e.value.kode == "tanpa_transaksi"
	# a zero pool over zero bases is fine
	assert [r.jumlah for r in shu.bagi_anggota(1_000, 0, [1, 3], [0, 0])] == [250, 750]


def test_negative_bases_count_as_zero():
	rows = shu.bagi_anggota(1_000, 0, [-500, 1], [0, 0])
	assert [r.jasa_modal for r in rows] == [0, 1_000]


def test_ten_thousand_members_sum_exactly_and_stay_pro_rata():
	rng = random.Random(7)
	simpanan = [rng.randint(0, 5_000_000) for _ in range(10_000)]
	transaksi = [rng.choice([0, rng.randint(1, 2_000_000)]) for _ in range(10_000)]
	jm, ju = 123_456_789, 98_765_431
	rows = shu.bagi_anggota(jm, ju, simpanan, transaksi)
	assert sum(r.jasa_modal for r in rows) == jm
	assert sum(r.jasa_usaha for r in rows) == ju
	total_s = sum(simpanan)
	for r, s in zip(rows[:500], simpanan[:500], strict=True):
		assert abs(r.jasa_modal - Fraction(jm * s, total_s)) < 1


def test_withholding_default_zero_and_configurable():
	assert shu.pph_shu(1_000_000, 0) == 0
	assert shu.pph_shu(1_000_005, 10) == 100_001  # 100,000.5 rounds half up


def test_tax_methods():
	assert shu.pajak_koperasi(shu.PP55, 1_200_000_000, 50_000_000) == 6_000_000
	# PP 55 is on turnover: due in a loss year too
	assert shu.pajak_koperasi(shu.PP55, 100_000_000, -20_000_000) == 500_000
	assert shu.pajak_koperasi(shu.TARIF_UMUM, 1_200_000_000, 50_000_000, 22) == 11_000_000
	assert shu.pajak_koperasi(shu.TARIF_UMUM, 1_200_000_000, -1, 22) == 0
	assert shu.pajak_koperasi(shu.TANPA_PAJAK, 1, 1) == 0
	with pytest.raises(Ditolak) as e:
		shu.pajak_koperasi(shu.PP55, 4_800_000_001, 0)
	assert e.value.kode == "di_atas_pp55"
	assert shu.pajak_koperasi(shu.PP55, 4_800_000_000, 0) == 24_000_000


def test_average_of_month_end_balances():
	# 1,200,000 at the start, +1,200,000 in July: six months at 1.2m, six at 2.4m
	assert shu.rata_rata_bulanan(1_200_000, {7: 1_200_000}) == 1_800_000
	assert shu.rata_rata_bulanan(0, {12: 120}) == 10


def test_quorum_more_than_half():
	assert shu.kuorum_minimal(100, 50) == 51
	assert shu.kuorum_minimal(10, 50) == 6
	assert shu.kuorum_minimal(9, 50) == 5
	assert shu.kuorum_minimal(1, 50) == 1
	assert shu.kuorum_minimal(300, Fraction(200, 3)) == 201
	assert shu.kuorum_minimal(10, 100) == 10
	assert not shu.kuorum_terpenuhi(50, 100, 50)
	assert shu.kuorum_terpenuhi(51, 100, 50)
	assert not shu.kuorum_terpenuhi(0, 0, 50)


def test_health_bands():
	assert shu.predikat(4, False, (5, 10, 15)) == shu.SEHAT
	assert shu.predikat(7, False, (5, 10, 15)) == shu.CUKUP_SEHAT
	assert shu.predikat(12, False, (5, 10, 15)) == shu.KURANG_SEHAT
	assert shu.predikat(30, False, (5, 10, 15)) == shu.TIDAK_SEHAT
	assert shu.predikat(25, True, (20, 10, 5)) == shu.SEHAT
	assert shu.predikat(3, True, (20, 10, 5)) == shu.TIDAK_SEHAT
	assert shu.predikat(None, True, (1, 2, 3)) == "-"
	assert shu.persen_dari(1, 3) == shu.persen_dari(100, 300)
	assert shu.persen_dari(1, 0) is None


def test_an_exited_member_shares_only_if_the_settings_say_so_and_left_in_the_year():
	from datetime import date

	awal = date(2025, 1, 1)
	assert shu.keluar_berhak(date(2025, 6, 30), awal, True)
	assert shu.keluar_berhak(date(2026, 2, 1), awal, True)  # left after the year, before the RAT
	assert not shu.keluar_berhak(date(2024, 12, 31), awal, True)  # left before the year began
	assert not shu.keluar_berhak(date(2025, 6, 30), awal, False)
	assert not shu.keluar_berhak(None, awal, True)
