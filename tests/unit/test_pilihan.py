"""Every Select field of the app's DocTypes offers exactly the values its module's rules define, so
the code's constants and the forms cannot drift apart."""

import json
from pathlib import Path

import pytest

from koperasi_merah_putih.rules import keanggotaan, nik, pelatihan, pinjaman, shu, simpanan, unit_usaha

APP = Path(__file__).resolve().parents[2] / "apps" / "koperasi_merah_putih" / "koperasi_merah_putih"

PILIHAN = {
	("Unit Usaha", "jenis_unit"): tuple(unit_usaha.JENIS_UNIT),
	("Unit Usaha", "status"): unit_usaha.STATUS_UNIT,
	("Produk Anggota", "status"): unit_usaha.STATUS_PRODUK,
	("Penyelesaian Titip Jual", "cara_bayar"): unit_usaha.CARA_BAYAR_TITIP,
	("Anggota", "status"): keanggotaan.STATUS,
	("Anggota", "jenis_kelamin"): nik.JENIS_KELAMIN,
	("Anggota", "bidang_usaha"): keanggotaan.BIDANG_USAHA,
	("Anggota", "sumber_pendaftaran"): keanggotaan.SUMBER_PENDAFTARAN,
	("Masa Jabatan", "organ"): keanggotaan.ORGAN,
	("Masa Jabatan", "jabatan"): keanggotaan.JABATAN,
	("Pengurus Terpilih RAT", "organ"): keanggotaan.ORGAN,
	("Pengurus Terpilih RAT", "jabatan"): keanggotaan.JABATAN,
	("Pengaturan Koperasi", "topik_wajib_pengurus"): pelatihan.TOPIK,
	("Pelatihan", "topik"): pelatihan.TOPIK,
	("Pelatihan", "status"): pelatihan.STATUS,
	("Pelatihan", "peserta"): pelatihan.PESERTA,
	("Kehadiran Pelatihan", "cara"): pelatihan.CARA_HADIR,
	("Pendaftaran Pelatihan", "jenis_kelamin"): nik.JENIS_KELAMIN,
	("Pendaftaran Pelatihan", "sumber"): pelatihan.SUMBER_PENDAFTARAN,
	("Pendaftaran Pelatihan", "status"): pelatihan.STATUS_PENDAFTARAN,
	("Angsuran Pinjaman", "jenis"): pinjaman.JENIS_ANGSURAN,
	("Biaya Produk Pinjaman", "jenis_biaya"): pinjaman.JENIS_BIAYA,
	("Biaya Produk Pinjaman", "dasar"): pinjaman.DASAR_BIAYA,
	("Biaya Produk Pinjaman", "cara"): pinjaman.CARA_BIAYA,
	("Pengajuan Pinjaman", "status"): pinjaman.STATUS_PENGAJUAN,
	("Pengajuan Pinjaman", "hubungan_penjamin"): pinjaman.HUBUNGAN_PENJAMIN,
	("Pengajuan Pinjaman", "sumber"): pinjaman.SUMBER_PENGAJUAN,
	("Pengaturan Pinjaman", "skema"): pinjaman.SKEMA_KELAS,
	("Pengaturan Pinjaman", "kelebihan_bayar"): pinjaman.KELEBIHAN_BAYAR,
	("Pinjaman", "status"): pinjaman.STATUS,
	("Produk Pinjaman", "metode"): pinjaman.METODE,
	("Produk Pinjaman", "basis_tarif"): pinjaman.BASIS_TARIF,
	("Produk Pinjaman", "basis_denda"): pinjaman.BASIS_DENDA,
	("Produk Pinjaman", "urutan_alokasi"): pinjaman.URUTAN_ALOKASI,
	("Produk Pinjaman", "aturan_pelunasan"): pinjaman.ATURAN_PELUNASAN,
	("Jenis Simpanan", "kategori"): simpanan.JENIS,
	("Jenis Simpanan", "klasifikasi"): simpanan.KLASIFIKASI,
	("Jenis Simpanan", "metode_jasa"): simpanan.METODE_JASA,
	("Pencairan Simpanan Berjangka", "tindakan"): simpanan.TINDAKAN_JATUH_TEMPO,
	("Simpanan Berjangka", "status"): simpanan.STATUS_BERJANGKA,
	("Tagihan Simpanan Wajib", "status"): simpanan.STATUS_TAGIHAN,
	("Transaksi Simpanan", "jenis_transaksi"): simpanan.JENIS_TRANSAKSI,
	("Alokasi SHU", "komponen"): shu.NAMA_KOMPONEN,
	("Pembagian SHU", "penanganan_rugi"): shu.PENANGANAN_RUGI,
	("Pembagian SHU", "dasar_simpanan"): shu.DASAR_SIMPANAN,
	("Pengaturan SHU", "dasar_simpanan"): shu.DASAR_SIMPANAN,
	("Pengaturan SHU", "metode_pajak"): shu.METODE_PAJAK,
	("Pembayaran SHU", "cakupan"): shu.CAKUPAN_BAYAR,
	("Pembayaran SHU", "cara"): shu.CARA_BAYAR,
	("Penggunaan Dana SHU", "dana"): shu.DANA,
	("Rapat Anggota Tahunan", "status_pelaporan"): shu.STATUS_PELAPORAN,
}


def select_fields() -> dict:
	out = {}
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		meta = json.loads(path.read_text())
		if meta.get("doctype") != "DocType":
			continue
		for field in meta["fields"]:
			if field.get("fieldtype") == "Select":
				pilihan = tuple(v for v in (field.get("options") or "").split("\n") if v)
				out[(meta["name"], field["fieldname"])] = pilihan
	return out


def test_every_select_field_has_its_values_in_the_rules():
	assert sorted(set(select_fields()) - set(PILIHAN)) == []
	assert sorted(set(PILIHAN) - set(select_fields())) == []


@pytest.mark.parametrize("kunci", sorted(PILIHAN), ids=lambda k: f"{k[0]}.{k[1]}")
def test_the_doctype_offers_the_rules_values(kunci):
	assert select_fields()[kunci] == tuple(PILIHAN[kunci])
