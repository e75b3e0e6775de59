"""Backups of a cooperative's site: Frappe's own (the database, public and private files and the
site config, encrypted when System Settings > Encrypt Backups is on), taken every day by the
scheduler and on demand (`./kmp backup`), kept for `keep_backups_for_hours` (Frappe's own key in
the site config), and copied to a second path (`kmp_backup_copy_to` in the site config: a mounted
disk or a USB drive in the ward office).

Each backup carries a fingerprint of the books (`sidik_buku`): the ledger's totals per account and
per party, the count of members by status and of the main documents, and a hash of every file.
`./kmp restore` checks the restored site against it, so a restore is proven, not assumed.

A backup that fails (a full disk, a copy path that is gone or not writable) is logged and reported
to the System Managers, in the desk and by email; the copy failing keeps the local backup."""

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils.backups import is_file_old, new_backup

KONFIG_SALINAN = "kmp_backup_copy_to"
# the documents whose number a restore must keep (beyond the ledger and the files)
DOKUMEN = (
	"Anggota",
	"Transaksi Simpanan",
	"Pinjaman",
	"Angsuran Pinjaman",
	"Journal Entry",
	"Payment Entry",
	"Sales Invoice",
	"POS Invoice",
	"File",
	"User",
)


def sidik_buku() -> dict:
	"""What must be identical after a restore: a fingerprint of the site's books and files."""
	gle = frappe.qb.DocType("GL Entry")
	per_akun = (
		frappe.qb.from_(gle)
		.select(gle.account, Sum(gle.debit), Sum(gle.credit), Count("*"))
		.where(gle.is_cancelled == 0)
		.groupby(gle.account)
		.orderby(gle.account)
		.run()
	)
	per_pihak = (
		frappe.qb.from_(gle)
		.select(gle.account, gle.party_type, gle.party, Sum(gle.debit) - Sum(gle.credit))
		.where((gle.is_cancelled == 0) & gle.party.isnotnull() & (gle.party != ""))
		.groupby(gle.account, gle.party_type, gle.party)
		.orderby(gle.account, gle.party_type, gle.party)
		.run()
	)
	anggota = frappe.qb.DocType("Anggota")
	status = frappe.qb.from_(anggota).select(anggota.status, Count("*")).groupby(anggota.status).run()
	return {
		"akun": {a: [_uang(d), _uang(k), n] for a, d, k, n in per_akun},
		"saldo_pihak": {f"{a}|{t}|{p}": _uang(s) for a, t, p, s in per_pihak},
		"anggota": {s: n for s, n in status},
		"dokumen": {d: frappe.db.count(d) for d in DOKUMEN if frappe.db.table_exists(d)},
		"berkas": _sidik_berkas(),
	}


def _uang(v) -> str:
	return f"{frappe.utils.flt(v, 2):.2f}"


def _sidik_berkas() -> dict:
	"""A hash of the content of every File (public and private) that lies on this site's disk."""
	out = {}
	for f in frappe.get_all(
		"File", filters={"is_folder": 0}, fields=["name", "file_url"], order_by="name", limit_page_length=0
	):
		if not (f.file_url or "").startswith(("/files/", "/private/files/")):
			continue  # links to elsewhere hold nothing of ours
		rel = f.file_url.lstrip("/")
		path = Path(frappe.get_site_path(rel if rel.startswith("private/") else f"public/{rel}"))
		out[f.file_url] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None
	return out


def berkas_sidik(path_db: str) -> Path:
	"""The fingerprint that sits beside a database backup (…-database.sql.gz → …-sidik.json)."""
	nama = Path(path_db).name
	for akhiran in ("-database-enc.sql.gz", "-database.sql.gz"):
		if nama.endswith(akhiran):
			return Path(path_db).with_name(nama.removesuffix(akhiran) + "-sidik.json")
	frappe.throw(_("Berkas {0} bukan cadangan basis data Frappe.").format(nama))


def cadangkan(salin_ke: str | None = None) -> dict:
	"""Take a backup with files now, write its fingerprint, copy it to the second path (if any) and
	drop copies older than the site keeps. Returns the paths. Raises with a clear message when the
	backup or its copy fails; the local backup is kept when only the copy fails."""
	salin_ke = salin_ke if salin_ke is not None else frappe.conf.get(KONFIG_SALINAN)
	odb = new_backup(ignore_files=False, compress=True, force=True)
	berkas = [
		odb.backup_path_db,
		odb.backup_path_files,
		odb.backup_path_private_files,
		odb.backup_path_conf,
	]
	sidik = berkas_sidik(odb.backup_path_db)
	sidik.write_text(json.dumps(sidik_buku(), indent=1, sort_keys=True))
	berkas = [str(Path(b).resolve()) for b in berkas if b] + [str(sidik.resolve())]
	hasil = {"site": frappe.local.site, "berkas": berkas, "salinan": []}
	if salin_ke:
		try:
			_periksa_tujuan(salin_ke)
			hasil["salinan"] = _salin(berkas, salin_ke)
		except frappe.ValidationError as e:
			frappe.throw(
				_("Cadangan tersimpan di {0}, tetapi tidak tersalin: {1}").format(
					Path(odb.backup_path_db).parent, frappe.utils.strip_html(str(e))
				)
			)
	return hasil


def _tujuan(salin_ke: str) -> Path:
	return Path(salin_ke) / frappe.local.site


def _periksa_tujuan(salin_ke: str) -> None:
	if not Path(salin_ke).is_dir():
		raise frappe.ValidationError(
			_("Tempat salinan cadangan {0} tidak ada (disk atau flashdisk belum terpasang?).").format(
				salin_ke
			)
		)
	if not os.access(salin_ke, os.W_OK | os.X_OK):
		raise frappe.ValidationError(_("Tempat salinan cadangan {0} tidak bisa ditulisi.").format(salin_ke))


def _salin(berkas: list[str], salin_ke: str) -> list[str]:
	tujuan = _tujuan(salin_ke)
	try:
		tujuan.mkdir(parents=True, exist_ok=True)
	except OSError as e:
		raise frappe.ValidationError(
			_("Cadangan tidak bisa disalin ke {0}: {1}").format(tujuan, e.strerror or e)
		)
	jam = frappe.utils.cint(frappe.conf.keep_backups_for_hours) or 24
	for lama in tujuan.iterdir():
		if lama.is_file() and is_file_old(str(lama), jam):
			lama.unlink()
	# Frappe leaves an encrypted backup's site config (its keys) and our fingerprint in the clear
	# beside it; on a drive that leaves the office they are encrypted as the rest
	terenkripsi = frappe.get_system_settings("encrypt_backup")
	out = []
	for b in berkas:
		sementara = tujuan / (Path(b).name + ".sebagian")
		try:
			if terenkripsi and b.endswith((".json",)):
				_enkripsi(b, sementara)
			else:
				shutil.copy2(b, sementara)
			sementara.replace(tujuan / Path(b).name)  # a copy is whole or absent, never half
		except OSError as e:
			sementara.unlink(missing_ok=True)
			raise frappe.ValidationError(
				_("Cadangan tidak bisa disalin ke {0}: {1}").format(tujuan, e.strerror or e)
			)
		out.append(str(tujuan / Path(b).name))
	return out


def _enkripsi(asal: str, tujuan: Path) -> None:
	from frappe.utils.backups import get_or_generate_backup_encryption_key

	proses = subprocess.run(
		[
			"gpg",
			"--batch",
			"--yes",
			"--pinentry-mode",
			"loopback",
			"--passphrase-fd",
			"0",
			"--symmetric",
			"--output",
			str(tujuan),
			asal,
		],
		input=get_or_generate_backup_encryption_key(),
		capture_output=True,
		text=True,
	)
	if proses.returncode != 0:
		raise OSError(proses.returncode, proses.stderr.strip() or "gpg")


def cadangan_terjadwal() -> None:
	"""The daily backup (scheduler). A failure is logged and reported to the System Managers."""
	try:
		cadangkan()
	except (Exception, SystemExit) as e:  # Frappe's backup exits when gpg is missing
		frappe.db.rollback()
		frappe.log_error(title=_("Cadangan harian gagal"))
		laporkan_gagal(e)
		frappe.db.commit()  # the scheduler's own job: the report must outlive the failure


def laporkan_gagal(e: Exception) -> None:
	"""A Notification Log for every System Manager (Frappe emails it to them as well)."""
	from frappe.desk.doctype.notification_log.notification_log import make_notification_logs
	from frappe.utils.user import get_users_with_role

	pengguna = set(get_users_with_role("System Manager")) | {"Administrator"}
	email = frappe.get_all("User", {"name": ("in", list(pengguna)), "enabled": 1}, pluck="email")
	make_notification_logs(
		frappe._dict(
			subject=_("Cadangan harian situs {0} gagal").format(frappe.local.site),
			email_content=frappe.utils.escape_html(frappe.utils.strip_html(str(e)) or e.__class__.__name__),
			type="Alert",
		),
		[m for m in email if m],
	)
