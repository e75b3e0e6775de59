"""Helpers for print formats and portal templates (the `jinja` hook)."""

import frappe
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


def _bentuk_rupiah() -> tuple | None:
	"""What `fmt_money(..., precision=0, currency="IDR")` reads for every call (the site's number
	format, the symbol and its side), read once per request; None where its grouping is not
	thousands (the Indian format)."""
	bentuk = getattr(frappe.local, "kmp_bentuk_rupiah", False)
	if bentuk is False:
		from frappe.utils.data import get_number_format_info

		number_format = frappe.db.get_default("number_format") or "#,###.##"
		_decimal, comma, _precision = get_number_format_info(number_format)
		if number_format == "#,##,###.##":
			bentuk = None
		elif frappe.defaults.get_global_default("hide_currency_symbol") == "Yes":
			bentuk = (comma, "", "")
		else:
			symbol = frappe._(frappe.db.get_value("Currency", "IDR", "symbol", cache=True) or "IDR")
			kanan = frappe.db.get_value("Currency", "IDR", "symbol_on_right", cache=True)
			bentuk = (comma, "", f" {symbol}") if kanan else (comma, f"{symbol} ", "")
		frappe.local.kmp_bentuk_rupiah = bentuk
	return bentuk


def rupiah(amount) -> str:
	"""Rp 123.000: whole rupiah in the site's number format (money here has no cents).

	The same text as Frappe's `fmt_money(amount, precision=0, currency="IDR")` (Python's
	rounding, the site's separator and symbol), at a fraction of its cost: a RAT book of 10,000
	members prints 50,000 amounts."""
	from frappe.utils import flt, fmt_money

	bentuk = _bentuk_rupiah()
	if bentuk is None:
		return fmt_money(amount or 0, precision=0, currency="IDR")
	comma, depan, belakang = bentuk
	n = int(round(flt(amount or 0), 0))
	teks = f"{abs(n):,}".replace(",", comma)
	return f"{depan}{'-' if n < 0 else ''}{teks}{belakang}"


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
