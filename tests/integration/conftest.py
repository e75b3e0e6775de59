"""Integration level: this process connects to the throwaway test site."""

import pytest

from tests.support import frappe_site


def pytest_configure(config):
	frappe_site.connect()


@pytest.fixture(scope="session", autouse=True)
def koperasi():
	"""The test cooperative and users, committed before any test opens its transaction."""
	from tests.support.data import ensure_all_users, ensure_koperasi

	result = ensure_koperasi()
	ensure_all_users()
	return result
