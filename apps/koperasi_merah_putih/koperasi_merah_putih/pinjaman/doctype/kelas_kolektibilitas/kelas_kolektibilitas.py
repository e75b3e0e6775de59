# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later

from frappe.model.document import Document


class KelasKolektibilitas(Document):
	pass
