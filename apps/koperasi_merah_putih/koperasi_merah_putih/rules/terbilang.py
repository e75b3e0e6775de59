"""Amounts in Indonesian words ("terbilang"), as written on receipts and agreements.

>>> terbilang(123000)
'seratus dua puluh tiga ribu'
>>> rupiah_terbilang(1500000)
'satu juta lima ratus ribu rupiah'
"""

from decimal import ROUND_HALF_UP, Decimal

_SATUAN = [
	"nol",
	"satu",
	"dua",
	"tiga",
	"empat",
	"lima",
	"enam",
	"tujuh",
	"delapan",
	"sembilan",
	"sepuluh",
	"sebelas",
]
# short scale as used in Indonesia: ribu 10^3, juta 10^6, miliar 10^9, triliun 10^12, kuadriliun 10^15
_SKALA = [(10**15, "kuadriliun"), (10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"), (10**3, "ribu")]


def _di_bawah_seribu(n: int) -> str:
	if n < 12:
		return _SATUAN[n]
	if n < 20:
		return f"{_SATUAN[n - 10]} belas"
	if n < 100:
		puluh, sisa = divmod(n, 10)
		return f"{_SATUAN[puluh]} puluh" + (f" {_SATUAN[sisa]}" if sisa else "")
	ratus, sisa = divmod(n, 100)
	depan = "seratus" if ratus == 1 else f"{_SATUAN[ratus]} ratus"
	return depan + (f" {_di_bawah_seribu(sisa)}" if sisa else "")


def terbilang(n: int) -> str:
	"""Whole number in Indonesian words; 'seribu' for 1000, 'satu juta' for a million."""
	if isinstance(n, bool) or int(n) != n:
		raise ValueError("terbilang takes a whole number")
	n = int(n)
	if n < 0:
		return "minus " + terbilang(-n)
	if n < 1000:
		return _di_bawah_seribu(n)
	if n >= 10**18:
		raise ValueError("amount too large to write in words")
	parts = []
	for nilai, nama in _SKALA:
		jumlah, n = divmod(n, nilai)
		if jumlah:
			if nilai == 1000 and jumlah == 1:
				parts.append("seribu")
			else:
				parts.append(f"{terbilang(jumlah)} {nama}")
	if n:
		parts.append(_di_bawah_seribu(n))
	return " ".join(parts)


def rupiah_terbilang(amount, with_sen: bool = False) -> str:
	"""An amount of rupiah in words, lower case, ending in 'rupiah' (and 'sen' if asked).

	Rounded half up to whole rupiah unless with_sen is set.
	"""
	value = Decimal(str(amount))
	if not with_sen:
		whole = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
		return f"{terbilang(whole)} rupiah"
	cents = int((abs(value) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
	whole, sen = divmod(cents, 100)
	sign = "minus " if value < 0 else ""
	text = f"{sign}{terbilang(whole)} rupiah"
	return text + (f" {terbilang(sen)} sen" if sen else "")
