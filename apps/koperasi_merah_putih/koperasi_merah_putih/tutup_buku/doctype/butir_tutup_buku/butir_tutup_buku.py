# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""One item of the year-end checklist: what is checked, whether it is ready, where to fix it."""

from frappe.model.document import Document


class ButirTutupBuku(Document):
	pass
