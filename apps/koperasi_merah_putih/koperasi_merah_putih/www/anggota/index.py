from frappe import _

from koperasi_merah_putih.keanggotaan.portal import minta_login, profil_saya

no_cache = 1


def get_context(context):
	minta_login("/anggota")
	context.title = _("Keanggotaan Saya")
	context.show_sidebar = False
	context.anggota = profil_saya()
	return context
