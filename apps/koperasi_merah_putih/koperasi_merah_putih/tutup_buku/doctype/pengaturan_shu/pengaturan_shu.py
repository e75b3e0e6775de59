# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Pengaturan SHU: the by-laws' split, the bases of jasa modal and jasa usaha, the cooperative's income tax method and the RAT's quorum."""

from frappe.model.document import Document


class PengaturanSHU(Document):
	pass
