"""Sites: create one with ERPNext and the app (idempotent), migrate when the code changed, provision."""

import hashlib
import json
import secrets
import subprocess

from . import system
from .config import ROOT
from .system import db_root_password
from .util import KmpError, frappe_cmd, info


def site_path(site: str):
	return ROOT / "sites" / site


def admin_password(site: str) -> str:
	path = site_path(site) / "kmp-admin-password"
	if path.exists():
		return path.read_text().strip()
	return secrets.token_urlsafe(12)


def _save_admin_password(site: str, password: str) -> None:
	path = site_path(site) / "kmp-admin-password"
	path.write_text(password + "\n")
	path.chmod(0o600)


def code_stamp() -> str:
	"""What a migrate depends on: the apps' commits and every file of our app."""
	h = hashlib.sha1()
	for app in ("frappe", "erpnext"):
		h.update(
			subprocess.run(
				["git", "rev-parse", "HEAD"], cwd=ROOT / "apps" / app, capture_output=True, text=True
			).stdout.encode()
		)
	app_dir = ROOT / "apps" / "koperasi_merah_putih" / "koperasi_merah_putih"
	for p in sorted(app_dir.rglob("*")):
		if (
			p.is_file()
			and "__pycache__" not in p.parts
			and p.suffix in (".py", ".json", ".txt", ".po", ".html")
		):
			h.update(str(p.relative_to(app_dir)).encode())
			h.update(p.read_bytes())
	return h.hexdigest()


def site_exists(site: str) -> bool:
	return (site_path(site) / "site_config.json").exists()


def create_site(site: str, *, source_sql: str | None = None) -> None:
	password = admin_password(site)
	args = [
		"new-site",
		site,
		"--db-root-username",
		"root",
		"--db-root-password",
		db_root_password(),
		"--admin-password",
		password,
		"--mariadb-user-host-login-scope",
		"%",
		"--force",
	]
	if source_sql:
		args += ["--source-sql", source_sql]
	else:
		args += ["--install-app", "erpnext", "--install-app", "koperasi_merah_putih"]
	frappe_cmd(*args, timeout=3600)
	_save_admin_password(site, password)


def ensure_site(site: str, default: bool = False, port: int | None = None) -> None:
	stamp_file = site_path(site) / "kmp-code-stamp"
	if not site_exists(site):
		info(f"Creating site {site} with ERPNext and koperasi_merah_putih")
		create_site(site)
	else:
		apps = frappe_cmd("list-apps", "--format", "json", site=site, capture=True).stdout
		if "koperasi_merah_putih" not in apps:
			frappe_cmd("install-app", "erpnext", "koperasi_merah_putih", site=site, timeout=3600)
		if not stamp_file.exists() or stamp_file.read_text() != code_stamp():
			info(f"Migrating {site} (code changed since the last run)")
			frappe_cmd("migrate", site=site, timeout=3600)
	stamp_file.write_text(code_stamp())
	if port:
		set_host_name(site, port)
	if default:
		frappe_cmd("use", site, quiet=True)


def set_host_name(site: str, port: int) -> None:
	"""The site's own URL (links in emails, and the stylesheets a PDF print fetches), resolvable here."""
	system.ensure_hosts([site])
	set_config(site, "host_name", f"http://{site}:{port}")


def set_config(site: str, key: str, value) -> None:
	config_file = site_path(site) / "site_config.json"
	config = json.loads(config_file.read_text())
	if config.get(key) != value:
		config[key] = value
		config_file.write_text(json.dumps(config, indent=1))


def _provision_json(site: str, args: list[str]) -> dict:
	out = frappe_cmd(*args, site=site, capture=True, timeout=1800).stdout
	try:
		return json.loads(out.strip().splitlines()[-1])
	except (ValueError, IndexError):
		raise KmpError(f"Provisioning printed no result:\n{out[-3000:]}")


def provision(site: str, name: str, abbr: str | None = None, demo_users: bool = False) -> dict:
	"""Provision through the app's bench command; demo logins are kept in the site folder (0600)
	so that every run can print them, and reset only if this machine lost them."""
	saved_file = site_path(site) / "kmp-demo-users.json"
	saved = json.loads(saved_file.read_text()) if saved_file.exists() else {}
	args = ["koperasi-provision", name, "--json"]
	if abbr:
		args += ["--abbr", abbr]
	if demo_users:
		args += ["--demo-users"]
		if not saved_file.exists():
			# users created earlier on this site have passwords this machine no longer knows
			args += ["--reset-demo-passwords"]
	result = _provision_json(site, args)
	if demo_users and "--reset-demo-passwords" not in args:
		lost = [u for u in result.get("users", []) if not u.get("password") and u["email"] not in saved]
		if lost:
			# users made earlier on this site by another way: this machine never knew their passwords
			result = _provision_json(site, [*args, "--reset-demo-passwords"])
	for user in result.get("users", []):
		if user.get("password"):
			saved[user["email"]] = user["password"]
		user["password"] = saved.get(user["email"], "(see Administrator: User list)")
	if result.get("users"):
		saved_file.write_text(json.dumps(saved, indent=1))
		saved_file.chmod(0o600)
	return result


def drop_site(site: str) -> None:
	info(f"Dropping {site}")
	frappe_cmd(
		"drop-site",
		site,
		"--db-root-username",
		"root",
		"--db-root-password",
		db_root_password(),
		"--force",
		"--no-backup",
		timeout=600,
	)


def demo(site: str, anggota: int) -> dict:
	"""Load the demo cooperative (the app's `koperasi-demo` command); its logins as `provision` keeps them."""
	data = json.loads((ROOT / "fixtures" / "demo" / "pekalongan.json").read_text())
	logins = provision(site, data["koperasi"], demo_users=True)
	hasil = site_path(site) / "kmp-demo-result.json"
	hasil.unlink(missing_ok=True)
	# the demo's progress streams to the terminal; its figures come back in a file
	frappe_cmd("koperasi-demo", "--anggota", str(anggota), "--json-file", str(hasil), site=site, timeout=7200)
	result = json.loads(hasil.read_text())
	result["users"] = logins.get("users", [])
	return result
