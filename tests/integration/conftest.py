"""Integration level: this process connects to the throwaway test site."""

import pytest

from tests.support import frappe_site


def pytest_configure(config):
	frappe_site.connect()


@pytest.fixture(scope="session")
def koperasi():
	from tests.support.data import ensure_koperasi

	return ensure_koperasi()
