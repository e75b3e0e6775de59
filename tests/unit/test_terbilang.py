import pytest

from koperasi_merah_putih.rules.terbilang import rupiah_terbilang, terbilang


@pytest.mark.parametrize(
	"n, words",
	[
		(0, "nol"),
		(1, "satu"),
		(10, "sepuluh"),
		(11, "sebelas"),
		(12, "dua belas"),
		(19, "sembilan belas"),
		(20, "dua puluh"),
		(21, "dua puluh satu"),
		(100, "seratus"),
		(101, "seratus satu"),
		(111, "seratus sebelas"),
		(250, "dua ratus lima puluh"),
		(1000, "seribu"),
		(1001, "seribu satu"),
		(1100, "seribu seratus"),
		(2000, "dua ribu"),
		(11000, "sebelas ribu"),
		(100000, "seratus ribu"),
		(123000, "seratus dua puluh tiga ribu"),
		(1000000, "satu juta"),
		(1500000, "satu juta lima ratus ribu"),
		(226667, "dua ratus dua puluh enam ribu enam ratus enam puluh tujuh"),
		(3000000000, "tiga miliar"),
		(1000001000, "satu miliar seribu"),
		(2500000000000, "dua triliun lima ratus miliar"),
	],
)
def test_terbilang_worked_examples(n, words):
	assert terbilang(n) == words


def test_rupiah_words_as_on_a_receipt():
	assert rupiah_terbilang(123000) == "seratus dua puluh tiga ribu rupiah"
	assert rupiah_terbilang(0) == "nol rupiah"


def test_rupiah_rounds_half_up_to_whole_rupiah():
	assert rupiah_terbilang("1999.5") == "dua ribu rupiah"
	assert rupiah_terbilang(1999.49) == "seribu sembilan ratus sembilan puluh sembilan rupiah"


def test_rupiah_with_sen():
	assert rupiah_terbilang("1500.25", with_sen=True) == "seribu lima ratus rupiah dua puluh lima sen"


def test_negative_amounts_say_minus():
	assert terbilang(-5000) == "minus lima ribu"


@pytest.mark.parametrize("bad", [1.5, True, 10**18])
def test_rejects_what_it_cannot_write(bad):
	with pytest.raises(ValueError):
		terbilang(bad)
