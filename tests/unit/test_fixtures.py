"""The sample member register in fixtures/impor exists twice, as CSV and as an Excel workbook, and
the two never drift apart: the same header and rows, with the NIK, KK, phone and RT/RW kept as text
(Excel would turn a 16-digit NIK into 3.37502E+15 and drop a leading zero)."""

import csv
import datetime
from pathlib import Path

from openpyxl import load_workbook

IMPOR = Path(__file__).resolve().parents[2] / "fixtures" / "impor"
TEKS = ("NIK", "No. KK", "RT", "RW", "Nomor HP")


def baris_csv() -> list[list[str]]:
	with open(IMPOR / "anggota_contoh.csv", encoding="utf-8", newline="") as f:
		return list(csv.reader(f))


def baris_xlsx() -> list[list]:
	ws = load_workbook(IMPOR / "anggota_contoh.xlsx").active
	return [list(r) for r in ws.iter_rows(values_only=True)]


def test_the_excel_register_holds_the_csv_rows():
	csv_rows, xlsx_rows = baris_csv(), baris_xlsx()
	assert xlsx_rows[0] == csv_rows[0]
	assert len(xlsx_rows) == len(csv_rows) == 9  # a header, five good rows and three bad ones
	for c, x in zip(csv_rows[1:], xlsx_rows[1:], strict=True):
		as_text = [
			v.strftime("%Y-%m-%d") if isinstance(v, datetime.datetime) else ("" if v is None else str(v))
			for v in x
		]
		assert as_text == c


def test_the_excel_register_keeps_numbers_as_text():
	header, *rows = baris_xlsx()
	for kolom in TEKS:
		i = header.index(kolom)
		assert all(r[i] is None or isinstance(r[i], str) for r in rows), kolom
	i = header.index("Tanggal Lahir")
	assert all(isinstance(r[i], datetime.datetime) for r in rows)  # a real date, as Excel keeps one
