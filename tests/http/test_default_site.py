"""Without nginx, kmp's server sends unknown hosts (an IP, `localhost`) to the default site and
serves its public files, but never its private ones to a guest."""

import frappe
import pytest
import requests

from tests.http.conftest import PORT

PUBLIC_TEXT = b"Jadwal RAT: 15 Maret"
PRIVATE_TEXT = b"Data rahasia anggota"


@pytest.fixture(scope="module")
def files():
	made = {}
	for name, content, private in (
		("kmp-uji-publik.txt", PUBLIC_TEXT, 0),
		("kmp-uji-privat.txt", PRIVATE_TEXT, 1),
	):
		existing = frappe.db.get_value("File", {"file_name": name}, "file_url")
		if not existing:
			doc = frappe.get_doc(
				{"doctype": "File", "file_name": name, "content": content, "is_private": private}
			).insert(ignore_permissions=True)
			existing = doc.file_url
		made[private] = existing
	frappe.db.commit()
	return made


def get(path: str, host: str = "127.0.0.1"):
	return requests.get(f"http://127.0.0.1:{PORT}{path}", headers={"Host": host}, timeout=30)


def test_an_unknown_host_reaches_the_default_site():
	r = get("/api/method/ping")
	assert r.status_code == 200 and r.json()["message"] == "pong"
	assert get("/login", host="localhost").status_code == 200


def test_public_files_and_assets_are_served_on_the_default_site(files):
	r = get(files[0])
	assert r.status_code == 200
	assert r.content == PUBLIC_TEXT
	assert get("/assets/koperasi_merah_putih/images/logo.svg").status_code == 200


def test_private_files_stay_private_for_a_guest(files):
	r = get(files[1])
	assert r.status_code in (403, 404)
	assert PRIVATE_TEXT not in r.content
