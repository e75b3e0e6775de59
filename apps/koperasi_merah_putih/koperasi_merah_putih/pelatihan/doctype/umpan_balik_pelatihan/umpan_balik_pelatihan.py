# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later

from frappe.model.document import Document


class UmpanBalikPelatihan(Document):
	# made only by the app's own methods (integritas.periksa refuses a client's insert)
	hanya_server = True
