"""Savings balances, read from the general ledger (the only record of money): per member and product.

A balance is the sum of the member's credits minus debits on the product's account. The GL index
`kmp_party_account` (created on migrate) keeps it to the member's own rows.
"""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Sum
from frappe.utils import flt, getdate

from koperasi_merah_putih.rules import simpanan as aturan

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


def produk_simpanan(
	company: str, kategori: tuple | list | None = None, termasuk_nonaktif: bool = False
) -> list[frappe._dict]:
	"""The savings products of a cooperative with their account there ({name, kategori, klasifikasi,
	akun_simpanan}), by category; only `kategori` if given; products no longer offered only with
	`termasuk_nonaktif` (balances are still held on them)."""
	akun = DocType("Akun Jenis Simpanan")
	jenis = DocType("Jenis Simpanan")
	q = (
		frappe.qb.from_(jenis)
		.join(akun)
		.on(akun.parent == jenis.name)
		.select(jenis.name, jenis.kategori, jenis.klasifikasi, akun.akun_simpanan)
		.where(akun.company == company)
		.orderby(jenis.kategori)
		.orderby(jenis.name)
	)
	if kategori:
		q = q.where(jenis.kategori.isin(list(kategori)))
	if not termasuk_nonaktif:
		q = q.where(jenis.nonaktif == 0)
	return q.run(as_dict=True)


def akun_sukarela(company: str) -> str:
	"""The account of the cooperative's simpanan sukarela (what an overpayment or an SHU share is
	paid into)."""
	produk = produk_simpanan(company, [aturan.SUKARELA])
	if not produk:
		frappe.throw(_("{0} has no simpanan sukarela product to receive the overpayment.").format(company))
	return produk[0].akun_simpanan


def saldo_per_jenis(anggota: str, termasuk_nonaktif: bool = False) -> list[dict]:
	"""The member's balance on every savings product of their cooperative (products no longer in
	use only with `termasuk_nonaktif`: the exit settlement must find every rupiah)."""
	data = frappe.db.get_value("Anggota", anggota, ["customer", "company"], as_dict=True)
	if not data or not data.customer:
		return []
	produk = produk_simpanan(data.company, termasuk_nonaktif=termasuk_nonaktif)
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
