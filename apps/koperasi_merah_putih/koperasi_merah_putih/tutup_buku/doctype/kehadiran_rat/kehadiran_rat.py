# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""A member present at the RAT."""

from frappe.model.document import Document


class KehadiranRAT(Document):
	pass
