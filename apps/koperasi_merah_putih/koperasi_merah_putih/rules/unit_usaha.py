"""Outlet (unit usaha) rules: the programme's standard units with their KBLI 2020 codes, a unit's
status, the consignment (titip jual) split between the member and the cooperative, the member's
credit (bon) at the outlet and the checks on a member's product. No frappe import; money in whole
rupiah (int).

Domain (../shared/DESIGN.md §5): most Koperasi Desa/Kelurahan Merah Putih run outlets before, or
instead of, savings and loans. The KBLI codes below are the defaults a new unit gets; the unit's own
field stays editable (a cooperative's business plan may register a neighbouring code).
"""

from koperasi_merah_putih.rules.ditolak import Ditolak
from koperasi_merah_putih.rules.shu import CARA_BAYAR
from koperasi_merah_putih.rules.uang import bulat

# the programme's standard units -> KBLI 2020 code
GERAI_SEMBAKO = "Gerai Sembako"
JENIS_UNIT = {
	# perdagangan eceran berbagai macam barang yang utamanya makanan, minuman atau tembakau
	GERAI_SEMBAKO: "47111",
	# perdagangan eceran barang farmasi di apotek
	"Apotek Desa": "47772",
	# aktivitas klinik swasta
	"Klinik Desa": "86105",
	# aktivitas penyediaan gabungan jasa penunjang kantor
	"Kantor Koperasi": "82110",
	# aktivitas koperasi simpan pinjam konvensional
	"Unit Simpan Pinjam": "64141",
	# pergudangan dan penyimpanan berpendingin
	"Cold Storage / Pergudangan": "52102",
	# angkutan bermotor untuk barang umum
	"Logistik": "49431",
}

PERSIAPAN, BEROPERASI, TUTUP = "Persiapan", "Beroperasi", "Tutup"
STATUS_UNIT = (PERSIAPAN, BEROPERASI, TUTUP)

# a member's product in the members' market (Pasar Anggota)
DRAF, DIAJUKAN, TERBIT, DITOLAK = "Draf", "Diajukan", "Terbit", "Ditolak"
STATUS_PRODUK = (DRAF, DIAJUKAN, TERBIT, DITOLAK)

# a consignment settlement pays the member as the SHU does: cash, transfer or into sukarela
CARA_BAYAR_TITIP = CARA_BAYAR

# the largest product photo the members' market accepts
FOTO_MAKS_BYTE = 2 * 1024 * 1024


class TitipDitolak(Ditolak):
	"""A consignment or market rule refused; `kode` names the message, `nilai` its values."""


def bagi_titip_jual(penjualan: int, persen_komisi: float) -> tuple[int, int]:
	"""A consignment's sales split into (the cooperative's commission, the member's due).

	The commission is rounded half up to the rupiah; the member gets the rest, so the two always
	add up to the sales. A return (negative sales) splits the same way, with negative amounts."""
	if not 0 <= persen_komisi <= 100:
		raise TitipDitolak("persen_komisi", persen_komisi)
	tanda = -1 if penjualan < 0 else 1
	komisi = tanda * bulat(abs(penjualan) * persen_komisi / 100)
	return komisi, penjualan - komisi


def periksa_harga(harga) -> int:
	"""A product's price: a positive whole rupiah amount."""
	try:
		nilai = float(harga or 0)
	except (TypeError, ValueError):
		raise TitipDitolak("harga", harga) from None
	if nilai <= 0:
		raise TitipDitolak("harga", harga)
	return bulat(nilai)


def periksa_foto(ukuran: int, jenis_gambar: str | None) -> None:
	"""A product photo: an image (its content, not its name, says so) of at most FOTO_MAKS_BYTE."""
	if not jenis_gambar:
		raise TitipDitolak("bukan_gambar")
	if ukuran > FOTO_MAKS_BYTE:
		raise TitipDitolak("foto_besar", ukuran, FOTO_MAKS_BYTE)


def sisa_bon(batas: int, terbuka: int) -> int:
	"""What a member may still buy on credit: the limit less what is open (0 means no credit)."""
	return max(int(batas) - int(terbuka), 0)


def periksa_bon(batas: int, terbuka: int, tambahan: int, pembeli_anggota: bool) -> None:
	"""A sale leaving `tambahan` unpaid: only a member may buy on credit, up to the limit."""
	if tambahan <= 0:
		return
	if not pembeli_anggota:
		raise TitipDitolak("bon_umum", tambahan)
	if terbuka + tambahan > batas:
		raise TitipDitolak("bon_batas", batas, terbuka, tambahan)


def belum_dibayar(total: float, dibayar: float, kembalian: float = 0, dihapus: float = 0) -> float:
	"""What a sale leaves open: its total less what was paid net of the change given, and less
	what was written off; never below zero."""
	return max(total - (dibayar - kembalian) - dihapus, 0)


def periksa_harga_kasir(
	harga: float | None,
	harga_daftar: float,
	harga_jual: float,
	boleh_ubah_harga: bool,
	boleh_diskon: bool,
) -> None:
	"""A till's line against its price list: `harga` is the list's price (None: the item has none),
	`harga_daftar` the line's list price and `harga_jual` what it sells at. Unless the POS Profile
	allows it, the list price cannot be changed, and no discount given (half a rupiah of rounding
	aside)."""
	if harga is None or harga <= 0:
		raise TitipDitolak("tanpa_harga")
	if not boleh_ubah_harga and abs(harga_daftar - harga) > 0.5:
		raise TitipDitolak("ubah_harga", harga, harga_daftar)
	acuan = harga_daftar if boleh_ubah_harga else harga
	if not boleh_diskon and harga_jual < acuan - 0.5:
		raise TitipDitolak("diskon", acuan, harga_jual)
	if harga_jual <= 0:
		raise TitipDitolak("tanpa_harga")
