"""Each member's SHU: the bases read from the ledger (tutup_buku/buku.py), split by the pure rules
(rules/shu.py) and stored as a per-member breakdown (Rincian SHU Anggota) in one bulk insert.

Jasa usaha's basis is what each member brought the cooperative on the accounts listed in
Pengaturan SHU (default loan jasa 4101, fees 4102-4103, outlet sales 4201, training fees 4202):
the income lines whose counterpart is the member's Customer, net of returns. Any module that posts
a member's business to one of those income accounts with the member's Customer as the
counterpart (`against`), as ERPNext's Sales Invoice and the app's loan repayments do, is counted.
"""

import frappe
from frappe.utils import flt

from koperasi_merah_putih.massal import sisip_massal
from koperasi_merah_putih.rules import shu as aturan
from koperasi_merah_putih.rules import simpanan as aturan_simpanan
from koperasi_merah_putih.simpanan.saldo import produk_simpanan
from koperasi_merah_putih.tutup_buku import buku

RINCIAN = "Rincian SHU Anggota"
FIELDS = (
	"pembagian_shu",
	"company",
	"anggota",
	"nama_anggota",
	"customer",
	"status_anggota",
	"simpanan_dasar",
	"transaksi_dasar",
	"jasa_modal",
	"jasa_usaha",
	"jumlah",
	"pph",
	"bersih",
	"dibayar",
)


def akun_simpanan_modal(company: str, sukarela: bool) -> list[str]:
	"""The savings accounts of jasa modal: pokok and wajib (the products' accounts), and sukarela
	if the settings say so."""
	kategori = [aturan_simpanan.POKOK, aturan_simpanan.WAJIB] + (
		[aturan_simpanan.SUKARELA] if sukarela else []
	)
	produk = produk_simpanan(company, kategori, termasuk_nonaktif=True)
	return list(dict.fromkeys(p.akun_simpanan for p in produk if p.akun_simpanan))


def akun_transaksi(company: str, nomor: str) -> list[str]:
	out = []
	for n in (nomor or "").replace(";", ",").split(","):
		if n.strip():
			out.append(buku.akun(company, n.strip()))
	return out


def hitung(doc) -> list[dict]:
	"""Every member's row of a Pembagian SHU whose pools (jasa_modal, jasa_usaha) are set."""
	awal, akhir = buku.tahun_buku(doc.tahun_buku)
	anggota = buku.anggota_penerima(doc.company, awal, akhir, bool(doc.anggota_keluar_termasuk))
	simpanan = buku.dasar_simpanan(
		doc.company,
		akun_simpanan_modal(doc.company, bool(doc.sukarela_termasuk)),
		awal,
		akhir,
		doc.dasar_simpanan or aturan.SALDO_AKHIR,
	)
	transaksi = buku.dasar_transaksi(
		doc.company, akun_transaksi(doc.company, doc.akun_transaksi), awal, akhir
	)
	s = [simpanan.get(a.customer, 0) for a in anggota]
	t = [transaksi.get(a.customer, 0) for a in anggota]
	bagian = aturan.bagi_anggota(int(flt(doc.jasa_modal)), int(flt(doc.jasa_usaha)), s, t)
	hasil = []
	for a, si, ti, b in zip(anggota, s, t, bagian, strict=True):
		if not b.jumlah:
			continue
		pph = aturan.pph_shu(b.jumlah, doc.tarif_pph_shu)
		hasil.append(
			{
				"anggota": a.name,
				"nama_anggota": a.nama_lengkap,
				"customer": a.customer,
				"status_anggota": a.status,
				"simpanan_dasar": round(float(si), 2),
				"transaksi_dasar": float(ti),
				"jasa_modal": b.jasa_modal,
				"jasa_usaha": b.jasa_usaha,
				"jumlah": b.jumlah,
				"pph": pph,
				"bersih": b.jumlah - pph,
				"dibayar": 0,
			}
		)
	doc.total_simpanan_dasar = sum(max(float(x), 0) for x in s)
	doc.total_transaksi_dasar = sum(max(float(x), 0) for x in t)
	return hasil


def simpan_rincian(pembagian: str, company: str, baris: list[dict]) -> None:
	"""Replace the breakdown of a Pembagian SHU (the cooperative on every row: staff restricted to
	theirs by a User Permission see only their members' shares)."""
	frappe.db.delete(RINCIAN, {"pembagian_shu": pembagian})
	kolom = FIELDS[2:]
	sisip_massal(
		RINCIAN,
		FIELDS,
		[(pembagian, company, *(b[k] for k in kolom)) for b in baris],
		nama=lambda i: f"{pembagian}-{i:05d}",
	)


def rincian(pembagian: str, fields=("anggota", "customer", "bersih", "pph", "jumlah")) -> list[dict]:
	return frappe.get_all(
		RINCIAN,
		filters={"pembagian_shu": pembagian},
		fields=list(fields),
		order_by="name",
		limit_page_length=0,
	)
