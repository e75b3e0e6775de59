"""The naming conventions of the app's DocTypes, read from their JSON: the Company link is `company`
on every DocType (as on ERPNext's documents), and each DocType numbers its records with a series
of its own."""

import json
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "apps" / "koperasi_merah_putih" / "koperasi_merah_putih"


def doctypes() -> list[dict]:
	out = []
	for path in sorted(APP.glob("*/doctype/*/*.json")):
		meta = json.loads(path.read_text())
		if meta.get("doctype") == "DocType":
			out.append(meta)
	return out


def test_the_company_link_is_named_company_everywhere():
	lain = [
		(d["name"], f["fieldname"])
		for d in doctypes()
		for f in d["fields"]
		if f.get("fieldtype") == "Link" and f.get("options") == "Company" and f["fieldname"] != "company"
	]
	assert lain == []


def test_fetched_company_reads_the_company_field():
	salah = [
		(d["name"], f["fieldname"], f["fetch_from"])
		for d in doctypes()
		for f in d["fields"]
		if f.get("fetch_from", "").endswith(".koperasi")
	]
	assert salah == []


def test_each_doctype_has_its_own_naming_series():
	seri = {}
	for d in doctypes():
		autoname = d.get("autoname") or ""
		if "." in autoname and not autoname.startswith(("field:", "hash", "format:")):
			seri.setdefault(autoname.split(".")[0], []).append(d["name"])
	assert {k: v for k, v in seri.items() if len(v) > 1} == {}
	assert len(seri) >= 15  # the numbered documents: members, savings, loans, trainings, the year-end
