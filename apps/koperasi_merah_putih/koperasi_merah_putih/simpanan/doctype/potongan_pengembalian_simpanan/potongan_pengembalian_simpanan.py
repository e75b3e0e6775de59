# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""One debt deducted from the savings refunded on exit."""

from frappe.model.document import Document


class PotonganPengembalianSimpanan(Document):
	pass
