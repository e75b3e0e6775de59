"""Sites provisioned before the integrity release: no Python tracebacks in answers to clients, and
EXIF metadata stripped from uploaded photos (new sites get both from provisioning)."""

import frappe


def execute():
	frappe.db.set_single_value(
		"System Settings",
		{"allow_error_traceback": 0, "strip_exif_metadata_from_uploaded_images": 1},
	)
