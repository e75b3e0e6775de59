from datetime import date

import pytest

from koperasi_merah_putih.rules.nik import (
	LAKI_LAKI,
	PEREMPUAN,
	NIKTidakValid,
	buat_nik,
	parse_nik,
	periksa_nik,
	periksa_no_kk,
)

HARI_INI = date(2026, 11, 28)


def test_male_nik_is_parsed_into_its_parts():
	data = parse_nik("3201011505900001")
	assert data.provinsi == "Jawa Barat"
	assert data.kode_kabupaten == "3201"
	assert data.kode_kecamatan == "320101"
	assert data.jenis_kelamin == LAKI_LAKI
	assert data.tanggal_lahir(HARI_INI) == date(1990, 5, 15)
	assert data.nomor_urut == "0001"


def test_female_nik_has_forty_added_to_the_day():
	data = parse_nik("3374025508020003")  # Semarang, 15-08-2002, female
	assert data.jenis_kelamin == PEREMPUAN
	assert data.tanggal_lahir(HARI_INI) == date(2002, 8, 15)
	assert data.provinsi == "Jawa Tengah"


def test_separators_people_type_are_ignored():
	assert parse_nik("3201 0115 0590 0001").nik == "3201011505900001"
	assert parse_nik("3201.01.150590.0001").nik == "3201011505900001"


def test_century_is_the_latest_one_not_in_the_future():
	assert parse_nik("3201010101250001").tanggal_lahir(HARI_INI) == date(2025, 1, 1)
	assert parse_nik("3201010101300001").tanggal_lahir(HARI_INI) == date(1930, 1, 1)


@pytest.mark.parametrize(
	"nik, kode",
	[
		("", "kosong"),
		("320101150590000", "panjang"),
		("32010115059000011", "panjang"),
		("32010115059O0001", "bukan_angka"),
		("9901011505900001", "provinsi"),
		("2001011505900001", "provinsi"),
		("3200011505900001", "wilayah"),
		("3201013205900001", "tanggal"),  # day 32
		("3201017205900001", "tanggal"),  # day 72 = 32 for a woman
		("3201011513900001", "tanggal"),  # month 13
		("3201013002900001", "tanggal"),  # 30 February
		("3201012902010001", "tanggal"),  # 29 February 2001 / 1901
		("3201011505900000", "nomor_urut"),
	],
)
def test_impossible_niks_are_refused_with_a_reason(nik, kode):
	with pytest.raises(NIKTidakValid) as err:
		parse_nik(nik)
	assert err.value.kode == kode


def test_29_february_of_a_leap_year_is_a_real_birthday():
	assert parse_nik("3201016902960001").tanggal_lahir(HARI_INI) == date(1996, 2, 29)


def test_stated_birth_date_and_gender_must_agree_with_the_nik():
	periksa_nik("3201011505900001", date(1990, 5, 15), LAKI_LAKI)
	with pytest.raises(NIKTidakValid) as err:
		periksa_nik("3201011505900001", date(1990, 5, 16), LAKI_LAKI)
	assert err.value.kode == "tanggal_tidak_cocok"
	with pytest.raises(NIKTidakValid) as err:
		periksa_nik("3201011505900001", date(1990, 5, 15), PEREMPUAN)
	assert err.value.kode == "jenis_kelamin_tidak_cocok"
	# the stated year may be in either century the two digits allow
	with pytest.raises(NIKTidakValid):
		periksa_nik("3201011505900001", date(1991, 5, 15), LAKI_LAKI)


def test_no_kk_is_sixteen_digits_with_a_province():
	assert periksa_no_kk("3201-0120-0190-0005") == "3201012001900005"
	for salah in ("320101200190000", "ABCDEFGHIJKLMNOP", "0001012001900005"):
		with pytest.raises(NIKTidakValid):
			periksa_no_kk(salah)


def test_generated_niks_round_trip():
	nik = buat_nik("350101", date(1985, 12, 3), PEREMPUAN, 42)
	data = periksa_nik(nik, date(1985, 12, 3), PEREMPUAN)
	assert nik == "3501014312850042"
	assert data.provinsi == "Jawa Timur"
