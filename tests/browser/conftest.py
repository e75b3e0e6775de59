"""Browser level: Debian's Chromium, headless, driven by Playwright; screenshots kept as artifacts."""

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from tests.support import frappe_site
from tests.support.data import PASSWORD, ensure_all_users, ensure_koperasi

BASE_URL = os.environ.get("KMP_TEST_URL", f"http://{frappe_site.SITE}:8010")
SHOTS = Path(os.environ.get("KMP_ARTIFACTS", frappe_site.ROOT / "artifacts")) / "screenshots"
CHROMIUM_ARGS = [
	"--headless=new",
	"--no-sandbox",
	"--disable-gpu",
	"--disable-dev-shm-usage",
	"--disable-quic",
	"--no-first-run",
	"--disable-background-networking",
	"--disable-component-update",
	"--disable-sync",
]


def pytest_configure(config):
	frappe_site.connect()


@pytest.fixture(scope="session")
def users():
	ensure_koperasi()
	return ensure_all_users()


@pytest.fixture(scope="session")
def browser():
	executable = os.environ.get("KMP_CHROMIUM") or "/usr/bin/chromium"
	with sync_playwright() as p:
		b = p.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
		yield b
		b.close()


@contextmanager
def halaman(browser, width: int, height: int = 900):
	"""A page in a context of its own (its own cookies), Indonesian, closed however the test ends,
	so no page of a failed test keeps running under the next one."""
	context = browser.new_context(
		base_url=BASE_URL, viewport={"width": width, "height": height}, locale="id-ID"
	)
	try:
		pg = context.new_page()
		pg.set_default_timeout(30000)
		yield pg
	finally:
		context.close()


@pytest.fixture
def page(browser, request):
	"""The staff's desk on a laptop screen; its last screen is kept for the artifacts."""
	with halaman(browser, 1366) as pg:
		try:
			yield pg
		finally:
			SHOTS.mkdir(parents=True, exist_ok=True)
			name = re.sub(r"[^A-Za-z0-9_-]+", "_", request.node.name)
			try:
				# a page that no longer answers has failed its test already
				pg.screenshot(path=str(SHOTS / f"{name}-end.png"), full_page=True, timeout=10000)
			except PlaywrightError as e:
				print(f"no end screenshot of {request.node.name}: {e.message.splitlines()[0]}")


@pytest.fixture
def ponsel(browser):
	"""A member's phone."""
	with halaman(browser, 412) as pg:
		yield pg


# the user guide (docs/panduan) shows screens these tests take: each one it names is saved there too
PANDUAN = frappe_site.ROOT / "docs" / "panduan"
GAMBAR_PANDUAN = {
	nama
	for md in PANDUAN.glob("*.md")
	for nama in re.findall(r"\(gambar/([a-z0-9-]+)\.jpg\)", md.read_text())
}


def shot(page, name: str) -> Path:
	SHOTS.mkdir(parents=True, exist_ok=True)
	path = SHOTS / f"{name}.png"
	page.screenshot(path=str(path), full_page=True)
	if name in GAMBAR_PANDUAN:
		# the viewport only, a size a guide page can carry
		page.screenshot(path=str(PANDUAN / "gambar" / f"{name}.jpg"), type="jpeg", quality=70)
	return path


def login_form(page, email: str, password: str) -> None:
	"""Fill Frappe's /login form on the current page and wait for the next page to settle."""
	page.fill("#login_email", email)
	page.fill("#login_password", password)
	page.click(".btn-login")
	page.wait_for_load_state("networkidle")


def login(page, email: str) -> None:
	"""Log a staff user in with the test password and wait for the desk."""
	page.goto("/login")
	login_form(page, email, PASSWORD)
	page.wait_for_url("**/app**")


def buka_di_kasir(page, email: str, teks: str) -> None:
	"""Log in as the teller `email`, open Kasir Simpanan, search `teks` and take the first match
	with Enter (as a teller at the counter does)."""
	page.goto("/login")
	login_form(page, email, PASSWORD)
	page.goto("/app/kasir-simpanan")
	cari = page.locator("#kasir-cari")
	cari.wait_for()
	cari.fill(teks)
	page.wait_for_selector(".kasir-hasil-item.active")
	cari.press("Enter")
