"""The year-end surplus (SHU): its split into the by-laws' allocations, the members' part into jasa
modal and jasa usaha, each member's share, the cooperative's income tax, a loss year, the RAT's
quorum and the indicative health ratios. No frappe import.

Every split is in whole rupiah and sums exactly to what it splits (largest remainder,
`uang.alokasi_proporsional`): SHU = allocations; members' part = jasa modal + jasa usaha;
jasa modal = sum of the members' jasa modal, and the same for jasa usaha.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from koperasi_merah_putih.rules.ditolak import Ditolak
from koperasi_merah_putih.rules.uang import alokasi_proporsional, bulat

# the allocations of the SHU (UU 25/1992 Art. 45 and the usual by-laws), with the account of
# the app's chart that each is credited to and the common split as the default
CADANGAN = "Cadangan"
JASA_ANGGOTA = "Jasa Anggota"
KOMPONEN = (
	# (allocation, account number, default %)
	(CADANGAN, "3103", 40),
	(JASA_ANGGOTA, "2131", 40),
	("Dana Pengurus dan Pengawas", "2132", 5),
	("Dana Karyawan", "2133", 5),
	("Dana Pendidikan", "2134", 5),
	("Dana Sosial", "2135", 5),
	("Dana Pembangunan Daerah Kerja", "2136", 0),
)
AKUN_KOMPONEN = {nama: akun for nama, akun, _persen in KOMPONEN}
NAMA_KOMPONEN = tuple(nama for nama, _akun, _persen in KOMPONEN)
# the funds spent during the year (Penggunaan Dana SHU): every allocation but the reserve and the members'
DANA = tuple(nama for nama in NAMA_KOMPONEN if nama not in (CADANGAN, JASA_ANGGOTA))
AKUN_SHU_TAHUN_BERJALAN = "3106"
AKUN_SHU_BELUM_DIBAGI = "3107"

# savings basis of jasa modal
SALDO_AKHIR = "Saldo Akhir Tahun"
RATA_RATA_BULANAN = "Rata-rata Saldo Akhir Bulan"
DASAR_SIMPANAN = (SALDO_AKHIR, RATA_RATA_BULANAN)

# a loss year, as the RAT decides
DITUTUP_CADANGAN = "Ditutup dari Cadangan"
DIBAWA_KE_DEPAN = "Dibawa ke Tahun Berikutnya"
PENANGANAN_RUGI = (DITUTUP_CADANGAN, DIBAWA_KE_DEPAN)

# the cooperative's income tax before SHU
PP55 = "PP 55/2022 (0,5% Peredaran Bruto)"
TARIF_UMUM = "Tarif Umum atas Laba"
TANPA_PAJAK = "Tidak Dihitung"
METODE_PAJAK = (PP55, TARIF_UMUM, TANPA_PAJAK)
TARIF_PP55 = Decimal("0.5")
BATAS_PP55 = 4_800_000_000

# paying the members' shares: one member, or everyone not yet paid; in cash, by transfer, or to sukarela
SATU, SEMUA = "Satu Anggota", "Semua yang Belum Dibayar"
CAKUPAN_BAYAR = (SATU, SEMUA)
TUNAI, TRANSFER, KE_SUKARELA = "Tunai", "Transfer", "Simpanan Sukarela"
CARA_BAYAR = (TUNAI, TRANSFER, KE_SUKARELA)

# the RAT's report to SIMKOPDES
BELUM_DILAPORKAN, DILAPORKAN = "Draft", "Reported"
STATUS_PELAPORAN = (BELUM_DILAPORKAN, DILAPORKAN)

# transaction accounts that count for jasa usaha by default: loan jasa, fees, outlet sales,
# training fees
AKUN_TRANSAKSI = ("4101", "4102", "4103", "4201", "4202")


def periksa_persen(persen: list) -> None:
	"""The allocation percentages are each 0..100 and total exactly 100."""
	ps = [Decimal(str(p or 0)) for p in persen]
	if any(p < 0 or p > 100 for p in ps):
		raise Ditolak("persen_rentang")
	if sum(ps) != 100:
		raise Ditolak("persen_total", sum(ps))


def bagi_komponen(shu: int, persen: list) -> list[int]:
	"""The SHU split into the allocations, in whole rupiah, summing exactly to `shu`."""
	periksa_persen(persen)
	if shu < 0:
		raise Ditolak("shu_negatif")
	return alokasi_proporsional(shu, persen)


def bagi_jasa(bagian_anggota: int, persen_modal, persen_usaha) -> tuple[int, int]:
	"""The members' part split into (jasa modal, jasa usaha)."""
	pm, pu = Decimal(str(persen_modal or 0)), Decimal(str(persen_usaha or 0))
	if pm < 0 or pu < 0 or pm + pu != 100:
		raise Ditolak("jasa_total")
	jm, ju = alokasi_proporsional(bagian_anggota, [pm, pu])
	return jm, ju


@dataclass(frozen=True)
class BagianAnggota:
	jasa_modal: int
	jasa_usaha: int

	@property
	def jumlah(self) -> int:
		return self.jasa_modal + self.jasa_usaha


def bagi_anggota(jasa_modal: int, jasa_usaha: int, simpanan: list, transaksi: list) -> list[BagianAnggota]:
	"""Each member's jasa modal (pro rata to `simpanan`) and jasa usaha (pro rata to `transaksi`).

	Negative bases count as zero (a member cannot owe SHU). A pool with no basis at all (nobody
	saved, or nobody transacted) cannot be shared: the RAT moves that part to the other pool."""
	if len(simpanan) != len(transaksi):
		raise ValueError("one savings and one transaction figure per member")
	s = [max(Fraction(str(x or 0)), 0) for x in simpanan]
	t = [max(Fraction(str(x or 0)), 0) for x in transaksi]
	if jasa_modal and not any(s):
		raise Ditolak("tanpa_simpanan")
	if jasa_usaha and not any(t):
		raise Ditolak("tanpa_transaksi")
	jm = alokasi_proporsional(jasa_modal, s) if s else []
	ju = alokasi_proporsional(jasa_usaha, t) if t else []
	return [BagianAnggota(a, b) for a, b in zip(jm, ju, strict=True)]


def pph_shu(jumlah: int, tarif) -> int:
	"""Withholding on a member's SHU (0% by default: not an object of PPh since UU 11/2020)."""
	tarif = Decimal(str(tarif or 0))
	if tarif < 0 or tarif > 100:
		raise Ditolak("tarif_rentang")
	return bulat(Decimal(jumlah) * tarif / 100)


def pajak_koperasi(metode: str, peredaran_bruto: int, laba_sebelum_pajak: int, tarif_umum=22) -> int:
	"""The cooperative's own income tax for the year, booked as an expense before SHU.

	PP 55/2022: final 0.5% of the gross turnover, for a turnover up to Rp4.8 billion a year;
	above it the regular rate applies. Regular: `tarif_umum`% of a positive result. A loss
	pays no regular tax (PP 55 is due on turnover even in a loss year)."""
	if metode == TANPA_PAJAK:
		return 0
	if metode == PP55:
		if peredaran_bruto > BATAS_PP55:
			raise Ditolak("di_atas_pp55", peredaran_bruto)
		return bulat(Decimal(max(peredaran_bruto, 0)) * TARIF_PP55 / 100)
	if metode == TARIF_UMUM:
		tarif = Decimal(str(tarif_umum or 0))
		if tarif < 0 or tarif > 100:
			raise Ditolak("tarif_rentang")
		return bulat(Decimal(max(laba_sebelum_pajak, 0)) * tarif / 100)
	raise Ditolak("metode_pajak", metode)


def rata_rata_bulanan(saldo_awal: int, mutasi_bulanan: dict[int, int]) -> Fraction:
	"""The average of the 12 month-end balances of a year from the opening balance and the net
	movement of each month (1..12)."""
	saldo, total = saldo_awal, 0
	for bulan in range(1, 13):
		saldo += mutasi_bulanan.get(bulan, 0)
		total += saldo
	return Fraction(total, 12)


def keluar_berhak(tanggal_keluar: date | None, awal_tahun: date, termasuk_keluar: bool) -> bool:
	"""Whether a member who has exited shares the year's SHU: only if the settings include exited
	members and they left during the year (or since), not before it began."""
	return bool(termasuk_keluar and tanggal_keluar and tanggal_keluar >= awal_tahun)


def kuorum_minimal(berhak: int, persen_kuorum) -> int:
	"""How many members must attend: more than `persen_kuorum`% of those entitled (by-laws
	commonly say "lebih dari separuh": 50% -> 51 of 100, 6 of 10, 1 of 1)."""
	if berhak <= 0:
		return 1
	p = Fraction(str(persen_kuorum or 0))
	return int(berhak * p / 100) + 1 if p < 100 else berhak


def kuorum_terpenuhi(hadir: int, berhak: int, persen_kuorum) -> bool:
	return berhak > 0 and hadir >= kuorum_minimal(berhak, persen_kuorum)


# ------------------------------------------------------------ indicative health (not Kemenkop's)
SEHAT, CUKUP_SEHAT, KURANG_SEHAT, TIDAK_SEHAT = "Sehat", "Cukup Sehat", "Kurang Sehat", "Tidak Sehat"
PREDIKAT = (SEHAT, CUKUP_SEHAT, KURANG_SEHAT, TIDAK_SEHAT)

# ratio -> (label, higher is better, band limits between Sehat|Cukup|Kurang|Tidak, in %)
RASIO = {
	"modal_aset": ("Modal Sendiri terhadap Total Aset", True, (20, 10, 5)),
	"npl": ("Rasio Pinjaman Bermasalah (NPL)", False, (5, 10, 15)),
	"likuiditas": ("Likuiditas (Kas dan Bank terhadap Liabilitas Jangka Pendek)", True, (20, 15, 10)),
	"beban_pendapatan": ("Beban Operasional terhadap Pendapatan", False, (80, 90, 100)),
	"shu_modal": ("SHU terhadap Modal Sendiri (Rentabilitas)", True, (10, 5, 1)),
	"pinjaman_aset_produktif": ("Pinjaman terhadap Aset Produktif", True, (75, 50, 25)),
}


def predikat(nilai, lebih_tinggi_lebih_baik: bool, batas: tuple) -> str:
	"""The band of a ratio (in %) given three limits, from Sehat to Tidak Sehat."""
	if nilai is None:
		return "-"
	v = Decimal(str(nilai))
	for i, b in enumerate(batas):
		b = Decimal(str(b))
		if (v >= b) if lebih_tinggi_lebih_baik else (v <= b):
			return PREDIKAT[i]
	return TIDAK_SEHAT


def persen_dari(pembilang, penyebut) -> Decimal | None:
	if not penyebut:
		return None
	return (Decimal(str(pembilang)) * 100 / Decimal(str(penyebut))).quantize(Decimal("0.01"))
