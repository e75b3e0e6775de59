"""Unit level: the pure rules only. Importing frappe here is a defect, and this guards it."""

import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "apps" / "koperasi_merah_putih"
sys.path.insert(0, str(APP))


def pytest_sessionfinish(session, exitstatus):
	assert "frappe" not in sys.modules, "the pure rules imported frappe"
