"""The cooperative's roles and what each may do on ERPNext's doctypes and reports.

Pengurus (board) runs the cooperative's books; Kasir (cashier) records money and reads balances;
Pengawas (supervisor) reads everything and changes nothing; Anggota (member) has no desk access and
reaches only portal pages. Custom DocPerm rows are added (never removed) so a site's own tuning is
kept; the sync runs on install, on every migrate and at provisioning.
"""

import frappe
from frappe.permissions import add_permission, update_permission_property

STAFF_ROLES = ("Pengurus", "Kasir", "Pengawas")
MEMBER_ROLE = "Anggota"

ROLES = {
	"Pengurus": {"desk_access": 1},
	"Kasir": {"desk_access": 1},
	"Pengawas": {"desk_access": 1},
	"Anggota": {"desk_access": 0},
}

READ = ("read", "report", "print", "export")
WRITE = (*READ, "write", "create")
SUBMIT = (*WRITE, "submit", "cancel", "amend")

# doctype -> role -> permissions
PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
	"Company": {"Pengurus": (*READ, "write"), "Kasir": ("read",), "Pengawas": READ},
	"Account": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": READ},
	"GL Entry": {"Pengurus": READ, "Kasir": READ, "Pengawas": READ},
	"Payment Ledger Entry": {"Pengurus": READ, "Kasir": READ, "Pengawas": READ},
	"Journal Entry": {"Pengurus": SUBMIT, "Kasir": READ, "Pengawas": READ},
	"Payment Entry": {"Pengurus": SUBMIT, "Kasir": WRITE, "Pengawas": READ},
	"Period Closing Voucher": {"Pengurus": SUBMIT, "Pengawas": READ},
	"Fiscal Year": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Cost Center": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Mode of Payment": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Currency": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"Customer": {"Pengurus": WRITE, "Kasir": ("read", "print"), "Pengawas": READ},
	"Customer Group": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"Contact": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Address": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Accounting Period": {"Pengurus": WRITE, "Pengawas": ("read",)},
	"Accounts Settings": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	# the point of sale reads these when it opens
	"Stock Settings": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"Selling Settings": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"POS Settings": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	# the RAPB is an ERPNext Budget, approved (submitted) by the RAT
	"Budget": {"Pengurus": SUBMIT, "Pengawas": READ},
	# bulk import of members (Data Import checks import permission on Anggota too)
	"Data Import": {"Pengurus": WRITE},
	# the outlets (Unit Usaha) on ERPNext's point of sale, selling, buying and stock: the Kasir sells
	# at the till and receives consigned goods; the Pengurus buys, counts stock and closes the till
	"POS Invoice": {"Pengurus": SUBMIT, "Kasir": SUBMIT, "Pengawas": READ},
	"POS Opening Entry": {"Pengurus": SUBMIT, "Kasir": SUBMIT, "Pengawas": READ},
	"POS Closing Entry": {"Pengurus": SUBMIT, "Kasir": SUBMIT, "Pengawas": READ},
	"POS Profile": {"Pengurus": ("read", "write"), "Kasir": ("read",), "Pengawas": ("read",)},
	"Sales Invoice": {"Pengurus": SUBMIT, "Kasir": READ, "Pengawas": READ},
	"Purchase Invoice": {"Pengurus": SUBMIT, "Kasir": READ, "Pengawas": READ},
	"Purchase Receipt": {"Pengurus": SUBMIT, "Kasir": READ, "Pengawas": READ},
	"Stock Entry": {"Pengurus": SUBMIT, "Kasir": SUBMIT, "Pengawas": READ},
	"Stock Reconciliation": {"Pengurus": SUBMIT, "Pengawas": READ},
	"Stock Ledger Entry": {"Pengurus": READ, "Kasir": READ, "Pengawas": READ},
	"Item": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": READ},
	"Item Price": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Item Group": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Price List": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Warehouse": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": ("read",)},
	"Bin": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"UOM": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"Supplier": {"Pengurus": WRITE, "Kasir": ("read",), "Pengawas": READ},
	"Supplier Group": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
	"Territory": {"Pengurus": ("read",), "Kasir": ("read",), "Pengawas": ("read",)},
}

# ERPNext's financial reports the staff need (a report needs the role and read on its doctype).
REPORTS = {
	"General Ledger": STAFF_ROLES,
	"Trial Balance": STAFF_ROLES,
	"Balance Sheet": STAFF_ROLES,
	"Profit and Loss Statement": STAFF_ROLES,
	"Cash Flow": ("Pengurus", "Pengawas"),
	"Accounts Receivable": STAFF_ROLES,
	"Trial Balance for Party": STAFF_ROLES,
	# the RAPB's plan against the actuals
	"Budget Variance Report": ("Pengurus", "Pengawas"),
	# the outlets' stock and sales
	"Stock Balance": STAFF_ROLES,
	"Stock Ledger": STAFF_ROLES,
	"Sales Register": ("Pengurus", "Pengawas"),
	"Purchase Register": ("Pengurus", "Pengawas"),
}


def ensure_roles() -> None:
	for role, props in ROLES.items():
		if frappe.db.exists("Role", role):
			continue
		frappe.get_doc({"doctype": "Role", "role_name": role, **props}).insert(ignore_permissions=True)


def ensure_permissions() -> None:
	for doctype, by_role in PERMISSIONS.items():
		if not frappe.db.exists("DocType", doctype):
			continue
		for role, ptypes in by_role.items():
			existing = frappe.db.get_value(
				"Custom DocPerm", {"parent": doctype, "role": role, "permlevel": 0, "if_owner": 0}, "name"
			)
			if not existing:
				add_permission(doctype, role, 0, "read")
			meta = frappe.get_meta(doctype)
			for ptype in ptypes:
				if ptype in ("submit", "cancel", "amend") and not meta.is_submittable:
					continue
				if not frappe.db.get_value(
					"Custom DocPerm", {"parent": doctype, "role": role, "permlevel": 0, "if_owner": 0}, ptype
				):
					update_permission_property(doctype, role, 0, ptype, 1, validate=False)


# ERPNext's desk pages the cooperative's roles open (the outlet's till)
PAGES = {"point-of-sale": ("Pengurus", "Kasir")}


# ERPNext's workspaces: Frappe shows a workspace that has roles only to those roles. The ones a
# cooperative uses get its roles next to ERPNext's own (so ERPNext's users keep them); the rest get
# only ERPNext's and Frappe's roles, so a Pengurus, Kasir or Pengawas never sees them.
AKUNTANSI = ("System Manager", "Accounts Manager", "Accounts User", "Auditor", "Pengurus", "Pengawas")
WORKSPACES = {
	"Accounting": AKUNTANSI,
	"Payables": AKUNTANSI,
	"Receivables": AKUNTANSI,
	"Financial Reports": AKUNTANSI,
	"Buying": ("System Manager", "Purchase Manager", "Purchase User", "Pengurus"),
	"Selling": ("System Manager", "Sales Manager", "Sales User", "Pengurus", "Kasir"),
	"Stock": ("System Manager", "Stock Manager", "Stock User", "Pengurus", "Kasir"),
	"Home": ("System Manager",),
	"Assets": ("System Manager", "Accounts Manager"),
	"Manufacturing": ("System Manager", "Manufacturing Manager", "Manufacturing User"),
	"Quality": ("System Manager", "Quality Manager"),
	"Projects": ("System Manager", "Projects Manager", "Projects User"),
	"Support": ("System Manager", "Support Team"),
	"Users": ("System Manager",),
	"Website": ("System Manager", "Website Manager"),
	"CRM": ("System Manager", "Sales Manager", "Sales User"),
	"Tools": ("System Manager",),
	"ERPNext Settings": ("System Manager",),
	"Integrations": ("System Manager",),
	"ERPNext Integrations": ("System Manager",),
	"Build": ("System Manager",),
}


def ensure_report_roles() -> None:
	"""Add our roles to the role table of ERPNext's reports, pages and workspaces (a row insert:
	saving a standard Report or Page is refused outside developer mode)."""
	for parenttype, entries in (("Report", REPORTS), ("Page", PAGES), ("Workspace", WORKSPACES)):
		for name, roles in entries.items():
			_tambah_peran(parenttype, name, roles)


def _tambah_peran(parenttype: str, name: str, roles) -> None:
	if not frappe.db.exists(parenttype, name):
		return
	have = set(frappe.get_all("Has Role", {"parent": name, "parenttype": parenttype}, pluck="role"))
	for idx, role in enumerate(r for r in roles if r not in have):
		frappe.get_doc(
			{
				"doctype": "Has Role",
				"parent": name,
				"parenttype": parenttype,
				"parentfield": "roles",
				"role": role,
				"idx": len(have) + idx + 1,
			}
		).db_insert()


def sync_roles_and_permissions() -> None:
	ensure_roles()
	ensure_permissions()
	ensure_report_roles()
	frappe.clear_cache()
