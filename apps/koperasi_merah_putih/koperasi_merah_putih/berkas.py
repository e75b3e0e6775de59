# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Private files stay private.

Frappe serves a private file to whoever may read *any* File record with its URL, and its
`upload_file` (and any Attach field) makes a File record from a URL alone, owned by the caller.
Knowing the URL of another member's KTP photo was therefore enough to read it. A File that
points at an existing private URL without bringing content of its own is refused unless the
user may already read one of the File records that hold that URL. (The app also names its
members' private files with random names, and Frappe strips EXIF metadata from uploaded photos:
System Settings, set on provisioning.)"""

import frappe
from frappe import _


def periksa_file(doc, method=None):
	"""doc_events hook (File, validate)."""
	url = doc.file_url or ""
	if not url.startswith("/private/") or doc.get("content") or doc.get("_content"):
		return
	if not doc.is_new() and not doc.has_value_changed("file_url"):
		return
	ada = frappe.get_all("File", filters={"file_url": url, "name": ("!=", doc.name or "")}, pluck="name")
	if ada and not any(frappe.has_permission("File", "read", doc=name) for name in ada):
		frappe.throw(_("You may not attach this private file."), frappe.PermissionError)


def nama_acak(awalan: str, ext: str) -> str:
	"""A file name nobody can guess (a member's KTP photo, a loan attachment)."""
	return f"{awalan}-{frappe.generate_hash(length=24)}.{ext}"
