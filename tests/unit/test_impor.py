"""The app's modules import each other without a cycle (counting imports inside functions too), so
any module can be imported first and a newcomer can follow the layers: rules/ imports nothing of
the app, akun.py and posting.py only rules, the domain modules what lies below them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "apps" / "koperasi_merah_putih"
PAKET = "koperasi_merah_putih"


def modul() -> dict[str, Path]:
	out = {}
	for path in (ROOT / PAKET).rglob("*.py"):
		nama = ".".join(path.relative_to(ROOT).with_suffix("").parts)
		out[nama.removesuffix(".__init__")] = path
	return out


def graf() -> dict[str, set[str]]:
	semua = modul()
	g = {}
	for nama, path in semua.items():
		tujuan = set()
		for node in ast.walk(ast.parse(path.read_text())):
			if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PAKET):
				for alias in node.names:
					calon = f"{node.module}.{alias.name}"
					tujuan.add(calon if calon in semua else node.module)
			elif isinstance(node, ast.Import):
				tujuan.update(a.name for a in node.names if a.name.startswith(PAKET))
		g[nama] = {t for t in tujuan if t in semua and t != nama}
	return g


def siklus(g: dict[str, set[str]]) -> list[list[str]]:
	"""The strongly connected components of more than one module (Tarjan)."""
	indeks, rendah, tumpukan, di_tumpukan, hasil = {}, {}, [], set(), []

	def kunjungi(v):
		indeks[v] = rendah[v] = len(indeks)
		tumpukan.append(v)
		di_tumpukan.add(v)
		for w in g[v]:
			if w not in indeks:
				kunjungi(w)
				rendah[v] = min(rendah[v], rendah[w])
			elif w in di_tumpukan:
				rendah[v] = min(rendah[v], indeks[w])
		if rendah[v] == indeks[v]:
			komponen = []
			while True:
				w = tumpukan.pop()
				di_tumpukan.discard(w)
				komponen.append(w)
				if w == v:
					break
			if len(komponen) > 1:
				hasil.append(sorted(komponen))

	for v in sorted(g):
		if v not in indeks:
			kunjungi(v)
	return hasil


def test_no_import_cycle():
	assert siklus(graf()) == []


def test_rules_and_akun_import_nothing_of_the_app_above_them():
	g = graf()
	for nama, tujuan in g.items():
		if nama.startswith(f"{PAKET}.rules"):
			assert all(t.startswith(f"{PAKET}.rules") for t in tujuan), (nama, tujuan)
	assert g[f"{PAKET}.akun"] == set()


def test_the_check_sees_a_cycle():
	assert siklus({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
