# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The server owns what matters: fields a client may not set, whatever it sends.

A field of an app DocType is *server-owned* when its DocType marks it read-only (statuses,
computed amounts, schedules and breakdowns, approvals, certificates, links to ERPNext parties,
and every field allowed on submit): the desk shows it read-only, and this module makes REST
agree. What a person sends (an HTTP request, or a job or import Frappe runs for a user) is
checked before any controller runs:

- a stored record's server-owned fields must arrive as stored, on save and update after submit
  (refused with an Indonesian message otherwise);
- a new record's start at their defaults (whatever was sent there is set back; the controller
  computes them), and a DocType only the app makes (`hanya_server`) is not inserted at all;
- a cancel acts on the record as stored, and a rename needs the DocType to allow it and write access to the record.

Fields Frappe fetches itself from a link (`fetch_from`) are fetched again on save and not checked.
The server's own methods mark what they set: `tetapkan(doc, field=value)` for single fields,
`doc.flags.oleh_server = True` for a whole document built from the server's own data. Data Import
may carry what a controller lists in `kolom_impor`; the controller decides who may import it.

The list of fields is read from the DocType metadata, so a new DocType or field is covered by
default; the HTTP test is generated from the same list (`kolom_milik_server`).
"""

import frappe
from frappe import _
from frappe.model import no_value_fields, table_fields
from frappe.utils import cint, cstr, flt, get_datetime_str, getdate, today

from koperasi_merah_putih.izin import wajib_pengurus
from koperasi_merah_putih.rules.tanggal import tanggal_mundur

APP = "koperasi_merah_putih"
# days back a money document may be dated without the Pengurus, until the setting says otherwise
BATAS_HARI_MUNDUR = 3
# set by Frappe on amend and checked by Frappe (the original must be cancelled)
DIKELOLA_FRAPPE = {"amended_from"}
# child row columns that are bookkeeping, not content
KOLOM_BARIS_ABAIKAN = {
	"name",
	"owner",
	"creation",
	"modified",
	"modified_by",
	"parent",
	"parenttype",
	"parentfield",
	"docstatus",
	"doctype",
}


def doctype_aplikasi(doctype: str) -> bool:
	meta = frappe.get_meta(doctype)
	return not meta.custom and frappe.get_cached_value("Module Def", meta.module, "app_name") == APP


def kolom_milik_server(doctype: str) -> list:
	"""The server-owned fields of `doctype` (DocField rows)."""
	meta = frappe.get_meta(doctype)
	hasil = []
	for df in meta.fields:
		if df.fieldtype in no_value_fields and df.fieldtype not in table_fields:
			continue
		if df.fieldname in DIKELOLA_FRAPPE:
			continue
		if not (df.read_only or df.allow_on_submit):
			continue
		if df.fetch_from and not df.fetch_if_empty:
			continue  # Frappe fetches it again on every save
		hasil.append(df)
	return hasil


def _nilai(df, value):
	ft = df.fieldtype
	if ft in ("Check", "Int"):
		return cint(value)
	if ft in ("Float", "Currency", "Percent"):
		return flt(value, 9)
	if value in (None, ""):
		return ""
	if ft == "Date":
		return str(getdate(value))
	if ft == "Datetime":
		return get_datetime_str(value)
	return cstr(value)


def _baris(df, rows) -> list:
	anak = frappe.get_meta(df.options)
	kolom = [c for c in anak.fields if c.fieldtype not in no_value_fields]
	hasil = []
	for row in rows or []:
		row = row if isinstance(row, dict) else row.as_dict()
		hasil.append(
			tuple(_nilai(c, row.get(c.fieldname)) for c in kolom if c.fieldname not in KOLOM_BARIS_ABAIKAN)
		)
	return hasil


def sama_nilai(df, a, b) -> bool:
	if df.fieldtype in table_fields:
		return _baris(df, a) == _baris(df, b)
	return _nilai(df, a) == _nilai(df, b)


def tetapkan(doc, **nilai):
	"""Set server-owned fields from the server's own code (they then pass the check below)."""
	for field, value in nilai.items():
		doc.set(field, value)
	doc.flags.kolom_server = set(doc.flags.kolom_server or ()) | set(nilai)


def dari_klien() -> bool:
	"""True while what is saved comes from a person: an HTTP request, or a background job or an
	import run for a user (Frappe's bulk update and Data Import queue their work as that user).
	The scheduler, installs, migrations and patches run as Administrator or are flagged."""
	if frappe.flags.in_install or frappe.flags.in_migrate or frappe.flags.in_patch:
		return False
	if getattr(frappe.local, "request", None):
		return True
	session = getattr(frappe.local, "session", None)
	return bool(session) and session.user not in ("Administrator", "Guest", None)


def _tolak(df):
	frappe.throw(
		_("{0} is filled in by the system and cannot be set or changed directly.").format(
			frappe.bold(_(df.label or df.fieldname))
		),
		frappe.PermissionError,
		title=_("Field set by the system"),
	)


def periksa(doc, method=None):
	"""doc_events hook (before_validate, before_update_after_submit) for every DocType.

	A new record from a client starts with the server-owned fields at their defaults: whatever it
	sent there (an amended or duplicated document carries the old values) is set back, and the
	controller computes them. A stored record's server-owned fields must arrive as stored."""
	if doc.flags.oleh_server or not dari_klien() or not doctype_aplikasi(doc.doctype):
		return
	if doc.is_new() and getattr(type(doc), "hanya_server", False):
		frappe.throw(
			_("{0} is made by the system, not entered directly.").format(_(doc.doctype)),
			frappe.PermissionError,
			title=_("Made by the system"),
		)
	diizinkan = set(doc.flags.kolom_server or ())
	if frappe.flags.in_import:
		diizinkan |= set(getattr(type(doc), "kolom_impor", ()))
	if doc.is_new():
		asal = frappe.new_doc(doc.doctype, as_dict=True)
		for df in kolom_milik_server(doc.doctype):
			if df.fieldname not in diizinkan:
				doc.set(df.fieldname, asal.get(df.fieldname))
		return
	asal = doc.get_doc_before_save()
	if asal is None:
		return
	for df in kolom_milik_server(doc.doctype):
		if df.fieldname not in diizinkan and not sama_nilai(
			df, doc.get(df.fieldname), asal.get(df.fieldname)
		):
			_tolak(df)


def periksa_batal(doc, method=None):
	"""doc_events hook (before_cancel): a cancel acts on the record as stored. Frappe writes the
	document it is given on cancel, and the controllers' on_cancel read it (which loan a repayment
	reverses, which schedule a restructuring puts back): a client's changed field is refused."""
	if doc.flags.oleh_server or not dari_klien() or not doctype_aplikasi(doc.doctype):
		return
	asal = doc.get_doc_before_save()
	if asal is None:
		return
	diizinkan = set(doc.flags.kolom_server or ())
	for df in doc.meta.fields:
		if df.fieldtype in no_value_fields and df.fieldtype not in table_fields:
			continue
		if df.fieldname in diizinkan or df.fieldname in DIKELOLA_FRAPPE:
			continue
		if asal.get(df.fieldname) in (None, "") and (
			not doc.get(df.fieldname) or cstr(doc.get(df.fieldname)) == cstr(df.default)
		):
			continue  # empty as stored, or the default Frappe fills in on every save
		if not sama_nilai(df, doc.get(df.fieldname), asal.get(df.fieldname)):
			frappe.throw(
				_("A document is cancelled as it was saved: {0} cannot be changed when cancelling.").format(
					frappe.bold(_(df.label or df.fieldname))
				),
				frappe.PermissionError,
				title=_("Cancelling a document"),
			)


def periksa_ganti_nama(doc, *args, **kwargs):
	"""doc_events hook (after_rename, which Frappe always runs; the request rolls back on refusal):
	Frappe's whitelisted `rename` can skip its own checks (`validate_rename=0`, which also skips
	before_rename); an app record is renamed only where its DocType allows it, by who may write it."""
	if not dari_klien() or not doctype_aplikasi(doc.doctype):
		return
	if not (doc.meta.allow_rename and frappe.has_permission(doc.doctype, "write", doc=doc)):
		frappe.throw(_("{0} cannot be renamed.").format(_(doc.doctype)), frappe.PermissionError)


def periksa_tanggal(doc, field: str = "posting_date"):
	"""A money document from a client is dated today or at most `Pengaturan Koperasi > Batas
	Tanggal Mundur` days back; further back only the Pengurus; never in the future."""
	if doc.flags.oleh_server or not dari_klien() or not doc.get(field):
		return
	batas = frappe.db.get_value(
		"Singles", {"doctype": "Pengaturan Koperasi", "field": "batas_hari_mundur"}, "value", order_by=None
	)
	batas = BATAS_HARI_MUNDUR if batas in (None, "") else cint(batas)
	alasan = tanggal_mundur(getdate(doc.get(field)), getdate(today()), batas)
	if alasan == "masa_depan":
		frappe.throw(_("A transaction cannot be dated in the future."), title=_("Invalid date"))
	if alasan == "mundur":
		wajib_pengurus(_("Only the Pengurus may date a transaction more than {0} days back.").format(batas))


def dari_basis_data(doc, ptype: str = "write", ubah: bool = True):
	"""Start of a whitelisted controller method: act on the record as stored, not on what the
	client sent. Frappe's `run_doc_method` with `docs=` builds the document from the request (a
	client could name another cooperative's record and send its own `company`, `user` or
	`status`); this reads it back from the database and checks the record's own permission (User
	Permissions between cooperatives apply). A method that changes state answers POST only."""
	request = getattr(frappe.local, "request", None)
	if ubah and request and request.method != "POST":
		frappe.throw(_("This action must be sent as POST."), frappe.PermissionError)
	if doc.is_new() or not doc.name or doc.get("__unsaved"):
		frappe.throw(_("Save the document first."))
	doc.reload()
	for flag in ("__islocal", "__unsaved"):
		doc.__dict__.pop(flag, None)
	doc.check_permission(ptype)
	return doc
