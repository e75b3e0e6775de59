"""Connect this test process to the throwaway test site (the real MariaDB, Redis, Frappe, ERPNext)."""

import os
from pathlib import Path

import frappe

ROOT = Path(__file__).resolve().parents[2]
SITE = os.environ.get("KMP_TEST_SITE", "kmp-test.localhost")
SITES_PATH = os.environ.get("KMP_SITES_PATH", str(ROOT / "sites"))


def connect() -> None:
	if getattr(frappe.local, "site", None) == SITE and getattr(frappe.local, "db", None):
		return
	if not (Path(SITES_PATH) / SITE / "site_config.json").exists():
		raise RuntimeError(f"Test site {SITE} does not exist: run the tests through `./kmp test`.")
	os.chdir(SITES_PATH)
	frappe.init(site=SITE, sites_path=SITES_PATH)
	frappe.connect()
	frappe.set_user("Administrator")


def disconnect() -> None:
	if getattr(frappe.local, "db", None):
		frappe.db.rollback()
	frappe.destroy()
