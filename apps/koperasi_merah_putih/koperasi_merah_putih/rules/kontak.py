"""Indonesian mobile numbers, normalised to +62 (E.164), with no frappe import."""

import re
from urllib.parse import quote


class NomorHPTidakValid(ValueError):
	pass


def normalisasi_hp(nomor) -> str:
	"""'0812-3456-7890', '62812...', '+62 812 ...', '812...' -> '+628123456789'.

	Indonesian mobile numbers start with 8 after the country code and have 9 to 12 digits after
	it (e.g. 0812 345 678 up to 0812 3456 78901). Anything else raises `NomorHPTidakValid`.
	"""
	teks = str(nomor or "").strip()
	if not teks:
		raise NomorHPTidakValid(teks)
	if re.search(r"[^\d\s\-+().]", teks) or teks.count("+") > 1 or ("+" in teks and not teks.startswith("+")):
		raise NomorHPTidakValid(teks)
	digit = re.sub(r"\D", "", teks)
	if digit.startswith("62"):
		digit = digit[2:]
	elif digit.startswith("0"):
		digit = digit[1:]
	elif teks.startswith("+"):
		raise NomorHPTidakValid(teks)
	if not digit.startswith("8") or not 9 <= len(digit) <= 12:
		raise NomorHPTidakValid(teks)
	return "+62" + digit


def nomor_lokal(nomor_e164: str) -> str:
	"""'+628123456789' -> '08123456789', as people write it on forms."""
	return "0" + nomor_e164[3:] if nomor_e164.startswith("+62") else nomor_e164


def nomor_wa(nomor_e164: str) -> str:
	"""'+628123456789' -> '628123456789', for wa.me links."""
	return nomor_e164.lstrip("+")


def tautan_wa(nomor_e164: str, pesan: str = "") -> str:
	"""The WhatsApp link that opens a chat with the number, the message typed in."""
	tautan = f"https://wa.me/{nomor_wa(nomor_e164)}"
	return f"{tautan}?text={quote(pesan)}" if pesan else tautan
