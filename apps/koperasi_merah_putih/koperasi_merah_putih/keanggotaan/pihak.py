"""The member's ERPNext parties: a Customer (the accounting party), a Contact and a portal User.

Created once when the application is approved and kept in step with the Anggota record on every
later save. Nothing here commits: a failure rolls back with the Anggota save that caused it.
"""

import frappe
from frappe import _
from frappe.model.rename_doc import rename_doc
from frappe.utils.nestedset import get_root_of

from koperasi_merah_putih.rules import keanggotaan as aturan
from koperasi_merah_putih.setup.provisioning import CUSTOMER_GROUP
from koperasi_merah_putih.setup.roles import MEMBER_ROLE

GENDER = {"Laki-laki": "Male", "Perempuan": "Female"}


def sinkronkan(anggota, dengan_akun: bool | None = None) -> None:
	"""Create or update the member's Customer, Contact and (with an email) User.

	In a bulk import only the Customer (the accounting party) is made per row; the Contact and
	portal User follow in `buat_akun_portal`, which the end of the import starts as a background
	job: a Frappe User costs more than the rest of a member put together (sharing, caches,
	notification settings), and the register should be in quickly.
	"""
	if dengan_akun is None:
		dengan_akun = not frappe.flags.in_import or bool(anggota.user or anggota.contact)
	user = _user(anggota) if dengan_akun else anggota.user
	customer = _customer(anggota)
	contact = _contact(anggota, customer, user) if dengan_akun else anggota.contact
	perubahan = {}
	for field, value in (("customer", customer), ("contact", contact), ("user", user)):
		if anggota.get(field) != value:
			perubahan[field] = value
	if perubahan:
		# renews `modified`: a form opened before sees the new links (the fields are the server's)
		anggota.db_set(perubahan)


def _customer(anggota) -> str:
	values = {
		"customer_name": anggota.nama_lengkap,
		"customer_group": CUSTOMER_GROUP,
		"customer_type": "Individual",
		"anggota": anggota.name,
		"disabled": 0 if anggota.status in aturan.BOLEH_BERTRANSAKSI else 1,
	}
	name = anggota.customer or frappe.db.get_value("Customer", {"anggota": anggota.name})
	if not name:
		customer = frappe.new_doc("Customer")
		customer.update(values)
		default_territory = frappe.db.get_single_value("Selling Settings", "territory")
		customer.territory = default_territory or get_root_of("Territory")
		customer.flags.ignore_permissions = True
		# named by the member number: stable, unique, and no "Siti Aminah - 1" when names repeat
		customer.insert(
			set_name=anggota.nomor_anggota
			if not frappe.db.exists("Customer", anggota.nomor_anggota)
			else None
		)
		return customer.name
	current = frappe.db.get_value("Customer", name, list(values), as_dict=True)
	if any(str(current.get(k)) != str(v) for k, v in values.items()):
		customer = frappe.get_doc("Customer", name)
		customer.update(values)
		customer.flags.ignore_permissions = True
		customer.save()
	return name


def _contact(anggota, customer: str, user: str | None) -> str:
	name = anggota.contact or frappe.db.get_value(
		"Dynamic Link", {"link_doctype": "Customer", "link_name": customer, "parenttype": "Contact"}, "parent"
	)
	contact = frappe.get_doc("Contact", name) if name else frappe.new_doc("Contact")
	before = contact.as_dict() if name else None
	contact.first_name = anggota.nama_lengkap
	contact.last_name = None
	contact.gender = _gender(anggota)
	contact.user = user
	contact.set("email_ids", [{"email_id": anggota.email, "is_primary": 1}] if anggota.email else [])
	contact.set(
		"phone_nos",
		[{"phone": anggota.nomor_hp, "is_primary_mobile_no": 1, "is_primary_phone": 0}]
		if anggota.nomor_hp
		else [],
	)
	if not contact.links:
		# with the title given, Contact does not load the whole Customer just to read its name
		contact.append(
			"links", {"link_doctype": "Customer", "link_name": customer, "link_title": anggota.nama_lengkap}
		)
	contact.flags.ignore_permissions = True
	if not name:
		contact.insert()
		frappe.db.set_value(
			"Customer", customer, "customer_primary_contact", contact.name, update_modified=False
		)
	elif _contact_changed(before, contact, ("user",)):
		contact.save()
	elif before.get("user") != contact.user:
		# only the login link changed (a portal account made later): no need for a whole save
		frappe.db.set_value("Contact", contact.name, "user", contact.user)
	return contact.name


def _contact_changed(before: dict, contact, ignore: tuple = ()) -> bool:
	after = contact.as_dict()
	keys = [k for k in ("first_name", "last_name", "gender", "user") if k not in ignore]
	if any(before.get(k) != after.get(k) for k in keys):
		return True
	rows = lambda d, table, field: [r.get(field) for r in d.get(table) or []]  # noqa: E731
	return rows(before, "email_ids", "email_id") != rows(after, "email_ids", "email_id") or rows(
		before, "phone_nos", "phone"
	) != rows(after, "phone_nos", "phone")


def _user(anggota) -> str | None:
	"""The portal account: the member's email is the login. Staff who are members keep their user.

	The phone number stays on the Contact, not the User: Frappe keeps User.mobile_no unique, and
	in a village several members often share one family phone.
	"""
	if not anggota.email:
		return anggota.user
	if anggota.user and anggota.user != anggota.email and not frappe.db.exists("User", anggota.email):
		# the email changed: the login follows it
		rename_doc("User", anggota.user, anggota.email, ignore_permissions=True, show_alert=False)
	if frappe.db.exists("User", anggota.email):
		user = frappe.get_doc("User", anggota.email)
		other = frappe.db.get_value("Anggota", {"user": user.name, "name": ("!=", anggota.name)})
		if other:
			frappe.throw(_("This email is already used by another member."), title=_("Duplicate email"))
		if (
			user.name != anggota.user
			and anggota.sumber_pendaftaran == "Portal"
			and (user.user_type != "Website User" or not anggota.email_terkonfirmasi)
		):
			# anyone can type someone else's address on the public form: that application never
			# takes over (or gives the Anggota role to) an existing desk login, nor an existing
			# portal login unless the applicant confirmed the address from its mailbox
			anggota.add_comment(
				"Info",
				_(
					"This email belongs to an existing login and was not confirmed by the applicant; the member's portal account was not linked to it."
				),
			)
			return anggota.user
		changed = False
		if MEMBER_ROLE not in {r.role for r in user.roles}:
			user.append("roles", {"role": MEMBER_ROLE})
			changed = True
		if user.user_type == "Website User" and user.first_name != anggota.nama_lengkap:
			user.first_name, user.last_name = anggota.nama_lengkap, None
			changed = True
		if changed:
			user.flags.ignore_permissions = True
			user.save()
		return user.name
	user = frappe.get_doc(
		{
			"doctype": "User",
			"email": anggota.email,
			"first_name": anggota.nama_lengkap,
			"gender": _gender(anggota),
			"user_type": "Website User",
			"language": "id",
			"send_welcome_email": 1 if _can_send_email() and not anggota.flags.tanpa_email_sambutan else 0,
			"roles": [{"role": MEMBER_ROLE}],
		}
	)
	user.flags.ignore_permissions = True
	user.flags.no_welcome_mail = not user.send_welcome_email
	user.insert()
	return user.name


def _gender(anggota) -> str | None:
	gender = GENDER.get(anggota.jenis_kelamin)
	return gender if gender and frappe.db.exists("Gender", gender) else None


def _can_send_email() -> bool:
	return bool(frappe.db.exists("Email Account", {"enable_outgoing": 1, "default_outgoing": 1}))


def anggota_tanpa_akun(limit: int | None = None) -> list[str]:
	"""Numbered members a bulk import left without their Contact, or with an email but no User."""
	A = frappe.qb.DocType("Anggota")
	q = (
		frappe.qb.from_(A)
		.select(A.name)
		.where(A.status.isin(aturan.BOLEH_BERTRANSAKSI))
		.where(A.contact.isnull() | ((A.email.notnull()) & (A.email != "") & A.user.isnull()))
		.orderby(A.creation)
	)
	if limit:
		q = q.limit(limit)
	return [r[0] for r in q.run()]


def buat_akun_portal(batch: int = 200, limit: int | None = None) -> int:
	"""Create the missing portal Users, committing per batch, with a progress bar. Returns the count.

	A Frappe User costs about a fifth of a second to make here (document sharing, cache and
	notification clearing, contact sync), so 10,000 imported members take the worker a while:
	members get their accounts in import order, and staff can make one at once with the
	"Tautan Kata Sandi Portal" button meanwhile.
	"""
	names = anggota_tanpa_akun(limit)
	# the tail of a bulk import: lift Frappe's sign-up throttle (60 users a minute) as its importer does
	in_import, frappe.flags.in_import = frappe.flags.in_import, True
	try:
		_buat_akun(names, batch)
	finally:
		frappe.flags.in_import = in_import
	return len(names)


def _buat_akun(names: list[str], batch: int) -> None:
	for i, name in enumerate(names, 1):
		frappe.db.savepoint("akun_portal")
		try:
			# the row lock makes a concurrent run (hourly job, a second import) wait, then skip
			if not frappe.db.get_value("Anggota", name, "user", for_update=True):
				anggota = frappe.get_doc("Anggota", name)
				anggota.flags.tanpa_email_sambutan = True
				sinkronkan(anggota, dengan_akun=True)
		except Exception:
			frappe.db.rollback(save_point="akun_portal")
			frappe.log_error(title=_("Portal account for member {0} failed").format(name))
		if i % batch == 0 or i == len(names):
			frappe.db.commit()
			frappe.publish_progress(
				i * 100 / len(names),
				title=_("Creating member portal accounts"),
				description=f"{i}/{len(names)}",
			)


def setelah_impor(doc, method=None) -> None:
	"""Data Import hook (on_change): when an import of members has finished, create their portal
	accounts in one background job. The importer also sets "Partial Success" after its first row;
	the import has finished only when every row has its log entry."""
	if doc.reference_doctype != "Anggota" or doc.status not in ("Success", "Partial Success"):
		return
	if frappe.db.count("Data Import Log", {"data_import": doc.name}) >= (doc.payload_count or 0):
		frappe.enqueue(
			"koperasi_merah_putih.keanggotaan.pihak.buat_akun_portal",
			queue="long",
			job_id="kmp-buat-akun-portal",
			deduplicate=True,
			enqueue_after_commit=True,
		)
