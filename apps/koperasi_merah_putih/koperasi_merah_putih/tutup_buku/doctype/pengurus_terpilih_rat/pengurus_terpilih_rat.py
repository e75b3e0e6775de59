# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""A board member elected at the RAT (a Masa Jabatan is made on submit)."""

from frappe.model.document import Document


class PengurusTerpilihRAT(Document):
	pass
