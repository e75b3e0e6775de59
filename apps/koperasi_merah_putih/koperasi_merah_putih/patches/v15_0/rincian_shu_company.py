"""Rincian SHU Anggota carries its cooperative (0.6): fill it on rows computed before."""

import frappe


def execute():
	R = frappe.qb.DocType("Rincian SHU Anggota")
	P = frappe.qb.DocType("Pembagian SHU")
	for name, company in frappe.qb.from_(P).select(P.name, P.company).run():
		frappe.qb.update(R).set(R.company, company).where(R.pembagian_shu == name).run()
