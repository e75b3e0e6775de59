"""The refusal the pure rules raise: a reason code and the figures the message needs."""


class Ditolak(ValueError):
	"""Something that must not happen; `kode` says why, `nilai` carries the figures for the message."""

	def __init__(self, kode: str, *nilai):
		super().__init__(kode, *nilai)
		self.kode = kode
		self.nilai = nilai
