"""Provision a cooperative on a site: site defaults (the setup wizard's work), the Company with the
app's SAK EP chart of accounts, fiscal year, default accounts, customer group, roles and permissions.

Every step checks before it creates, so running it again changes nothing and duplicates nothing.
Called by `bench --site SITE koperasi-provision NAME` (see commands.py) and by the tests.
"""

import json
import re
import secrets
from pathlib import Path

import frappe
from frappe import _
from frappe.utils import getdate, nowdate

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.rules.akun import iter_accounts, validate_chart
from koperasi_merah_putih.setup import roles

COMPANY_PREFIX = "Koperasi Kelurahan Merah Putih"
CHART_FILE = Path(__file__).parent / "coa" / "koperasi_sak_ep.json"
CUSTOMER_GROUP = "Anggota Koperasi"

# Company default-account fields -> account number in the app's chart.
DEFAULT_ACCOUNTS = {
	"default_cash_account": "1101",
	"default_bank_account": "1111",
	"default_receivable_account": "1123",
	"default_payable_account": "2111",
	"default_income_account": "4203",
	"default_expense_account": "5101",
	"round_off_account": "5301",
	"write_off_account": "5309",
	"exchange_gain_loss_account": "4309",
	"accumulated_depreciation_account": "1221",
	"depreciation_expense_account": "5205",
	"capital_work_in_progress_account": "1215",
	"asset_received_but_not_billed": "2112",
	"expenses_included_in_asset_valuation": "5104",
	"stock_received_but_not_billed": "2113",
	"default_inventory_account": "1131",
	"stock_adjustment_account": "5102",
	"expenses_included_in_valuation": "5103",
}

SYSTEM_SETTINGS = {
	"language": "id",
	"country": "Indonesia",
	"time_zone": "Asia/Jakarta",
	"currency": "IDR",
	"number_format": "#.###,##",
	"date_format": "dd-mm-yyyy",
	"time_format": "HH:mm:ss",
	"first_day_of_the_week": "Monday",
	# an error answer carries no Python traceback to the client (Frappe's default sends one)
	"allow_error_traceback": 0,
	# members' photos (KTP) lose their EXIF metadata (location, device) on upload
	"strip_exif_metadata_from_uploaded_images": 1,
}


def company_name(nama: str) -> str:
	nama = (nama or "").strip()
	if not nama:
		frappe.throw(_("The name of the cooperative's ward or village is required."))
	if nama.lower().startswith(COMPANY_PREFIX.lower()):
		return nama
	return f"{COMPANY_PREFIX} {nama}"


def load_chart() -> dict:
	chart = json.loads(CHART_FILE.read_text())
	problems = validate_chart(chart)
	if problems:
		frappe.throw(_("The cooperative chart of accounts is not valid: {0}").format("; ".join(problems)))
	return chart


def provision_koperasi(
	nama: str, abbr: str | None = None, demo_users: bool = False, reset_demo_passwords: bool = False
) -> dict:
	"""Create or complete one cooperative; returns what it holds (company, accounts, users)."""
	name = company_name(nama)
	ensure_erpnext_fixtures()
	ensure_fiscal_year()
	company = ensure_company(name, abbr)
	ensure_accounts(company)
	ensure_company_defaults(company)
	ensure_setup_complete(company)
	ensure_customer_group()
	roles.sync_roles_and_permissions()
	for method in frappe.get_hooks("koperasi_disiapkan"):
		frappe.get_attr(method)(company)
	users = ensure_demo_users(company, reset_demo_passwords) if demo_users else []
	return {
		"company": company,
		"abbr": frappe.db.get_value("Company", company, "abbr"),
		"accounts": frappe.db.count("Account", {"company": company}),
		"users": users,
	}


def ensure_erpnext_fixtures() -> None:
	"""What the setup wizard's first stage installs (groups, territories, UOMs...), once per site."""
	if frappe.is_setup_complete() or frappe.db.exists("Customer Group", _("All Customer Groups")):
		return
	from erpnext.setup.setup_wizard.operations import install_fixtures

	install_fixtures.install("Indonesia")


def ensure_fiscal_year(on_date=None) -> str:
	"""Calendar-year fiscal year (Indonesian practice) covering the date, shared by all companies."""
	year = getdate(on_date or nowdate()).year
	existing = frappe.db.get_value(
		"Fiscal Year", {"year_start_date": f"{year}-01-01", "year_end_date": f"{year}-12-31"}
	)
	if existing:
		return existing
	fy = frappe.get_doc(
		{
			"doctype": "Fiscal Year",
			"year": str(year),
			"year_start_date": f"{year}-01-01",
			"year_end_date": f"{year}-12-31",
		}
	)
	fy.insert(ignore_permissions=True)
	return fy.name


def _unique_abbr(name: str, wanted: str | None) -> str:
	if wanted:
		return wanted.strip().upper()
	words = re.findall(r"[A-Za-z0-9]+", name[len(COMPANY_PREFIX) :]) or ["X"]
	base = "KMP-" + "".join(w[:3] for w in words).upper()[:8]
	abbr, n = base, 1
	while frappe.db.exists("Company", {"abbr": abbr}):
		n += 1
		abbr = f"{base}{n}"
	return abbr


def ensure_company(name: str, abbr: str | None = None) -> str:
	if frappe.db.exists("Company", name):
		return name
	from erpnext.accounts.doctype.account.chart_of_accounts.chart_of_accounts import create_charts

	company = frappe.get_doc(
		{
			"doctype": "Company",
			"company_name": name,
			"abbr": _unique_abbr(name, abbr),
			"default_currency": "IDR",
			"country": "Indonesia",
			"create_chart_of_accounts_based_on": "Standard Template",
			"chart_of_accounts": "Standard",
			"enable_perpetual_inventory": 1,
		}
	)
	# the chart is ours, not one of ERPNext's bundled templates
	frappe.local.flags.ignore_chart_of_accounts = True
	try:
		company.insert(ignore_permissions=True)
	finally:
		frappe.local.flags.ignore_chart_of_accounts = False
	frappe.local.flags.ignore_root_company_validation = True
	create_charts(company.name, custom_chart=load_chart())
	company.reload()
	company.create_default_warehouses()
	return company.name


def ensure_accounts(company: str) -> list[str]:
	"""Add any account of the app's chart that the company lacks (charts grow between versions)."""
	created = []
	currency = frappe.get_cached_value("Company", company, "default_currency")
	numbers = {}
	for acc_name, spec, parent, root_type, is_group in iter_accounts(load_chart()):
		number = str(spec["account_number"])
		numbers[acc_name] = number
		if account_by_number(company, number):
			continue
		parent_account = account_by_number(company, numbers[parent]) if parent else None
		doc = frappe.get_doc(
			{
				"doctype": "Account",
				"account_name": acc_name,
				"account_number": number,
				"company": company,
				"parent_account": parent_account,
				"is_group": int(is_group),
				"root_type": root_type,
				"report_type": "Balance Sheet"
				if root_type in ("Asset", "Liability", "Equity")
				else "Profit and Loss",
				"account_type": spec.get("account_type"),
				"account_currency": currency,
			}
		)
		doc.flags.ignore_permissions = True
		doc.flags.ignore_mandatory = not parent
		doc.insert()
		created.append(doc.name)
	return created


def ensure_company_defaults(company: str) -> None:
	doc = frappe.get_doc("Company", company)
	changed = False
	for field, number in DEFAULT_ACCOUNTS.items():
		if not doc.get(field) and (account := account_by_number(company, number)):
			doc.set(field, account)
			changed = True
	main_cc = frappe.db.get_value("Cost Center", {"company": company, "is_group": 0})
	for field in ("cost_center", "round_off_cost_center", "depreciation_cost_center"):
		if not doc.get(field) and main_cc:
			doc.set(field, main_cc)
			changed = True
	if changed:
		doc.flags.ignore_permissions = True
		doc.save()
	doc.set_mode_of_payment_account()
	# ERPNext gives its first Mode of Payment of type Cash the company's cash account; once the
	# outlets have their own cash modes ("Tunai <unit>") that may not be "Cash": make sure of it
	if (
		frappe.db.exists("Mode of Payment", "Cash")
		and doc.default_cash_account
		and not frappe.db.exists("Mode of Payment Account", {"parent": "Cash", "company": company})
	):
		tunai = frappe.get_doc("Mode of Payment", "Cash")
		tunai.append("accounts", {"company": company, "default_account": doc.default_cash_account})
		tunai.save(ignore_permissions=True)
	if not frappe.db.get_single_value("Global Defaults", "default_company"):
		# the first cooperative on the site becomes the default, as the setup wizard does
		from erpnext.setup.setup_wizard.operations.install_fixtures import set_global_defaults

		set_global_defaults({"currency": "IDR", "company_name": company, "country": "Indonesia"})
	if not frappe.db.get_single_value("Pengaturan Koperasi", "company"):
		frappe.db.set_single_value("Pengaturan Koperasi", "company", company)
	ensure_settings_defaults()


def ensure_settings_defaults() -> None:
	"""Fill the settings a site has never set with the defaults of the doctype (a site's own choice stays)."""
	meta = frappe.get_meta("Pengaturan Koperasi")
	for df in meta.fields:
		# get_single_value reads a number never saved as 0: look for the row itself
		tersimpan = frappe.db.get_value(
			"Singles", {"doctype": "Pengaturan Koperasi", "field": df.fieldname}, "value", order_by=None
		)
		if df.default and tersimpan in (None, ""):
			frappe.db.set_single_value("Pengaturan Koperasi", df.fieldname, df.default)


def ensure_setup_complete(company: str) -> None:
	"""Finish the setup wizard for every app, as a person clicking through it would.

	ERPNext's wizard stages see that a company exists and only wrap up; Frappe's stage sets the
	language, time zone and country. Afterwards the Indonesian formats are applied."""
	if not frappe.is_setup_complete():
		from frappe.desk.page.setup_wizard.setup_wizard import setup_complete

		setup_complete(
			{
				"language": "Indonesia",
				"country": "Indonesia",
				"timezone": "Asia/Jakarta",
				"currency": "IDR",
				"company_name": company,
			}
		)
	settings = frappe.get_single("System Settings")
	if any(settings.get(k) != v for k, v in SYSTEM_SETTINGS.items()):
		settings.update(SYSTEM_SETTINGS)
		settings.flags.ignore_permissions = True
		settings.save()


def ensure_customer_group() -> str:
	if not frappe.db.exists("Customer Group", CUSTOMER_GROUP):
		parent = frappe.db.get_value(
			"Customer Group", {"is_group": 1, "parent_customer_group": ("in", ("", None))}
		)
		frappe.get_doc(
			{
				"doctype": "Customer Group",
				"customer_group_name": CUSTOMER_GROUP,
				"parent_customer_group": parent,
				"is_group": 0,
			}
		).insert(ignore_permissions=True)
	return CUSTOMER_GROUP


DEMO_USERS = [
	("pengurus", "Pengurus", "Ketua Pengurus"),
	("kasir", "Kasir", "Kasir Koperasi"),
	("pengawas", "Pengawas", "Ketua Pengawas"),
]


def demo_email(prefix: str, company: str) -> str:
	slug = re.sub(r"[^a-z0-9]+", "", company[len(COMPANY_PREFIX) :].lower()) or "koperasi"
	return f"{prefix}@{slug}.koperasi.test"


def ensure_demo_users(company: str, reset_passwords: bool = False) -> list[dict]:
	"""Staff users for a demo cooperative. A password is returned only when the user is created
	or when asked to reset it (the caller lost it): it is never stored in clear on the site."""
	from frappe.utils.password import update_password

	out = []
	for prefix, role, full_name in DEMO_USERS:
		email = demo_email(prefix, company)
		entry = {"email": email, "role": role, "password": None}
		if frappe.db.exists("User", email):
			if reset_passwords:
				entry["password"] = secrets.token_urlsafe(9)
				update_password(email, entry["password"])
		else:
			password = secrets.token_urlsafe(9)
			first, _sep, last = full_name.partition(" ")
			user = frappe.get_doc(
				{
					"doctype": "User",
					"email": email,
					"first_name": first,
					"last_name": last,
					"user_type": "System User",
					"send_welcome_email": 0,
					"language": "id",
					"new_password": password,
					"roles": [{"role": role}],
				}
			)
			user.flags.ignore_permissions = True
			user.flags.no_welcome_mail = True
			user.insert()
			frappe.defaults.set_user_default("company", company, email)
			entry["password"] = password
		# the demo's staff see their own cooperative only (a site may hold several)
		if not frappe.db.exists("User Permission", {"user": email, "allow": "Company"}):
			frappe.get_doc(
				{"doctype": "User Permission", "user": email, "allow": "Company", "for_value": company}
			).insert(ignore_permissions=True)
		out.append(entry)
	return out
