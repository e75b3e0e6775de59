import pytest

from koperasi_merah_putih.rules.uang import alokasi_proporsional, bagi_rata, bulat


def test_bulat_rounds_half_up():
	assert bulat("166666.5") == 166667
	assert bulat(166666.49) == 166666
	assert bulat(-0.5) == -1


def test_bagi_rata_puts_residue_in_last_part():
	# KDMP demo: Rp500.000 over 3 months
	assert bagi_rata(500000, 3) == [166667, 166667, 166666]
	assert sum(bagi_rata(1000000, 7)) == 1000000
	assert bagi_rata(100, 1) == [100]


def test_bagi_rata_rejects_no_parts():
	with pytest.raises(ValueError):
		bagi_rata(100, 0)


def test_alokasi_sums_exactly_and_is_pro_rata():
	shares = alokasi_proporsional(1000, [1, 1, 1])
	assert shares == [334, 333, 333]
	assert sum(shares) == 1000
	shu = alokasi_proporsional(12_345_678, [2_500_000, 1_000_000, 750_000, 0, 3_333_333])
	assert sum(shu) == 12_345_678
	assert shu[3] == 0
	assert shu[0] > shu[1] > shu[2]


def test_alokasi_largest_remainder_goes_to_largest_fraction():
	# exact shares 2.5, 3.75, 3.75 -> floors 2,3,3 -> two rupiah to the .75 shares
	assert alokasi_proporsional(10, [2, 3, 3]) == [2, 4, 4]


def test_alokasi_edge_cases():
	assert alokasi_proporsional(0, [0, 0]) == [0, 0]
	with pytest.raises(ValueError):
		alokasi_proporsional(10, [0, 0])
	with pytest.raises(ValueError):
		alokasi_proporsional(10, [1, -1])
