"""Helpers for print formats and portal templates (the `jinja` hook)."""

import pyqrcode

from koperasi_merah_putih.rules.terbilang import rupiah_terbilang


def terbilang(amount, kapital: bool = False) -> str:
	"""Amount in Indonesian words, e.g. 'seratus dua puluh tiga ribu rupiah'."""
	text = rupiah_terbilang(amount or 0)
	return text[:1].upper() + text[1:] if kapital else text


def qr_code(text: str, scale: int = 4) -> str:
	"""A QR code of `text` as a PNG data URI (works in the browser and in wkhtmltopdf)."""
	code = pyqrcode.create(str(text or ""), error="M")
	return "data:image/png;base64," + code.png_as_base64_str(scale=scale, quiet_zone=2)


def tanggal_indonesia(value) -> str:
	"""28 November 2026: dates as Indonesian documents write them, whatever the reader's language."""
	from babel.dates import format_date
	from frappe.utils import getdate

	return format_date(getdate(value), "d MMMM y", locale="id") if value else ""


def rupiah(amount) -> str:
	"""Rp 123.000: whole rupiah in the site's number format (money here has no cents)."""
	from frappe.utils import fmt_money

	return fmt_money(amount or 0, precision=0, currency="IDR")


def ketua_koperasi(company: str, tanggal=None) -> str:
	"""The name of the cooperative's chair (Ketua Pengurus) on a date, for agreements; empty if
	no term of office is recorded. A public fact, read without the reader's permissions (a member
	printing their own loan agreement)."""
	from koperasi_merah_putih.keanggotaan.doctype.masa_jabatan.masa_jabatan import menjabat

	return next((j.nama_anggota for j in menjabat(tanggal, company) if j.jabatan == "Ketua"), "")


def persen(value, desimal: int = 2) -> str:
	"""12,5%: a rate as Indonesian documents write it (decimal comma, no trailing zeros)."""
	from babel.numbers import format_decimal

	return format_decimal(round(float(value or 0), desimal), locale="id") + "%"
