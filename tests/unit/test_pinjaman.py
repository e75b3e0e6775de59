from datetime import date
from decimal import Decimal

import pytest

from koperasi_merah_putih.rules import pinjaman as p


def test_kdmp_demo_flat_12_percent_a_month():
	j = p.jadwal(500_000, 3, 12, p.PER_BULAN, p.FLAT)
	assert [a.total for a in j] == [226_667, 226_667, 226_666]
	assert [a.jasa for a in j] == [60_000] * 3
	assert sum(a.pokok for a in j) == 500_000 and j[-1].sisa_pokok == 0


def test_menurun_interest_on_the_outstanding_principal():
	j = p.jadwal(1_200_000, 3, 2, p.PER_BULAN, p.MENURUN)
	assert [(a.pokok, a.jasa) for a in j] == [(400_000, 24_000), (400_000, 16_000), (400_000, 8_000)]
	# 24% a year is the same monthly 2%
	assert p.jadwal(1_200_000, 3, 24, p.PER_TAHUN, p.MENURUN) == j


def test_anuitas_against_the_pmt_formula():
	j = p.jadwal(10_000_000, 12, 12, p.PER_TAHUN, p.ANUITAS)
	# Excel: =PMT(1%, 12, -10000000) = 888,487.89
	assert p.pmt(10_000_000, 12, Decimal("0.01")).quantize(Decimal("0.01")) == Decimal("888487.89")
	assert all(a.total == 888_488 for a in j[:-1])
	assert abs(j[-1].total - 888_488) <= 12  # the last takes the rounding residue
	assert sum(a.pokok for a in j) == 10_000_000 and j[-1].sisa_pokok == 0
	assert j[0].jasa == 100_000 and j[0].pokok == 788_488
	assert [a.jasa for a in j] == sorted((a.jasa for a in j), reverse=True)


def test_every_method_sums_to_the_principal():
	for metode in p.METODE:
		for pokok, tenor, tarif in ((1_000_001, 7, 1.75), (3_000_000, 60, 18), (777, 5, 0)):
			j = p.jadwal(pokok, tenor, tarif, p.PER_TAHUN, metode)
			assert sum(a.pokok for a in j) == pokok and len(j) == tenor and j[-1].sisa_pokok == 0
			assert all(a.pokok >= 0 and a.jasa >= 0 for a in j)


def test_refusals():
	for args, kode in (((0, 3, 1), "pokok"), ((100, 0, 1), "tenor"), ((100, 3, -1), "tarif")):
		with pytest.raises(p.PinjamanDitolak) as err:
			p.jadwal(*args, p.PER_BULAN, p.FLAT)
		assert err.value.kode == kode


def test_effective_annual_rate():
	anuitas = p.jadwal(10_000_000, 12, 1, p.PER_BULAN, p.ANUITAS)
	efektif = p.suku_efektif_tahunan(10_000_000, [a.total for a in anuitas])
	assert abs(efektif - Decimal("12.6825")) < Decimal("0.01")  # (1.01)^12 - 1
	# flat 1% a month costs much more than 12% a year effective
	flat = p.jadwal(10_000_000, 12, 1, p.PER_BULAN, p.FLAT)
	assert p.suku_efektif_tahunan(10_000_000, [a.total for a in flat]) > 21
	assert p.suku_efektif_tahunan(100, [50, 50]) == 0


def test_denda_per_day_per_month_and_grace():
	assert p.denda(226_667, 10, Decimal("0.1"), p.PER_HARI, hari_toleransi=3) == 1_587  # 7 days
	assert p.denda(226_667, 3, Decimal("0.1"), p.PER_HARI, hari_toleransi=3) == 0
	assert p.denda(200_000, 31, 2, p.PER_BULAN) == 8_000  # two started months
	assert p.denda(0, 100, 1) == 0


def test_allocation_order():
	due = {"denda": 5_000, "jasa": 60_000, "pokok": 166_667}
	assert p.alokasi(100_000, due) == ({"denda": 5_000, "jasa": 60_000, "pokok": 35_000}, 0)
	assert p.alokasi(300_000, due) == ({"denda": 5_000, "jasa": 60_000, "pokok": 166_667}, 68_333)
	assert p.alokasi(100_000, due, ("pokok", "jasa", "denda"))[0] == {"pokok": 100_000, "jasa": 0, "denda": 0}
	with pytest.raises(p.PinjamanDitolak):
		p.alokasi(0, due)


def test_collectibility_classes_by_days_past_due():
	lima = [p.kelas(h).nama for h in (0, 1, 90, 91, 120, 121, 180, 181, 999)]
	assert lima == [
		"Lancar",
		"Dalam Perhatian Khusus",
		"Dalam Perhatian Khusus",
		"Kurang Lancar",
		"Kurang Lancar",
		"Diragukan",
		"Diragukan",
		"Macet",
		"Macet",
	]
	assert [p.kelas(h, p.EMPAT_KELAS).nama for h in (0, 90, 91, 121, 181)] == [
		"Lancar",
		"Lancar",
		"Kurang Lancar",
		"Diragukan",
		"Macet",
	]


def test_npl_ratio_health_and_provision():
	loans = [(10_000_000, 0), (5_000_000, 30), (2_000_000, 100), (1_000_000, 200)]
	assert p.rasio_npl(loans) == Decimal(3_000_000 * 100) / 18_000_000  # 16.67%
	assert p.kesehatan_npl(p.rasio_npl(loans)) == "Tidak Sehat"
	assert [p.kesehatan_npl(x) for x in (5, 5.01, 10, 15, 15.01)] == [
		"Sehat",
		"Cukup Sehat",
		"Cukup Sehat",
		"Kurang Sehat",
		"Tidak Sehat",
	]
	# 1% + 5% + 15% + 100%
	assert p.ppap_wajib(loans) == 100_000 + 250_000 + 300_000 + 1_000_000


def test_fees_half_up():
	assert p.biaya(5_000_000, p.PERSEN, 1) == 50_000
	assert p.biaya(1_250_050, p.PERSEN, 1) == 12_501  # 12,500.5 rounds up, as cashiers do
	assert p.biaya(1_000_000, p.TETAP, 25_000) == 25_000


def test_allocation_over_instalments_oldest_first():
	from datetime import date

	tagihan = [
		p.Tagihan(2, date(2026, 2, 1), denda=0, jasa=1_000, pokok=10_000),
		p.Tagihan(1, date(2026, 1, 1), denda=500, jasa=1_000, pokok=10_000),
	]
	bagian, sisa = p.alokasi_angsuran(12_000, tagihan)
	assert bagian == [
		(1, {"biaya": 0, "denda": 500, "jasa": 1_000, "pokok": 10_000}),
		(2, {"biaya": 0, "denda": 0, "jasa": 500, "pokok": 0}),
	]
	assert sisa == 0
	# pokok first if the product says so; an overpayment is returned
	bagian, sisa = p.alokasi_angsuran(30_000, tagihan, ("pokok", "jasa", "denda"))
	assert [b for _k, b in bagian][0] == {"biaya": 0, "pokok": 10_000, "jasa": 1_000, "denda": 500}
	assert sisa == 30_000 - 22_500
	with pytest.raises(p.PinjamanDitolak):
		p.alokasi_angsuran(0, tagihan)


def test_days_past_due_from_the_oldest_unpaid_instalment():
	from datetime import date

	tagihan = [
		p.Tagihan(1, date(2026, 1, 1), jasa=0, pokok=0, denda=700),  # only denda left
		p.Tagihan(2, date(2026, 2, 1), jasa=1_000, pokok=0),
		p.Tagihan(3, date(2026, 3, 1), jasa=1_000, pokok=10_000),
	]
	assert p.hari_tunggak(tagihan, date(2026, 2, 1)) == 0  # due today is not late
	assert p.hari_tunggak(tagihan, date(2026, 2, 11)) == 10
	assert p.hari_tunggak(tagihan, date(2026, 5, 3)) == 91
	assert p.kelas(p.hari_tunggak(tagihan, date(2026, 5, 3))).nama == "Kurang Lancar"
	assert p.hari_tunggak([], date(2026, 5, 3)) == 0


def test_early_settlement_rules_for_the_remaining_jasa():
	from datetime import date

	tagihan = [
		p.Tagihan(1, date(2026, 1, 1), denda=100, jasa=1_000, pokok=10_000),
		p.Tagihan(2, date(2026, 2, 1), jasa=900, pokok=10_000),
		p.Tagihan(3, date(2026, 3, 1), jasa=800, pokok=10_000),
	]
	hari = date(2026, 1, 15)
	total = {a: sum(t.total for t in p.tagihan_pelunasan(tagihan, hari, a)) for a in p.ATURAN_PELUNASAN}
	assert total[p.PELUNASAN_SELURUH] == 30_100 + 2_700
	assert total[p.PELUNASAN_BERJALAN] == 30_100 + 1_000 + 900
	assert total[p.PELUNASAN_JATUH_TEMPO] == 30_100 + 1_000
	with pytest.raises(ValueError):
		p.tagihan_pelunasan(tagihan, hari, "Bebas")


def test_billed_fees_are_settled_first_and_count_as_overdue():
	from datetime import date

	tagihan = [p.Tagihan(1, date(2026, 1, 1), jasa=1_000, pokok=10_000, biaya=2_500)]
	bagian, sisa = p.alokasi_angsuran(3_000, tagihan)
	assert bagian == [(1, {"biaya": 2_500, "denda": 0, "jasa": 500, "pokok": 0})] and sisa == 0
	assert p.hari_tunggak([p.Tagihan(1, date(2026, 1, 1), biaya=1)], date(2026, 1, 5)) == 4


def test_whole_months_of_membership():
	from datetime import date

	assert p.bulan_penuh(date(2026, 1, 15), date(2026, 4, 14)) == 2
	assert p.bulan_penuh(date(2026, 1, 15), date(2026, 4, 15)) == 3
	assert p.bulan_penuh(date(2025, 12, 31), date(2026, 1, 30)) == 0


def test_provision_per_class_sums_to_the_total():
	loans = [(10_000_000, 0), (5_000_000, 30), (2_000_000, 100), (1_000_000, 200), (333_333, 95)]
	per = p.ppap_per_kelas(loans)
	assert [k.kelas.nama for k in per] == [k.nama for k in p.LIMA_KELAS]
	kl = next(k for k in per if k.kelas.nama == "Kurang Lancar")
	assert (kl.jumlah_pinjaman, kl.outstanding, kl.wajib) == (2, 2_333_333, 350_000)  # 349,999.95 -> 350,000
	assert p.ppap_wajib(loans) == sum(k.wajib for k in per)
	assert [k.jumlah_pinjaman for k in p.ppap_per_kelas([], p.EMPAT_KELAS)] == [0, 0, 0, 0]


def test_arrears_aging_buckets():
	from datetime import date

	tagihan = [
		p.Tagihan(1, date(2026, 1, 5), denda=9_999, jasa=45_000, pokok=500_000),
		p.Tagihan(2, date(2026, 2, 5), jasa=37_500, pokok=500_000, biaya=10_000),
		p.Tagihan(3, date(2026, 4, 5), jasa=30_000, pokok=500_000),
		p.Tagihan(4, date(2026, 5, 5), jasa=22_500, pokok=500_000),  # not yet due
	]
	# on 10 April: 95, 64 and 5 days late; denda is not arrears of an instalment
	assert p.umur_tunggakan(tagihan, date(2026, 4, 10)) == {
		1: 530_000,
		31: 0,
		61: 547_500,
		91: 545_000,
		181: 0,
	}
	assert p.umur_tunggakan(tagihan, date(2026, 1, 5)) == {1: 0, 31: 0, 61: 0, 91: 0, 181: 0}


def test_restructuring_carries_the_arrears_and_drops_jasa_not_yet_due():
	from datetime import date

	tagihan = [
		p.Tagihan(1, date(2026, 1, 5), denda=0, jasa=0, pokok=0),  # paid
		p.Tagihan(2, date(2026, 2, 5), denda=1_200, jasa=37_500, pokok=500_000, biaya=10_000),
		p.Tagihan(3, date(2026, 3, 5), denda=300, jasa=30_000, pokok=500_000),
		p.Tagihan(4, date(2026, 4, 5), jasa=22_500, pokok=500_000),
	]
	r = p.restrukturisasi(tagihan, date(2026, 3, 20))
	assert (r.sisa_pokok, r.jasa, r.denda, r.biaya) == (1_500_000, 67_500, 1_500, 10_000)
	assert r.dibawa == 79_000


def test_eligibility_reasons():
	syarat = p.Syarat(minimal_bulan_anggota=3, wajib_lunas=True, kelipatan_simpanan=Decimal(5))
	assert p.tidak_layak(syarat, 3_000_000, 12, 0, None, 600_000) == []
	assert p.tidak_layak(syarat, 3_000_001, 2, 40_000, "Macet", 600_000) == [
		("bulan_anggota", 3, 2),
		("tunggakan_wajib", 40_000),
		("kelas_terburuk", "Macet"),
		("kelipatan_simpanan", Decimal(5), 3_000_000),
	]
	# conditions the product does not set are not checked
	assert p.tidak_layak(p.Syarat(), 10**9, 0, 99_000, None, 0) == []


def test_ketentuan_bills_the_fee_with_the_first_instalment_as_the_member_was_told():
	from koperasi_merah_putih.rules.pinjaman import DIPOTONG_SAAT_PENCAIRAN, ketentuan

	k = ketentuan(
		500_000,
		3,
		Decimal("12"),
		"Per Bulan",
		"Flat",
		[(DIPOTONG_SAAT_PENCAIRAN, 5_000), (p.DITAGIH_DENGAN_ANGSURAN, 40_000)],
	)
	assert [a.total + b for a, b in k.angsuran] == [266_667, 226_667, 226_666]
	assert k.angsuran_pertama == 266_667
	assert (k.dipotong, k.ditagih, k.diterima, k.total_jasa) == (5_000, 40_000, 495_000, 180_000)
	assert k.total_bayar == 500_000 + 180_000 + 40_000


def _cicilan(ke, bulan, pokok=100_000, jasa=10_000, **kw):
	return p.Cicilan(ke=ke, jatuh_tempo=date(2026, bulan, 10), pokok=pokok, jasa=jasa, **kw)


def test_running_denda_never_drops_below_what_was_charged():
	aturan = p.AturanDenda(tarif=1, basis=p.PER_HARI, hari_toleransi=3)
	c = _cicilan(1, 1)
	# 110,000 late, 5 days past the 3 grace days: 1% a day
	assert p.denda_berjalan(c, aturan, date(2026, 1, 18)) == 5_500
	assert p.denda_berjalan(c, aturan, date(2026, 1, 12)) == 0
	assert p.denda_berjalan(_cicilan(1, 1, denda=9_000), aturan, date(2026, 1, 18)) == 9_000
	assert p.denda_berjalan(_cicilan(1, 1, denda=700), None, date(2026, 3, 1)) == 700
	# paid pokok and jasa run no denda
	lunas = _cicilan(1, 1, pokok_dibayar=100_000, jasa_dibayar=10_000)
	assert lunas.lunas and p.denda_berjalan(lunas, aturan, date(2026, 2, 1)) == 0


def test_position_of_a_loan_from_its_schedule():
	aturan = p.AturanDenda(tarif=1, basis=p.PER_HARI)
	rows = [
		_cicilan(1, 1, pokok_dibayar=100_000, jasa_dibayar=10_000),
		_cicilan(2, 2, jasa_dibayar=10_000),
		_cicilan(3, 3),
	]
	pos = p.posisi(rows, aturan, date(2026, 2, 15))
	assert pos.sisa_pokok == 200_000 and pos.sisa_biaya == 0
	assert pos.denda_terutang == 5_000  # 100,000 five days late at 1%
	assert pos.jatuh_tempo_berikutnya == date(2026, 2, 10)
	assert pos.angsuran_berikutnya == 105_000
	assert pos.hari_tunggakan == 5 and pos.kolektibilitas == "Dalam Perhatian Khusus"
	assert not pos.lunas
	selesai = [_cicilan(1, 1, pokok_dibayar=100_000, jasa_dibayar=10_000)]
	assert p.posisi(selesai, aturan, date(2026, 3, 1)).lunas
	# a denda charged and not paid keeps the loan open
	assert not p.posisi(
		[_cicilan(1, 1, pokok_dibayar=100_000, jasa_dibayar=10_000, denda=500)], aturan, date(2026, 3, 1)
	).lunas


def test_a_payment_of_the_payoff_settles_and_waives_the_jasa_not_yet_due():
	owed = p.sisa_tagihan([_cicilan(1, 1), _cicilan(2, 2), _cicilan(3, 3)], None, date(2026, 1, 20))
	# Jasa Bulan Berjalan: the next instalment's jasa is charged, the one after is waived
	payoff = 300_000 + 10_000 + 10_000
	b = p.bayar(payoff, owed, date(2026, 1, 20), p.PELUNASAN_BERJALAN)
	assert b.pelunasan and b.payoff == payoff and b.kelebihan == 0
	assert b.dibebaskan == {3: 10_000}
	assert sum(sum(x.values()) for _ke, x in b.bagian) == payoff
	# less than the payoff is an instalment, oldest first, nothing waived
	b = p.bayar(150_000, owed, date(2026, 1, 20), p.PELUNASAN_BERJALAN)
	assert not b.pelunasan and b.dibebaskan == {} and [ke for ke, _x in b.bagian] == [1, 2]
	# more than the payoff is left over
	# Seluruh Sisa Jasa charges all of it
	b = p.bayar(payoff + 10_000 + 1_000, owed, date(2026, 1, 20), p.PELUNASAN_SELURUH)
	assert b.pelunasan and b.payoff == payoff + 10_000 and b.kelebihan == 1_000 and b.dibebaskan == {}


def test_a_repayment_applied_to_an_instalment_and_taken_back():
	c = _cicilan(1, 1, denda=100)
	bagian = {"denda": 400, "jasa": 10_000, "pokok": 100_000}
	baru = p.terapkan_bayar(c, bagian)
	assert baru.lunas and baru.denda == 400 and baru.denda_dibayar == 400
	assert p.terapkan_bayar(baru, bagian, arah=-1) == p.Cicilan(
		ke=1, jatuh_tempo=c.jatuh_tempo, pokok=100_000, jasa=10_000, denda=400
	)
	dibebaskan = p.terapkan_bayar(_cicilan(3, 3), {}, dibebaskan=10_000)
	assert dibebaskan.jasa == 0 and not dibebaskan.lunas


def test_allocation_order_of_a_product():
	assert p.urutan_alokasi("pokok, jasa, denda") == ("pokok", "jasa", "denda")
	assert p.urutan_alokasi("pokok, jasa") == p.URUTAN_BAKU
	assert p.urutan_alokasi(None) == p.URUTAN_BAKU
