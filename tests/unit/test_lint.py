"""The code style is part of the suite: ruff's lint and format checks over everything we wrote."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGETS = ["apps/koperasi_merah_putih", "kmp_cli", "tests", "benchmarks", "setup.py"]


def _ruff(*args):
	ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
	assert ruff, "ruff is installed with tests/requirements.txt"
	return subprocess.run([ruff, *args, *TARGETS], cwd=ROOT, capture_output=True, text=True)


def test_ruff_lint_passes():
	result = _ruff("check", "--no-cache")
	assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_is_applied():
	result = _ruff("format", "--check", "--no-cache")
	assert result.returncode == 0, result.stdout + result.stderr
