"""Settings: defaults, then the machine-local settings file, then environment variables.

The settings file lives outside the repository so that an offline machine (or CI, which gets no
session variables) can point the install at local source directories. It is looked up at
$KMP_CONFIG, then ~/.config/kmp/kmp.toml, then /etc/kmp/kmp.toml (first one found wins).

    [sources]
    frappe = "/opt/kmp-sources/frappe"     # git URL or local git checkout
    erpnext = "/opt/kmp-sources/erpnext"
    branch = "version-15"

    [server]
    host = "127.0.0.1"
    port = 8000

    [backup]
    copy_to = "/media/usb"     # a second place for every backup (a mounted disk or USB drive)
    keep_days = 7              # backups older than this are deleted, here and in copy_to
    encrypt = false            # encrypt backups with gpg (the key: backup_encryption_key)
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent

UPSTREAM = {
	"frappe": "https://github.com/frappe/frappe",
	"erpnext": "https://github.com/frappe/erpnext",
}

SETTINGS_FILES = [
	Path("~/.config/kmp/kmp.toml").expanduser(),
	Path("/etc/kmp/kmp.toml"),
]


@dataclass
class Settings:
	frappe_source: str = UPSTREAM["frappe"]
	erpnext_source: str = UPSTREAM["erpnext"]
	branch: str = "version-15"
	host: str = "127.0.0.1"
	port: int = 8000
	socketio_port: int = 9000
	redis_cache_port: int = 13000
	redis_queue_port: int = 11000
	db_host: str = "127.0.0.1"
	db_port: int = 3306
	site: str = "koperasi.localhost"
	test_site: str = "kmp-test.localhost"
	test_port: int = 8010
	backup_copy_to: str = ""
	backup_keep_days: int = 7
	backup_encrypt: bool = False
	settings_file: str | None = None
	origin: dict = field(default_factory=dict)

	def source(self, app: str) -> str:
		return getattr(self, f"{app}_source")


def settings_file() -> Path | None:
	explicit = os.environ.get("KMP_CONFIG")
	if explicit:
		return Path(explicit)
	for path in SETTINGS_FILES:
		if path.is_file():
			return path
	return None


def load() -> Settings:
	s = Settings()
	path = settings_file()
	if path and path.is_file():
		data = tomllib.loads(path.read_text())
		s.settings_file = str(path)
		src = data.get("sources", {})
		server = data.get("server", {})
		for key, attr in (("frappe", "frappe_source"), ("erpnext", "erpnext_source"), ("branch", "branch")):
			if key in src:
				setattr(s, attr, str(src[key]))
				s.origin[attr] = str(path)
		for key in (
			"host",
			"port",
			"socketio_port",
			"redis_cache_port",
			"redis_queue_port",
			"site",
			"test_site",
			"test_port",
			"db_host",
			"db_port",
		):
			if key in server:
				setattr(s, key, type(getattr(s, key))(server[key]))
				s.origin[key] = str(path)
		backup = data.get("backup", {})
		for key in ("copy_to", "keep_days", "encrypt"):
			if key in backup:
				attr = f"backup_{key}"
				setattr(s, attr, type(getattr(s, attr))(backup[key]))
				s.origin[attr] = str(path)
	for env, attr in (
		("KMP_FRAPPE_SOURCE", "frappe_source"),
		("KMP_ERPNEXT_SOURCE", "erpnext_source"),
		("KMP_BRANCH", "branch"),
	):
		if os.environ.get(env):
			setattr(s, attr, os.environ[env])
			s.origin[attr] = f"${env}"
	return s
