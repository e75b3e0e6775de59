"""The desk in the cooperative's shape: each of its roles sees the Koperasi workspaces and the
ERPNext ones it works in (accounting for the board and the supervisor, selling and stock for the
outlets), none of the rest; ERPNext's administrator still sees everything."""

import frappe
from frappe.desk.desktop import get_workspace_sidebar_items

from koperasi_merah_putih.setup import roles
from tests.support.data import ensure_user
from tests.support.kasus import KoperasiTestCase

AKUNTANSI = {"Accounting", "Payables", "Receivables", "Financial Reports"}
DIHARAPKAN = {
	"pengurus": {"Koperasi", "Unit Usaha", *AKUNTANSI, "Buying", "Selling", "Stock"},
	"kasir": {"Koperasi", "Unit Usaha", "Selling", "Stock"},
	"pengawas": {"Koperasi", "Unit Usaha", *AKUNTANSI},
}


def _ruang(user: str) -> set[str]:
	frappe.set_user(user)
	frappe.clear_cache(user=user)
	return {p.name for p in get_workspace_sidebar_items()["pages"]}


class TestRuangKerja(KoperasiTestCase):
	def test_each_role_sees_its_workspaces_only(self):
		for key, diharapkan in DIHARAPKAN.items():
			self.assertEqual(_ruang(ensure_user(key)), diharapkan, key)

	def test_the_administrator_still_sees_erpnext(self):
		self.assertLessEqual(set(roles.WORKSPACES) | {"Koperasi", "Unit Usaha"}, _ruang("Administrator"))

	def test_an_erpnext_upgrade_that_resets_a_workspace_is_undone_by_the_sync(self):
		frappe.db.delete("Has Role", {"parenttype": "Workspace", "parent": "Quality"})
		self.assertIn("Quality", _ruang(ensure_user("pengurus")))
		frappe.set_user("Administrator")
		roles.sync_roles_and_permissions()
		self.assertNotIn("Quality", _ruang(ensure_user("pengurus")))
