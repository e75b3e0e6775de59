# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""One savings balance refunded by an exit settlement."""

from frappe.model.document import Document


class RincianPengembalianSimpanan(Document):
	pass
