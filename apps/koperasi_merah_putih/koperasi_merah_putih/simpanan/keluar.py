"""Exit settlement: when a member leaves, their pokok, wajib and sukarela savings come back, less
what they owe the cooperative, in one posting (a Pengembalian Simpanan), inside the exit itself.

Runs from the `anggota_keluar` hook of Anggota.keluar. What a member owes comes from their open
ERPNext invoices (e.g. the cooperative's shop on credit) and from the `kewajiban_anggota` hook,
where other modules (Pinjaman) add their own: functions fn(anggota_doc, tanggal) returning
[{keterangan, akun, party_type, party, reference_doctype, reference_name, jumlah}].
"""

import frappe
from frappe import _
from frappe.utils import flt

from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.rules import pinjaman as aturan_pinjaman
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.simpanan.saldo import saldo_per_jenis


def kewajiban(anggota, tanggal) -> list[dict]:
	"""What the member owes: open sales invoices, oldest first, then the other modules' debts."""
	SI = frappe.qb.DocType("Sales Invoice")
	invoices = (
		frappe.qb.from_(SI)
		.select(SI.name, SI.debit_to, SI.outstanding_amount, SI.posting_date)
		.where(
			(SI.customer == anggota.customer)
			& (SI.company == anggota.company)
			& (SI.docstatus == 1)
			& (SI.outstanding_amount > 0)
		)
		.orderby(SI.posting_date)
		.orderby(SI.name)
		.run(as_dict=True)
	)
	out = [
		{
			"keterangan": _("Unpaid invoice {0}").format(inv.name),
			"akun": inv.debit_to,
			"party_type": "Customer",
			"party": anggota.customer,
			"reference_doctype": "Sales Invoice",
			"reference_name": inv.name,
			"jumlah": flt(inv.outstanding_amount),
		}
		for inv in invoices
	]
	for method in frappe.get_hooks("kewajiban_anggota"):
		out.extend(frappe.get_attr(method)(anggota, tanggal) or [])
	return out


def selesaikan(anggota, tanggal, alasan) -> str | None:
	"""The `anggota_keluar` hook: refund the savings net of debts; returns the settlement's name."""
	if not anggota.customer:
		return None
	aktif = frappe.get_all(
		"Simpanan Berjangka",
		filters={"anggota": anggota.name, "docstatus": 1, "status": aturan_pinjaman.AKTIF},
		pluck="name",
	)
	if aktif:
		frappe.throw(
			_("Close the member's fixed-term savings first: {0}.").format(", ".join(aktif)),
			title=_("Fixed-term savings still active"),
		)
	simpanan = [
		s
		for s in saldo_per_jenis(anggota.name, termasuk_nonaktif=True)
		if s["kategori"] != aturan.BERJANGKA and flt(s["saldo"]) != 0
	]
	utang = kewajiban(anggota, tanggal)
	total, total_utang = sum(flt(s["saldo"]) for s in simpanan), sum(flt(u["jumlah"]) for u in utang)
	if total_utang > total:
		frappe.throw(
			_(
				"The member owes {0} but has {1} in savings: the difference must be paid before the exit."
			).format(
				rupiah(total_utang),
				rupiah(total),
			),
			title=_("Debts exceed savings"),
		)
	tutup_tagihan(anggota.name)
	if not simpanan and not utang:
		return None
	doc = frappe.get_doc(
		{
			"doctype": "Pengembalian Simpanan",
			"anggota": anggota.name,
			"posting_date": tanggal,
			"alasan_keluar": alasan,
			"mode_of_payment": anggota.flags.cara_bayar_keluar or "Cash",
			"simpanan": [
				{
					"jenis_simpanan": s["jenis_simpanan"],
					"kategori": s["kategori"],
					"akun": s["akun"],
					"saldo": s["saldo"],
				}
				for s in simpanan
			],
			"potongan": utang,
		}
	)
	doc.flags.ignore_permissions = doc.flags.oleh_server = True
	doc.insert()
	doc.submit()
	frappe.msgprint(
		_("Savings refunded: {0}, paid {1}.").format(
			frappe.utils.get_link_to_form(doc.doctype, doc.name),
			rupiah(doc.dibayar),
		),
		alert=True,
	)
	return doc.name


def tutup_tagihan(anggota: str) -> None:
	"""Open wajib bills are not collected once a member leaves: they are closed, not deleted."""
	T = frappe.qb.DocType("Tagihan Simpanan Wajib")
	(
		frappe.qb.update(T)
		.set(T.status, aturan.DITUTUP)
		.set(T.sisa, 0)
		.where((T.anggota == anggota) & (T.sisa > 0))
		.run()
	)
