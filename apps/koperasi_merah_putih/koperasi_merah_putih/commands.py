"""Bench commands of the app: `bench --site SITE koperasi-provision NAME`."""

import json

import click
from frappe.commands import get_site, pass_context


@click.command("koperasi-provision")
@click.argument("nama")
@click.option("--abbr", help="Singkatan perusahaan (default: dari nama).")
@click.option("--demo-users", is_flag=True, help="Buat pengguna demo Pengurus, Kasir dan Pengawas.")
@click.option("--reset-demo-passwords", is_flag=True, help="Beri kata sandi baru bagi pengguna demo.")
@click.option("--json", "as_json", is_flag=True, help="Cetak hasil sebagai JSON pada baris terakhir.")
@pass_context
def koperasi_provision(context, nama, abbr=None, demo_users=False, reset_demo_passwords=False, as_json=False):
	"""Provision a Koperasi Kelurahan Merah Putih (company, chart of accounts, roles). Idempotent."""
	import frappe

	from koperasi_merah_putih.setup.provisioning import provision_koperasi

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		result = provision_koperasi(
			nama, abbr=abbr, demo_users=demo_users, reset_demo_passwords=reset_demo_passwords
		)
		frappe.db.commit()
	finally:
		frappe.destroy()
	if as_json:
		click.echo(json.dumps(result))
	else:
		click.echo(f"{result['company']} ({result['abbr']}): {result['accounts']} akun")


@click.command("koperasi-demo")
@click.option("--anggota", default=300, show_default=True, help="Jumlah anggota demo.")
@click.option("--json-file", help="Tulis hasil sebagai JSON ke berkas ini.")
@pass_context
def koperasi_demo(context, anggota=300, json_file=None):
	"""Load the living demo cooperative (fixtures/demo) through the app's documents. Idempotent."""
	import frappe

	from koperasi_merah_putih.demo import muat_demo

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		result = muat_demo(anggota)
		frappe.db.commit()
	finally:
		frappe.destroy()
	if json_file:
		with open(json_file, "w") as f:
			json.dump(result, f)
	click.echo(f"{result['company']}: {result['anggota']} anggota, {result['pinjaman']} pinjaman")


@click.command("koperasi-cadangan")
@click.option("--salin-ke", help="Salin cadangan ke folder ini juga (default: kmp_backup_copy_to).")
@click.option("--json", "as_json", is_flag=True, help="Cetak hasil sebagai JSON pada baris terakhir.")
@pass_context
def koperasi_cadangan(context, salin_ke=None, as_json=False):
	"""Back the site up now (database and files, with the books' fingerprint) and copy it."""
	import frappe

	from koperasi_merah_putih.cadangan import cadangkan

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		hasil = cadangkan(salin_ke)
	except frappe.ValidationError as e:
		raise click.ClickException(frappe.utils.strip_html(str(e)))
	finally:
		frappe.destroy()
	if as_json:
		click.echo(json.dumps(hasil))
	else:
		for b in hasil["berkas"] + hasil["salinan"]:
			click.echo(b)


@click.command("koperasi-sidik")
@pass_context
def koperasi_sidik(context):
	"""Print the fingerprint of the site's books and files (what a restore must keep) as JSON."""
	import frappe

	from koperasi_merah_putih.cadangan import sidik_buku

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		click.echo(json.dumps(sidik_buku(), sort_keys=True))
	finally:
		frappe.destroy()


commands = [koperasi_provision, koperasi_demo, koperasi_cadangan, koperasi_sidik]
