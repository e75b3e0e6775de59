"""Helpers for print formats and portal templates (the `jinja` hook)."""

from koperasi_merah_putih.rules.terbilang import rupiah_terbilang


def terbilang(amount, kapital: bool = False) -> str:
	"""Amount in Indonesian words, e.g. 'seratus dua puluh tiga ribu rupiah'."""
	text = rupiah_terbilang(amount or 0)
	return text[:1].upper() + text[1:] if kapital else text
