"""When a money document may be dated: the same window for savings, loans and every other posting.
No frappe import."""

from datetime import date


def tanggal_mundur(tanggal: date, hari_ini: date, batas_hari: int) -> str | None:
	"""Why a money document may not carry `tanggal` without the board: "masa_depan" for a date
	after today, "mundur" for one more than `batas_hari` days back; None when it may."""
	if tanggal > hari_ini:
		return "masa_depan"
	if (hari_ini - tanggal).days > max(batas_hari, 0):
		return "mundur"
	return None
