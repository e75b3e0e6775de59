"""The test data factories, in one place for every level: a provisioned test cooperative and
users with known passwords. They go through the app's own provisioning and Frappe's ORM, and commit,
because the HTTP and browser levels read them from another process (the server)."""

import frappe

from koperasi_merah_putih.setup.provisioning import provision_koperasi

KOPERASI = "Uji Coba"
PASSWORD = "Uji-Koperasi-2026!"

USERS = {
	"pengurus": ("pengurus.uji@koperasi.test", "Pengurus", "System User"),
	"kasir": ("kasir.uji@koperasi.test", "Kasir", "System User"),
	"pengawas": ("pengawas.uji@koperasi.test", "Pengawas", "System User"),
	"anggota": ("anggota.uji@koperasi.test", "Anggota", "Website User"),
}


def ensure_koperasi() -> dict:
	result = provision_koperasi(KOPERASI)
	frappe.db.commit()
	return result


def ensure_user(key: str) -> str:
	email, role, user_type = USERS[key]
	if not frappe.db.exists("User", email):
		user = frappe.get_doc(
			{
				"doctype": "User",
				"email": email,
				"first_name": key.title(),
				"last_name": "Uji",
				"user_type": user_type,
				"send_welcome_email": 0,
				"roles": [{"role": role}],
			}
		)
		user.flags.no_welcome_mail = True
		user.insert(ignore_permissions=True)
	from frappe.utils.password import update_password

	update_password(email, PASSWORD)
	company = ensure_koperasi()["company"]
	frappe.defaults.set_user_default("company", company, email)
	frappe.db.commit()
	return email


def ensure_all_users() -> dict[str, str]:
	return {key: ensure_user(key) for key in USERS}
