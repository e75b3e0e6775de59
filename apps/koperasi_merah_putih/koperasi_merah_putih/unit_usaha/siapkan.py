# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""What an outlet (Unit Usaha) needs in ERPNext, made once and found again on every later run:
its Cost Center (every posting of the unit carries it), its Warehouse, its own cash account and the
Mode of Payment that points there (the unit's cash book), the item groups it sells, and the POS
Profile that ties them together with the selling price list and the walk-in customer "Umum".

Nothing here is the app's own accounting: ERPNext's POS, Sales and Purchase Invoices and Stock
Entries do the selling, buying and counting; this module only configures them.
"""

import frappe
from frappe import _
from frappe.utils.nestedset import get_root_of

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.setup.provisioning import CUSTOMER_GROUP

# the walk-in buyer of every outlet
PEMBELI_UMUM = "Umum"
GRUP_UMUM = "Pembeli Umum"
HARGA_UMUM = "Harga Umum"
HARGA_ANGGOTA = "Harga Anggota"
GRUP_TITIP_JUAL = "Titip Jual Anggota"
GRUP_PEMASOK_ANGGOTA = "Anggota Penitip"
# the cash accounts of the units sit under Kas dan Setara Kas (110), numbered 1103-1109
GRUP_KAS = "110"
NOMOR_KAS_UNIT = range(1103, 1110)
AKUN_SELISIH = "5309"
AKUN_PENJUALAN = "4201"
AKUN_HPP = "5101"


def _buat(doc: dict) -> str:
	d = frappe.get_doc(doc)
	d.flags.ignore_permissions = True
	d.insert()
	return d.name


def pembeli_umum() -> str:
	"""The walk-in customer, with its own customer group (never a member, never on credit)."""
	if not frappe.db.exists("Customer Group", GRUP_UMUM):
		_buat(
			{
				"doctype": "Customer Group",
				"customer_group_name": GRUP_UMUM,
				"parent_customer_group": get_root_of("Customer Group"),
				"is_group": 0,
			}
		)
	if not frappe.db.exists("Customer", PEMBELI_UMUM):
		d = frappe.get_doc(
			{
				"doctype": "Customer",
				"customer_name": PEMBELI_UMUM,
				"customer_group": GRUP_UMUM,
				"customer_type": "Individual",
				"territory": get_root_of("Territory"),
			}
		)
		d.flags.ignore_permissions = True
		d.insert(set_name=PEMBELI_UMUM)
	return PEMBELI_UMUM


def daftar_harga(nama: str) -> str:
	if not frappe.db.exists("Price List", nama):
		_buat(
			{"doctype": "Price List", "price_list_name": nama, "currency": "IDR", "selling": 1, "buying": 0}
		)
	return nama


def kelompok_barang(nama: str, company: str | None = None) -> str:
	"""An item group of the outlets; for `company`, its goods sell to 4201 Penjualan Barang at the
	cost 5101 Harga Pokok Penjualan (ERPNext's Item Defaults of the group)."""
	if not frappe.db.exists("Item Group", nama):
		_buat(
			{
				"doctype": "Item Group",
				"item_group_name": nama,
				"parent_item_group": get_root_of("Item Group"),
				"is_group": 0,
			}
		)
	if company and not frappe.db.exists(
		"Item Default", {"parent": nama, "parenttype": "Item Group", "company": company}
	):
		grup = frappe.get_doc("Item Group", nama)
		grup.append(
			"item_group_defaults",
			{
				"company": company,
				"income_account": account_by_number(company, AKUN_PENJUALAN),
				"expense_account": account_by_number(company, AKUN_HPP),
			},
		)
		grup.flags.ignore_permissions = True
		grup.save()
	return nama


def grup_pemasok_anggota() -> str:
	if not frappe.db.exists("Supplier Group", GRUP_PEMASOK_ANGGOTA):
		_buat(
			{
				"doctype": "Supplier Group",
				"supplier_group_name": GRUP_PEMASOK_ANGGOTA,
				"parent_supplier_group": get_root_of("Supplier Group"),
				"is_group": 0,
			}
		)
	return GRUP_PEMASOK_ANGGOTA


def _pusat_biaya(unit) -> str:
	ada = frappe.db.get_value(
		"Cost Center", {"company": unit.company, "cost_center_name": unit.nama_unit, "is_group": 0}
	)
	if ada:
		return ada
	induk = frappe.db.get_value("Cost Center", {"company": unit.company, "is_group": 1}, order_by="lft asc")
	return _buat(
		{
			"doctype": "Cost Center",
			"cost_center_name": unit.nama_unit,
			"parent_cost_center": induk,
			"company": unit.company,
			"is_group": 0,
		}
	)


def _gudang(unit) -> str:
	ada = frappe.db.get_value("Warehouse", {"company": unit.company, "warehouse_name": unit.nama_unit})
	if ada:
		return ada
	induk = frappe.db.get_value("Warehouse", {"company": unit.company, "is_group": 1}, order_by="lft asc")
	nama = _buat(
		{
			"doctype": "Warehouse",
			"warehouse_name": unit.nama_unit,
			"parent_warehouse": induk,
			"company": unit.company,
			"is_group": 0,
		}
	)
	# ERPNext keeps the warehouses' accounts for the rest of the request or job: one made now must
	# be in it for a stock posting that follows in the same process
	frappe.flags.pop("warehouse_account_map", None)
	return nama


def _akun_kas(unit) -> str:
	nama = _("Kas {0}").format(unit.nama_unit)
	ada = frappe.db.get_value("Account", {"company": unit.company, "account_name": nama})
	if ada:
		return ada
	nomor = next((str(n) for n in NOMOR_KAS_UNIT if not account_by_number(unit.company, str(n))), None)
	return _buat(
		{
			"doctype": "Account",
			"account_name": nama,
			"account_number": nomor,
			"parent_account": account_by_number(unit.company, GRUP_KAS),
			"company": unit.company,
			"account_type": "Cash",
			"is_group": 0,
		}
	)


def cara_bayar_unit(unit) -> str:
	"""The unit's cash Mode of Payment ("Tunai <unit>"), pointing at its own cash account."""
	nama = _("Tunai {0}").format(unit.name)
	if not frappe.db.exists("Mode of Payment", nama):
		_buat({"doctype": "Mode of Payment", "mode_of_payment": nama, "type": "Cash", "enabled": 1})
	mode = frappe.get_doc("Mode of Payment", nama)
	if not any(r.company == unit.company for r in mode.accounts):
		mode.append("accounts", {"company": unit.company, "default_account": unit.akun_kas})
		mode.flags.ignore_permissions = True
		mode.save()
	return nama


def _profil_kasir(unit, kelompok: list[str]) -> str:
	nama = _("Kasir {0}").format(unit.name)
	mode = cara_bayar_unit(unit)
	if frappe.db.exists("POS Profile", nama):
		profil = frappe.get_doc("POS Profile", nama)
		ada = {r.item_group for r in profil.item_groups}
		baru = [k for k in kelompok if k not in ada]
		if not baru:
			return nama
		for k in baru:
			profil.append("item_groups", {"item_group": k})
		profil.flags.ignore_permissions = True
		profil.save()
		return nama
	selisih = account_by_number(unit.company, AKUN_SELISIH)
	profil = frappe.get_doc(
		{
			"doctype": "POS Profile",
			"__newname": nama,
			"company": unit.company,
			"warehouse": unit.warehouse,
			"cost_center": unit.cost_center,
			"currency": "IDR",
			"selling_price_list": unit.daftar_harga,
			"customer": pembeli_umum(),
			"update_stock": 1,
			# a member may leave part unpaid (bon), within the limit (unit_usaha/penjualan.py)
			"allow_partial_payment": 1,
			"write_off_account": selisih,
			"write_off_cost_center": unit.cost_center,
			"write_off_limit": 0,
			"income_account": account_by_number(unit.company, AKUN_PENJUALAN),
			"expense_account": account_by_number(unit.company, AKUN_HPP),
			"payments": [{"mode_of_payment": mode, "default": 1}],
			"item_groups": [{"item_group": k} for k in kelompok],
			"customer_groups": [{"customer_group": CUSTOMER_GROUP}, {"customer_group": GRUP_UMUM}],
		}
	)
	profil.flags.ignore_permissions = True
	profil.insert(set_name=nama)
	return profil.name


def kelompok_unit(unit) -> list[str]:
	"""The unit's item groups (its own list, else one named after its type), and the members'
	consignment goods, which every outlet may sell."""
	kelompok = [r.item_group for r in unit.kelompok_barang] or [_("Barang {0}").format(unit.jenis_unit)]
	return [kelompok_barang(k, unit.company) for k in (*kelompok, GRUP_TITIP_JUAL)]


def siapkan(unit) -> dict:
	"""Find or make everything the unit needs; returns the links (the controller stores them)."""
	unit.cost_center = unit.cost_center or _pusat_biaya(unit)
	unit.warehouse = unit.warehouse or _gudang(unit)
	unit.akun_kas = unit.akun_kas or _akun_kas(unit)
	unit.daftar_harga = unit.daftar_harga or daftar_harga(HARGA_UMUM)
	unit.daftar_harga_anggota = unit.daftar_harga_anggota or daftar_harga(HARGA_ANGGOTA)
	unit.pos_profile = _profil_kasir(unit, kelompok_unit(unit))
	return {
		f: unit.get(f)
		for f in (
			"cost_center",
			"warehouse",
			"akun_kas",
			"daftar_harga",
			"daftar_harga_anggota",
			"pos_profile",
		)
	}
