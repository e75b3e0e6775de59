"""NIK (Nomor Induk Kependudukan) and No. KK: parsing and validation, with no frappe import.

A NIK is 16 digits: 2 province + 2 regency/city + 2 district codes (Kemendagri), then the date of
birth as DDMMYY with 40 added to the day for women, then a 4-digit serial. A No. KK (family card
number) is 16 digits too. Errors are raised as `NIKTidakValid` with a machine-readable `kode` so
the caller can show its own (translated) message.
"""

from dataclasses import dataclass
from datetime import date

# Province codes of Kemendagri (Permendagri 72/2019 and the Papua provinces of 2022).
PROVINSI = {
	"11": "Aceh",
	"12": "Sumatera Utara",
	"13": "Sumatera Barat",
	"14": "Riau",
	"15": "Jambi",
	"16": "Sumatera Selatan",
	"17": "Bengkulu",
	"18": "Lampung",
	"19": "Kepulauan Bangka Belitung",
	"21": "Kepulauan Riau",
	"31": "DKI Jakarta",
	"32": "Jawa Barat",
	"33": "Jawa Tengah",
	"34": "DI Yogyakarta",
	"35": "Jawa Timur",
	"36": "Banten",
	"51": "Bali",
	"52": "Nusa Tenggara Barat",
	"53": "Nusa Tenggara Timur",
	"61": "Kalimantan Barat",
	"62": "Kalimantan Tengah",
	"63": "Kalimantan Selatan",
	"64": "Kalimantan Timur",
	"65": "Kalimantan Utara",
	"71": "Sulawesi Utara",
	"72": "Sulawesi Tengah",
	"73": "Sulawesi Selatan",
	"74": "Sulawesi Tenggara",
	"75": "Gorontalo",
	"76": "Sulawesi Barat",
	"81": "Maluku",
	"82": "Maluku Utara",
	"91": "Papua",
	"92": "Papua Barat",
	"93": "Papua Selatan",
	"94": "Papua Tengah",
	"95": "Papua Pegunungan",
	"96": "Papua Barat Daya",
}

LAKI_LAKI = "Laki-laki"
PEREMPUAN = "Perempuan"
JENIS_KELAMIN = (LAKI_LAKI, PEREMPUAN)


class NIKTidakValid(ValueError):
	"""A NIK or No. KK that cannot be right. `kode` says why; `args` carry the values for the message."""

	def __init__(self, kode: str, *args):
		super().__init__(kode, *args)
		self.kode = kode
		self.nilai = args


@dataclass(frozen=True)
class DataNIK:
	nik: str
	kode_provinsi: str
	provinsi: str
	kode_kabupaten: str
	kode_kecamatan: str
	jenis_kelamin: str
	hari: int
	bulan: int
	tahun_dua_digit: int
	nomor_urut: str

	def tanggal_lahir(self, hari_ini: date) -> date:
		"""The birth date, taking the latest century that does not put the birth in the future."""
		for tahun in (2000 + self.tahun_dua_digit, 1900 + self.tahun_dua_digit):
			tanggal = _tanggal(tahun, self.bulan, self.hari)
			if tanggal and tanggal <= hari_ini:
				return tanggal
		raise NIKTidakValid("tanggal", f"{self.hari:02d}{self.bulan:02d}{self.tahun_dua_digit:02d}")

	def cocok_dengan(self, tanggal_lahir: date) -> bool:
		"""True if a stated birth date has this NIK's day, month and two-digit year."""
		return (tanggal_lahir.day, tanggal_lahir.month, tanggal_lahir.year % 100) == (
			self.hari,
			self.bulan,
			self.tahun_dua_digit,
		)


def bersihkan(nomor) -> str:
	"""Remove the spaces, dots and dashes people type inside a NIK or KK number."""
	return "".join(ch for ch in str(nomor or "") if ch not in " .-\t")


def _tanggal(tahun: int, bulan: int, hari: int) -> date | None:
	try:
		return date(tahun, bulan, hari)
	except ValueError:
		return None


def _enam_belas_digit(nomor: str, jenis: str) -> str:
	nomor = bersihkan(nomor)
	if not nomor:
		raise NIKTidakValid("kosong", jenis)
	if not nomor.isdigit():
		raise NIKTidakValid("bukan_angka", jenis)
	if len(nomor) != 16:
		raise NIKTidakValid("panjang", jenis, len(nomor))
	return nomor


def parse_nik(nik) -> DataNIK:
	"""Parse and check a NIK; raise `NIKTidakValid` if it cannot be a real one."""
	nik = _enam_belas_digit(nik, "NIK")
	kode_provinsi = nik[:2]
	if kode_provinsi not in PROVINSI:
		raise NIKTidakValid("provinsi", kode_provinsi)
	if nik[2:4] == "00" or nik[4:6] == "00":
		raise NIKTidakValid("wilayah", nik[:6])
	hari, bulan, tahun = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
	jenis_kelamin = LAKI_LAKI
	if hari > 40:
		hari -= 40
		jenis_kelamin = PEREMPUAN
	# 29 February is possible only in a leap year: 2000 is one, so test the date against it and
	# the 1900s century too (1900 is not a leap year, but every yy that is a leap year in 20yy is
	# a leap year in 19yy except 00, which 2000 covers).
	if _tanggal(2000 + tahun, bulan, hari) is None and _tanggal(1900 + tahun, bulan, hari) is None:
		raise NIKTidakValid("tanggal", nik[6:12])
	if nik[12:] == "0000":
		raise NIKTidakValid("nomor_urut", nik[12:])
	return DataNIK(
		nik=nik,
		kode_provinsi=kode_provinsi,
		provinsi=PROVINSI[kode_provinsi],
		kode_kabupaten=nik[:4],
		kode_kecamatan=nik[:6],
		jenis_kelamin=jenis_kelamin,
		hari=hari,
		bulan=bulan,
		tahun_dua_digit=tahun,
		nomor_urut=nik[12:],
	)


def periksa_nik(nik, tanggal_lahir: date | None = None, jenis_kelamin: str | None = None) -> DataNIK:
	"""Parse a NIK and check it agrees with the stated birth date and gender."""
	data = parse_nik(nik)
	if tanggal_lahir and not data.cocok_dengan(tanggal_lahir):
		raise NIKTidakValid(
			"tanggal_tidak_cocok", f"{data.hari:02d}-{data.bulan:02d}-{data.tahun_dua_digit:02d}"
		)
	if jenis_kelamin and jenis_kelamin != data.jenis_kelamin:
		raise NIKTidakValid("jenis_kelamin_tidak_cocok", data.jenis_kelamin)
	return data


def periksa_no_kk(no_kk) -> str:
	"""Check a No. KK (16 digits, a real province code) and return it without separators."""
	no_kk = _enam_belas_digit(no_kk, "No. KK")
	if no_kk[:2] not in PROVINSI:
		raise NIKTidakValid("provinsi", no_kk[:2])
	return no_kk


def buat_nik(kode_wilayah: str, tanggal_lahir: date, jenis_kelamin: str, nomor_urut: int) -> str:
	"""Compose a NIK from its parts: for generated test and benchmark data."""
	hari = tanggal_lahir.day + (40 if jenis_kelamin == PEREMPUAN else 0)
	return f"{kode_wilayah}{hari:02d}{tanggal_lahir.month:02d}{tanggal_lahir.year % 100:02d}{nomor_urut:04d}"
