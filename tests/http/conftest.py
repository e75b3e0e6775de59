"""HTTP level: requests against the gunicorn server `kmp test` started for the test site.

The data each test needs is made beforehand through tests/support (the ORM, committed); the
assertions are only about what the server answers."""

import os
import re

import pytest
import requests

from tests.support import frappe_site
from tests.support.data import PASSWORD, ensure_all_users, ensure_koperasi

CSRF = re.compile(r'csrf_token\s*=\s*"([0-9a-f]{20,})"')
PORT = int(os.environ.get("KMP_TEST_PORT", "8010"))
SITE = frappe_site.SITE


def pytest_configure(config):
	frappe_site.connect()


class Client(requests.Session):
	"""A browser-like session to the test site: every request carries the site's Host header."""

	def __init__(self):
		super().__init__()
		self.base = f"http://127.0.0.1:{PORT}"
		self.headers["Host"] = SITE
		self.headers["Accept"] = "application/json"

	def request(self, method, url, *args, **kwargs):
		kwargs.setdefault("timeout", 60)
		kwargs.setdefault("allow_redirects", False)
		response = super().request(method, self.base + url, *args, **kwargs)
		# like the desk: once a page hands out a CSRF token, later calls must carry it
		if match := CSRF.search(response.text):
			self.headers["X-Frappe-CSRF-Token"] = match.group(1)
		return response

	def login(self, user: str) -> "Client":
		r = self.post("/api/method/login", data={"usr": user, "pwd": PASSWORD})
		assert r.status_code == 200, r.text
		# as a browser would: a page hands over the session's CSRF token, later POSTs carry it
		r = self.get("/sertifikat", headers={"Accept": "text/html"})
		assert "X-Frappe-CSRF-Token" in self.headers, r.text[:300]
		return self


@pytest.fixture(scope="session")
def koperasi():
	return ensure_koperasi()


@pytest.fixture(scope="session")
def users(koperasi):
	return ensure_all_users()


@pytest.fixture
def guest():
	return Client()


@pytest.fixture
def as_user(users):
	def make(key: str) -> Client:
		return Client().login(users[key])

	return make


@pytest.fixture
def as_member():
	"""A logged-in session for an Anggota made by tests/support (their login has PASSWORD)."""

	def make(anggota) -> Client:
		return Client().login(anggota.user)

	return make
