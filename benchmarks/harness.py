"""What every benchmark shares: the site connection, a timer with peak memory, and the printout.

Benchmarks print figures (and append them to artifacts/benchmarks.jsonl); they assert nothing.
The targets in the issue texts are printed next to each figure so a reader can compare.
"""

import json
import os
import resource
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("KMP_ARTIFACTS", ROOT / "artifacts"))


def connect():
	from tests.support import frappe_site

	frappe_site.connect()


def rss_mb() -> float:
	"""Peak resident memory of this process so far, in MiB (Linux reports KiB)."""
	return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def measure():
	out = {}
	start_rss = rss_mb()
	start = time.perf_counter()
	try:
		yield out
	finally:
		out["seconds"] = time.perf_counter() - start
		out["peak_rss_mb"] = rss_mb()
		out["peak_rss_growth_mb"] = rss_mb() - start_rss


def report(name: str, figures: dict) -> None:
	print(f"\n== benchmark: {name}")
	for key, value in figures.items():
		shown = f"{value:,.3f}" if isinstance(value, float) else value
		print(f"   {key:<34} {shown}")
	ARTIFACTS.mkdir(exist_ok=True)
	with (ARTIFACTS / "benchmarks.jsonl").open("a") as f:
		f.write(json.dumps({"benchmark": name, "at": time.strftime("%Y-%m-%dT%H:%M:%S"), **figures}) + "\n")
