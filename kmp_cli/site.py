"""Sites: create one with ERPNext and the app (idempotent), migrate when the code changed, provision."""

import hashlib
import json
import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path

from . import system
from .config import ROOT
from .system import db_root_password
from .util import KmpError, frappe_cmd, info, run


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
	"""A new site: from `source_sql` (a backup being restored) or else from the fresh-site template
	of this code (a restore, about 30 s, instead of installing ERPNext and the app, about 3 min)."""
	if not source_sql:
		template = fresh_template()
		try:
			_new_site(site, source_sql=str(template))
			frappe_cmd("set-admin-password", admin_password(site), site=site, quiet=True)
			return
		except KmpError:
			# a template that no longer restores is dropped and the site made the long way
			template.unlink(missing_ok=True)
			if site_exists(site):
				drop_site(site)
			info(f"Making {site} without the template")
	_new_site(site, source_sql=source_sql, install=not source_sql)


def _new_site(site: str, *, source_sql: str | None = None, install: bool = False) -> None:
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
	if install:
		args += ["--install-app", "erpnext", "--install-app", "koperasi_merah_putih"]
	frappe_cmd(*args, timeout=3600)
	_save_admin_password(site, password)


# the fresh-site templates live on the machine, not in a checkout, so fresh clones share them
TEMPLATES = Path(os.environ.get("KMP_TEMPLATE_DIR", "/var/cache/kmp/templates"))
TEMPLATE_SITE = "kmp-template.localhost"


def fresh_template() -> Path:
	"""The database of a fresh site (Frappe, ERPNext and the app installed, nothing provisioned)
	for this code, as a Frappe backup; made once per code stamp (the apps' commits and every file
	of the app that shapes the database), so a template never outlives the code that made it."""
	stamp = code_stamp()
	path = TEMPLATES / f"fresh-{stamp[:20]}-database.sql.gz"
	if path.is_file():
		return path
	info("Making the fresh-site template for this code (once; later sites restore it)")
	TEMPLATES.mkdir(parents=True, exist_ok=True)
	if site_exists(TEMPLATE_SITE):
		drop_site(TEMPLATE_SITE)
	_new_site(TEMPLATE_SITE, install=True)
	partial = path.with_name(path.name.replace("-database", "-partial-database"))
	try:
		frappe_cmd("backup", "--backup-path-db", str(partial), site=TEMPLATE_SITE, quiet=True)
		partial.replace(path)  # whole or absent
	finally:
		partial.unlink(missing_ok=True)
		drop_site(TEMPLATE_SITE)
	for old in TEMPLATES.glob("fresh-*-database.sql.gz"):
		if old != path:
			old.unlink()
	return path


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


def apply_backup_settings(site: str, settings) -> None:
	"""The settings file's [backup] in the site config, where the daily backup job reads them."""
	if settings.backup_keep_days < 1:
		raise KmpError("[backup] keep_days must be at least 1.", f"see {settings.settings_file}")
	set_config(site, "keep_backups_for_hours", settings.backup_keep_days * 24)
	set_config(site, "kmp_backup_copy_to", settings.backup_copy_to or None)
	frappe_cmd(
		"execute",
		"frappe.db.set_single_value",
		"--args",
		# Frappe's daily clean-up keeps `backup_limit` backups: one a day for the days kept
		json.dumps(
			[
				"System Settings",
				{"encrypt_backup": int(settings.backup_encrypt), "backup_limit": settings.backup_keep_days},
			]
		),
		site=site,
		quiet=True,
	)


def backup(site: str, copy_to: str | None = None) -> dict:
	"""The app's `koperasi-cadangan`: Frappe's backup with files, the books' fingerprint, the copy."""
	args = ["koperasi-cadangan", "--json"]
	if copy_to:
		args += ["--salin-ke", copy_to]
	proc = frappe_cmd(*args, site=site, capture=True, check=False, timeout=3600)
	if proc.returncode != 0:
		raise KmpError(f"The backup of {site} failed.", (proc.stderr or proc.stdout or "").strip()[-2000:])
	return json.loads(proc.stdout.strip().splitlines()[-1])


def backup_set(db_file) -> dict:
	"""The files of one backup, found beside its database file by Frappe's naming."""

	db = Path(db_file).resolve()
	if not db.is_file():
		raise KmpError(f"No backup file {db_file}.")
	enc = "-enc" if db.name.endswith("-database-enc.sql.gz") else ""
	if not db.name.endswith(f"-database{enc}.sql.gz"):
		raise KmpError(f"{db.name} is not a Frappe database backup (…-database.sql.gz).")
	prefix = db.name.removesuffix(f"-database{enc}.sql.gz")

	def sibling(*names):
		return next((db.with_name(prefix + n) for n in names if db.with_name(prefix + n).is_file()), None)

	return {
		"db": db,
		"public": sibling(f"-files{enc}.tgz", f"-files{enc}.tar"),
		"private": sibling(f"-private-files{enc}.tgz", f"-private-files{enc}.tar"),
		"config": sibling(f"-site_config_backup{enc}.json"),
		"fingerprint": sibling("-sidik.json"),
		"encrypted": bool(enc),
	}


def restore(db_file, site: str, encryption_key: str | None = None) -> dict:
	"""Restore a backup onto a new site: Frappe's `new-site --source-sql` and its files put back as
	Frappe's `restore` does; the source's encryption key carried over (the stored passwords need
	it); a migrate (a backup of an older version is brought up to this code); and the restored books
	checked against the backup's fingerprint. A restore that fails leaves no half-made site."""
	import tempfile

	files = backup_set(db_file)
	if site_exists(site):
		raise KmpError(
			f"The site {site} already exists; a restore makes a new site.",
			"choose another name, or drop it first: ./kmp frappe drop-site " + site,
		)
	if files["encrypted"] and not encryption_key:
		raise KmpError("This backup is encrypted.", "pass the key Frappe printed: --encryption-key KEY")
	with tempfile.TemporaryDirectory(prefix="kmp-restore-") as tmp:
		if files["encrypted"]:
			files = _decrypted(files, encryption_key, tmp)
		refuse_newer_frappe(files["db"])
		source_config = _read_json(files["config"]) if files["config"] else {}
		# read while the decrypted copies exist
		files["fingerprint_data"] = _read_json(files["fingerprint"]) if files["fingerprint"] else None
		try:
			create_site(site, source_sql=str(files["db"]))
			for kind in ("public", "private"):
				if files[kind]:
					extract_files(files[kind], kind, site)
		except (KmpError, subprocess.SubprocessError):
			if site_exists(site):
				drop_site(site)
			raise KmpError(
				f"{files['db'].name} could not be restored onto {site}; nothing was kept.",
				"see the messages above",
			)
	if source_config.get("encryption_key"):
		set_config(site, "encryption_key", source_config["encryption_key"])
	info(f"Migrating {site} to this code")
	frappe_cmd("migrate", site=site, timeout=3600)
	(site_path(site) / "kmp-code-stamp").write_text(code_stamp())
	result = {"site": site, "restored": str(files["db"]), "differences": None}
	if files["fingerprint"]:
		expected = files["fingerprint_data"]
		out = frappe_cmd("koperasi-sidik", site=site, capture=True, timeout=1800).stdout
		actual = json.loads(out.strip().splitlines()[-1])
		result["differences"] = fingerprint_differences(expected, actual)
	return result


def extract_files(archive, kind: str, site: str) -> int:
	"""A backup's files archive into the site's `kind`/files. Frappe's own restore strips two path
	parts, right only when the backup was taken from sites/ (`./<site>/private/files/...`); a
	backup taken with an absolute sites path holds `<path>/<site>/private/files/...`. What follows
	`<kind>/files/` is kept; links, devices and paths that climb out are refused."""
	import tarfile
	from pathlib import PurePosixPath

	root = (site_path(site) / kind / "files").resolve()
	count = 0
	with tarfile.open(archive) as tar:
		for member in tar:
			parts = PurePosixPath(member.name).parts
			anchor = next((i for i in range(len(parts) - 1) if parts[i : i + 2] == (kind, "files")), None)
			if anchor is None or not (member.isfile() or member.isdir()):
				continue
			rest = parts[anchor + 2 :]
			dest = root.joinpath(*rest).resolve() if rest else root
			if dest != root and root not in dest.parents:
				raise KmpError(f"{archive} holds a path outside the site's files: {member.name}")
			if member.isdir():
				dest.mkdir(parents=True, exist_ok=True)
				continue
			dest.parent.mkdir(parents=True, exist_ok=True)
			with tar.extractfile(member) as src, open(dest, "wb") as out:
				shutil.copyfileobj(src, out)
			count += 1
	return count


def _version(text: str) -> tuple[int, ...]:
	return tuple(int(p) for p in re.findall(r"\d+", text)[:3])


def refuse_newer_frappe(db) -> None:
	"""A backup made by a newer Frappe than this bench's cannot be migrated down: refused, as
	Frappe's own restore does (the version is in the dump's metadata header)."""
	import gzip

	with gzip.open(db, "rt", errors="replace") as f:
		header = "".join(f.readline() for _ in range(12))
	found = re.search(r"\[frappe\]\s*\n--\s*version\s*=\s*([\d.]+)", header)
	init = (ROOT / "apps" / "frappe" / "frappe" / "__init__.py").read_text()
	here = re.search(r'__version__\s*=\s*"([^"]+)"', init)
	if found and here and _version(found[1]) > _version(here[1]):
		raise KmpError(
			f"The backup was made by Frappe {found[1]}, newer than this bench's {here[1]}.",
			"update this bench (./kmp setup) before restoring it",
		)


def _read_json(path) -> dict:
	try:
		return json.loads(path.read_text())
	except (ValueError, UnicodeDecodeError):
		raise KmpError(f"{path.name} could not be read (not JSON; a wrong key?).")


def _decrypted(files: dict, key: str, tmp: str) -> dict:
	"""The backup's files decrypted with gpg (as Frappe encrypted them) into `tmp`. Frappe leaves
	the site config of an encrypted backup in the clear; the copy on the second path is encrypted."""

	out = dict(files, encrypted=False)
	for kind in ("db", "public", "private", "config", "fingerprint"):
		src = files[kind]
		if not src:
			continue
		if kind in ("config", "fingerprint") and src.read_bytes()[:1] == b"{":
			continue
		dest = Path(tmp) / src.name.replace("-enc", "")
		proc = run(
			[
				"gpg",
				"--batch",
				"--yes",
				"--pinentry-mode",
				"loopback",
				"--passphrase-fd",
				"0",
				"--output",
				str(dest),
				"--decrypt",
				str(src),
			],
			input=key,
			quiet=True,
			check=False,
		)
		if proc.returncode != 0:
			raise KmpError(f"{src.name} could not be decrypted.", "check the encryption key")
		out[kind] = dest
	return out


def fingerprint_differences(expected: dict, actual: dict) -> list[str]:
	"""Where two fingerprints of the books differ, one line each (empty when identical)."""
	out = []
	for part in sorted(set(expected) | set(actual)):
		a, b = expected.get(part, {}), actual.get(part, {})
		for key in sorted(set(a) | set(b)):
			if a.get(key) != b.get(key):
				out.append(f"{part}: {key}: {a.get(key)!r} in the backup, {b.get(key)!r} restored")
	return out
