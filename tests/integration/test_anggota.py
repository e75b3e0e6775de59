"""Anggota against the real site: validation, the lifecycle, and the member's ERPNext parties."""

from datetime import date

import frappe
from frappe.utils import add_years, getdate, today

from koperasi_merah_putih.keanggotaan.doctype.anggota.anggota import periksa_dapat_bertransaksi
from tests.support.data import buat_anggota, data_anggota, ensure_koperasi, ensure_user
from tests.support.kasus import KoperasiTestCase


def parties(doc) -> dict:
	customer = frappe.get_all("Customer", {"anggota": doc.name}, pluck="name")
	contacts = frappe.get_all(
		"Dynamic Link",
		{"link_doctype": "Customer", "link_name": ("in", customer or [""]), "parenttype": "Contact"},
		pluck="parent",
	)
	users = frappe.get_all("User", {"name": doc.email}, pluck="name")
	return {"customer": customer, "contact": contacts, "user": users}


class TestAnggotaValidation(KoperasiTestCase):
	def assertRefused(self, fragment: str, **kw):
		before = frappe.db.count("Anggota")
		with self.assertRaises(frappe.ValidationError) as ctx:
			frappe.get_doc(data_anggota(**kw)).insert()
		self.assertIn(fragment, str(ctx.exception))
		self.assertEqual(before, frappe.db.count("Anggota"))
		return str(ctx.exception)

	def test_bad_niks_are_refused_in_indonesian(self):
		self.assertRefused("16 digit", nik="320101150590")
		self.assertRefused("hanya boleh berisi angka", nik="32010115059O0001")
		self.assertRefused("bukan kode provinsi", nik="9901011505900001")
		self.assertRefused("tanggal lahir yang tidak mungkin", nik="3201013205900001")

	def test_nik_must_agree_with_birth_date_and_gender(self):
		self.assertRefused(
			"Tanggal lahir tidak sesuai", nik="3201011505900001", tanggal_lahir=date(1990, 5, 16)
		)
		self.assertRefused("Jenis kelamin tidak sesuai", nik="3201011505900001", jenis_kelamin="Perempuan")

	def test_no_kk_phone_and_age(self):
		self.assertRefused("No. KK", no_kk="1234")
		self.assertRefused("Nomor HP", nomor_hp="021-555-1234")
		muda = getdate(add_years(today(), -16))
		self.assertRefused("usia minimal", tanggal_lahir=muda)

	def test_values_are_normalised_and_province_comes_from_the_nik(self):
		doc = frappe.get_doc(
			data_anggota(nomor_hp="0812-3456-7890", email=" Warga.Besar@Anggota.TEST ")
		).insert()
		self.assertEqual(doc.nomor_hp, "+6281234567890")
		self.assertEqual(doc.email, "warga.besar@anggota.test")
		self.assertEqual(doc.provinsi, "Jawa Barat")
		self.assertEqual(doc.status, "Pendaftaran")
		self.assertFalse(doc.nomor_anggota)

	def test_duplicate_nik_is_refused_without_saying_whose(self):
		first = buat_anggota()
		message = self.assertRefused("sudah terdaftar", nik=first.nik, tanggal_lahir=first.tanggal_lahir)
		self.assertNotIn(first.nama_lengkap, message)
		self.assertNotIn(first.name, message)

	def test_status_cannot_be_edited_directly(self):
		doc = buat_anggota()
		doc.status = "Aktif"
		with self.assertRaises(frappe.ValidationError):
			doc.save()


class TestAnggotaLifecycle(KoperasiTestCase):
	bahasa = None

	def test_approval_creates_customer_contact_and_user_exactly_once(self):
		doc = buat_anggota("Diverifikasi")
		self.assertEqual(parties(doc), {"customer": [], "contact": [], "user": []})
		doc.setujui()
		found = parties(doc)
		self.assertEqual(len(found["customer"]), 1)
		self.assertEqual(len(found["contact"]), 1)
		self.assertEqual(found["user"], [doc.email])
		self.assertEqual(doc.status, "Disetujui")
		self.assertRegex(doc.nomor_anggota, r"^AGT-\d{4}-\d{5}$")
		customer = frappe.get_doc("Customer", doc.customer)
		self.assertEqual(customer.customer_group, "Anggota Koperasi")
		self.assertEqual(customer.customer_name, doc.nama_lengkap)
		self.assertIn("Anggota", frappe.get_roles(doc.email))
		self.assertEqual(frappe.db.get_value("User", doc.email, "user_type"), "Website User")
		contact = frappe.get_doc("Contact", doc.contact)
		self.assertEqual(contact.user, doc.email)
		self.assertEqual(contact.mobile_no, doc.nomor_hp)

		nomor = doc.nomor_anggota
		doc.setujui()  # again: a no-op
		doc.reload()
		doc.save()  # a plain save changes nothing either
		self.assertEqual(parties(doc), found)
		self.assertEqual(doc.nomor_anggota, nomor)
		doc.aktifkan()
		self.assertEqual(parties(frappe.get_doc("Anggota", doc.name)), found)

	def test_member_numbers_follow_the_configured_series(self):
		frappe.db.set_single_value("Pengaturan Koperasi", "seri_nomor_anggota", "SKM-.#####")
		frappe.clear_document_cache("Pengaturan Koperasi", "Pengaturan Koperasi")
		try:
			a = buat_anggota("Disetujui")
			b = buat_anggota("Disetujui")
		finally:
			frappe.db.set_single_value("Pengaturan Koperasi", "seri_nomor_anggota", "AGT-.YYYY.-.#####")
			frappe.clear_document_cache("Pengaturan Koperasi", "Pengaturan Koperasi")
		self.assertRegex(a.nomor_anggota, r"^SKM-\d{5}$")
		self.assertEqual(int(b.nomor_anggota[-5:]), int(a.nomor_anggota[-5:]) + 1)

	def test_failed_approval_leaves_nothing_behind(self):
		doc = buat_anggota("Diverifikasi", tanggal_lahir=getdate(add_years(today(), -18)))
		frappe.db.set_single_value("Pengaturan Koperasi", "usia_minimal_anggota", 21)
		frappe.clear_document_cache("Pengaturan Koperasi", "Pengaturan Koperasi")
		counts = {dt: frappe.db.count(dt) for dt in ("Customer", "Contact", "User")}
		try:
			with self.assertRaises(frappe.ValidationError):
				frappe.get_doc("Anggota", doc.name).setujui()
		finally:
			frappe.db.set_single_value("Pengaturan Koperasi", "usia_minimal_anggota", 17)
			frappe.clear_document_cache("Pengaturan Koperasi", "Pengaturan Koperasi")
		self.assertEqual(counts, {dt: frappe.db.count(dt) for dt in ("Customer", "Contact", "User")})
		self.assertEqual(
			frappe.db.get_value("Anggota", doc.name, ["status", "nomor_anggota"]), ("Diverifikasi", None)
		)

	def test_a_failure_after_the_customer_is_made_rolls_it_back(self):
		# the email belongs to a staff user who is already another member's login: the Customer is
		# created first, then the User step refuses; the savepoint must undo the Customer too
		other = buat_anggota("Disetujui")
		doc = buat_anggota("Diverifikasi")
		frappe.db.set_value("Anggota", doc.name, "email", other.email)  # bypasses validate on purpose
		counts = {dt: frappe.db.count(dt) for dt in ("Customer", "Contact", "User")}
		with self.assertRaises(frappe.ValidationError):
			frappe.get_doc("Anggota", doc.name).setujui()
		self.assertEqual(counts, {dt: frappe.db.count(dt) for dt in ("Customer", "Contact", "User")})
		self.assertEqual(frappe.db.get_value("Anggota", doc.name, "status"), "Diverifikasi")

	def test_only_a_pengurus_approves_and_never_their_own_application(self):
		kasir = ensure_user("kasir")
		pengurus = ensure_user("pengurus")
		doc = buat_anggota("Diverifikasi")
		frappe.set_user(kasir)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Anggota", doc.name).setujui()
		frappe.set_user("Administrator")
		own = buat_anggota("Diverifikasi", email=pengurus)
		frappe.set_user(pengurus)
		with self.assertRaises(frappe.PermissionError):
			frappe.get_doc("Anggota", own.name).setujui()
		frappe.get_doc("Anggota", doc.name).setujui()
		self.assertEqual(frappe.db.get_value("Anggota", doc.name, "disetujui_oleh"), pengurus)
		frappe.set_user("Administrator")

	def test_verification_cannot_be_skipped_and_rejection_needs_a_reason(self):
		doc = buat_anggota()
		with self.assertRaises(frappe.ValidationError):
			doc.setujui()
		with self.assertRaises(frappe.ValidationError):
			doc.tolak("")
		doc.tolak("Bukan warga kelurahan ini")
		self.assertEqual(doc.status, "Ditolak")
		self.assertFalse(parties(doc)["customer"])

	def test_changes_to_the_member_reach_customer_contact_and_user(self):
		doc = buat_anggota("Aktif")
		doc.nama_lengkap = "Siti Rahmawati Baru"
		doc.nomor_hp = "0857 1111 2222"
		doc.email = f"siti.{doc.name.lower()}@anggota.test"
		doc.save()
		self.assertEqual(
			frappe.db.get_value("Customer", doc.customer, "customer_name"), "Siti Rahmawati Baru"
		)
		contact = frappe.get_doc("Contact", doc.contact)
		self.assertEqual(
			(contact.first_name, contact.mobile_no, contact.email_id),
			("Siti Rahmawati Baru", "+6285711112222", doc.email),
		)
		self.assertEqual(doc.user, doc.email)
		self.assertEqual(frappe.db.get_value("User", doc.user, "first_name"), "Siti Rahmawati Baru")
		self.assertEqual(len(parties(doc)["customer"]), 1)

	def test_exit_records_date_and_reason_and_blocks_transactions(self):
		doc = buat_anggota("Aktif")
		self.assertEqual(periksa_dapat_bertransaksi(doc.name).status, "Aktif")
		with self.assertRaises(frappe.ValidationError):
			doc.keluar("")
		doc.keluar("Pindah domisili", today())
		doc.reload()
		self.assertEqual(
			(doc.status, str(doc.tanggal_keluar), doc.alasan_keluar), ("Keluar", today(), "Pindah domisili")
		)
		with self.assertRaises(frappe.ValidationError):
			periksa_dapat_bertransaksi(doc.name)
		self.assertEqual(frappe.db.get_value("Customer", doc.customer, "disabled"), 1)
		# ERPNext itself refuses the disabled party on a journal
		company = ensure_koperasi()["company"]
		from koperasi_merah_putih.akun import account_by_number

		je = frappe.get_doc(
			{
				"doctype": "Journal Entry",
				"company": company,
				"posting_date": today(),
				"accounts": [
					{"account": account_by_number(company, "1101"), "debit_in_account_currency": 1000},
					{
						"account": account_by_number(company, "1121"),
						"credit_in_account_currency": 1000,
						"party_type": "Customer",
						"party": doc.customer,
					},
				],
			}
		)
		frappe.db.savepoint("je_disabled_party")
		with self.assertRaises(frappe.ValidationError):
			je.insert().submit()
		frappe.db.rollback(save_point="je_disabled_party")  # undo the half-made journal
		with self.assertRaises(frappe.ValidationError):
			doc.aktifkan()
		with self.assertRaises(frappe.ValidationError):
			frappe.delete_doc("Anggota", doc.name)

	def test_pending_members_cannot_transact(self):
		doc = buat_anggota()
		with self.assertRaises(frappe.ValidationError):
			periksa_dapat_bertransaksi(doc.name)


class TestMasaJabatan(KoperasiTestCase):
	bahasa = None

	def term(self, anggota, organ, jabatan, mulai, selesai=None):
		return frappe.get_doc(
			{
				"doctype": "Masa Jabatan",
				"anggota": anggota.name,
				"organ": organ,
				"jabatan": jabatan,
				"tanggal_mulai": mulai,
				"tanggal_selesai": selesai,
			}
		).insert()

	def test_board_terms_and_who_holds_office_on_a_date(self):
		from koperasi_merah_putih.keanggotaan.doctype.masa_jabatan.masa_jabatan import pemegang_jabatan

		a, b, c = (buat_anggota("Aktif") for _ in range(3))
		self.term(a, "Pengurus", "Ketua", "2090-01-01", "2094-12-31")
		self.term(b, "Pengurus", "Bendahara", "2090-01-01", "2094-12-31")
		self.term(c, "Pengawas", "Ketua Pengawas", "2090-01-01", "2094-12-31")
		self.term(b, "Pengurus", "Ketua", "2095-01-01", "2099-12-31")
		with self.assertRaises(frappe.ValidationError):
			self.term(c, "Pengurus", "Ketua", "2094-06-01")  # Ketua is taken then
		with self.assertRaises(frappe.ValidationError):
			self.term(a, "Pengawas", "Anggota Pengawas", "2092-01-01", "2092-12-31")  # board and supervisor
		with self.assertRaises(frappe.ValidationError):
			self.term(c, "Pengawas", "Bendahara", "2096-01-01")  # not a supervisor's position
		on = pemegang_jabatan("2092-07-01", a.company)
		self.assertEqual(
			[(r.anggota, r.jabatan) for r in on],
			[(a.name, "Ketua"), (b.name, "Bendahara"), (c.name, "Ketua Pengawas")],
		)
		self.assertEqual(
			[(r.anggota, r.jabatan) for r in pemegang_jabatan("2096-01-01", a.company)], [(b.name, "Ketua")]
		)
		# the same rule names the chair on loan agreements, whoever prints them
		from koperasi_merah_putih.jinja import ketua_koperasi

		frappe.set_user(ensure_user("anggota"))
		try:
			self.assertEqual(ketua_koperasi(a.company, "2092-07-01"), a.nama_lengkap)
			self.assertEqual(ketua_koperasi(a.company, "2096-01-01"), b.nama_lengkap)
			self.assertEqual(ketua_koperasi(a.company, "2089-12-31"), "")
		finally:
			frappe.set_user("Administrator")

	def test_an_applicant_cannot_hold_office(self):
		with self.assertRaises(frappe.ValidationError):
			self.term(buat_anggota(), "Pengurus", "Sekretaris", "2090-01-01")


class TestTautanKataSandi(KoperasiTestCase):
	bahasa = None

	def test_link_for_a_member_without_account_makes_the_account_first(self):
		frappe.flags.in_import = True  # as the bulk import leaves a member: numbered, no User yet
		try:
			doc = buat_anggota("Disetujui")
		finally:
			frappe.flags.in_import = False
		self.assertFalse(doc.user)
		frappe.set_user(ensure_user("kasir"))
		try:
			result = frappe.get_doc("Anggota", doc.name).tautan_kata_sandi()
		finally:
			frappe.set_user("Administrator")
		doc.reload()
		self.assertEqual(doc.user, doc.email)
		self.assertIn("/update-password?key=", result["link"])
		self.assertTrue(result["whatsapp"].startswith("https://wa.me/62"))
		self.assertEqual(frappe.db.get_value("Contact", doc.contact, "user"), doc.email)

	def test_pengawas_cannot_and_staff_logins_are_never_reset(self):
		doc = buat_anggota("Aktif")
		frappe.set_user(ensure_user("pengawas"))
		try:
			with self.assertRaises(frappe.PermissionError):
				frappe.get_doc("Anggota", doc.name).tautan_kata_sandi()
		finally:
			frappe.set_user("Administrator")
		staff_member = buat_anggota("Aktif", email=ensure_user("kasir"))
		frappe.set_user(ensure_user("pengurus"))
		try:
			with self.assertRaises(frappe.ValidationError):
				frappe.get_doc("Anggota", staff_member.name).tautan_kata_sandi()
		finally:
			frappe.set_user("Administrator")
