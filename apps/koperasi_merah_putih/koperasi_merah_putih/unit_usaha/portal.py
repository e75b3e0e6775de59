# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""The members' market (/produk, public) and a member's consignment page (/titip-jual).

The market shows only products the staff published, with the seller's business and kelurahan;
the seller's phone only if the seller chose so (otherwise orders go to the outlet's WhatsApp, for
consigned goods). A member sees and edits only their own products, their stock at the outlet,
their sales and settlements."""

import frappe
from frappe import _
from frappe.query_builder import DocType
from frappe.query_builder.functions import Sum
from frappe.utils import cint, flt, get_url

from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.keanggotaan.portal import anggota_untuk_user
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.rules.kontak import NomorHPTidakValid, normalisasi_hp, tautan_wa
from koperasi_merah_putih.unit_usaha.doctype.produk_anggota.produk_anggota import jenis_gambar, pesan

KOLOM_KATALOG = [
	"name",
	"nama_produk",
	"harga",
	"satuan",
	"deskripsi",
	"foto",
	"nama_usaha",
	"nama_anggota",
	"kelurahan",
	"titip_jual",
	"unit_usaha",
	"item",
	"tampilkan_nomor_hp",
	"anggota",
]


def stok(item: str | None, unit: str | None) -> float | None:
	if not (item and unit):
		return None
	gudang = frappe.db.get_value("Unit Usaha", unit, "warehouse")
	return flt(frappe.db.get_value("Bin", {"item_code": item, "warehouse": gudang}, "actual_qty"))


def tautan_produk(name: str) -> str:
	return get_url(f"/produk?p={frappe.utils.quote(name)}")


def _nomor_pesan(p) -> tuple[str | None, str]:
	"""Who takes the order: the seller if they chose to show their phone, else the outlet."""
	if cint(p.tampilkan_nomor_hp):
		hp = frappe.db.get_value("Anggota", p.anggota, "nomor_hp")
		try:
			return normalisasi_hp(hp), "penjual"
		except NomorHPTidakValid:
			pass
	if p.titip_jual and p.unit_usaha:
		wa = frappe.db.get_value("Unit Usaha", p.unit_usaha, "nomor_wa")
		if wa:
			return wa, "gerai"
	return None, ""


def katalog(cari: str | None = None, produk: str | None = None, batas: int = 60) -> list[dict]:
	"""Published products for everyone (guests included): what the market page may show."""
	filters = {"status": aturan.TERBIT}
	if produk:
		filters["name"] = produk
	or_filters = None
	if cari:
		teks = f"%{cari.strip()[:60]}%"
		or_filters = {
			"nama_produk": ("like", teks),
			"nama_usaha": ("like", teks),
			"kelurahan": ("like", teks),
		}
	rows = frappe.get_all(
		"Produk Anggota",
		filters=filters,
		or_filters=or_filters,
		fields=KOLOM_KATALOG,
		order_by="tanggal_tinjauan desc",
		limit=batas,
	)
	hasil = []
	for p in rows:
		nomor, ke = _nomor_pesan(p)
		tautan = tautan_produk(p.name)
		teks = _("Halo, saya ingin memesan {0} ({1}) dari Pasar Anggota: {2}").format(
			p.nama_produk, rupiah(p.harga), tautan
		)
		hasil.append(
			frappe._dict(
				name=p.name,
				nama_produk=p.nama_produk,
				harga=p.harga,
				satuan=p.satuan,
				deskripsi=p.deskripsi,
				foto=p.foto if (p.foto or "").startswith("/files/") else None,
				nama_usaha=p.nama_usaha or p.nama_anggota,
				kelurahan=p.kelurahan,
				gerai=frappe.db.get_value("Unit Usaha", p.unit_usaha, "nama_unit") if p.titip_jual else None,
				stok=stok(p.item, p.unit_usaha) if p.titip_jual else None,
				pesan_ke=ke,
				tautan_pesan=tautan_wa(nomor, teks) if nomor else None,
				# the seller's own number appears only with their consent
				nomor_penjual=nomor if ke == "penjual" else None,
				tautan=tautan,
				tautan_bagikan=f"https://wa.me/?text={frappe.utils.quote(p.nama_produk + ' ' + tautan)}",
			)
		)
	return hasil


def titip_saya(anggota: str) -> dict:
	"""The member's own products, stock at the outlet, sales and settlements."""
	produk = frappe.get_all(
		"Produk Anggota",
		filters={"anggota": anggota},
		fields=[*KOLOM_KATALOG, "status", "alasan_penolakan"],
		order_by="creation desc",
	)
	items = [p.item for p in produk if p.item]
	terjual = {}
	penjualan = []
	if items:
		SI = DocType("Sales Invoice")
		SII = DocType("Sales Invoice Item")
		q = (
			frappe.qb.from_(SII)
			.join(SI)
			.on(SI.name == SII.parent)
			.where((SI.docstatus == 1) & SII.item_code.isin(items))
		)
		terjual = {
			i: flt(n) for i, n in q.select(SII.item_code, Sum(SII.stock_qty)).groupby(SII.item_code).run()
		}
		penjualan = (
			q.select(
				SI.posting_date, SII.item_name, SII.stock_qty.as_("qty"), SII.base_net_amount.as_("jumlah")
			)
			.orderby(SI.posting_date, order=frappe.qb.desc)
			.limit(30)
			.run(as_dict=True)
		)
	for p in produk:
		p.stok = stok(p.item, p.unit_usaha) if p.titip_jual else None
		p.terjual = terjual.get(p.item, 0)
	penyelesaian = frappe.get_all(
		"Penyelesaian Titip Jual",
		filters={"anggota": anggota, "docstatus": 1},
		fields=[
			"name",
			"posting_date",
			"dari_tanggal",
			"sampai_tanggal",
			"total_penjualan",
			"total_komisi",
			"total_dibayar",
			"cara_bayar",
		],
		order_by="posting_date desc",
	)
	return {"produk": produk, "penjualan": penjualan, "penyelesaian": penyelesaian}


def _anggota_saya():
	name = anggota_untuk_user()
	if not name:
		raise frappe.PermissionError(_("Only a member can offer products."))
	a = frappe.db.get_value("Anggota", name, ["name", "status", "company"], as_dict=True)
	if a.status not in keanggotaan.BOLEH_BERTRANSAKSI:
		frappe.throw(_("Only an active member can offer products."))
	return a


@frappe.whitelist(methods=["POST"])
def simpan_produk(
	nama_produk: str,
	harga,
	deskripsi: str | None = None,
	titip_jual=0,
	unit_usaha: str | None = None,
	tampilkan_nomor_hp=0,
	produk: str | None = None,
) -> dict:
	"""A member offers a product (or corrects one of their own): it goes to the staff for review;
	a published product that the member changes is reviewed again. The photo comes as the
	multipart field `foto`: an image of at most 2 MB, stored as a public file."""
	a = _anggota_saya()
	if produk:
		doc = frappe.get_doc("Produk Anggota", produk)
		if doc.anggota != a.name:
			raise frappe.PermissionError(_("This is not your product."))
	else:
		doc = frappe.new_doc("Produk Anggota")
		doc.anggota = a.name
	if (
		cint(titip_jual)
		and unit_usaha
		and frappe.db.get_value("Unit Usaha", unit_usaha, "company") != a.company
	):
		frappe.throw(_("The outlet is not one of the member's cooperative."))
	doc.update(
		{
			"nama_produk": (nama_produk or "").strip()[:140],
			"harga": harga,
			"deskripsi": (deskripsi or "").strip()[:2000],
			"titip_jual": cint(titip_jual),
			"unit_usaha": unit_usaha if cint(titip_jual) else None,
			"tampilkan_nomor_hp": cint(tampilkan_nomor_hp),
		}
	)
	tetapkan(doc, status=aturan.DIAJUKAN)
	# the member's own choices (showing their phone among them)
	doc.flags.oleh_anggota = True
	doc.flags.ignore_permissions = True
	request = getattr(frappe.local, "request", None)
	berkas = (request.files or {}).get("foto") if request else None
	isi = None
	if berkas:
		berkas.stream.seek(0)
		isi = berkas.stream.read(aturan.FOTO_MAKS_BYTE + 1)
	if isi is not None:
		try:
			aturan.periksa_foto(len(isi), jenis_gambar(isi))
		except aturan.TitipDitolak as err:
			frappe.throw(pesan(err), title=_("Product photo"))
	doc.save()
	if isi is not None:
		f = frappe.get_doc(
			{
				"doctype": "File",
				# public (the market shows it), under a name nobody can guess before it is published
				"file_name": f"{doc.name}-{frappe.generate_hash(length=12)}.{(jenis_gambar(isi) or 'jpg').lower()}",
				"content": isi,
				"is_private": 0,
				"attached_to_doctype": "Produk Anggota",
				"attached_to_name": doc.name,
				"attached_to_field": "foto",
			}
		)
		f.flags.ignore_permissions = True
		f.insert()
		doc.db_set("foto", f.file_url)
	return {"name": doc.name, "status": doc.status}
