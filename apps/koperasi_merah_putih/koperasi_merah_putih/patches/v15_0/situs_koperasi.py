"""Sites provisioned before the public website: the home page at / is the cooperative's, the login
page carries its name, no newsletter box and no self sign-up (new sites get these from
provisioning)."""

from koperasi_merah_putih.koperasi import situs
from koperasi_merah_putih.setup.provisioning import ensure_settings_defaults


def execute():
	ensure_settings_defaults()
	situs.terapkan_situs()
