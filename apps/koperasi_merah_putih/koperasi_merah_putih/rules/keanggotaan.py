"""The membership lifecycle, ages and age bands, and terms of office: no frappe import.

Statuses: Pendaftaran (application) -> Diverifikasi -> Disetujui (number issued) -> Aktif ->
Keluar; an application can also be Ditolak (rejected) before approval.
"""

from dataclasses import dataclass
from datetime import date, timedelta

PENDAFTARAN = "Pendaftaran"
DIVERIFIKASI = "Diverifikasi"
DISETUJUI = "Disetujui"
AKTIF = "Aktif"
KELUAR = "Keluar"
DITOLAK = "Ditolak"

STATUS = (PENDAFTARAN, DIVERIFIKASI, DISETUJUI, AKTIF, KELUAR, DITOLAK)

# where an application came from
KANTOR, PORTAL, IMPOR = "Kantor", "Portal", "Impor"
SUMBER_PENDAFTARAN = (KANTOR, PORTAL, IMPOR)
BIDANG_USAHA = (
	"Pertanian",
	"Peternakan",
	"Perikanan",
	"Perdagangan",
	"Kuliner",
	"Kerajinan",
	"Jasa",
	"Lainnya",
)

# (from, to) -> the roles that may make the change
TRANSISI = {
	(PENDAFTARAN, DIVERIFIKASI): ("Pengurus", "Kasir"),
	(PENDAFTARAN, DITOLAK): ("Pengurus",),
	(DIVERIFIKASI, DISETUJUI): ("Pengurus",),
	(DIVERIFIKASI, DITOLAK): ("Pengurus",),
	(DISETUJUI, AKTIF): ("Pengurus", "Kasir"),
	(DISETUJUI, KELUAR): ("Pengurus",),
	(AKTIF, KELUAR): ("Pengurus",),
}

# statuses in which the member has a number, a Customer, a Contact and (with an email) a User
BERNOMOR = (DISETUJUI, AKTIF, KELUAR)
# statuses in which a member may transact, hold office and use the portal: approved, not exited
BOLEH_BERTRANSAKSI = (DISETUJUI, AKTIF)


def peran_untuk(dari: str, ke: str) -> tuple[str, ...]:
	"""The roles allowed to move a member from `dari` to `ke`; empty if the move is not allowed."""
	return TRANSISI.get((dari, ke), ())


def umur(tanggal_lahir: date, pada: date) -> int:
	"""Age in whole years on a date (a person born on 29 February turns a year older on 1 March)."""
	tahun = pada.year - tanggal_lahir.year
	if (pada.month, pada.day) < (tanggal_lahir.month, tanggal_lahir.day):
		tahun -= 1
	return tahun


def periksa_usia(tanggal_lahir: date, pada: date, minimal: int) -> int:
	"""The age on `pada`; raises `UsiaTidakMemenuhi` for a birth date in the future or an age below
	`minimal` (the setting in Pengaturan Koperasi)."""
	if tanggal_lahir > pada:
		raise UsiaTidakMemenuhi("masa_depan", 0, minimal)
	usia = umur(tanggal_lahir, pada)
	if usia < minimal:
		raise UsiaTidakMemenuhi("terlalu_muda", usia, minimal)
	return usia


class UsiaTidakMemenuhi(ValueError):
	def __init__(self, kode: str, usia: int, minimal: int):
		super().__init__(kode, usia, minimal)
		self.kode, self.usia, self.minimal = kode, usia, minimal


def memutuskan_sendiri(user: str, *pihak: str | None) -> bool:
	"""Maker-checker: True if the user deciding is one of the parties to the decision (the member,
	by login or email; whoever entered or submitted the request)."""
	return user in set(pihak) - {None, ""}


# Age bands for the member register: (label, lowest age, highest age or None)
KELOMPOK_UMUR = (
	("< 25", 0, 24),
	("25-34", 25, 34),
	("35-44", 35, 44),
	("45-54", 45, 54),
	("55-64", 55, 64),
	(">= 65", 65, None),
)


def kelompok_umur(usia: int) -> str:
	for label, bawah, atas in KELOMPOK_UMUR:
		if usia >= bawah and (atas is None or usia <= atas):
			return label
	raise ValueError(usia)


def _ulang_tahun_ke(pada: date, tahun_mundur: int) -> date:
	try:
		return pada.replace(year=pada.year - tahun_mundur)
	except ValueError:  # 29 February in a non-leap year
		return pada.replace(year=pada.year - tahun_mundur, day=28)


def rentang_lahir(label: str, pada: date) -> tuple[date | None, date]:
	"""The birth dates (inclusive bounds, None = no lower bound) of people in an age band on a date."""
	for nama, bawah, atas in KELOMPOK_UMUR:
		if nama == label:
			paling_muda = _ulang_tahun_ke(pada, bawah)
			paling_tua = None if atas is None else _ulang_tahun_ke(pada, atas + 1) + timedelta(days=1)
			return paling_tua, paling_muda
	raise ValueError(label)


@dataclass(frozen=True)
class Jabatan:
	"""One term of office: who, which position, from and to (inclusive; None = open-ended)."""

	anggota: str
	organ: str  # Pengurus or Pengawas
	jabatan: str
	mulai: date
	selesai: date | None = None

	def menjabat_pada(self, tanggal: date) -> bool:
		return self.mulai <= tanggal and (self.selesai is None or tanggal <= self.selesai)


PENGURUS = "Pengurus"
PENGAWAS = "Pengawas"
JABATAN_PENGURUS = ("Ketua", "Wakil Ketua", "Sekretaris", "Bendahara", "Anggota Pengurus")
JABATAN_PENGAWAS = ("Ketua Pengawas", "Anggota Pengawas")
# positions one person holds at a time (there may be several "Anggota Pengurus/Pengawas")
JABATAN_TUNGGAL = ("Ketua", "Wakil Ketua", "Sekretaris", "Bendahara", "Ketua Pengawas")
ORGAN = (PENGURUS, PENGAWAS)
JABATAN = (*JABATAN_PENGURUS, *JABATAN_PENGAWAS)


def tumpang_tindih(a: Jabatan, b: Jabatan) -> bool:
	"""True if two terms share at least one day."""
	akhir_a = a.selesai or date.max
	akhir_b = b.selesai or date.max
	return a.mulai <= akhir_b and b.mulai <= akhir_a


def bentrok(baru: Jabatan, yang_ada: list[Jabatan]) -> list[tuple[str, Jabatan]]:
	"""Why a new term cannot stand next to the existing ones: a list of (reason, other term).

	Reasons: "urutan" (it ends before it starts), "organ" (a term's position does not belong to
	its organ), "tunggal" (a single
	position held by two people at once), "rangkap" (the same person in the board and among the
	supervisors at once, which UU 25/1992 rules out), "ganda" (the same person holding two
	board positions at once).
	"""
	alasan = []
	if baru.selesai and baru.selesai < baru.mulai:
		alasan.append(("urutan", baru))
	if (baru.organ == PENGURUS and baru.jabatan not in JABATAN_PENGURUS) or (
		baru.organ == PENGAWAS and baru.jabatan not in JABATAN_PENGAWAS
	):
		alasan.append(("organ", baru))
	for lain in yang_ada:
		if not tumpang_tindih(baru, lain):
			continue
		if baru.anggota == lain.anggota:
			alasan.append(("rangkap" if lain.organ != baru.organ else "ganda", lain))
		elif baru.jabatan == lain.jabatan and baru.jabatan in JABATAN_TUNGGAL:
			alasan.append(("tunggal", lain))
	return alasan


def pemegang_pada(jabatan: list[Jabatan], tanggal: date) -> list[Jabatan]:
	"""The terms in force on a date, board first, in the order of the positions."""
	urutan = {nama: i for i, nama in enumerate(JABATAN_PENGURUS + JABATAN_PENGAWAS)}
	return sorted(
		(j for j in jabatan if j.menjabat_pada(tanggal)), key=lambda j: (urutan.get(j.jabatan, 99), j.anggota)
	)
