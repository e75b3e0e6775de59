"""Command 2: the whole suite at four levels, one pytest run per level, counted per level.

unit         the pure rules (no frappe, no database)
integration  inside a throwaway site through the ORM (MariaDB, Redis, Frappe, ERPNext, the app)
http         against a gunicorn server serving that site, as guest, member and staff
browser      headless Debian Chromium driven by Playwright; screenshots in artifacts/screenshots

A level that runs no test, or a level whose tests are all skipped, fails the run: nothing is
skipped silently.
"""

import shutil
import xml.etree.ElementTree as ET

import click

from . import services, site
from .config import ROOT, Settings
from .util import KmpError, info, phase
from .util import run as run_cmd

LEVELS = ("unit", "integration", "http", "browser")
ARTIFACTS = ROOT / "artifacts"


def _counts(junit: str) -> dict:
	tree = ET.parse(junit)
	suites = [tree.getroot()] if tree.getroot().tag == "testsuite" else list(tree.getroot())
	out = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
	for s in suites:
		for key in out:
			out[key] += int(s.get(key, 0))
	out["passed"] = out["tests"] - out["failures"] - out["errors"] - out["skipped"]
	return out


def find_chromium() -> str:
	for name in ("chromium", "chromium-browser", "google-chrome"):
		if path := shutil.which(name):
			return path
	raise KmpError("Chromium was not found for the browser tests.", "apt-get install chromium")


def run(settings: Settings, levels, keep_site: bool = False, extra: list | None = None) -> int:
	ARTIFACTS.mkdir(exist_ok=True)
	needs_site = any(level != "unit" for level in levels)
	env = {
		"KMP_TEST_SITE": settings.test_site,
		"KMP_SITES_PATH": str(ROOT / "sites"),
		"KMP_TEST_URL": f"http://{settings.test_site}:{settings.test_port}",
		"KMP_TEST_PORT": str(settings.test_port),
		"KMP_ARTIFACTS": str(ARTIFACTS),
		"KMP_CHROMIUM": find_chromium() if "browser" in levels else "",
		"PYTHONDONTWRITEBYTECODE": "1",
	}
	if needs_site:
		with phase(f"Test site {settings.test_site} (throwaway)"):
			if not keep_site and site.site_exists(settings.test_site):
				site.drop_site(settings.test_site)
			site.ensure_site(settings.test_site, port=settings.test_port)
			# Frappe refuses more than 60 new Users a minute outside an import (a sign-up guard);
			# the suite approves members faster than any board could
			site.set_config(settings.test_site, "throttle_user_limit", 100000)
	server_started = False
	results = {}
	try:
		for level in levels:
			# integration tests print PDFs, which fetch their stylesheets from the site's server
			if level != "unit" and not server_started:
				with phase(f"Test server on port {settings.test_port}"):
					services.stop("test-web")
					services.start_web(
						settings,
						name="test-web",
						port=settings.test_port,
						workers=3,
						default_site=settings.test_site,
					)
				server_started = True
			junit = ARTIFACTS / f"junit-{level}.xml"
			junit.unlink(missing_ok=True)
			with phase(f"Tests: {level}"):
				cmd = [
					str(ROOT / "env" / "bin" / "python"),
					"-m",
					"pytest",
					f"tests/{level}",
					"-p",
					"no:cacheprovider",
					f"--junitxml={junit}",
					"-o",
					"junit_family=xunit2",
					"-rfEs",
					*(extra or []),
				]
				proc = run_cmd(cmd, env=env, check=False)
			counts = _counts(str(junit)) if junit.exists() else None
			results[level] = (proc.returncode, counts)
	finally:
		if server_started:
			services.stop("test-web")
	return _report(results)


def _report(results: dict) -> int:
	click.echo("\nTest results per level:")
	ok = True
	total_passed = total_failed = total_skipped = 0
	for level, (code, counts) in results.items():
		if counts is None:
			click.echo(f"  {level:<12} no result (pytest exit {code})")
			ok = False
			continue
		failed = counts["failures"] + counts["errors"]
		total_passed += counts["passed"]
		total_failed += failed
		total_skipped += counts["skipped"]
		verdict = "ok"
		if code == 5 or counts["tests"] == 0:
			verdict, ok = "FAILED: no test ran", False
		elif counts["passed"] == 0:
			verdict, ok = "FAILED: every test skipped", False
		elif code != 0 or failed:
			verdict, ok = "FAILED", False
		click.echo(
			f"  {level:<12} {counts['passed']} passed, {failed} failed, {counts['skipped']} skipped  [{verdict}]"
		)
	click.echo(f"\n{total_passed} passed, {total_failed} failed, {total_skipped} skipped")
	info(f"JUnit reports and screenshots: {ARTIFACTS}")
	return 0 if ok else 1


def benchmarks() -> list[str]:
	return sorted(
		p.stem
		for p in (ROOT / "benchmarks").glob("*.py")
		if p.stem not in ("__init__", "harness") and not p.stem.startswith("_")
	)


def run_benchmarks(settings: Settings, names: list[str], rows: int | None = None) -> int:
	"""Each benchmark in its own process against the test site (made if missing, never dropped here)."""
	ARTIFACTS.mkdir(exist_ok=True)
	with phase(f"Test site {settings.test_site} for benchmarks"):
		site.ensure_site(settings.test_site, port=settings.test_port)
	env = {
		"KMP_TEST_SITE": settings.test_site,
		"KMP_SITES_PATH": str(ROOT / "sites"),
		"KMP_ARTIFACTS": str(ARTIFACTS),
		"PYTHONDONTWRITEBYTECODE": "1",
	}
	failed = []
	# the Buku RAT benchmark prints a PDF, which fetches its stylesheets from the site's server
	with phase(f"Test server on port {settings.test_port}"):
		services.stop("test-web")
		services.start_web(
			settings, name="test-web", port=settings.test_port, workers=2, default_site=settings.test_site
		)
	try:
		for name in names:
			with phase(f"Benchmark: {name}"):
				cmd = [str(ROOT / "env" / "bin" / "python"), "-m", f"benchmarks.{name}"]
				if rows:
					cmd.append(str(rows))
				if run_cmd(cmd, env=env, check=False).returncode != 0:
					failed.append(name)
	finally:
		services.stop("test-web")
	if failed:
		click.secho(f"Benchmarks that did not finish: {', '.join(failed)}", fg="red")
	info(f"Figures: {ARTIFACTS / 'benchmarks.jsonl'}")
	return 1 if failed else 0
