from datetime import date

import pytest

from koperasi_merah_putih.rules import keanggotaan as k
from koperasi_merah_putih.rules.kontak import (
	NomorHPTidakValid,
	nomor_lokal,
	nomor_wa,
	normalisasi_hp,
	tautan_wa,
)


@pytest.mark.parametrize(
	"masukan",
	[
		"0812-3456-7890",
		"081234567890",
		"+62 812 3456 7890",
		"62812 3456 7890",
		"(0812) 3456.7890",
		"812-3456-7890",
	],
)
def test_mobile_numbers_are_normalised_to_plus_62(masukan):
	assert normalisasi_hp(masukan) == "+6281234567890"


@pytest.mark.parametrize(
	"masukan",
	["", "021-5551234", "0812", "08123456789012345", "0812abc45678", "+1 812 3456 7890", "08+1234567"],
)
def test_malformed_or_landline_numbers_are_refused(masukan):
	with pytest.raises(NomorHPTidakValid):
		normalisasi_hp(masukan)


def test_local_and_whatsapp_forms():
	assert nomor_lokal("+6281234567890") == "081234567890"
	assert nomor_wa("+6281234567890") == "6281234567890"
	assert tautan_wa("+6281234567890", "Salam & terima kasih?") == (
		"https://wa.me/6281234567890?text=Salam%20%26%20terima%20kasih%3F"
	)
	assert tautan_wa("+6281234567890") == "https://wa.me/6281234567890"


def test_age_counts_whole_years_and_leap_day_birthdays():
	assert k.umur(date(2009, 11, 29), date(2026, 11, 28)) == 16
	assert k.umur(date(2009, 11, 28), date(2026, 11, 28)) == 17
	assert k.umur(date(2008, 2, 29), date(2025, 2, 28)) == 16
	assert k.umur(date(2008, 2, 29), date(2025, 3, 1)) == 17


def test_age_bands_and_their_birth_date_ranges_agree():
	pada = date(2026, 11, 28)
	assert k.kelompok_umur(17) == "< 25"
	assert k.kelompok_umur(25) == "25-34"
	assert k.kelompok_umur(64) == "55-64"
	assert k.kelompok_umur(90) == ">= 65"
	for label, _, _ in k.KELOMPOK_UMUR:
		tua, muda = k.rentang_lahir(label, pada)
		assert k.kelompok_umur(k.umur(muda, pada)) == label
		if tua:
			assert k.kelompok_umur(k.umur(tua, pada)) == label
			assert k.kelompok_umur(k.umur(date.fromordinal(tua.toordinal() - 1), pada)) != label
	assert k.rentang_lahir("25-34", pada) == (date(1991, 11, 29), date(2001, 11, 28))


def test_lifecycle_moves_and_who_may_make_them():
	assert k.peran_untuk(k.DIVERIFIKASI, k.DISETUJUI) == ("Pengurus",)
	assert "Kasir" in k.peran_untuk(k.PENDAFTARAN, k.DIVERIFIKASI)
	assert k.peran_untuk(k.PENDAFTARAN, k.DISETUJUI) == ()  # verification cannot be skipped
	assert k.peran_untuk(k.KELUAR, k.AKTIF) == ()
	assert k.peran_untuk(k.DITOLAK, k.DISETUJUI) == ()


def _j(anggota, organ, jabatan, mulai, selesai=None):
	return k.Jabatan(
		anggota, organ, jabatan, date.fromisoformat(mulai), selesai and date.fromisoformat(selesai)
	)


def test_terms_of_office_conflicts():
	ketua = _j("A", k.PENGURUS, "Ketua", "2026-01-01", "2030-12-31")
	assert k.bentrok(_j("B", k.PENGURUS, "Ketua", "2030-12-31"), [ketua])[0][0] == "tunggal"
	assert k.bentrok(_j("B", k.PENGURUS, "Ketua", "2031-01-01"), [ketua]) == []
	assert k.bentrok(_j("A", k.PENGAWAS, "Anggota Pengawas", "2027-01-01"), [ketua])[0][0] == "rangkap"
	assert k.bentrok(_j("A", k.PENGURUS, "Bendahara", "2027-01-01"), [ketua])[0][0] == "ganda"
	assert k.bentrok(_j("C", k.PENGAWAS, "Bendahara", "2027-01-01"), [])[0][0] == "organ"
	pengawas = [_j(x, k.PENGAWAS, "Anggota Pengawas", "2026-01-01") for x in "DE"]
	assert k.bentrok(_j("F", k.PENGAWAS, "Anggota Pengawas", "2026-06-01"), pengawas) == []


def test_who_holds_office_on_a_date():
	terms = [
		_j("B", k.PENGURUS, "Sekretaris", "2026-01-01", "2030-12-31"),
		_j("A", k.PENGURUS, "Ketua", "2021-01-01", "2025-12-31"),
		_j("C", k.PENGURUS, "Ketua", "2026-01-01", "2030-12-31"),
		_j("D", k.PENGAWAS, "Ketua Pengawas", "2026-01-01"),
	]
	on = k.pemegang_pada(terms, date(2026, 11, 28))
	assert [(j.anggota, j.jabatan) for j in on] == [
		("C", "Ketua"),
		("B", "Sekretaris"),
		("D", "Ketua Pengawas"),
	]
	assert [j.anggota for j in k.pemegang_pada(terms, date(2025, 12, 31))] == ["A"]


def test_age_check_against_the_minimum():
	pada = date(2026, 11, 28)
	assert k.periksa_usia(date(2009, 11, 28), pada, 17) == 17
	with pytest.raises(k.UsiaTidakMemenuhi) as err:
		k.periksa_usia(date(2009, 11, 29), pada, 17)
	assert (err.value.kode, err.value.usia, err.value.minimal) == ("terlalu_muda", 16, 17)
	with pytest.raises(k.UsiaTidakMemenuhi) as err:
		k.periksa_usia(date(2026, 11, 29), pada, 0)
	assert err.value.kode == "masa_depan"


def test_nobody_decides_on_their_own_membership():
	assert k.memutuskan_sendiri("siti@desa.id", "siti@desa.id", None)
	assert k.memutuskan_sendiri("siti@desa.id", None, "siti@desa.id")
	assert not k.memutuskan_sendiri("pengurus@desa.id", "siti@desa.id", "siti@desa.id")
	assert not k.memutuskan_sendiri("pengurus@desa.id", None, "")
	# maker-checker on any request: whoever entered or submitted it is a party too
	assert k.memutuskan_sendiri("kasir@desa.id", "kasir@desa.id", "kasir@desa.id", None, "siti@desa.id")
	assert not k.memutuskan_sendiri("pengurus@desa.id", "kasir@desa.id", "kasir@desa.id", None, None)


def test_only_approved_and_active_members_transact():
	assert k.BOLEH_BERTRANSAKSI == (k.DISETUJUI, k.AKTIF)


def test_a_term_cannot_end_before_it_starts():
	assert k.bentrok(_j("A", k.PENGURUS, "Ketua", "2026-01-01", "2025-12-31"), [])[0][0] == "urutan"
