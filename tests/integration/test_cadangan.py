"""Backups and restore: a month of a cooperative's activity is backed up (database, public and
private files, with the books' fingerprint) and copied to a second path as a ward office's USB
drive would be; `./kmp restore` puts the copy onto a new site, and every account total, party
balance, member count, document count and private file there is identical. A copy path that is
missing keeps the local backup and reaches the System Managers; a restore refuses what it cannot do
cleanly."""

import gzip
import hashlib
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import frappe

from koperasi_merah_putih.cadangan import cadangan_terjadwal, cadangkan, sidik_buku
from tests.support.data import anggota_peminjam, angsuran, pinjaman_cair, transaksi_simpanan
from tests.support.frappe_site import ROOT
from tests.support.kasus import KoperasiTestCase

SITUS_PULIH = "kmp-pulih.localhost"


def kmp(*args: str, timeout: int = 1800) -> subprocess.CompletedProcess:
	return subprocess.run(
		[str(ROOT / "kmp"), *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
	)


def frappe_di(situs: str, *args: str) -> str:
	return subprocess.run(
		[
			str(ROOT / "env" / "bin" / "python"),
			"-m",
			"frappe.utils.bench_helper",
			"frappe",
			"--site",
			situs,
			*args,
		],
		cwd=ROOT / "sites",
		capture_output=True,
		text=True,
		check=True,
		timeout=600,
	).stdout


def hapus_situs(situs: str) -> None:
	from kmp_cli import site as kmp_site

	if kmp_site.site_exists(situs):
		kmp_site.drop_site(situs)
	shutil.rmtree(ROOT / "sites" / situs, ignore_errors=True)


def sebulan_usaha() -> dict:
	"""November 2026 at a cooperative: deposits, a loan and its first instalment, a member's KTP
	scan kept as a private file."""
	a = anggota_peminjam(simpanan=1_500_000, bergabung="2025-01-02")
	b = anggota_peminjam(simpanan=500_000, bergabung="2025-03-01")
	for tgl, jumlah in (("2026-11-03", 250_000), ("2026-11-10", 75_000), ("2026-11-20", 120_000)):
		transaksi_simpanan(b, "Simpanan Sukarela", jumlah, posting_date=tgl)
	transaksi_simpanan(a, "Simpanan Wajib", 50_000, posting_date="2026-11-04")
	p = pinjaman_cair(anggota=a, jumlah=1_200_000, tenor=3, posting_date="2026-11-05")
	angsuran(p, 418_000, "2026-11-30")
	isi = f"KTP {a.name} {frappe.generate_hash()}".encode()
	ktp = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": f"ktp-{a.name}.txt",
			"content": isi,
			"is_private": 1,
			"attached_to_doctype": "Anggota",
			"attached_to_name": a.name,
		}
	).insert()
	frappe.db.commit()
	return {"anggota": [a.name, b.name], "ktp": ktp.file_url, "hash_ktp": hashlib.sha256(isi).hexdigest()}


class TestCadangan(KoperasiTestCase):
	def tearDown(self):
		frappe.local.conf.pop("kmp_backup_copy_to", None)
		super().tearDown()

	def test_a_month_of_activity_restores_identical_from_the_usb_copy(self):
		usaha = sebulan_usaha()
		with tempfile.TemporaryDirectory(prefix="kmp-usb-") as usb:
			hasil = cadangkan(salin_ke=usb)
			# every file of the backup lies on the "USB drive" too, byte for byte
			self.assertEqual(len(hasil["salinan"]), 5)
			for asli, salinan in zip(hasil["berkas"], hasil["salinan"], strict=True):
				self.assertEqual(Path(asli).name, Path(salinan).name)
				self.assertEqual(Path(asli).read_bytes(), Path(salinan).read_bytes())
			sidik = sidik_buku()
			self.assertEqual(sidik["berkas"][usaha["ktp"]], usaha["hash_ktp"])
			db = next(s for s in hasil["salinan"] if s.endswith("-database.sql.gz"))
			hapus_situs(SITUS_PULIH)
			try:
				proses = kmp("restore", db, "--site", SITUS_PULIH)
				self.assertEqual(proses.returncode, 0, proses.stdout[-3000:] + proses.stderr[-3000:])
				self.assertIn("identical to the backup", proses.stdout)
				# checked again here, independently of the restore's own check
				pulih = json.loads(frappe_di(SITUS_PULIH, "koperasi-sidik").strip().splitlines()[-1])
				self.assertEqual(pulih["akun"], sidik["akun"])
				self.assertEqual(pulih["saldo_pihak"], sidik["saldo_pihak"])
				self.assertEqual(pulih["anggota"], sidik["anggota"])
				self.assertEqual(pulih["dokumen"], sidik["dokumen"])
				self.assertEqual(pulih["berkas"], sidik["berkas"])
				self.assertEqual(pulih["berkas"][usaha["ktp"]], usaha["hash_ktp"])
				for nama in usaha["anggota"]:
					pihak = frappe.db.get_value("Anggota", nama, "customer")
					self.assertTrue(any(k.endswith(f"|{pihak}") for k in pulih["saldo_pihak"]), pihak)
				# a second restore onto the same name is refused; the site stays as it was
				lagi = kmp("restore", db, "--site", SITUS_PULIH)
				self.assertEqual(lagi.returncode, 1)
				self.assertIn("already exists", lagi.stdout + lagi.stderr)
				self.assertEqual(
					json.loads(frappe_di(SITUS_PULIH, "koperasi-sidik").strip().splitlines()[-1]), pulih
				)
			finally:
				hapus_situs(SITUS_PULIH)

	def test_an_encrypted_backup_on_the_usb_drive_reveals_nothing_and_restores_with_its_key(self):
		usaha = sebulan_usaha()
		frappe.db.set_single_value("System Settings", "encrypt_backup", 1)
		frappe.db.commit()
		try:
			with tempfile.TemporaryDirectory(prefix="kmp-usb-") as usb:
				hasil = cadangkan(salin_ke=usb)
				sidik = sidik_buku()
				self.assertEqual(len(hasil["salinan"]), 5)
				for salinan in hasil["salinan"]:
					isi = Path(salinan).read_bytes()
					# neither gzip, tar, JSON nor the KTP scan: gpg's symmetric packets only
					self.assertNotIn(isi[:2], (b"\x1f\x8b", b"{\n", b'{"'), salinan)
					self.assertNotIn(b"db_password", isi)
					self.assertNotIn(b"KTP ", isi)
				db = next(s for s in hasil["salinan"] if s.endswith("-database-enc.sql.gz"))
				hapus_situs(SITUS_PULIH)
				tanpa_kunci = kmp("restore", db, "--site", SITUS_PULIH)
				self.assertEqual(tanpa_kunci.returncode, 1)
				self.assertIn("This backup is encrypted", tanpa_kunci.stdout + tanpa_kunci.stderr)
				kunci = json.loads(Path(frappe.get_site_path("site_config.json")).read_text())[
					"backup_encryption_key"
				]
				proses = kmp("restore", db, "--site", SITUS_PULIH, "--encryption-key", kunci)
				self.assertEqual(proses.returncode, 0, proses.stdout[-3000:] + proses.stderr[-3000:])
				self.assertIn("identical to the backup", proses.stdout)
				pulih = json.loads(frappe_di(SITUS_PULIH, "koperasi-sidik").strip().splitlines()[-1])
				self.assertEqual(pulih, sidik)
				self.assertEqual(pulih["berkas"][usaha["ktp"]], usaha["hash_ktp"])
		finally:
			frappe.db.set_single_value("System Settings", "encrypt_backup", 0)
			frappe.db.commit()
			hapus_situs(SITUS_PULIH)

	def test_a_missing_usb_drive_keeps_the_backup_and_tells_the_system_managers(self):
		hilang = "/media/flashdisk-tidak-terpasang"
		sebelum = frappe.db.count("Notification Log", {"for_user": "Administrator"})
		frappe.local.conf["kmp_backup_copy_to"] = hilang
		cadangan_terjadwal()
		catatan = frappe.get_all(
			"Notification Log",
			{"for_user": "Administrator"},
			["subject", "email_content"],
			order_by="creation desc",
			limit=1,
		)
		self.assertEqual(frappe.db.count("Notification Log", {"for_user": "Administrator"}), sebelum + 1)
		self.assertIn("gagal", catatan[0].subject)
		self.assertIn(hilang, catatan[0].email_content)
		self.assertIn("belum terpasang", catatan[0].email_content)
		# the local backup was taken all the same
		terbaru = max(
			Path(frappe.get_site_path("private", "backups")).glob("*-database.sql.gz"),
			key=lambda p: p.stat().st_mtime,
		)
		self.assertIn(str(terbaru.parent), catatan[0].email_content)
		self.assertTrue(terbaru.with_name(terbaru.name.replace("-database.sql.gz", "-sidik.json")).is_file())

	def test_a_restore_refuses_what_is_not_a_backup(self):
		with tempfile.NamedTemporaryFile(suffix=".sql") as f:
			proses = kmp("restore", f.name, "--site", SITUS_PULIH)
		self.assertEqual(proses.returncode, 1)
		self.assertIn("is not a Frappe database backup", proses.stdout + proses.stderr)
		self.assertFalse((ROOT / "sites" / SITUS_PULIH / "site_config.json").exists())
		# a dump from a Frappe newer than this bench's cannot be migrated down
		with tempfile.TemporaryDirectory() as d:
			baru = Path(d) / "20991231_000000-lain_localhost-database.sql.gz"
			with gzip.open(baru, "wt") as f:
				f.write(
					"-- begin frappe metadata\n-- [frappe]\n-- version = 99.0.0\n-- end frappe metadata\n"
				)
			proses = kmp("restore", str(baru), "--site", SITUS_PULIH)
		self.assertEqual(proses.returncode, 1)
		self.assertIn("newer than this bench", proses.stdout + proses.stderr)
		self.assertFalse((ROOT / "sites" / SITUS_PULIH / "site_config.json").exists())
		tidak_ada = kmp("restore", "/tmp/tidak-ada-database.sql.gz", "--site", SITUS_PULIH)
		self.assertEqual(tidak_ada.returncode, 1)
		self.assertIn("No backup file", tidak_ada.stdout + tidak_ada.stderr)
