"""KoperasiTestCase: the base of the integration tests. The class gets the test cooperative
(`cls.company`, provisioned once per site) and this year (`cls.tahun`); each test starts as
Administrator, in the class's language (`bahasa`, Indonesian by default: the messages users read),
and ends as Administrator in English, whatever the test switched to."""

import frappe
from frappe.tests.utils import FrappeTestCase
from frappe.utils import getdate

from tests.support.data import ensure_koperasi


class KoperasiTestCase(FrappeTestCase):
	bahasa: str | None = "id"

	@classmethod
	def setUpClass(cls):
		super().setUpClass()
		cls.company = ensure_koperasi()["company"]
		cls.tahun = getdate().year

	def setUp(self):
		super().setUp()
		frappe.set_user("Administrator")
		if self.bahasa:
			frappe.local.lang = self.bahasa

	def tearDown(self):
		frappe.set_user("Administrator")
		frappe.local.lang = "en"
		super().tearDown()
