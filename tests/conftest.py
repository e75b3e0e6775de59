"""Shared pytest set-up. Each level has its own conftest; factories live in tests/support."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
