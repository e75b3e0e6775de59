"""Provisioning is idempotent, and a second cooperative gets its own complete books."""

import json

import frappe

from koperasi_merah_putih.setup import roles
from koperasi_merah_putih.setup.provisioning import company_name, demo_email, provision_koperasi
from tests.support.data import KOPERASI, ensure_koperasi
from tests.support.kasus import KoperasiTestCase


def snapshot(company: str) -> dict:
	return {
		"companies": sorted(frappe.get_all("Company", pluck="name")),
		"accounts": sorted(
			frappe.get_all(
				"Account", {"company": company}, ["name", "parent_account", "root_type"], as_list=True
			)
		),
		"roles": sorted(frappe.get_all("Role", {"name": ("in", list(roles.ROLES))}, pluck="name")),
		"perms": frappe.db.count("Custom DocPerm", {"role": ("in", list(roles.ROLES))}),
		"report_roles": frappe.db.count(
			"Has Role", {"parenttype": "Report", "role": ("in", list(roles.ROLES))}
		),
		"fiscal_years": frappe.db.count("Fiscal Year"),
		"cost_centers": frappe.db.count("Cost Center", {"company": company}),
		"warehouses": frappe.db.count("Warehouse", {"company": company}),
		"customer_groups": frappe.db.count("Customer Group"),
	}


class TestProvisioning(KoperasiTestCase):
	bahasa = None

	def test_provisioning_twice_changes_nothing(self):
		first = ensure_koperasi()
		before = snapshot(first["company"])
		second = provision_koperasi(KOPERASI)
		self.assertEqual(first["company"], second["company"])
		self.assertEqual(first["abbr"], second["abbr"])
		self.assertEqual(before, snapshot(second["company"]))

	def test_roles_exist_with_the_right_desk_access(self):
		for role in ("Pengurus", "Kasir", "Pengawas"):
			self.assertEqual(frappe.db.get_value("Role", role, "desk_access"), 1, role)
		self.assertEqual(frappe.db.get_value("Role", "Anggota", "desk_access"), 0)

	def test_pengawas_reads_but_cannot_change_the_books(self):
		for doctype in ("Account", "Journal Entry", "GL Entry"):
			perm = frappe.db.get_value(
				"Custom DocPerm",
				{"parent": doctype, "role": "Pengawas", "permlevel": 0},
				["read", "write", "create", "submit", "cancel", "delete"],
				as_dict=True,
			)
			self.assertEqual(perm.read, 1, doctype)
			self.assertFalse(any([perm.write, perm.create, perm.submit, perm.cancel, perm.delete]), doctype)
		self.assertIn(
			"Pengawas",
			frappe.get_all("Has Role", {"parent": "Trial Balance", "parenttype": "Report"}, pluck="role"),
		)

	def test_a_second_cooperative_gets_its_own_company_and_chart(self):
		result = provision_koperasi("Kauman Uji", abbr="KMP-KMU")
		self.assertEqual(result["company"], company_name("Kauman Uji"))
		self.assertEqual(result["abbr"], "KMP-KMU")

		# the same chart; each outlet (Unit Usaha) adds its own cash account
		def bagan(company):
			return frappe.db.count("Account", {"company": company}) - frappe.db.count(
				"Unit Usaha", {"company": company}
			)

		self.assertEqual(bagan(result["company"]), bagan(ensure_koperasi()["company"]))
		self.assertTrue(frappe.db.exists("Account", {"company": result["company"], "account_number": "3101"}))

	def test_an_empty_name_is_refused_in_indonesian(self):
		previous = frappe.local.lang
		frappe.local.lang = "id"
		try:
			with self.assertRaises(frappe.ValidationError) as ctx:
				provision_koperasi("  ")
		finally:
			frappe.local.lang = previous
		self.assertIn("wajib diisi", str(ctx.exception))

	def test_demo_logins_keep_their_addresses(self):
		# printed by ./kmp setup and kept in kmp-demo-users.json: a site's demo users must not change
		self.assertEqual(demo_email("kasir", company_name("Sukamaju")), "kasir@sukamaju.koperasi.test")

	def test_the_company_link_patch_renames_saved_report_filters(self):
		from koperasi_merah_putih.patches.v15_0 import company_link

		kartu = frappe.get_doc(
			{
				"doctype": "Number Card",
				"label": f"Outstanding uji {frappe.generate_hash(length=6)}",
				"type": "Report",
				"report_name": "Outstanding Pinjaman",
				"report_field": "outstanding",
				"function": "Sum",
				"filters_json": json.dumps({"koperasi": self.company, "pada": "2026-01-31"}),
			}
		).insert()
		company_link.execute()
		company_link.execute()  # a second run changes nothing
		self.assertEqual(
			json.loads(frappe.db.get_value("Number Card", kartu.name, "filters_json")),
			{"company": self.company, "pada": "2026-01-31"},
		)
		self.assertIsNone(company_link.ganti_kunci(json.dumps({"company": self.company})))
		self.assertEqual(
			json.loads(company_link.ganti_kunci(json.dumps({"filters": {"koperasi": "X"}, "columns": []}))),
			{"filters": {"company": "X"}, "columns": []},
		)
