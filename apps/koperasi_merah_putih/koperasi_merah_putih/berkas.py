# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Private files stay private.

Frappe serves a private file to whoever may read *any* File record with its URL, and its
`upload_file` makes a File record from a URL alone, owned by the caller: knowing the URL of
another member's KTP photo was enough to read it. Two checks close that:

- `upload_file` (overridden, then Frappe's own) refuses a private URL sent without content of
  its own unless the user may already read a File that holds it;
- a File that is not the first record of its private URL is readable only by who may read that
  first record (a `has_permission` hook on File, which can only deny), whatever path made it.

The app also names its members' private files with random names, and Frappe strips EXIF
metadata from uploaded photos (System Settings, set on provisioning)."""

import frappe
from frappe import _
from frappe.handler import upload_file as upload_file_frappe


def _file_pertama(url: str) -> str | None:
	return frappe.db.get_value("File", {"file_url": url}, "name", order_by="creation asc")


def boleh_membaca_url(url: str, user: str | None = None) -> bool:
	"""Whether the user may read the private file at `url` (through the first File that holds it)."""
	pertama = _file_pertama(url)
	return not pertama or frappe.has_permission("File", "read", doc=pertama, user=user)


@frappe.whitelist(allow_guest=True)
def upload_file():
	"""Frappe's upload_file, refusing a claim on a private file by its URL alone."""
	url = frappe.form_dict.file_url or ""
	tanpa_isi = not (frappe.request and "file" in frappe.request.files)
	if url.startswith("/private/") and tanpa_isi and not boleh_membaca_url(url):
		frappe.throw(_("You may not attach this private file."), frappe.PermissionError)
	return upload_file_frappe()


def izin_file(doc, ptype=None, user=None, debug=False):
	"""has_permission hook (File): deny a later File of a private URL to who may not read the first."""
	url = doc.file_url or ""
	if not url.startswith("/private/"):
		return None
	pertama = _file_pertama(url)
	if pertama and pertama != doc.name and not frappe.has_permission("File", "read", doc=pertama, user=user):
		return False
	return None


LAMPIRAN = ("is_private", "file_url", "attached_to_doctype", "attached_to_name", "attached_to_field")


def periksa_lampiran(doc, method=None):
	"""doc_event (File, before_validate, so before Frappe writes the field): a File naming a
	record's field (`attached_to_field`) has Frappe write its URL into that field when it is made
	or turned public or private, without asking whether the user may change the record. Any
	logged-in user (a member too) could thus set the logo of Website Settings or of the
	cooperative's settings to a file name of their choosing.
	Now the user must be allowed to write the record, as when uploading in its form."""
	if not (doc.attached_to_doctype and doc.attached_to_name and doc.attached_to_field):
		return
	if doc.flags.ignore_permissions or frappe.session.user == "Administrator":
		return
	if not doc.is_new() and not any(doc.has_value_changed(f) for f in LAMPIRAN):
		return
	if not frappe.has_permission(doc.attached_to_doctype, "write", doc=doc.attached_to_name):
		raise frappe.PermissionError(
			_("You may not change {0} {1}, so you may not attach a file to its field.").format(
				_(doc.attached_to_doctype), doc.attached_to_name
			)
		)


def nama_acak(awalan: str, ext: str) -> str:
	"""A file name nobody can guess (a member's KTP photo, a loan attachment)."""
	return f"{awalan}-{frappe.generate_hash(length=24)}.{ext}"
