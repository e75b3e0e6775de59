from datetime import datetime

import pytest

from koperasi_merah_putih.rules import pelatihan as p


def test_who_may_join():
	assert p.boleh_ikut(p.UMUM, p.UMUM)
	assert p.boleh_ikut(p.ANGGOTA, p.PENGURUS)
	assert not p.boleh_ikut(p.ANGGOTA, p.UMUM)
	assert p.boleh_ikut(p.PENGURUS, p.PENGURUS)
	assert not p.boleh_ikut(p.PENGURUS, p.ANGGOTA)


def test_registration_refusals():
	now = datetime(2026, 11, 28, 10, 0)
	batas = datetime(2026, 11, 27, 23, 59)
	cases = [
		(("Ditutup", now, None, p.UMUM, p.UMUM, False), "ditutup"),
		((p.DIBUKA, now, batas, p.UMUM, p.UMUM, False), "lewat_batas"),
		((p.DIBUKA, now, None, p.ANGGOTA, p.UMUM, False), "tidak_berhak"),
		((p.DIBUKA, now, None, p.UMUM, p.ANGGOTA, True), "ganda"),
	]
	for args, kode in cases:
		with pytest.raises(p.PendaftaranDitolak) as err:
			p.periksa_pendaftaran(*args)
		assert err.value.kode == kode
	p.periksa_pendaftaran(p.DIBUKA, batas, batas, p.ANGGOTA, p.ANGGOTA, False)  # on the deadline itself


def test_quota_and_waiting_list_promotion():
	assert p.status_baru(9, 10) == p.TERDAFTAR
	assert p.status_baru(10, 10) == p.DAFTAR_TUNGGU
	assert p.status_baru(500, 0) == p.TERDAFTAR  # no limit
	antrean = ["A", "B", "C"]
	assert p.promosi(antrean, 9, 10) == ["A"]  # one seat freed: the first in line
	assert p.promosi(antrean, 7, 10) == ["A", "B", "C"]
	assert p.promosi(antrean, 10, 10) == []
	assert p.promosi(antrean, 12, 10) == []  # quota lowered below the seats taken: nobody
	assert p.promosi(antrean, 3, 0) == antrean


def test_completion_by_attendance():
	assert p.Kelulusan(3, 4, 75).lulus
	assert not p.Kelulusan(2, 4, 75).lulus
	assert p.Kelulusan(1, 1, 100).lulus
	assert not p.Kelulusan(0, 0, 0).lulus  # no sessions: nothing to complete
	assert not p.Kelulusan(0, 3, 0).lulus  # at least one session attended
	assert p.Kelulusan(2, 3, 66.67).persen == pytest.approx(66.67, abs=0.01)
