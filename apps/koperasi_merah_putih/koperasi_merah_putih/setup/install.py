"""Install hooks. All of them are idempotent: a failed or repeated install is repaired by re-running."""

import frappe
from frappe import _

from koperasi_merah_putih.setup import custom_fields, roles
from koperasi_merah_putih.simpanan import saldo, tagihan

PANDUAN = "/panduan"


def pastikan_menu_bantuan() -> None:
	"""The cooperative's guide first in the desk's help menu (Navbar Settings), once."""
	navbar = frappe.get_single("Navbar Settings")
	if any(row.route == PANDUAN for row in navbar.help_dropdown):
		return
	bahasa = frappe.db.get_single_value("System Settings", "language") or "id"
	navbar.append(
		"help_dropdown", {"item_label": _("Koperasi Guide", bahasa), "item_type": "Route", "route": PANDUAN}
	)
	# first in the menu
	navbar.help_dropdown.insert(0, navbar.help_dropdown.pop())
	for idx, row in enumerate(navbar.help_dropdown, start=1):
		row.idx = idx
	navbar.save(ignore_permissions=True)


def after_install():
	pastikan_menu_bantuan()
	custom_fields.sync()
	saldo.ensure_index()
	tagihan.ensure_index()
	roles.sync_roles_and_permissions()


def after_migrate():
	pastikan_menu_bantuan()
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
