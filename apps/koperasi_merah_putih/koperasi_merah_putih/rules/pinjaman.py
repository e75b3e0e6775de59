"""Loan (pinjaman) rules: instalment schedules (flat, menurun, anuitas), the effective annual rate,
late penalty (denda), allocation of a repayment, collectibility by days past due, the NPL ratio and
the provision (PPAP) it requires. No frappe import; money in whole rupiah (int).

Domain (../shared/DESIGN.md): rates are quoted per month or per year, so the basis is stored with
the rate and the effective annual rate is always shown; schedules sum exactly to the principal
(the rounding residue in the last instalment). Official KDMP demo: Rp500,000, 3 months, flat 12%
a month: instalments 226,667, 226,667, 226,666, each with jasa 60,000.
"""

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from koperasi_merah_putih.rules.ditolak import Ditolak
from koperasi_merah_putih.rules.uang import bagi_rata, bulat

FLAT = "Flat"
MENURUN = "Menurun"
ANUITAS = "Anuitas"
METODE = (FLAT, MENURUN, ANUITAS)

PER_BULAN = "Per Bulan"
PER_TAHUN = "Per Tahun"
PER_HARI = "Per Hari"

BASIS_TARIF = (PER_BULAN, PER_TAHUN)
BASIS_DENDA = (PER_HARI, PER_BULAN)

PERSEN = "Persen"
TETAP = "Tetap"
DASAR_BIAYA = (PERSEN, TETAP)
JENIS_BIAYA = ("Administrasi", "Provisi", "Asuransi")

# a loan's status
DRAFT, AKTIF, LUNAS, HAPUS_BUKU, DIBATALKAN = "Draft", "Aktif", "Lunas", "Dihapusbukukan", "Dibatalkan"
STATUS = (DRAFT, AKTIF, LUNAS, HAPUS_BUKU, DIBATALKAN)

# an application's status, and where it came from
DIAJUKAN, DISETUJUI, DITOLAK, DICAIRKAN = "Diajukan", "Disetujui", "Ditolak", "Dicairkan"
STATUS_PENGAJUAN = (DIAJUKAN, DISETUJUI, DITOLAK, DICAIRKAN, DIBATALKAN)
DESK, PORTAL = "Desk", "Portal"
SUMBER_PENGAJUAN = (DESK, PORTAL)
HUBUNGAN_PENJAMIN = ("Suami/Istri", "Orang Tua", "Anak", "Saudara Kandung", "Lainnya")

# a repayment: (part of) instalments, or the settlement of the whole loan
ANGSURAN, PELUNASAN = "Angsuran", "Pelunasan"
JENIS_ANGSURAN = (ANGSURAN, PELUNASAN)

# the loan settings: the collectibility table, and a payment above the payoff
SKEMA_LIMA, SKEMA_EMPAT, SKEMA_KUSTOM = "Lima Kelas (Bank)", "Empat Kelas (Kemenkop)", "Kustom"
SKEMA_KELAS = (SKEMA_LIMA, SKEMA_EMPAT, SKEMA_KUSTOM)
TOLAK, KE_SUKARELA = "Tolak", "Pindahkan ke Simpanan Sukarela"
KELEBIHAN_BAYAR = (TOLAK, KE_SUKARELA)

DENDA, JASA, POKOK, BIAYA = "denda", "jasa", "pokok", "biaya"
URUTAN_BAKU = (DENDA, JASA, POKOK)
URUTAN_ALOKASI = ("denda, jasa, pokok", "jasa, pokok, denda", "pokok, jasa, denda")


class PinjamanDitolak(Ditolak):
	"""A loan, repayment or setting that must not happen."""


def tarif_bulanan(tarif, basis: str) -> Decimal:
	"""The rate per month as a fraction (1.5 per month -> 0.015; 18 per year -> 0.015)."""
	t = Decimal(str(tarif)) / 100
	if basis == PER_BULAN:
		return t
	if basis == PER_TAHUN:
		return t / 12
	raise ValueError(basis)


@dataclass(frozen=True)
class Angsuran:
	ke: int
	pokok: int
	jasa: int
	sisa_pokok: int  # principal outstanding after this instalment

	@property
	def total(self) -> int:
		return self.pokok + self.jasa


def jadwal(pokok: int, tenor: int, tarif, basis: str, metode: str) -> list[Angsuran]:
	"""The instalments of a loan of `pokok` over `tenor` months.

	- Flat: jasa = principal x monthly rate every month; principal in equal parts.
	- Menurun: principal in equal parts; jasa on the principal still outstanding.
	- Anuitas: equal instalments (PMT), jasa on the outstanding principal, the rest principal;
	  the last instalment takes what is left of the principal.
	"""
	if pokok <= 0:
		raise PinjamanDitolak("pokok", pokok)
	if tenor <= 0:
		raise PinjamanDitolak("tenor", tenor)
	if metode not in METODE:
		raise ValueError(metode)
	r = tarif_bulanan(tarif, basis)
	if r < 0:
		raise PinjamanDitolak("tarif", tarif)
	out, sisa = [], pokok
	if metode in (FLAT, MENURUN) or r == 0:
		bagian = bagi_rata(pokok, tenor)
		for i, p in enumerate(bagian, 1):
			jasa = bulat(Decimal(pokok) * r) if metode == FLAT else bulat(Decimal(sisa) * r)
			sisa -= p
			out.append(Angsuran(i, p, jasa, sisa))
		return out
	cicilan = bulat(Decimal(pokok) * r / (1 - (1 + r) ** -tenor))
	for i in range(1, tenor + 1):
		jasa = bulat(Decimal(sisa) * r)
		p = sisa if i == tenor else min(cicilan - jasa, sisa)
		sisa -= p
		out.append(Angsuran(i, p, jasa, sisa))
	return out


def biaya(jumlah: int, dasar: str, nilai) -> int:
	"""A loan fee (administrasi, provisi, asuransi): a percentage of the principal, or a fixed
	amount; whole rupiah, half up."""
	if dasar == PERSEN:
		return bulat(Decimal(jumlah) * Decimal(str(nilai)) / 100)
	if dasar == TETAP:
		return bulat(Decimal(str(nilai)))
	raise ValueError(dasar)


def pmt(pokok: int, tenor: int, tarif_bulan: Decimal) -> Decimal:
	"""Excel's PMT (as a positive amount) for a monthly rate; for checking the anuitas schedule."""
	r = Decimal(str(tarif_bulan))
	if r == 0:
		return Decimal(pokok) / tenor
	return Decimal(pokok) * r / (1 - (1 + r) ** -tenor)


def suku_efektif_tahunan(pokok: int, angsuran: list[int]) -> Decimal:
	"""The effective annual rate in percent: the monthly rate that discounts the instalments to the
	principal (internal rate of return, found by bisection), compounded over 12 months."""
	if pokok <= 0 or not angsuran:
		raise ValueError("pokok and angsuran are required")
	if sum(angsuran) <= pokok:
		return Decimal(0)

	def nilai_kini(i: Decimal) -> Decimal:
		return sum(Decimal(a) / (1 + i) ** k for k, a in enumerate(angsuran, 1))

	lo, hi = Decimal(0), Decimal(1)
	while nilai_kini(hi) > pokok:
		hi *= 2
	for _ in range(200):
		mid = (lo + hi) / 2
		if nilai_kini(mid) > pokok:
			lo = mid
		else:
			hi = mid
	bulanan = (lo + hi) / 2
	return ((1 + bulanan) ** 12 - 1) * 100


def denda(terlambat: int, hari: int, tarif, basis: str = PER_HARI, hari_toleransi: int = 0) -> int:
	"""Late penalty on an overdue amount after `hari` days late: none within the grace days; per
	day on every day past them, or per started month (30 days) past them."""
	if terlambat <= 0:
		return 0
	hari_kena = max(hari - max(hari_toleransi, 0), 0)
	if not hari_kena:
		return 0
	t = Decimal(str(tarif)) / 100
	if basis == PER_HARI:
		return bulat(Decimal(terlambat) * t * hari_kena)
	if basis == PER_BULAN:
		bulan = -(-hari_kena // 30)
		return bulat(Decimal(terlambat) * t * bulan)
	raise ValueError(basis)


def alokasi(bayar: int, tagihan: dict[str, int], urutan=URUTAN_BAKU) -> tuple[dict[str, int], int]:
	"""Split a repayment over what is due, in the product's order (default denda, jasa, pokok).
	Returns the amount per component and what is left over (an overpayment)."""
	if bayar <= 0:
		raise PinjamanDitolak("bayar", bayar)
	sisa, out = bayar, {}
	for komponen in urutan:
		ambil = min(sisa, max(int(tagihan.get(komponen, 0)), 0))
		out[komponen] = ambil
		sisa -= ambil
	return out, sisa


@dataclass
class Tagihan:
	"""What is still owed on one instalment."""

	ke: int
	jatuh_tempo: date
	denda: int = 0
	jasa: int = 0
	pokok: int = 0
	biaya: int = 0  # fees billed with the instalment (always settled first)

	@property
	def total(self) -> int:
		return self.biaya + self.denda + self.jasa + self.pokok


def alokasi_angsuran(
	bayar: int, tagihan: list[Tagihan], urutan=URUTAN_BAKU
) -> tuple[list[tuple[int, dict[str, int]]], int]:
	"""Split a repayment over the instalments, oldest first; within each instalment in the
	product's order, after any fee billed with it. Returns [(ke, {biaya, denda, jasa, pokok})] for
	the instalments touched and what is left over (an overpayment)."""
	if bayar <= 0:
		raise PinjamanDitolak("bayar", bayar)
	sisa, out = bayar, []
	for t in sorted(tagihan, key=lambda t: (t.jatuh_tempo, t.ke)):
		if not sisa:
			break
		if t.total <= 0:
			continue
		bagian, sisa = alokasi(
			sisa, {BIAYA: t.biaya, DENDA: t.denda, JASA: t.jasa, POKOK: t.pokok}, (BIAYA, *urutan)
		)
		out.append((t.ke, bagian))
	return out, sisa


@dataclass(frozen=True)
class AturanDenda:
	"""A product's late-payment charge: the rate, per day or per started month, after the grace days."""

	tarif: Decimal | float | int = 0
	basis: str = PER_HARI
	hari_toleransi: int = 0


@dataclass(frozen=True)
class Cicilan:
	"""An instalment as the schedule stores it: what falls due, what has been paid of it, and the denda
	charged so far."""

	ke: int
	jatuh_tempo: date
	pokok: int = 0
	jasa: int = 0
	biaya: int = 0
	denda: int = 0
	pokok_dibayar: int = 0
	jasa_dibayar: int = 0
	biaya_dibayar: int = 0
	denda_dibayar: int = 0

	@property
	def lunas(self) -> bool:
		"""Paid off: its pokok, jasa and fee are paid (denda alone does not keep it open)."""
		return (
			self.pokok_dibayar >= self.pokok
			and self.jasa_dibayar >= self.jasa
			and self.biaya_dibayar >= self.biaya
		)

	@property
	def terlambat(self) -> int:
		"""The pokok and jasa of it still unpaid (what denda runs on)."""
		return self.pokok - self.pokok_dibayar + self.jasa - self.jasa_dibayar


def denda_berjalan(c: Cicilan, aturan: AturanDenda | None, hari_ini: date) -> int:
	"""The denda an instalment has run up to `hari_ini`: never less than what was already charged
	(the daily job's accruals stay); without a rule, what was charged."""
	if aturan is None:
		return c.denda
	baru = denda(
		c.terlambat, (hari_ini - c.jatuh_tempo).days, aturan.tarif, aturan.basis, aturan.hari_toleransi
	)
	return max(c.denda, baru)


def sisa_tagihan(cicilan: list[Cicilan], aturan: AturanDenda | None, hari_ini: date) -> list[Tagihan]:
	"""What is still owed on each instalment, denda accrued to `hari_ini`."""
	return [
		Tagihan(
			ke=c.ke,
			jatuh_tempo=c.jatuh_tempo,
			denda=denda_berjalan(c, aturan, hari_ini) - c.denda_dibayar,
			jasa=c.jasa - c.jasa_dibayar,
			pokok=c.pokok - c.pokok_dibayar,
			biaya=c.biaya - c.biaya_dibayar,
		)
		for c in cicilan
	]


@dataclass(frozen=True)
class Posisi:
	"""A loan's position on a day, as the Pinjaman's summary fields show it."""

	sisa_pokok: int
	sisa_biaya: int
	denda_terutang: int
	jatuh_tempo_berikutnya: date | None
	angsuran_berikutnya: int
	hari_tunggakan: int
	kolektibilitas: str
	lunas: bool  # nothing at all is left to pay


def posisi(cicilan: list[Cicilan], aturan: AturanDenda | None, hari_ini: date, tabel=None) -> Posisi:
	"""The position of a loan from its schedule: outstanding principal and fees, denda owed, the next
	instalment, days past due and the collectibility class they put it in."""
	owed = sisa_tagihan(cicilan, aturan, hari_ini)
	berikut = next((t for t in owed if t.biaya + t.jasa + t.pokok > 0), None)
	hari = hari_tunggak(owed, hari_ini)
	sisa_pokok = sum(t.pokok for t in owed)
	sisa_biaya = sum(t.biaya for t in owed)
	denda_terutang = sum(t.denda for t in owed)
	return Posisi(
		sisa_pokok=sisa_pokok,
		sisa_biaya=sisa_biaya,
		denda_terutang=denda_terutang,
		jatuh_tempo_berikutnya=berikut.jatuh_tempo if berikut else None,
		angsuran_berikutnya=berikut.total if berikut else 0,
		hari_tunggakan=hari,
		kolektibilitas=kelas(hari, tabel or LIMA_KELAS).nama,
		lunas=not (sisa_pokok or sisa_biaya or denda_terutang or sum(t.jasa for t in owed)),
	)


def hari_tunggak(tagihan: list[Tagihan], hari_ini: date) -> int:
	"""Days past due: since the oldest instalment due on or before `hari_ini` with jasa or pokok
	unpaid (denda alone does not make a loan overdue)."""
	lewat = [t.jatuh_tempo for t in tagihan if (t.biaya + t.jasa + t.pokok) > 0 and t.jatuh_tempo < hari_ini]
	return (hari_ini - min(lewat)).days if lewat else 0


def bulan_penuh(dari: date, sampai: date) -> int:
	"""Whole months from `dari` to `sampai` (membership length: 15 Jan to 14 Apr is 2)."""
	return (sampai.year - dari.year) * 12 + sampai.month - dari.month - (sampai.day < dari.day)


@dataclass(frozen=True)
class Syarat:
	"""A product's eligibility conditions (0 or empty: not required)."""

	minimal_bulan_anggota: int = 0
	wajib_lunas: bool = False
	kelipatan_simpanan: Decimal = Decimal(0)


def tidak_layak(
	syarat: Syarat,
	jumlah: int,
	bulan_anggota: int,
	tunggakan_wajib: int,
	pinjaman_kelas_terburuk: str | None,
	simpanan: int,
) -> list[tuple]:
	"""The conditions a member does not meet, as (code, figures...) for the message: membership
	months, wajib arrears, a loan in the worst collectibility class, the loan's size against the
	member's savings."""
	alasan = []
	if syarat.minimal_bulan_anggota and bulan_anggota < syarat.minimal_bulan_anggota:
		alasan.append(("bulan_anggota", syarat.minimal_bulan_anggota, max(bulan_anggota, 0)))
	if syarat.wajib_lunas and tunggakan_wajib > 0:
		alasan.append(("tunggakan_wajib", tunggakan_wajib))
	if pinjaman_kelas_terburuk:
		alasan.append(("kelas_terburuk", pinjaman_kelas_terburuk))
	if syarat.kelipatan_simpanan:
		batas = bulat(syarat.kelipatan_simpanan * simpanan)
		if jumlah > batas:
			alasan.append(("kelipatan_simpanan", syarat.kelipatan_simpanan, batas))
	return alasan


# what an early settlement (pelunasan) charges of the jasa not yet due
PELUNASAN_SELURUH = "Seluruh Sisa Jasa"
PELUNASAN_BERJALAN = "Jasa Bulan Berjalan"
PELUNASAN_JATUH_TEMPO = "Jasa Jatuh Tempo Saja"
ATURAN_PELUNASAN = (PELUNASAN_BERJALAN, PELUNASAN_SELURUH, PELUNASAN_JATUH_TEMPO)


def tagihan_pelunasan(tagihan: list[Tagihan], hari_ini: date, aturan: str) -> list[Tagihan]:
	"""What settles the loan today: all denda and pokok still owed, and of the jasa not yet due
	all of it (seluruh sisa jasa), the current period's (jasa bulan berjalan: the next instalment
	falling due), or none (jasa jatuh tempo saja)."""
	if aturan not in ATURAN_PELUNASAN:
		raise ValueError(aturan)
	out, berjalan_diambil = [], False
	for t in sorted(tagihan, key=lambda t: (t.jatuh_tempo, t.ke)):
		jasa = t.jasa
		if t.jatuh_tempo > hari_ini:
			if aturan == PELUNASAN_JATUH_TEMPO or (aturan == PELUNASAN_BERJALAN and berjalan_diambil):
				jasa = 0
			berjalan_diambil = True
		out.append(Tagihan(t.ke, t.jatuh_tempo, t.denda, jasa, t.pokok, t.biaya))
	return out


def urutan_alokasi(teks: str | None) -> tuple[str, ...]:
	"""A product's allocation order ("denda, jasa, pokok" in any order); anything else is the default."""
	urutan = tuple(x.strip() for x in (teks or "").split(","))
	return urutan if sorted(urutan) == sorted(URUTAN_BAKU) else URUTAN_BAKU


@dataclass(frozen=True)
class Pembayaran:
	"""How a repayment lands on a loan's schedule."""

	pelunasan: bool  # it settles the whole loan
	bagian: list  # [(ke, {biaya, denda, jasa, pokok})] for the instalments it touches
	dibebaskan: dict  # {ke: jasa waived}, on a settlement: the jasa not yet due the product does not charge
	kelebihan: int  # more than the payoff (refused, or moved to sukarela, by the settings)
	payoff: int  # what settles the loan on the day


def bayar(
	jumlah: int, owed: list[Tagihan], hari_ini: date, aturan_pelunasan: str, urutan=URUTAN_BAKU
) -> Pembayaran:
	"""Split a repayment of `jumlah` over what is owed. Paying the payoff or more is a settlement:
	it is split over what settles the loan by the product's rule, and the jasa not yet due that the
	rule leaves out is waived."""
	lunas = tagihan_pelunasan(owed, hari_ini, aturan_pelunasan)
	payoff = sum(t.total for t in lunas)
	pelunasan = jumlah >= payoff
	bagian, sisa = alokasi_angsuran(jumlah, lunas if pelunasan else owed, urutan)
	dibebaskan = {}
	if pelunasan:
		per_ke = {t.ke: t for t in owed}
		dibebaskan = {t.ke: per_ke[t.ke].jasa - t.jasa for t in lunas if per_ke[t.ke].jasa != t.jasa}
	return Pembayaran(pelunasan, bagian, dibebaskan, sisa, payoff)


def terapkan_bayar(c: Cicilan, bagian: dict, dibebaskan: int = 0, arah: int = 1) -> Cicilan:
	"""The instalment after a repayment's share of it (`arah` -1 takes it back, on a cancel). The
	denda charged is at least what has been paid of it (a payment accrues denda to its date)."""
	baru = replace(
		c,
		pokok_dibayar=c.pokok_dibayar + arah * int(bagian.get(POKOK, 0)),
		jasa_dibayar=c.jasa_dibayar + arah * int(bagian.get(JASA, 0)),
		biaya_dibayar=c.biaya_dibayar + arah * int(bagian.get(BIAYA, 0)),
		denda_dibayar=c.denda_dibayar + arah * int(bagian.get(DENDA, 0)),
		jasa=c.jasa - arah * int(dibebaskan),
	)
	if arah > 0 and baru.denda < baru.denda_dibayar:
		baru = replace(baru, denda=baru.denda_dibayar)
	return baru


@dataclass(frozen=True)
class Restrukturisasi:
	"""What a restructuring does with what is owed: the principal left is rescheduled; jasa due by
	the date, all denda and billed fees are carried into the first new instalment; jasa not yet
	due is dropped (the new schedule charges its own)."""

	sisa_pokok: int
	jasa: int
	denda: int
	biaya: int

	@property
	def dibawa(self) -> int:
		return self.jasa + self.denda + self.biaya


def restrukturisasi(tagihan: list[Tagihan], tanggal: date) -> Restrukturisasi:
	return Restrukturisasi(
		sisa_pokok=sum(t.pokok for t in tagihan),
		jasa=sum(t.jasa for t in tagihan if t.jatuh_tempo <= tanggal),
		denda=sum(t.denda for t in tagihan),
		biaya=sum(t.biaya for t in tagihan),
	)


# ---------------------------------------------------------------- collectibility and provisions
@dataclass(frozen=True)
class Kelas:
	nama: str
	dari_hari: int  # days past due from which a loan is in this class
	ppap_persen: Decimal  # provision required on the outstanding principal
	bermasalah: bool  # counts in the NPL ratio


# the bank-style five classes (often borrowed by cooperatives)
LIMA_KELAS = (
	Kelas("Lancar", 0, Decimal(1), False),
	Kelas("Dalam Perhatian Khusus", 1, Decimal(5), False),
	Kelas("Kurang Lancar", 91, Decimal(15), True),
	Kelas("Diragukan", 121, Decimal(50), True),
	Kelas("Macet", 181, Decimal(100), True),
)
# the Kemenkop health-check four classes (NPL = kurang lancar + diragukan + macet); days and rates
# are a preset to confirm with the cooperative's by-laws and the Dinas, editable per cooperative
EMPAT_KELAS = (
	Kelas("Lancar", 0, Decimal("0.5"), False),
	Kelas("Kurang Lancar", 91, Decimal(10), True),
	Kelas("Diragukan", 121, Decimal(50), True),
	Kelas("Macet", 181, Decimal(100), True),
)


def kelas(hari_tunggak: int, tabel=LIMA_KELAS) -> Kelas:
	"""The collectibility class of a loan with `hari_tunggak` days past due."""
	urut = sorted(tabel, key=lambda k: k.dari_hari)
	if not urut or urut[0].dari_hari != 0:
		raise ValueError("the table must start at 0 days")
	pilihan = urut[0]
	for k in urut:
		if max(hari_tunggak, 0) >= k.dari_hari:
			pilihan = k
	return pilihan


def rasio_npl(outstanding: list[tuple[int, int]], tabel=LIMA_KELAS) -> Decimal:
	"""Non-performing loans as a percentage of all loans: [(outstanding principal, days past due)]."""
	total = sum(o for o, _h in outstanding)
	if not total:
		return Decimal(0)
	bermasalah = sum(o for o, h in outstanding if kelas(h, tabel).bermasalah)
	return Decimal(bermasalah) * 100 / Decimal(total)


def kesehatan_npl(rasio) -> str:
	"""The Kemenkop category of an NPL ratio: up to 5% sehat, to 10% cukup sehat, to 15% kurang
	sehat, above tidak sehat."""
	r = Decimal(str(rasio))
	if r <= 5:
		return "Sehat"
	if r <= 10:
		return "Cukup Sehat"
	if r <= 15:
		return "Kurang Sehat"
	return "Tidak Sehat"


@dataclass(frozen=True)
class PosisiKelas:
	"""The loans of one collectibility class and the provision they require."""

	kelas: Kelas
	jumlah_pinjaman: int
	outstanding: int
	wajib: int  # outstanding x the class's rate, rounded to the rupiah


def ppap_per_kelas(outstanding: list[tuple[int, int]], tabel=LIMA_KELAS) -> list[PosisiKelas]:
	"""Every class of the table (in order of days), with its loans' count, outstanding principal
	and required provision: [(outstanding, days past due)] in."""
	urut = sorted(tabel, key=lambda k: k.dari_hari)
	per = {k.nama: [0, 0] for k in urut}
	for o, h in outstanding:
		g = per[kelas(h, tabel).nama]
		g[0] += 1
		g[1] += o
	return [
		PosisiKelas(k, per[k.nama][0], per[k.nama][1], bulat(Decimal(per[k.nama][1]) * k.ppap_persen / 100))
		for k in urut
	]


def ppap_wajib(outstanding: list[tuple[int, int]], tabel=LIMA_KELAS) -> int:
	"""The provision the loans require: each class's outstanding principal times its rate (rounded
	per class, as the provision journal books it)."""
	return sum(p.wajib for p in ppap_per_kelas(outstanding, tabel))


# ---------------------------------------------------------------- arrears aging
# the buckets of the arrears report, by days past due: (from, to); None is open-ended
UMUR_TUNGGAKAN = ((1, 30), (31, 60), (61, 90), (91, 180), (181, None))


def umur_tunggakan(tagihan: list[Tagihan], hari_ini: date, kelompok=UMUR_TUNGGAKAN) -> dict[int, int]:
	"""What is overdue (fees, jasa and pokok still owed on instalments past their due date) by
	bucket of days past due: {bucket's first day: amount}."""
	out = {dari: 0 for dari, _s in kelompok}
	for t in tagihan:
		hari = (hari_ini - t.jatuh_tempo).days
		if hari <= 0:
			continue
		for dari, sampai in kelompok:
			if hari >= dari and (sampai is None or hari <= sampai):
				out[dari] += t.biaya + t.jasa + t.pokok
	return out


DIPOTONG_SAAT_PENCAIRAN = "Dipotong saat Pencairan"
DITAGIH_DENGAN_ANGSURAN = "Ditagih"
CARA_BIAYA = (DIPOTONG_SAAT_PENCAIRAN, DITAGIH_DENGAN_ANGSURAN)


@dataclass(frozen=True)
class Ketentuan:
	"""The terms a member is told and then billed: one source for the simulation, the portal, the
	application, the loan and the restructuring."""

	angsuran: list  # [(Angsuran, billed fee in that instalment)]
	dipotong: int  # fees deducted at disbursement
	ditagih: int  # fees billed with the first instalment
	diterima: int  # what the member receives
	total_jasa: int
	suku_efektif_tahunan: Decimal

	@property
	def angsuran_pertama(self) -> int:
		a, biaya = self.angsuran[0]
		return a.total + biaya

	@property
	def total_bayar(self) -> int:
		return sum(a.total + biaya for a, biaya in self.angsuran)


def ketentuan(
	pokok: int, tenor: int, tarif, basis: str, metode: str, biaya: list[tuple[str, int]]
) -> Ketentuan:
	"""The schedule with the billed fees in the first instalment, the fees deducted, the net paid
	out and the effective annual rate. `biaya` is [(cara, amount)] per fee."""
	rows = jadwal(pokok, tenor, tarif, basis, metode)
	dipotong = sum(j for cara, j in biaya if cara == DIPOTONG_SAAT_PENCAIRAN)
	ditagih = sum(j for cara, j in biaya if cara != DIPOTONG_SAAT_PENCAIRAN)
	return Ketentuan(
		[(a, ditagih if a.ke == 1 else 0) for a in rows],
		dipotong,
		ditagih,
		pokok - dipotong,
		sum(a.jasa for a in rows),
		# on the member's own cash: what they receive, and every instalment with its billed fee
		suku_efektif_tahunan(pokok - dipotong, [a.total + (ditagih if a.ke == 1 else 0) for a in rows]),
	)
