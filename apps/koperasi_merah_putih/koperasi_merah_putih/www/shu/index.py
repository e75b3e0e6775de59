"""/shu: the member's own SHU per year (jasa modal, jasa usaha, how it was paid) with a PDF slip,
and the cooperative's summary of its closed years. Nothing of another member's."""

from frappe import _

from koperasi_merah_putih.keanggotaan.portal import halaman_anggota
from koperasi_merah_putih.tutup_buku.portal import ringkasan_tahun, shu_anggota

no_cache = 1


def get_context(context):
	name = halaman_anggota(context, "/shu", _("SHU Saya"))
	if not name:
		return context
	context.shu = shu_anggota(name)
	context.ringkasan = ringkasan_tahun(context.anggota.company)
	return context
