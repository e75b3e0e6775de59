"""System prerequisites: Debian packages, Node/yarn, MariaDB (utf8mb4, root password) and checks."""

import os
import secrets
import shutil
import subprocess
import time
from pathlib import Path

from .util import KmpError, as_root, info, run, warn

APT_PACKAGES = [
	"git",
	"mariadb-server",
	"mariadb-client",
	"libmariadb-dev",
	"pkg-config",
	"redis-server",
	"wkhtmltopdf",
	"xfonts-75dpi",
	"xfonts-base",
	"fonts-dejavu-core",
	"fonts-noto-core",
	"cron",
	"curl",
	# Frappe encrypts backups with gpg (System Settings > Encrypt Backups)
	"gnupg",
	"python3-dev",
	"build-essential",
]
# Browser tests drive Debian's Chromium through Playwright (its own browser download fails offline).
TEST_APT_PACKAGES = ["chromium", "fonts-liberation"]

MARIADB_CNF = Path("/etc/mysql/mariadb.conf.d/99-koperasi-merah-putih.cnf")
MARIADB_CNF_TEXT = """# Written by kmp setup: what Frappe needs from MariaDB.
[mysqld]
character-set-client-handshake = FALSE
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_ci
innodb-read-only-compressed = OFF
bind-address = 127.0.0.1

[mysql]
default-character-set = utf8mb4
"""
ROOT_PW_FILE = Path(os.environ.get("KMP_DB_ROOT_PASSWORD_FILE", "/etc/kmp/mariadb-root-password"))


def missing_packages(packages: list[str]) -> list[str]:
	missing = []
	for pkg in packages:
		proc = subprocess.run(
			["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True, check=False
		)
		if "install ok installed" not in proc.stdout:
			missing.append(pkg)
	return missing


def ensure_packages(packages: list[str]) -> None:
	if not shutil.which("dpkg-query"):
		warn("Not a Debian system: install MariaDB 10.6+, Redis, wkhtmltopdf, git and Node 18+ yourself.")
		return
	missing = missing_packages(packages)
	if not missing:
		info("System packages present.")
		return
	info(f"Installing system packages: {' '.join(missing)}")
	env = {"DEBIAN_FRONTEND": "noninteractive"}
	run(as_root(["apt-get", "update", "-q"]), env=env)
	proc = run(as_root(["apt-get", "install", "-y", "-q", *missing]), env=env, check=False)
	if proc.returncode != 0:
		raise KmpError(
			f"apt-get could not install: {' '.join(missing)}",
			"check the machine's package sources (apt-get update) and network, then run again",
		)


def ensure_node() -> None:
	node = shutil.which("node")
	version = 0
	if node:
		out = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
		version = int(out.lstrip("v").split(".")[0] or 0)
	if version < 18:
		info("Installing Node.js and npm (Debian packages)")
		ensure_packages(["nodejs", "npm"])
	if not shutil.which("yarn"):
		info("Installing yarn (npm registry)")
		run(as_root(["npm", "install", "-g", "--no-fund", "--no-audit", "yarn@1"]))
	if not shutil.which("yarn"):
		raise KmpError("yarn is still missing after `npm install -g yarn`.", "install yarn 1.x and run again")


def _mariadb_alive() -> bool:
	return (
		subprocess.run(
			as_root(["mariadb-admin", "--protocol=socket", "ping"]), capture_output=True
		).returncode
		== 0
	)


def ensure_mariadb_running() -> None:
	if not MARIADB_CNF.exists() or MARIADB_CNF.read_text() != MARIADB_CNF_TEXT:
		info(f"Configuring MariaDB for Frappe (utf8mb4): {MARIADB_CNF}")
		run(as_root(["mkdir", "-p", str(MARIADB_CNF.parent)]), quiet=True)
		run(as_root(["tee", str(MARIADB_CNF)]), input=MARIADB_CNF_TEXT, quiet=True)
		if _mariadb_alive():
			_restart_mariadb()
	if _mariadb_alive():
		return
	_start_mariadb()


def _start_mariadb() -> None:
	info("Starting MariaDB")
	if Path("/run/systemd/system").exists():
		run(as_root(["systemctl", "start", "mariadb"]), check=False)
	elif shutil.which("service"):
		run(as_root(["service", "mariadb", "start"]), check=False)
	if not _wait_mariadb(30):
		# Last resort without an init system.
		run(as_root(["mkdir", "-p", "/run/mysqld"]), quiet=True)
		run(as_root(["chown", "mysql:mysql", "/run/mysqld"]), quiet=True, check=False)
		subprocess.Popen(
			as_root(["mysqld_safe", "--user=mysql"]),
			stdout=subprocess.DEVNULL,
			stderr=subprocess.DEVNULL,
			start_new_session=True,
		)
		if not _wait_mariadb(60):
			raise KmpError(
				"MariaDB did not start.", "see /var/log/mysql/error.log, or `service mariadb start`"
			)


def _restart_mariadb() -> None:
	if Path("/run/systemd/system").exists():
		run(as_root(["systemctl", "restart", "mariadb"]))
	else:
		run(as_root(["service", "mariadb", "restart"]), check=False)
	_wait_mariadb(60)


def _wait_mariadb(seconds: int) -> bool:
	deadline = time.monotonic() + seconds
	while time.monotonic() < deadline:
		if _mariadb_alive():
			return True
		time.sleep(1)
	return False


def db_root_password() -> str:
	"""The MariaDB root password for Frappe (TCP login); kept on the machine, not in the repo."""
	if os.environ.get("KMP_DB_ROOT_PASSWORD"):
		return os.environ["KMP_DB_ROOT_PASSWORD"]
	try:
		if ROOT_PW_FILE.is_file():
			return ROOT_PW_FILE.read_text().strip()
	except PermissionError:
		pass
	proc = subprocess.run(as_root(["cat", str(ROOT_PW_FILE)]), capture_output=True, text=True)
	if proc.returncode == 0 and proc.stdout.strip():
		return proc.stdout.strip()
	password = secrets.token_urlsafe(18)
	run(as_root(["mkdir", "-p", str(ROOT_PW_FILE.parent)]), quiet=True)
	run(as_root(["tee", str(ROOT_PW_FILE)]), input=password + "\n", quiet=True)
	run(as_root(["chmod", "600", str(ROOT_PW_FILE)]), quiet=True)
	return password


def ensure_db_root_password(password: str) -> None:
	"""Let root log in over TCP with a password, keeping unix-socket login for the OS root.

	Idempotent: fresh MariaDB admits root through the socket only; we add a password, and on
	every run re-assert it, so the file and the server never drift apart."""
	sql = (
		"ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket "
		"OR mysql_native_password USING PASSWORD(%s); FLUSH PRIVILEGES;"
	)
	escaped = "'" + password.replace("\\", "\\\\").replace("'", "\\'") + "'"
	proc = run(
		as_root(["mariadb", "--protocol=socket", "-u", "root"]),
		input=sql.replace("%s", escaped),
		check=False,
		quiet=True,
	)
	if proc.returncode != 0:
		# Perhaps socket login was removed by an administrator: try the password itself.
		check = subprocess.run(
			["mariadb", "-h", "127.0.0.1", "-u", "root", f"-p{password}", "-e", "select 1"],
			capture_output=True,
		)
		if check.returncode != 0:
			raise KmpError(
				"Cannot log in to MariaDB as root, neither through the socket nor with the stored password.",
				f"put the MariaDB root password in {ROOT_PW_FILE} (mode 600) or $KMP_DB_ROOT_PASSWORD",
			)


HOSTS_FILE = Path("/etc/hosts")
HOSTS_MARK = "# koperasi-merah-putih"


def ensure_hosts(names: list[str]) -> None:
	"""Make the sites' names resolve to this machine for every program, not only browsers.

	Chromium resolves *.localhost by itself; wkhtmltopdf (PDF printing) and Python do not, and the
	PDF of a print format fetches its stylesheets from the site's own URL.
	"""
	text = HOSTS_FILE.read_text() if HOSTS_FILE.exists() else ""
	known = set()
	for line in text.splitlines():
		parts = line.split("#", 1)[0].split()
		if parts and parts[0] in ("127.0.0.1", "::1"):
			known.update(parts[1:])
	missing = [n for n in names if n not in known]
	if not missing:
		return
	try:
		with HOSTS_FILE.open("a") as f:
			f.write(
				("" if text.endswith("\n") or not text else "\n")
				+ f"127.0.0.1 {' '.join(missing)} {HOSTS_MARK}\n"
			)
	except PermissionError:
		warn(f"Cannot write {HOSTS_FILE}: add '127.0.0.1 {' '.join(missing)}' to it for PDF printing.")
