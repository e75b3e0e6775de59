from frappe.model.document import Document


class RincianTitipJual(Document):
	pass
