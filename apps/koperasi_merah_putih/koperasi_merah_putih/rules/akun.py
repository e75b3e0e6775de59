"""Checks on a chart of accounts tree (ERPNext's nested-dict chart format), without frappe.

A chart is {"Account Name": {"account_number": "1", "root_type": "Asset", "Child": {...}}}.
"""

ROOT_TYPES = {"Asset", "Liability", "Equity", "Income", "Expense"}

# the app's chart (setup/coa) by account-number prefix, as the statements and ratios group it
KAS_DAN_BANK = ("110", "111")
PIUTANG_PINJAMAN = ("1121",)
ASET_PRODUKTIF = ("1121", "1123", "1231")  # loans, other receivables of members, investments
LIABILITAS_JANGKA_PENDEK = ("21",)
SIMPANAN_ANGGOTA = ("3101", "3102", "210")  # pokok, wajib, and the savings held as liabilities
# the cash flow's investing and financing activities (everything else on the balance sheet is operating)
ARUS_INVESTASI = ("12",)
ARUS_PENDANAAN = ("210", "213", "22", "31")
KAS, OPERASI, INVESTASI, PENDANAAN = "kas", "operasi", "investasi", "pendanaan"


def kelompok_arus_kas(nomor: str) -> str:
	"""The cash-flow line of a balance-sheet account by its number: cash itself, investing,
	financing (members' savings, equity, SHU payable and funds, borrowings), or operating."""
	nomor = str(nomor or "")
	if nomor.startswith(KAS_DAN_BANK):
		return KAS
	if nomor.startswith(ARUS_INVESTASI):
		return INVESTASI
	if nomor.startswith(ARUS_PENDANAAN):
		return PENDANAAN
	return OPERASI


META_KEYS = {
	"account_number",
	"account_type",
	"root_type",
	"is_group",
	"tax_rate",
	"account_currency",
	"account_name",
}


def iter_accounts(tree: dict, parent: str | None = None, root_type: str | None = None):
	"""Yield (name, spec, parent, root_type, is_group) for every account, parents before children."""
	for name, spec in tree.items():
		if name in META_KEYS:
			continue
		rt = spec.get("root_type", root_type)
		children = {k: v for k, v in spec.items() if k not in META_KEYS}
		is_group = bool(children) or bool(spec.get("is_group"))
		yield name, spec, parent, rt, is_group
		yield from iter_accounts(children, name, rt)


def validate_chart(tree: dict) -> list[str]:
	"""Problems found in a chart (empty when it is sound)."""
	problems = []
	numbers: dict[str, str] = {}
	names: set[str] = set()
	for name, spec, parent, rt, _is_group in iter_accounts(tree):
		if parent is None and spec.get("root_type") not in ROOT_TYPES:
			problems.append(f"root account {name!r} has no valid root_type")
		if rt not in ROOT_TYPES:
			problems.append(f"account {name!r} has no root type")
		number = str(spec.get("account_number", "")).strip()
		if not number:
			problems.append(f"account {name!r} has no account number")
		elif number in numbers:
			problems.append(f"account number {number} used by {numbers[number]!r} and {name!r}")
		else:
			numbers[number] = name
		if name in names:
			problems.append(f"account name {name!r} used twice")
		names.add(name)
	return problems


def accounts_by_type(tree: dict) -> dict[str, list[str]]:
	"""account_type -> names of the leaf accounts of that type (for default-account choices)."""
	out: dict[str, list[str]] = {}
	for name, spec, _parent, _rt, is_group in iter_accounts(tree):
		if not is_group and spec.get("account_type"):
			out.setdefault(spec["account_type"], []).append(name)
	return out
