"""Every user-facing string of the app has an Indonesian translation with the same placeholders.

Reads the app's Python source with `ast` (no frappe import): every literal passed to `_()` must
have an entry in locale/id.po, and a translation must not introduce a `{n}` the source lacks
(that crashes `str.format` with a 500 in production).
"""

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "apps" / "koperasi_merah_putih" / "koperasi_merah_putih"
PO = APP / "locale" / "id.po"


def _unquote(lines: list[str]) -> str:
	return "".join(ast.literal_eval(line) for line in lines)


def read_po(path: Path = PO) -> dict[str, str]:
	entries, key, current, buf = {}, None, None, []
	for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
		line = raw.strip()
		if line.startswith("msgid "):
			if key is not None and current == "msgstr":
				entries[key] = _unquote(buf)
			current, buf = "msgid", [line[6:]]
		elif line.startswith("msgstr "):
			key, current, buf = _unquote(buf), "msgstr", [line[7:]]
		elif line.startswith('"'):
			buf.append(line)
		elif not line and current == "msgstr":
			entries[key] = _unquote(buf)
			key, current, buf = None, None, []
	entries.pop("", None)
	return entries


def source_strings() -> dict[str, str]:
	found = {}
	for path in APP.rglob("*.py"):
		tree = ast.parse(path.read_text(encoding="utf-8"))
		for node in ast.walk(tree):
			if (
				isinstance(node, ast.Call)
				and isinstance(node.func, ast.Name)
				and node.func.id == "_"
				and node.args
				and isinstance(node.args[0], ast.Constant)
				and isinstance(node.args[0].value, str)
			):
				found[node.args[0].value] = f"{path.relative_to(APP)}:{node.lineno}"
	return found


# record names ERPNext itself creates translated (looked up through ERPNext's own translation)
NOT_OURS = {"All Customer Groups"}


def test_every_python_string_is_translated():
	po = read_po()
	missing = {
		s: where
		for s, where in source_strings().items()
		if s not in NOT_OURS and (s not in po or not po[s].strip())
	}
	assert not missing, "Missing Indonesian translations:\n" + "\n".join(
		f"{w}: {s}" for s, w in missing.items()
	)


def test_translations_keep_the_placeholders():
	for source, target in read_po().items():
		assert set(re.findall(r"\{\d*\}", target)) <= set(re.findall(r"\{\d*\}", source)), source


def test_no_msgid_is_listed_twice():
	ids = re.findall(r'^msgid "(.+)"$', PO.read_text(encoding="utf-8"), flags=re.M)
	assert len(ids) == len(set(ids)), {i for i in ids if ids.count(i) > 1}
