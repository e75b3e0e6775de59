# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""One member's line of a month's Jasa Simpanan (written in bulk by the batch, read-only)."""

from frappe.model.document import Document


class RincianJasaSimpanan(Document):
	# made only by the app's own methods (integritas.periksa refuses a client's insert)
	hanya_server = True
