"""Rupiah arithmetic: rounding to whole rupiah and splitting amounts so parts sum exactly."""

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction


def bulat(amount) -> int:
	"""Round to whole rupiah, half up (Rp0.5 -> Rp1, -Rp0.5 -> -Rp1), as cashiers do."""
	if isinstance(amount, Fraction):
		amount = Decimal(amount.numerator) / Decimal(amount.denominator)
	return int(Decimal(str(amount)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def bagi_rata(total: int, parts: int) -> list[int]:
	"""Split a whole-rupiah total into `parts` equal parts; the rounding residue goes in the last.

	>>> bagi_rata(500000, 3)
	[166667, 166667, 166666]
	"""
	if parts <= 0:
		raise ValueError("parts must be positive")
	each = bulat(Fraction(total, parts))
	return [each] * (parts - 1) + [total - each * (parts - 1)]


def alokasi_proporsional(total: int, weights: list) -> list[int]:
	"""Split `total` pro rata to `weights` in whole rupiah, summing exactly to `total`.

	Largest-remainder method: each share is floored, then the rupiah left over go one each to the
	shares with the largest fractional parts (ties to the earlier share). Used for SHU per member.
	"""
	if total < 0:
		raise ValueError("total must not be negative")
	ws = [Fraction(str(w)) for w in weights]
	if any(w < 0 for w in ws):
		raise ValueError("weights must not be negative")
	jumlah = sum(ws)
	if not ws or jumlah == 0:
		if total and ws:
			raise ValueError("cannot allocate a positive total over zero weights")
		return [0] * len(ws)
	exact = [total * w / jumlah for w in ws]
	floors = [int(x) for x in exact]
	left = total - sum(floors)
	order = sorted(range(len(ws)), key=lambda i: (-(exact[i] - floors[i]), i))
	for i in order[:left]:
		floors[i] += 1
	return floors
