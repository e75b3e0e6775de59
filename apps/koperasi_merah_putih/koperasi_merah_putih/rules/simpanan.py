"""Savings (simpanan) rules: what may be withdrawn, monthly wajib bills, jasa (interest) on sukarela,
and fixed-term deposits (berjangka). No frappe import; money in whole rupiah (int).

Domain (UU 25/1992 Art. 41; Permenkop UKM 8/2023): pokok is paid once and wajib monthly, neither
withdrawable while a member (refunded on exit); sukarela is withdrawable any time; berjangka at or
after maturity (earlier only if the product allows it, with a penalty).
"""

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from koperasi_merah_putih.rules.ditolak import Ditolak
from koperasi_merah_putih.rules.uang import bulat

POKOK = "Pokok"
WAJIB = "Wajib"
SUKARELA = "Sukarela"
BERJANGKA = "Berjangka"
JENIS = (POKOK, WAJIB, SUKARELA, BERJANGKA)

EKUITAS, KEWAJIBAN = "Ekuitas", "Kewajiban"
KLASIFIKASI = (EKUITAS, KEWAJIBAN)

SALDO_HARIAN = "Saldo Harian"
SALDO_TERENDAH = "Saldo Terendah Bulanan"
METODE_JASA = (SALDO_HARIAN, SALDO_TERENDAH)

SETORAN, PENARIKAN = "Setoran", "Penarikan"
JENIS_TRANSAKSI = (SETORAN, PENARIKAN)

# a time deposit (simpanan berjangka), and what is done with it at maturity
DRAF, AKTIF, DICAIRKAN, DIPERPANJANG, DIBATALKAN = "Draf", "Aktif", "Dicairkan", "Diperpanjang", "Dibatalkan"
STATUS_BERJANGKA = (DRAF, AKTIF, DICAIRKAN, DIPERPANJANG, DIBATALKAN)
CAIRKAN, PERPANJANG = "Cairkan", "Perpanjang"
TINDAKAN_JATUH_TEMPO = (CAIRKAN, PERPANJANG)

# a month's simpanan wajib bill
BELUM_DIBAYAR, SEBAGIAN, LUNAS, DITUTUP = "Belum Dibayar", "Sebagian", "Lunas", "Ditutup"
STATUS_TAGIHAN = (BELUM_DIBAYAR, SEBAGIAN, LUNAS, DITUTUP)


class TransaksiDitolak(Ditolak):
	"""A deposit or withdrawal that must not happen."""


class PenarikanDitolak(TransaksiDitolak):
	pass


class SetoranDitolak(TransaksiDitolak):
	pass


def periksa_jumlah(jumlah) -> int:
	"""A transaction amount: more than zero, in whole rupiah. Returns it as int."""
	if jumlah is None or not math.isfinite(jumlah) or jumlah <= 0:
		raise TransaksiDitolak("jumlah", jumlah)
	if jumlah != int(jumlah):
		raise TransaksiDitolak("bulat", jumlah)
	return int(jumlah)


def periksa_setoran(
	kategori: str, saldo: int, jumlah: int, setoran_minimal: int = 0, jumlah_pokok: int = 0
) -> None:
	"""Raise `SetoranDitolak` unless `jumlah` may be deposited on a balance of `saldo`.

	Pokok is one fixed amount per member: deposits may complete it, never exceed it.
	"""
	periksa_jumlah(jumlah)
	if setoran_minimal and jumlah < setoran_minimal:
		raise SetoranDitolak("minimal", setoran_minimal)
	if kategori == POKOK and saldo + jumlah > jumlah_pokok:
		raise SetoranDitolak("pokok", jumlah_pokok, saldo)


def periksa_penarikan(
	jenis: str,
	saldo: int,
	jumlah: int,
	tanggal: date | None = None,
	jatuh_tempo: date | None = None,
	saldo_minimal: int = 0,
	boleh_sebelum_jatuh_tempo: bool = False,
	keluar: bool = False,
) -> None:
	"""Raise `PenarikanDitolak` unless `jumlah` may be withdrawn from a balance of `saldo`.

	`keluar` is the exit settlement, the only way pokok and wajib come back. For berjangka,
	`jatuh_tempo` is the maturity date of the placement.
	"""
	if jumlah <= 0:
		raise PenarikanDitolak("jumlah", jumlah)
	if jenis in (POKOK, WAJIB) and not keluar:
		raise PenarikanDitolak("terkunci", jenis)
	if jenis == BERJANGKA and not keluar and not boleh_sebelum_jatuh_tempo:
		if jatuh_tempo and tanggal and tanggal < jatuh_tempo:
			raise PenarikanDitolak("belum_jatuh_tempo", jatuh_tempo)
	if jumlah > saldo:
		raise PenarikanDitolak("saldo", saldo, jumlah)
	if jenis == SUKARELA and not keluar and saldo - jumlah < saldo_minimal and saldo - jumlah != 0:
		raise PenarikanDitolak("saldo_minimal", saldo_minimal, saldo - jumlah)


# ---------------------------------------------------------------- monthly wajib bills
def bulan_ke(tanggal: date) -> tuple[int, int]:
	return (tanggal.year, tanggal.month)


def periode(tanggal: date) -> str:
	"""The billing period of a date, 'YYYY-MM'."""
	return f"{tanggal.year:04d}-{tanggal.month:02d}"


def parse_periode(teks: str) -> tuple[int, int]:
	"""'2026-11' -> (2026, 11); ValueError for anything else."""
	teks = str(teks or "")
	if (
		len(teks) != 7
		or teks[4] != "-"
		or not (teks[:4] + teks[5:]).isdigit()
		or not 1 <= int(teks[5:]) <= 12
	):
		raise ValueError(teks)
	return int(teks[:4]), int(teks[5:])


def akhir_periode(teks: str) -> date:
	"""The last day of a billing period: members who joined by then are billed for it."""
	tahun, bulan = parse_periode(teks)
	return date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def status_tagihan(jumlah: float, terbayar: float) -> str:
	if terbayar <= 0:
		return "Belum Dibayar"
	return "Lunas" if terbayar >= jumlah else "Sebagian"


def alokasi_ke_tagihan(tagihan: list[tuple[str, int]], jumlah: int) -> tuple[list[tuple[str, int]], int]:
	"""Settle bills oldest first. `tagihan` is [(key, amount still open)] in age order.

	Returns the [(key, amount paid)] for the bills touched and the part of `jumlah` left over
	(a deposit beyond the open bills stays on the wajib balance as an advance).
	"""
	if jumlah < 0:
		raise ValueError("jumlah must not be negative")
	bayar, sisa = [], jumlah
	for key, terbuka in tagihan:
		if sisa <= 0:
			break
		if terbuka <= 0:
			continue
		bagian = min(terbuka, sisa)
		bayar.append((key, bagian))
		sisa -= bagian
	return bayar, sisa


def tunggakan(tagihan: list[tuple[tuple[int, int], int]], pada: date) -> tuple[int, list[tuple[int, int]]]:
	"""Arrears on a date: the total open and the months owed ((year, month) with an open amount)
	among the bills of months up to and including the month of `pada`."""
	bulan = [b for b, terbuka in tagihan if terbuka > 0 and b <= bulan_ke(pada)]
	total = sum(terbuka for b, terbuka in tagihan if terbuka > 0 and b <= bulan_ke(pada))
	return total, sorted(bulan)


# ---------------------------------------------------------------- jasa simpanan (sukarela)
def saldo_harian(saldo_awal: int, mutasi: list[tuple[date, int]], awal: date, akhir: date) -> list[int]:
	"""End-of-day balance for each day from `awal` to `akhir` inclusive.

	`saldo_awal` is the balance at the start of `awal`; `mutasi` are (date, +deposit/-withdrawal)
	movements, those before `awal` already counted in `saldo_awal`.
	"""
	per_hari: dict[date, int] = {}
	for tanggal, delta in mutasi:
		if awal <= tanggal <= akhir:
			per_hari[tanggal] = per_hari.get(tanggal, 0) + delta
	saldo, out, hari = saldo_awal, [], awal
	while hari <= akhir:
		saldo += per_hari.get(hari, 0)
		out.append(saldo)
		hari += timedelta(days=1)
	return out


def jasa_bulanan(
	metode: str,
	saldo_awal: int,
	mutasi: list[tuple[date, int]],
	awal: date,
	akhir: date,
	tarif_tahunan: Decimal,
	saldo_minimal: int = 0,
	hari_setahun: int = 365,
) -> int:
	"""Jasa (interest) for one period, in whole rupiah.

	- Saldo Harian: each day's end balance at or above the minimum earns rate/365 for that day.
	- Saldo Terendah Bulanan: the period's lowest end-of-day balance earns rate/12, if it is at or
	  above the minimum.
	"""
	tarif = Decimal(str(tarif_tahunan)) / 100
	harian = saldo_harian(saldo_awal, mutasi, awal, akhir)
	if metode == SALDO_HARIAN:
		total = sum(Decimal(s) for s in harian if s >= saldo_minimal and s > 0)
		return bulat(total * tarif / hari_setahun)
	if metode == SALDO_TERENDAH:
		terendah = min(harian) if harian else 0
		if terendah < saldo_minimal or terendah <= 0:
			return 0
		return bulat(Decimal(terendah) * tarif / 12)
	raise ValueError(metode)


def saldo_dasar(metode: str, harian: list[int]) -> int:
	"""The balance the jasa was earned on, for the breakdown: the period's lowest end-of-day balance
	(Saldo Terendah Bulanan) or its average end-of-day balance (Saldo Harian), whole rupiah down."""
	if not harian:
		return 0
	return min(harian) if metode == SALDO_TERENDAH else sum(harian) // len(harian)


def pajak_jasa(jasa: int, ambang: int = 240000, tarif_persen: Decimal = Decimal(10)) -> int:
	"""Withholding tax on jasa simpanan: final 10% on jasa above Rp240,000 a month, on the whole
	amount (PP 15/2009 on interest paid to cooperative members); 0 at or below the threshold."""
	if jasa <= ambang:
		return 0
	return bulat(Decimal(jasa) * Decimal(str(tarif_persen)) / 100)


# ---------------------------------------------------------------- simpanan berjangka
@dataclass(frozen=True)
class Berjangka:
	pokok: int
	tarif_tahunan: Decimal
	tenor_bulan: int
	mulai: date

	@property
	def jatuh_tempo(self) -> date:
		return self.mulai + relativedelta(months=self.tenor_bulan)

	def bunga_per_bulan(self) -> int:
		return bulat(Decimal(self.pokok) * Decimal(str(self.tarif_tahunan)) / 100 / 12)

	def bunga_total(self) -> int:
		return bulat(Decimal(self.pokok) * Decimal(str(self.tarif_tahunan)) / 100 * self.tenor_bulan / 12)

	def penalti(self, tanggal: date, penalti_persen: Decimal) -> int:
		"""Early-withdrawal penalty: a percentage of the principal, nothing at or after maturity."""
		if tanggal >= self.jatuh_tempo:
			return 0
		return bulat(Decimal(self.pokok) * Decimal(str(penalti_persen)) / 100)


def pajak_jasa_berjangka(jasa: int, tenor_bulan: int, ambang: int = 240000, tarif_persen=Decimal(10)) -> int:
	"""Withholding tax on berjangka jasa paid at maturity: the PP 15/2009 threshold is monthly, so
	the jasa of a term is taxed (all of it) when its monthly share is above the threshold."""
	if tenor_bulan <= 0 or Decimal(jasa) / tenor_bulan <= ambang:
		return 0
	return pajak_jasa(jasa, 0, tarif_persen)


@dataclass(frozen=True)
class HasilPencairan:
	"""What a berjangka placement yields when it is closed or rolled over on a date."""

	jasa: int
	pajak: int
	penalti: int

	@property
	def jasa_bersih(self) -> int:
		return self.jasa - self.pajak

	def dibayar(self, pokok: int, cairkan: bool, jasa_ditambahkan: bool = False) -> int:
		"""Paid to the member: on closing, principal less penalty plus net jasa; on a roll-over,
		the net jasa unless it is added to the new principal."""
		if cairkan:
			return pokok - self.penalti + self.jasa_bersih
		return 0 if jasa_ditambahkan else self.jasa_bersih


def pencairan_berjangka(
	b: Berjangka,
	tanggal: date,
	boleh_sebelum_jatuh_tempo: bool = False,
	penalti_persen=Decimal(0),
	potong_pajak: bool = False,
	ambang_pajak: int = 240000,
	tarif_pajak=Decimal(10),
) -> HasilPencairan:
	"""At or after maturity: the term's jasa (less withholding tax). Before it: refused, unless the
	product allows early withdrawal, which earns no jasa and costs the penalty."""
	if tanggal < b.jatuh_tempo:
		if not boleh_sebelum_jatuh_tempo:
			raise PenarikanDitolak("belum_jatuh_tempo", b.jatuh_tempo)
		return HasilPencairan(0, 0, b.penalti(tanggal, penalti_persen))
	jasa = b.bunga_total()
	pajak = pajak_jasa_berjangka(jasa, b.tenor_bulan, ambang_pajak, tarif_pajak) if potong_pajak else 0
	return HasilPencairan(jasa, pajak, 0)


def tarif_berjangka(tarif_produk: Decimal, diminta: Decimal | None, tertinggi: Decimal | None) -> Decimal:
	"""The jasa rate of a fixed-term placement: the product's, unless a special rate is asked for,
	which must lie between 0 and the product's highest special rate (by default its own rate, so a
	special rate can only be lower). Whether the person asking may grant it is the caller's check."""
	if diminta is None or diminta == tarif_produk:
		return tarif_produk
	batas = tertinggi if tertinggi else tarif_produk
	if diminta < 0 or diminta > max(batas, tarif_produk):
		raise TransaksiDitolak("tarif_khusus", diminta, max(batas, tarif_produk))
	return diminta
