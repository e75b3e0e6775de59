# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""One member's line of a Pembagian SHU (written in bulk by the computation, read-only); paid by a Pembayaran SHU."""

from frappe.model.document import Document


class RincianSHUAnggota(Document):
	# made only by the app's own methods (integritas.periksa refuses a client's insert)
	hanya_server = True
