"""The bench in the repository root: apps/, env/, sites/, config/, logs/ (all ignored by git).

Each step is idempotent and skipped when its inputs have not changed (stamps in env/), so a second
`kmp setup` takes seconds and a fresh clone builds everything."""

import hashlib
import json
import os
import re
import subprocess
from pathlib import Path

from .config import ROOT, Settings
from .util import KmpError, frappe_cmd, info, run

APPS = ["frappe", "erpnext"]
OUR_APP = "koperasi_merah_putih"
STAMPS = ROOT / "env" / ".kmp-stamps.json"


def _stamps() -> dict:
	return json.loads(STAMPS.read_text()) if STAMPS.exists() else {}


def _save_stamp(key: str, value: str) -> None:
	data = _stamps()
	data[key] = value
	STAMPS.write_text(json.dumps(data, indent=1))


def _digest(*paths: Path) -> str:
	h = hashlib.sha1()
	for p in paths:
		if p.is_file():
			h.update(p.read_bytes())
	return h.hexdigest()


def ensure_dirs() -> None:
	for d in ("apps", "sites", "config/pids", "logs"):
		(ROOT / d).mkdir(parents=True, exist_ok=True)


def _is_local(source: str) -> bool:
	return not re.match(r"^[a-z+]+://|^git@", source)


def get_app(app: str, settings: Settings) -> None:
	"""Clone frappe/erpnext from upstream (default) or from a local git checkout (offline)."""
	target = ROOT / "apps" / app
	if (target / ".git").exists() or (target / "pyproject.toml").exists():
		return
	source = settings.source(app)
	origin = settings.origin.get(f"{app}_source", "default")
	if _is_local(source):
		path = Path(source).expanduser()
		if not (path / ".git").exists():
			raise KmpError(
				f"The local source for {app} ({path}, from {origin}) is not a git checkout.",
				f"point [sources] {app} in {settings.settings_file or '/etc/kmp/kmp.toml'} at a git "
				f"checkout of {app} with a {settings.branch} branch",
			)
		source = path.resolve().as_uri()
	info(f"Getting {app} ({settings.branch}) from {source}")
	proc = run(
		["git", "clone", "--depth", "1", "--branch", settings.branch, source, str(target)],
		check=False,
		capture=True,
		timeout=1800,
	)
	if proc.returncode != 0:
		raise KmpError(
			f"Could not get {app} from {source} (branch {settings.branch}).\n{proc.stdout[-1500:]}",
			"check the network, or set local sources for an offline install in /etc/kmp/kmp.toml:\n"
			'    [sources]\n    frappe = "/path/to/frappe"\n    erpnext = "/path/to/erpnext"',
		)


def pip_install() -> None:
	"""Install frappe, erpnext and our app (editable) into env/, when their pyprojects changed."""
	paths = [ROOT / "apps" / a / "pyproject.toml" for a in (*APPS, OUR_APP)]
	key = _digest(*paths, ROOT / "setup.py")
	if _stamps().get("pip") == key:
		return
	pip = [str(ROOT / "env" / "bin" / "python"), "-m", "pip", "install", "-q"]
	run([*pip, "--upgrade", "pip", "setuptools<81", "wheel"])
	run([*pip, *sum((["-e", f"apps/{a}"] for a in (*APPS, OUR_APP)), [])], timeout=3600)
	run([*pip, "-r", "tests/requirements.txt"], timeout=1800)
	_save_stamp("pip", key)


def yarn_install() -> None:
	for app in APPS:
		app_dir = ROOT / "apps" / app
		if _stamps().get(f"yarn-{app}") == _yarn_key(app_dir) and (app_dir / "node_modules").exists():
			continue
		info(f"Installing JavaScript packages for {app} (yarn)")
		run(["yarn", "install", "--non-interactive", "--check-files"], cwd=app_dir, timeout=3600)
		# yarn may rewrite its lock file (a local dependency): stamp what it left
		_save_stamp(f"yarn-{app}", _yarn_key(app_dir))


def _yarn_key(app_dir: Path) -> str:
	return _digest(app_dir / "package.json", app_dir / "yarn.lock")


def write_bench_config(settings: Settings) -> None:
	sites = ROOT / "sites"
	(sites / "apps.txt").write_text("\n".join([*APPS, OUR_APP]) + "\n")
	if not (sites / "apps.json").exists():
		(sites / "apps.json").write_text("{}")
	path = sites / "common_site_config.json"
	conf = json.loads(path.read_text()) if path.exists() else {}
	template = json.loads((sites / "common_site_config.template.json").read_text())
	for key, value in template.items():
		conf.setdefault(key, value)
	conf.update(
		{
			"db_host": settings.db_host,
			"db_port": settings.db_port,
			"redis_cache": f"redis://127.0.0.1:{settings.redis_cache_port}",
			"redis_queue": f"redis://127.0.0.1:{settings.redis_queue_port}",
			"redis_socketio": f"redis://127.0.0.1:{settings.redis_queue_port}",
			"socketio_port": settings.socketio_port,
			"webserver_port": settings.port,
			# bench refuses to run as root unless the bench's user is named: the owner of the
			# files set-up creates, i.e. whoever runs kmp (root under sudo).
			"frappe_user": _whoami(),
		}
	)
	path.write_text(json.dumps(conf, indent=1, sort_keys=True))
	# the layout `bench` itself expects, so a bench user can also run `bench start`
	(ROOT / "Procfile").write_text(
		"redis_cache: redis-server config/redis_cache.conf\n"
		"redis_queue: redis-server config/redis_queue.conf\n"
		f"web: cd sites && ../env/bin/gunicorn -b {settings.host}:{settings.port} -w 2 -t 120 "
		"'kmp_cli.wsgi:application()' --preload\n"
		"socketio: node apps/frappe/socketio.js\n"
		"schedule: cd sites && ../env/bin/python -m frappe.utils.bench_helper frappe schedule\n"
		"worker: cd sites && ../env/bin/python -m frappe.utils.bench_helper frappe worker\n"
	)
	for name, port in (("cache", settings.redis_cache_port), ("queue", settings.redis_queue_port)):
		lines = [
			f"port {port}",
			"bind 127.0.0.1",
			"daemonize yes",
			f"pidfile {ROOT}/config/pids/redis_{name}.pid",
			f"logfile {ROOT}/logs/redis_{name}.log",
			f"dir {ROOT}/config/pids",
			f"dbfilename redis_{name}.rdb",
			# a failed snapshot must never stop the site from working
			"stop-writes-on-bgsave-error no",
		]
		if name == "cache":
			lines += ['save ""', "appendonly no", "maxmemory 256mb", "maxmemory-policy allkeys-lru"]
		(ROOT / "config" / f"redis_{name}.conf").write_text("\n".join(lines) + "\n")


def _whoami() -> str:
	import pwd

	return pwd.getpwuid(os.geteuid()).pw_name


def build_assets(force: bool = False) -> None:
	"""Build JS/CSS with Frappe's builder (never downloading prebuilt assets)."""
	inputs = []
	for app in (*APPS, OUR_APP):
		# JS/CSS sources, and the translations that the build compiles to .mo files
		for folder in ("public", "locale"):
			src = ROOT / "apps" / app / app / folder
			if src.exists():
				# not the build's own output (public/dist is where sites/assets/<app>/dist points)
				inputs += sorted(
					p
					for p in src.rglob("*")
					if p.is_file()
					and "node_modules" not in p.parts
					and "dist" not in p.relative_to(src).parts
				)
	head = [
		subprocess.run(
			["git", "rev-parse", "HEAD"], cwd=ROOT / "apps" / a, capture_output=True, text=True
		).stdout
		for a in APPS
	]
	key = hashlib.sha1(("".join(head) + _digest(*inputs)).encode()).hexdigest()
	built = (ROOT / "sites" / "assets" / "frappe" / "dist").exists()
	if not force and built and _stamps().get("assets") == key:
		return
	frappe_cmd("build", "--force", env={"CI": "1"}, timeout=3600)
	_save_stamp("assets", key)


def build(settings: Settings) -> None:
	ensure_dirs()
	for app in APPS:
		get_app(app, settings)
	write_bench_config(settings)
	pip_install()
	yarn_install()
