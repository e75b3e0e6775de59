"""Outlet rules (rules/unit_usaha.py): the consignment split, credit (bon), prices and photos."""

import pytest

from koperasi_merah_putih.rules import unit_usaha as r


def test_consignment_split_rounds_the_commission_half_up_and_adds_up():
	assert r.bagi_titip_jual(37_035, 10) == (3_704, 33_331)
	assert r.bagi_titip_jual(10_000, 0) == (0, 10_000)
	assert r.bagi_titip_jual(10_000, 100) == (10_000, 0)
	komisi, hak = r.bagi_titip_jual(-12_345, 10)
	assert (komisi, hak) == (-1_235, -11_110)
	for jual in range(0, 5_000, 37):
		k, h = r.bagi_titip_jual(jual, 12.5)
		assert k + h == jual and 0 <= k <= jual


def test_consignment_commission_outside_0_100_is_refused():
	with pytest.raises(r.TitipDitolak):
		r.bagi_titip_jual(1_000, 101)
	with pytest.raises(r.TitipDitolak):
		r.bagi_titip_jual(1_000, -1)


def test_credit_only_for_members_and_within_the_limit():
	r.periksa_bon(50_000, 20_000, 30_000, True)
	r.periksa_bon(0, 0, 0, False)
	with pytest.raises(r.TitipDitolak) as e:
		r.periksa_bon(50_000, 20_000, 30_001, True)
	assert e.value.kode == "bon_batas"
	with pytest.raises(r.TitipDitolak) as e:
		r.periksa_bon(50_000, 0, 1, False)
	assert e.value.kode == "bon_umum"
	with pytest.raises(r.TitipDitolak):
		r.periksa_bon(0, 0, 1, True)
	assert r.sisa_bon(50_000, 20_000) == 30_000
	assert r.sisa_bon(50_000, 60_000) == 0


def test_price_must_be_positive_whole_rupiah():
	assert r.periksa_harga("15000") == 15_000
	assert r.periksa_harga(999.5) == 1_000
	for salah in (0, -5, None, "", "abc"):
		with pytest.raises(r.TitipDitolak):
			r.periksa_harga(salah)


def test_photo_must_be_an_image_of_at_most_2_mb():
	r.periksa_foto(r.FOTO_MAKS_BYTE, "JPEG")
	with pytest.raises(r.TitipDitolak) as e:
		r.periksa_foto(10, None)
	assert e.value.kode == "bukan_gambar"
	with pytest.raises(r.TitipDitolak) as e:
		r.periksa_foto(r.FOTO_MAKS_BYTE + 1, "PNG")
	assert e.value.kode == "foto_besar"


def test_every_programme_unit_has_a_five_digit_kbli_code():
	assert r.GERAI_SEMBAKO in r.JENIS_UNIT
	assert len(r.JENIS_UNIT) == 7
	assert all(k.isdigit() and len(k) == 5 for k in r.JENIS_UNIT.values())


def test_what_a_sale_leaves_open():
	assert r.belum_dibayar(15_000, 0) == 15_000
	assert r.belum_dibayar(15_000, 20_000, kembalian=5_000) == 0
	assert r.belum_dibayar(15_000, 10_000) == 5_000
	assert r.belum_dibayar(15_000, 1, dihapus=14_999) == 0
	assert r.belum_dibayar(15_000, 50_000) == 0


def test_the_till_keeps_its_price_list_prices():
	r.periksa_harga_kasir(15_000, 15_000, 15_000, False, False)
	r.periksa_harga_kasir(15_000, 15_000, 15_000.4, False, False)
	with pytest.raises(r.TitipDitolak) as e:
		r.periksa_harga_kasir(15_000, 1, 1, False, False)
	assert e.value.kode == "ubah_harga"
	with pytest.raises(r.TitipDitolak) as e:
		r.periksa_harga_kasir(15_000, 15_000, 7_500, False, False)
	assert e.value.kode == "diskon"
	# the profile's own permissions
	r.periksa_harga_kasir(15_000, 15_000, 7_500, False, True)
	r.periksa_harga_kasir(15_000, 12_000, 12_000, True, False)
	with pytest.raises(r.TitipDitolak):
		r.periksa_harga_kasir(15_000, 12_000, 11_000, True, False)
	for tanpa in (None, 0):
		with pytest.raises(r.TitipDitolak) as e:
			r.periksa_harga_kasir(tanpa, 0, 0, True, True)
		assert e.value.kode == "tanpa_harga"
	with pytest.raises(r.TitipDitolak):
		r.periksa_harga_kasir(15_000, 15_000, 0, True, True)
