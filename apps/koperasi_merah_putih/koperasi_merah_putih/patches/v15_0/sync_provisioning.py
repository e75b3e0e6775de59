"""Bring existing sites up to the current roles and permissions (added in 0.1)."""

from koperasi_merah_putih.setup import roles


def execute():
	roles.sync_roles_and_permissions()
