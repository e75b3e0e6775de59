"""`kmp`: set up, run, provision and test Koperasi Merah Putih. Run through ./kmp at the repo root."""

import json
import sys

import click

from . import bench, services, site, system, testing
from .config import load
from .util import KmpError, info, phase, print_timings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def cli():
	"""Koperasi Merah Putih on ERPNext 15. The repository root is the bench directory."""


def prepare_system(settings, with_test_tools=False):
	packages = system.APT_PACKAGES + (system.TEST_APT_PACKAGES if with_test_tools else [])
	with phase("System packages (MariaDB, Redis, wkhtmltopdf, fonts)"):
		system.ensure_packages(packages)
		system.ensure_node()
	with phase("MariaDB (utf8mb4, root login for Frappe)"):
		system.ensure_mariadb_running()
		system.ensure_db_root_password(system.db_root_password())


def prepare_bench(settings):
	with phase("Bench: Frappe, ERPNext and the app, Python and JS packages"):
		bench.build(settings)
	with phase("Redis (cache, queue)"):
		services.start_redis(settings)
	with phase("Bench: build JS/CSS assets"):
		bench.build_assets()


@cli.command()
@click.option("--name", default="Sukamaju", show_default=True, help="Nama kelurahan/desa koperasi demo.")
@click.option("--no-start", is_flag=True, help="Do not start the server at the end.")
@click.option("--demo", is_flag=True, help="Also load the living demo cooperative (fixtures/demo).")
def setup(name, no_start, demo):
	"""Command 1: install and configure everything, create the site and a demo cooperative, start."""
	settings = load()
	info(f"Sources: frappe={settings.frappe_source} erpnext={settings.erpnext_source} ({settings.branch})")
	prepare_system(settings)
	prepare_bench(settings)
	with phase(f"Site {settings.site} (ERPNext + koperasi_merah_putih)"):
		site.ensure_site(settings.site, default=True, port=settings.port)
		site.apply_backup_settings(settings.site, settings)
	with phase(f"Provisioning Koperasi Kelurahan Merah Putih {name}"):
		result = site.provision(settings.site, name, demo_users=True)
	if demo:
		with phase("Demo cooperative (fixtures/demo)"):
			result = site.demo(settings.site, 300)
	if not no_start:
		with phase("Starting the server"):
			services.stop_web()
			services.start_all(settings)
	print_timings()
	url = f"http://{'localhost' if settings.host in ('127.0.0.1', '0.0.0.0') else settings.host}:{settings.port}"
	click.secho("\nKoperasi siap / the cooperative is ready:", fg="green", bold=True)
	click.echo(f"  URL:      {url}/app/koperasi")
	for user in result.get("users", []):
		click.echo(f"  Login:    {user['email']}  /  {user['password']}   ({user['role']})")
	click.echo(f"  Company:  {result['company']}")
	click.echo("  Admin:    Administrator  /  (password in sites/" + settings.site + "/kmp-admin-password)")


@cli.command("new-koperasi")
@click.argument("name")
@click.option("--site", "site_name", help="Give the cooperative its own site (e.g. sukamaju.localhost).")
@click.option("--abbr", help="Company abbreviation (default: derived from the name).")
def new_koperasi(name, site_name, abbr):
	"""Provision one more cooperative: its own company on the demo site, or its own site."""
	settings = load()
	target = site_name or settings.site
	if site_name:
		with phase(f"Site {site_name}"):
			site.ensure_site(site_name, port=settings.port)
	with phase(f"Provisioning Koperasi Kelurahan Merah Putih {name}"):
		result = site.provision(target, name, abbr=abbr, demo_users=bool(site_name))
	print_timings()
	click.echo(json.dumps(result, indent=1))


@cli.command("backup")
@click.option("--site", "site_name", help="The site to back up (default: the cooperative's site).")
@click.option("--copy-to", help="Copy the backup here too (default: [backup] copy_to in the settings).")
def backup_cmd(site_name, copy_to):
	"""Back a site up now: database, public and private files, config and the books' fingerprint."""
	settings = load()
	system.ensure_mariadb_running()
	target = site_name or settings.site
	site.apply_backup_settings(target, settings)
	with phase(f"Backup of {target}"):
		result = site.backup(target, copy_to)
	for path in result["berkas"] + result["salinan"]:
		click.echo(path)


@cli.command("restore")
@click.argument("backup_file", type=click.Path(dir_okay=False))
@click.option("--site", "site_name", required=True, help="The new site to restore onto.")
@click.option("--encryption-key", help="The key of an encrypted backup (Frappe printed it).")
def restore_cmd(backup_file, site_name, encryption_key):
	"""Restore BACKUP_FILE (…-database.sql.gz, its files beside it) onto a NEW site and prove it."""
	settings = load()
	system.ensure_mariadb_running()
	with phase(f"Restore onto {site_name}"):
		result = site.restore(backup_file, site_name, encryption_key)
		site.set_host_name(site_name, settings.port)
		site.apply_backup_settings(site_name, settings)
	print_timings()
	if result["differences"] is None:
		click.secho(f"{site_name} restored; the backup had no fingerprint to check it against.", fg="yellow")
	elif result["differences"]:
		click.secho(f"{site_name} restored, but its books differ from the backup:", fg="red", bold=True)
		for line in result["differences"][:50]:
			click.echo("  " + line)
		sys.exit(1)
	else:
		click.secho(
			f"{site_name} restored: every account total, party balance, member count, document count "
			"and file is identical to the backup.",
			fg="green",
		)


@cli.command("demo")
@click.option("--anggota", default=300, show_default=True, help="How many members the demo has.")
def demo_cmd(anggota):
	"""Load the living demo cooperative (a ward in Kota Pekalongan) into the site; safe to repeat."""
	settings = load()
	system.ensure_mariadb_running()
	with phase("Demo cooperative (fixtures/demo)"):
		result = site.demo(settings.site, anggota)
	print_timings()
	click.secho(f"\n{result['company']}:", fg="green", bold=True)
	for key in ("anggota", "transaksi_simpanan", "pinjaman", "pelatihan", "penjualan"):
		click.echo(f"  {key:<20} {result[key]}")
	for user in result.get("users", []):
		click.echo(f"  Login:    {user['email']}  /  {user['password']}   ({user['role']})")


@cli.command()
def start():
	"""Start MariaDB (if it is down), Redis, the web server, socket.io, a worker and the scheduler."""
	system.ensure_mariadb_running()
	services.start_all(load())


@cli.command()
def stop():
	"""Stop the bench's processes (MariaDB stays up)."""
	services.stop_all()


@cli.command()
def status():
	"""Show which of the bench's processes run."""
	for name, pid in services.status().items():
		click.echo(f"{name:<12} {'running (pid ' + str(pid) + ')' if pid else 'stopped'}")


@cli.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def frappe(args):
	"""Run a Frappe command in this bench, as `bench` would (e.g. `kmp frappe --site S migrate`)."""
	from .util import frappe_cmd

	sys.exit(frappe_cmd(*args, check=False).returncode)


@cli.command()
@click.option(
	"--level",
	"levels",
	multiple=True,
	type=click.Choice(testing.LEVELS),
	help="Run only these levels (default: all four).",
)
@click.option("--keep-site", is_flag=True, help="Reuse the test site if it exists (faster; not for CI).")
@click.argument("pytest_args", nargs=-1, type=click.UNPROCESSED)
def test(levels, keep_site, pytest_args):
	"""Command 2: build what is needed and run unit, integration, HTTP and browser tests."""
	settings = load()
	redis_was_up = services.port_open(settings.redis_cache_port)
	prepare_system(settings, with_test_tools=True)
	prepare_bench(settings)
	try:
		code = testing.run(settings, levels or testing.LEVELS, keep_site=keep_site, extra=list(pytest_args))
	finally:
		if not redis_was_up:
			services.stop_redis()
	print_timings()
	sys.exit(code)


@cli.command("bench")
@click.option(
	"--rows", type=int, help="Rows per benchmark (default: each benchmark's own, e.g. 10,000 members)."
)
@click.argument("names", nargs=-1)
def bench_cmd(rows, names):
	"""Run the benchmarks (all, or those named) on the test site; they print figures, assert nothing."""
	settings = load()
	available = testing.benchmarks()
	unknown = set(names) - set(available)
	if unknown:
		raise KmpError(
			f"Unknown benchmark(s): {', '.join(sorted(unknown))}", f"Available: {', '.join(available)}"
		)
	redis_was_up = services.port_open(settings.redis_cache_port)
	prepare_system(settings)
	prepare_bench(settings)
	try:
		code = testing.run_benchmarks(settings, list(names) or available, rows)
	finally:
		if not redis_was_up:
			services.stop_redis()
	print_timings()
	sys.exit(code)


def main():
	try:
		cli()
	except KmpError as e:
		e.show()
		sys.exit(1)
