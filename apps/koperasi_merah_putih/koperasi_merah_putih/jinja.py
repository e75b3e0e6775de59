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
