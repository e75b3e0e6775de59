from datetime import date

from koperasi_merah_putih.rules.tanggal import tanggal_mundur


def test_tanggal_mundur_allows_a_window_back_and_nothing_ahead():
	hari_ini = date(2026, 12, 1)
	assert tanggal_mundur(hari_ini, hari_ini, 3) is None
	assert tanggal_mundur(date(2026, 11, 28), hari_ini, 3) is None
	assert tanggal_mundur(date(2026, 11, 27), hari_ini, 3) == "mundur"
	assert tanggal_mundur(date(2026, 10, 22), hari_ini, 3) == "mundur"  # 40 days back
	assert tanggal_mundur(date(2026, 12, 2), hari_ini, 3) == "masa_depan"
	assert tanggal_mundur(date(2026, 11, 30), hari_ini, 0) == "mundur"
