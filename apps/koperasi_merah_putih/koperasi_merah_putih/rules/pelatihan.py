"""Training (pelatihan) rules: who may join, the quota and the waiting list, completion by
attendance. No frappe import."""

from dataclasses import dataclass
from datetime import datetime

from koperasi_merah_putih.rules.ditolak import Ditolak

TOPIK = ("Kewirausahaan", "Manajemen Koperasi", "Literasi Keuangan", "Digital", "Sosialisasi")

# who may join an event
ANGGOTA = "Anggota"
PENGURUS = "Pengurus"
UMUM = "Umum"
PESERTA = (ANGGOTA, PENGURUS, UMUM)

# registration status
TERDAFTAR = "Terdaftar"
DAFTAR_TUNGGU = "Daftar Tunggu"
DIBATALKAN = "Dibatalkan"
STATUS_PENDAFTARAN = (TERDAFTAR, DAFTAR_TUNGGU, DIBATALKAN)

# who entered a registration: staff at the desk, a member on the portal, a guest on the public page
STAF, PORTAL = "Staf", "Portal"
SUMBER_PENDAFTARAN = (STAF, PORTAL, UMUM)

# event status
DIBUKA = "Dibuka"
DITUTUP = "Ditutup"
SELESAI = "Selesai"
STATUS = (DIBUKA, DITUTUP, SELESAI, DIBATALKAN)

# how attendance was taken
DAFTAR_HADIR, PINDAI = "Daftar", "Pindai"
CARA_HADIR = (DAFTAR_HADIR, PINDAI)


class PendaftaranDitolak(Ditolak):
	"""A registration that must not happen."""


def boleh_ikut(peserta: str, jenis_pendaftar: str) -> bool:
	"""`peserta` is who the event is for; `jenis_pendaftar` is UMUM, ANGGOTA or PENGURUS (a board
	member is also a member)."""
	if peserta == UMUM:
		return True
	if peserta == ANGGOTA:
		return jenis_pendaftar in (ANGGOTA, PENGURUS)
	return jenis_pendaftar == PENGURUS


def periksa_pendaftaran(
	status_pelatihan: str,
	sekarang: datetime,
	batas: datetime | None,
	peserta: str,
	jenis_pendaftar: str,
	sudah_terdaftar: bool,
) -> None:
	"""Raise `PendaftaranDitolak` unless this person may register now."""
	if status_pelatihan != DIBUKA:
		raise PendaftaranDitolak("ditutup", status_pelatihan)
	if batas and sekarang > batas:
		raise PendaftaranDitolak("lewat_batas", batas)
	if not boleh_ikut(peserta, jenis_pendaftar):
		raise PendaftaranDitolak("tidak_berhak", peserta)
	if sudah_terdaftar:
		raise PendaftaranDitolak("ganda")


def status_baru(terisi: int, kuota: int) -> str:
	"""A new registration takes a seat while there is one (kuota 0: no limit), else it waits."""
	return TERDAFTAR if kuota <= 0 or terisi < kuota else DAFTAR_TUNGGU


def promosi(antrean: list[str], terisi: int, kuota: int) -> list[str]:
	"""Who moves up from the waiting list (oldest first) into the seats that are free."""
	if kuota <= 0:
		return list(antrean)
	return list(antrean[: max(kuota - terisi, 0)])


@dataclass(frozen=True)
class Kelulusan:
	hadir: int
	jumlah_sesi: int
	minimal_persen: float

	@property
	def persen(self) -> float:
		return 100.0 * self.hadir / self.jumlah_sesi if self.jumlah_sesi else 0.0

	@property
	def lulus(self) -> bool:
		"""Completed when attendance reaches the minimum share of the sessions (at least one)."""
		return (
			self.jumlah_sesi > 0
			and self.hadir >= 1
			and self.hadir * 100 >= self.minimal_persen * self.jumlah_sesi
		)
