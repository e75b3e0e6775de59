# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""One allocation of the SHU (cadangan, the members' part, a fund): its share and amount."""

from frappe.model.document import Document


class AlokasiSHU(Document):
	pass
