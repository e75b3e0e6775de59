"""The user guide (docs/panduan) holds together: every page the index lists exists, every link
between pages lands, and every screenshot it shows is one a browser test takes (so the guide
cannot show a screen the product no longer has) and is in the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PANDUAN = ROOT / "docs" / "panduan"
BROWSER = ROOT / "tests" / "browser"


def _halaman() -> dict[str, str]:
	return {p.stem: p.read_text(encoding="utf-8") for p in PANDUAN.glob("*.md")}


def test_every_journey_has_its_page_and_every_link_lands():
	halaman = _halaman()
	for perlu in ("index", "anggota", "simpanan", "pinjaman", "pelatihan", "akhir-bulan", "tutup-buku"):
		assert perlu in halaman, perlu
	for nama, teks in halaman.items():
		for tujuan in re.findall(r"\]\(([a-z0-9-]+)\)", teks):
			assert tujuan in halaman, f"{nama}.md links to {tujuan}"
		assert teks.startswith("# "), f"{nama}.md has no title"


def test_every_screenshot_is_taken_by_a_browser_test_and_kept():
	diambil = set()
	for p in BROWSER.glob("test_*.py"):
		diambil |= set(re.findall(r'shot\(\w+, "([a-z0-9-]+)"', p.read_text(encoding="utf-8")))
	for nama, teks in _halaman().items():
		for gambar in re.findall(r"\(gambar/([a-z0-9-]+)\.jpg\)", teks):
			assert gambar in diambil, f"{nama}.md shows {gambar}, which no browser test takes"
			assert (PANDUAN / "gambar" / f"{gambar}.jpg").is_file(), f"{gambar}.jpg is missing"
