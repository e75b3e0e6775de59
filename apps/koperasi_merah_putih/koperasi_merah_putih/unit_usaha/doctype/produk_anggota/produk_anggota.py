# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Produk Anggota: a member's own product, shown in the members' market (/produk) once the staff
have reviewed and published it, and sold on consignment (titip jual) at an outlet if the member
chose so (unit_usaha/titip.py makes its Item and the member's Supplier on publishing)."""

import io

import frappe
from frappe import _
from frappe.model.document import Document
from frappe.utils import now_datetime

from koperasi_merah_putih.integritas import tetapkan
from koperasi_merah_putih.izin import wajib_pengurus
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import unit_usaha as aturan
from koperasi_merah_putih.unit_usaha import titip


def pesan(err: aturan.TitipDitolak) -> str:
	if err.kode == "harga":
		return _("The price must be a whole rupiah amount above zero.")
	if err.kode == "bukan_gambar":
		return _("The product photo must be an image (JPG, PNG or WebP).")
	if err.kode == "foto_besar":
		return _("The product photo is {0} KB; at most {1} KB is accepted.").format(
			err.nilai[0] // 1024, err.nilai[1] // 1024
		)
	return _("This product cannot be saved.")


def jenis_gambar(isi: bytes) -> str | None:
	"""The image format of the bytes (Pillow reads the content, not the file name), or None."""
	from PIL import Image

	try:
		with Image.open(io.BytesIO(isi)) as img:
			img.verify()
			return img.format if img.format in ("JPEG", "PNG", "WEBP", "GIF") else None
	except Exception:
		return None


def periksa_foto(file_url: str) -> None:
	berkas = frappe.db.get_value("File", {"file_url": file_url}, "name")
	if not berkas:
		frappe.throw(_("The product photo was not found; upload it again."))
	isi = frappe.get_doc("File", berkas).get_content()
	isi = isi.encode() if isinstance(isi, str) else isi
	try:
		aturan.periksa_foto(len(isi), jenis_gambar(isi))
	except aturan.TitipDitolak as err:
		frappe.throw(pesan(err), title=_("Product photo"))


# what the market shows of a product: a change to it is reviewed again
ISI = (
	"nama_produk",
	"harga",
	"satuan",
	"foto",
	"deskripsi",
	"tampilkan_nomor_hp",
	"titip_jual",
	"unit_usaha",
)


class ProdukAnggota(Document):
	def validate(self):
		status, company = frappe.db.get_value("Anggota", self.anggota, ["status", "company"])
		if self.is_new() and status not in keanggotaan.BOLEH_BERTRANSAKSI:
			frappe.throw(_("Only an active member can offer products."))
		self.company = company
		try:
			self.harga = aturan.periksa_harga(self.harga)
		except aturan.TitipDitolak as err:
			frappe.throw(pesan(err), title=_("Price"))
		if self.foto and self.has_value_changed("foto"):
			periksa_foto(self.foto)
		self._periksa_perubahan()
		if self.titip_jual:
			if not self.unit_usaha:
				frappe.throw(_("Choose the outlet that sells the consigned product."))
			if frappe.db.get_value("Unit Usaha", self.unit_usaha, "company") != self.company:
				frappe.throw(_("The outlet is not one of the member's cooperative."))
		elif self.item and frappe.db.exists("Bin", {"item_code": self.item, "actual_qty": ("!=", 0)}):
			frappe.throw(
				_("The outlet still holds this product's goods: return them before ending the consignment.")
			)

	def _periksa_perubahan(self):
		"""Showing the seller's phone is the member's own choice (made on /titip-jual); a published
		product changed by anyone but the board goes back to review before the market shows it."""
		sebelum = self.get_doc_before_save()
		if (
			self.tampilkan_nomor_hp
			and not self.flags.oleh_anggota
			and not (sebelum and sebelum.tampilkan_nomor_hp)
		):
			frappe.throw(_("Only the member can choose to show their phone number in the members' market."))
		if (
			sebelum
			and sebelum.status == aturan.TERBIT
			and self.status == aturan.TERBIT
			and any(self.has_value_changed(f) for f in ISI)
			and not {"Pengurus", "System Manager"} & set(frappe.get_roles())
		):
			tetapkan(self, status=aturan.DIAJUKAN)

	def on_update(self):
		if self.status == aturan.TERBIT and self.titip_jual:
			item = self.item
			titip.barang(self)
			if self.item != item:
				self.db_set("item", self.item)


def _tinjau(produk: str):
	doc = frappe.get_doc("Produk Anggota", produk)
	doc.check_permission("write")
	wajib_pengurus(_("Only the board (Pengurus) reviews members' products."))
	return doc


@frappe.whitelist(methods=["POST"])
def terbitkan(produk: str) -> str:
	"""Publish a reviewed product in the members' market (and make its Item for consignment)."""
	doc = _tinjau(produk)
	anggota = frappe.get_doc("Anggota", doc.anggota)
	if anggota.status not in keanggotaan.BOLEH_BERTRANSAKSI:
		frappe.throw(_("Only an active member's product can be published."))
	nilai = {
		"status": aturan.TERBIT,
		"ditinjau_oleh": frappe.session.user,
		"tanggal_tinjauan": now_datetime(),
	}
	nilai["alasan_penolakan"] = None
	if doc.titip_jual:
		nilai["supplier"] = titip.pemasok(anggota)
	tetapkan(doc, **nilai)
	doc.save()
	return doc.status


@frappe.whitelist(methods=["POST"])
def tolak(produk: str, alasan: str) -> str:
	doc = _tinjau(produk)
	if not (alasan or "").strip():
		frappe.throw(_("Write the reason so the member can correct the product."))
	tetapkan(
		doc,
		status=aturan.DITOLAK,
		alasan_penolakan=alasan.strip(),
		ditinjau_oleh=frappe.session.user,
		tanggal_tinjauan=now_datetime(),
	)
	doc.save()
	return doc.status


@frappe.whitelist(methods=["POST"])
def ajukan(produk: str) -> str:
	"""Send a draft (or a refused product, corrected) for review."""
	doc = frappe.get_doc("Produk Anggota", produk)
	doc.check_permission("write")
	if doc.status not in (aturan.DRAF, aturan.DITOLAK):
		frappe.throw(_("Only a draft or a refused product can be sent for review."))
	tetapkan(doc, status=aturan.DIAJUKAN)
	doc.save()
	return doc.status
