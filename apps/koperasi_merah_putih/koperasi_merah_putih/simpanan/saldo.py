"""Savings balances, read from the general ledger (the only record of money): per member and product.

A balance is the sum of the member's credits minus debits on the product's account. The GL index
`kmp_party_account` (created on migrate) keeps it to the member's own rows.
"""

import frappe
from frappe.query_builder import DocType
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate

INDEX = "kmp_party_account"


def _milik(gl, customer: str, akun: str, company: str):
	"""The live GL rows of one member on one savings account."""
	return (
		(gl.party_type == "Customer")
		& (gl.party == customer)
		& (gl.account == akun)
		& (gl.company == company)
		& (gl.is_cancelled == 0)
	)


def saldo(customer: str, akun: str, company: str, sampai=None, for_update: bool = False) -> float:
	"""Balance of one member (Customer) on one savings account; `for_update` reads the latest
	committed rows and locks them (withdrawals use it, so two cannot spend the same rupiah)."""
	gl = DocType("GL Entry")
	# forced: left alone, MariaDB intersects ERPNext's party indexes, twice as slow (and a locking
	# read through them locks more rows)
	q = (
		frappe.qb.from_(gl)
		.force_index(INDEX)
		.select(Sum(gl.credit - gl.debit))
		.where(_milik(gl, customer, akun, company))
	)
	if sampai:
		q = q.where(gl.posting_date <= getdate(sampai))
	if for_update:
		q = q.for_update()
	return flt(q.run()[0][0])


def saldo_per_jenis(anggota: str, termasuk_nonaktif: bool = False) -> list[dict]:
	"""The member's balance on every savings product of their cooperative (products no longer in
	use only with `termasuk_nonaktif`: the exit settlement must find every rupiah)."""
	data = frappe.db.get_value("Anggota", anggota, ["customer", "company"], as_dict=True)
	if not data or not data.customer:
		return []
	akun = frappe.qb.DocType("Akun Jenis Simpanan")
	jenis = frappe.qb.DocType("Jenis Simpanan")
	q = (
		frappe.qb.from_(jenis)
		.join(akun)
		.on(akun.parent == jenis.name)
		.select(jenis.name, jenis.kategori, akun.akun_simpanan)
		.where(akun.company == data.company)
		.orderby(jenis.kategori)
	)
	if not termasuk_nonaktif:
		q = q.where(jenis.nonaktif == 0)
	produk = q.run(as_dict=True)
	if not produk:
		return []
	gl = DocType("GL Entry")
	rows = (
		frappe.qb.from_(gl)
		.select(gl.account, Sum(gl.credit - gl.debit).as_("saldo"))
		.where(
			(gl.party_type == "Customer")
			& (gl.party == data.customer)
			& (gl.company == data.company)
			& (gl.account.isin([p.akun_simpanan for p in produk]))
			& (gl.is_cancelled == 0)
		)
		.groupby(gl.account)
		.run(as_dict=True)
	)
	per_akun = {r.account: flt(r.saldo) for r in rows}
	return [
		{
			"jenis_simpanan": p.name,
			"kategori": p.kategori,
			"akun": p.akun_simpanan,
			"saldo": per_akun.get(p.akun_simpanan, 0.0),
		}
		for p in produk
	]


def ensure_index() -> None:
	"""The (party, account) index on GL Entry that keeps balance reads cheap; idempotent."""
	frappe.db.add_index("GL Entry", ["party", "account", "company"], INDEX)
