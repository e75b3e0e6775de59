"""The staff's desk home."""

import frappe

from koperasi_merah_putih.koperasi.dashboard import saldo_kas_dan_bank
from tests.support.buku import post_journal
from tests.support.data import ensure_koperasi, ensure_user
from tests.support.kasus import KoperasiTestCase


class TestWorkspace(KoperasiTestCase):
	bahasa = None

	def test_koperasi_workspace_has_cards_and_shortcuts(self):
		ws = frappe.get_doc("Workspace", "Koperasi")
		self.assertEqual(ws.module, "Koperasi")
		self.assertEqual(
			{c.number_card_name for c in ws.number_cards},
			{
				"Saldo Kas dan Bank",
				"Anggota Aktif",
				"Pendaftaran Menunggu",
				"Anggota Baru Bulan Ini",
				"Outstanding Pinjaman",
				"Pinjaman Menunggak",
				"NPL Pinjaman",
			},
		)
		self.assertFalse(frappe.db.exists("Number Card", "Anggota Terdaftar"))
		self.assertIn("Daftar Anggota", {s.link_to for s in ws.shortcuts})
		self.assertIn("Trial Balance", {s.link_to for s in ws.shortcuts})
		self.assertIn("kasir-simpanan", {s.link_to for s in ws.shortcuts})
		self.assertTrue(
			{"Simpanan", "Pelatihan", "Pinjaman"}
			<= {link.label for link in ws.links if link.type == "Card Break"}
		)
		self.assertIn("absensi-pelatihan", {s.link_to for s in ws.shortcuts})
		self.assertTrue({"Pengajuan Pinjaman", "Tunggakan Pinjaman"} <= {s.link_to for s in ws.shortcuts})
		self.assertTrue({"Pengurus", "Kasir", "Pengawas"} <= {r.role for r in ws.roles})

	def test_cash_card_reads_the_ledger_for_staff_only(self):
		company = ensure_koperasi()["company"]
		pengurus = ensure_user("pengurus")
		anggota = ensure_user("anggota")
		frappe.set_user(pengurus)
		try:
			value = saldo_kas_dan_bank({"company": company})
			self.assertEqual(value["fieldtype"], "Currency")
			self.assertIsInstance(value["value"], float)
			# the figure is the ledger's: a cash receipt moves it by exactly its amount
			frappe.set_user("Administrator")
			je = post_journal(company, "1101", "3101", 50000, "Simpanan pokok (uji kartu)")
			frappe.set_user(pengurus)
			self.assertEqual(saldo_kas_dan_bank({"company": company})["value"] - value["value"], 50000)
			frappe.set_user("Administrator")
			je.cancel()
			frappe.set_user(pengurus)
			self.assertEqual(saldo_kas_dan_bank({"company": company})["value"], value["value"])
			# a JSON string as the desk sends it; and a malformed one is refused cleanly
			self.assertEqual(saldo_kas_dan_bank(f'{{"company": "{company}"}}')["value"], value["value"])
			with self.assertRaises(frappe.ValidationError):
				saldo_kas_dan_bank("{not json")
			frappe.set_user(anggota)
			with self.assertRaises(frappe.PermissionError):
				saldo_kas_dan_bank({"company": company})
		finally:
			frappe.set_user("Administrator")
