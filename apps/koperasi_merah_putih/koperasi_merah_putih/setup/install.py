"""Install hooks. All of them are idempotent: a failed or repeated install is repaired by re-running."""

import frappe

from koperasi_merah_putih.setup import custom_fields, roles
from koperasi_merah_putih.simpanan import saldo, tagihan


def after_install():
	custom_fields.sync()
	saldo.ensure_index()
	tagihan.ensure_index()
	roles.sync_roles_and_permissions()


def after_migrate():
	# ERPNext upgrades re-import its standard reports: keep our roles on them.
	custom_fields.sync()
	saldo.ensure_index()
	tagihan.ensure_index()
	roles.sync_roles_and_permissions()


def before_uninstall():
	custom_fields.remove()
	for doctype in roles.PERMISSIONS:
		for role in roles.ROLES:
			frappe.db.delete("Custom DocPerm", {"parent": doctype, "role": role})
	for report in roles.REPORTS:
		frappe.db.delete(
			"Has Role", {"parent": report, "parenttype": "Report", "role": ("in", list(roles.ROLES))}
		)
	frappe.clear_cache()
