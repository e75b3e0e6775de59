"""The bench's processes, started in the background with pid files in config/pids and logs in logs/."""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from .config import ROOT, Settings
from .util import KmpError, info, run, warn

PIDS = ROOT / "config" / "pids"
LOGS = ROOT / "logs"


def _pid(name: str) -> int | None:
	path = PIDS / f"{name}.pid"
	try:
		pid = int(path.read_text().strip())
	except (OSError, ValueError):
		return None
	try:
		os.kill(pid, 0)
	except ProcessLookupError:
		return None
	except PermissionError:
		return pid
	# a zombie or a reused pid of something else does not count
	try:
		cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
		if not cmdline or Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
			return None
	except OSError:
		return None
	return pid


def port_open(port: int, host: str = "127.0.0.1") -> bool:
	with socket.socket() as s:
		s.settimeout(0.5)
		return s.connect_ex((host, port)) == 0


def wait_port(port: int, seconds: float, host: str = "127.0.0.1") -> bool:
	deadline = time.monotonic() + seconds
	while time.monotonic() < deadline:
		if port_open(port, host):
			return True
		time.sleep(0.3)
	return False


def start_redis(settings: Settings) -> None:
	PIDS.mkdir(parents=True, exist_ok=True)
	LOGS.mkdir(parents=True, exist_ok=True)
	for name, port in (("cache", settings.redis_cache_port), ("queue", settings.redis_queue_port)):
		if port_open(port):
			_repair_redis(port)
			continue
		run(["redis-server", str(ROOT / "config" / f"redis_{name}.conf")], quiet=True)
		if not wait_port(port, 15):
			raise KmpError(f"Redis ({name}) did not start on port {port}.", f"see logs/redis_{name}.log")


def _repair_redis(port: int) -> None:
	"""A Redis already on our port may be another checkout's whose folder is gone (a deleted
	clone): it then refuses writes because it cannot snapshot. Point it at our folder and stop it
	from refusing writes over snapshots."""
	cli = shutil.which("redis-cli")
	if not cli:
		return
	out = subprocess.run(
		[cli, "-p", str(port), "config", "get", "dir"], capture_output=True, text=True
	).stdout
	lines = out.strip().splitlines()
	if len(lines) == 2 and not Path(lines[1]).is_dir():
		warn(f"Redis on port {port} wrote to {lines[1]}, which is gone; pointing it at {PIDS}.")
		subprocess.run([cli, "-p", str(port), "config", "set", "dir", str(PIDS)], capture_output=True)
	subprocess.run(
		[cli, "-p", str(port), "config", "set", "stop-writes-on-bgsave-error", "no"], capture_output=True
	)


def spawn(name: str, cmd: list[str], cwd: Path, env: dict | None = None) -> int:
	if pid := _pid(name):
		return pid
	log = open(LOGS / f"{name}.log", "ab")
	proc = subprocess.Popen(
		cmd,
		cwd=cwd,
		stdout=log,
		stderr=subprocess.STDOUT,
		stdin=subprocess.DEVNULL,
		start_new_session=True,
		env={**os.environ, **(env or {})},
	)
	(PIDS / f"{name}.pid").write_text(str(proc.pid))
	return proc.pid


def web_command(host: str, port: int, workers: int = 2) -> list[str]:
	return [
		str(ROOT / "env" / "bin" / "gunicorn"),
		"-b",
		f"{host}:{port}",
		"-w",
		str(workers),
		"-t",
		"120",
		"--graceful-timeout",
		"5",
		# no nginx in front: statics and the default site (see kmp_cli/wsgi.py)
		"kmp_cli.wsgi:application()",
		"--preload",
	]


def start_web(
	settings: Settings,
	name: str = "web",
	port: int | None = None,
	workers: int = 2,
	default_site: str | None = None,
) -> None:
	port = port or settings.port
	if _pid(name) and port_open(port):
		return
	if port_open(port):
		raise KmpError(
			f"Port {port} is already in use by another program.",
			"stop it, or set [server] port in /etc/kmp/kmp.toml",
		)
	spawn(
		name,
		web_command(settings.host if name == "web" else "127.0.0.1", port, workers),
		ROOT / "sites",
		env={"KMP_DEFAULT_SITE": default_site} if default_site else None,
	)
	if not wait_port(port, 60):
		raise KmpError(f"The web server did not start on port {port}.", f"see logs/{name}.log")


def start_all(settings: Settings) -> None:
	start_redis(settings)
	start_web(settings)
	py = str(ROOT / "env" / "bin" / "python")
	spawn("socketio", ["node", str(ROOT / "apps" / "frappe" / "socketio.js")], ROOT)
	spawn("worker", [py, "-m", "frappe.utils.bench_helper", "frappe", "worker"], ROOT / "sites")
	spawn("schedule", [py, "-m", "frappe.utils.bench_helper", "frappe", "schedule"], ROOT / "sites")
	info(f"Server running on http://{settings.host}:{settings.port} (logs in logs/, `./kmp stop` stops it)")


def stop(name: str) -> None:
	pid = _pid(name)
	if not pid:
		(PIDS / f"{name}.pid").unlink(missing_ok=True)
		return
	try:
		os.killpg(pid, signal.SIGTERM)
	except (ProcessLookupError, PermissionError):
		os.kill(pid, signal.SIGTERM)
	for _ in range(50):
		if not _pid(name):
			break
		time.sleep(0.2)
	else:
		try:
			os.killpg(pid, signal.SIGKILL)
		except ProcessLookupError:
			pass
	(PIDS / f"{name}.pid").unlink(missing_ok=True)


def stop_web() -> None:
	stop("web")


PROCESSES = ["web", "socketio", "worker", "schedule"]


def stop_all() -> None:
	for name in PROCESSES:
		stop(name)
	stop_redis()


def stop_redis() -> None:
	for name in ("cache", "queue"):
		pidfile = PIDS / f"redis_{name}.pid"
		try:
			os.kill(int(pidfile.read_text()), signal.SIGTERM)
		except (OSError, ValueError):
			pass


def status() -> dict:
	out = {name: _pid(name) for name in PROCESSES}
	for name in ("cache", "queue"):
		out[f"redis_{name}"] = _pid(f"redis_{name}")
	return out
