"""Bulk inserts of plain records (bills, jasa breakdowns): thousands of rows in one statement per
chunk, with Frappe's standard columns filled as an insert would."""

import frappe
from frappe.utils import now

KOLOM_STANDAR = ("name", "creation", "modified", "owner", "modified_by", "docstatus")


def sisip_massal(
	doctype: str, kolom: tuple, baris: list[tuple], nama=None, docstatus: int = 0, **kwargs
) -> int:
	"""Insert `baris` (tuples for `kolom`) into `doctype`; `nama(i)` names row i (from 1), a random
	hash otherwise. Extra arguments go to `frappe.db.bulk_insert` (e.g. ignore_duplicates)."""
	stamp, user = now(), frappe.session.user
	values = [
		(nama(i) if nama else frappe.generate_hash(length=12), stamp, stamp, user, user, docstatus, *row)
		for i, row in enumerate(baris, 1)
	]
	frappe.db.bulk_insert(doctype, KOLOM_STANDAR + tuple(kolom), values, chunk_size=2000, **kwargs)
	return len(values)
