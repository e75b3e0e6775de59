from frappe.model.document import Document


class KelompokBarangUnitUsaha(Document):
	pass
