"""Small helpers for running steps: visible progress, timings, and errors that name the fix."""

import os
import shlex
import shutil
import subprocess
import time
from contextlib import contextmanager

import click

from .config import ROOT

TIMINGS: list[tuple[str, float]] = []


class KmpError(click.ClickException):
	"""A failure the user can fix: the message says what went wrong and what to do."""

	def __init__(self, message: str, fix: str | None = None):
		super().__init__(message + (f"\n  Cara memperbaiki / fix: {fix}" if fix else ""))


def info(msg: str) -> None:
	click.secho(f"==> {msg}", fg="cyan", err=True)


def warn(msg: str) -> None:
	click.secho(f"[!] {msg}", fg="yellow", err=True)


@contextmanager
def phase(name: str):
	"""Print a phase header, and its duration at the end (kept for the summary)."""
	info(f"{name} ...")
	start = time.monotonic()
	try:
		yield
	finally:
		took = time.monotonic() - start
		TIMINGS.append((name, took))
		click.secho(f"    {name}: {took:.1f} s", fg="green", err=True)


def print_timings() -> None:
	if TIMINGS:
		click.echo("\nDurasi per tahap / time per phase:", err=True)
		for name, took in TIMINGS:
			click.echo(f"  {name:<40} {took:7.1f} s", err=True)


def is_root() -> bool:
	return os.geteuid() == 0


def as_root(cmd: list[str]) -> list[str]:
	if is_root():
		return cmd
	if not shutil.which("sudo"):
		raise KmpError(f"`{shlex.join(cmd)}` needs root.", "run `./kmp setup` as root or install sudo")
	return ["sudo", *cmd]


def run(cmd, cwd=None, env=None, check=True, quiet=False, capture=False, input=None, timeout=None):
	"""Run a command, streaming its output unless quiet; raise KmpError on failure."""
	full_env = {**os.environ, **(env or {})}
	if not quiet:
		click.secho(f"    $ {shlex.join(_masked(cmd))}", dim=True, err=True)
	kwargs = {}
	if capture or quiet:
		kwargs = {"stdout": subprocess.PIPE, "stderr": subprocess.STDOUT, "text": True}
	proc = subprocess.run(cmd, cwd=cwd or ROOT, env=full_env, input=input, timeout=timeout, **kwargs)
	if check and proc.returncode != 0:
		out = (proc.stdout or "")[-4000:] if kwargs else ""
		raise KmpError(f"Command failed ({proc.returncode}): {shlex.join(_masked(cmd))}\n{out}")
	return proc


SECRET_FLAGS = {
	"--db-root-password",
	"--admin-password",
	"--mariadb-root-password",
	"--password",
	"--encryption-key",
}


def _masked(cmd: list[str]) -> list[str]:
	"""The command as printed: values of password options replaced by ***."""
	out = list(cmd)
	for i, arg in enumerate(out[:-1]):
		if arg in SECRET_FLAGS:
			out[i + 1] = "***"
	return out


def bench_python() -> str:
	return str(ROOT / "env" / "bin" / "python")


def frappe_cmd(*args: str, site: str | None = None, **kw):
	"""Run a Frappe command (what `bench --site S ...` runs) from sites/."""
	cmd = [bench_python(), "-m", "frappe.utils.bench_helper", "frappe"]
	if site:
		cmd += ["--site", site]
	cmd += list(args)
	return run(cmd, cwd=ROOT / "sites", **kw)
