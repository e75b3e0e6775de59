"""The project's own command-line tool, `kmp`: sets up the bench, runs it, provisions cooperatives
and runs the tests. The Frappe app itself lives in apps/koperasi_merah_putih (flit, pyproject)."""

from setuptools import find_packages, setup

setup(
	name="kmp-cli",
	version="0.1.0",
	description="Koperasi Merah Putih: set up, run and test the cooperative bench",
	packages=find_packages(include=["kmp_cli", "kmp_cli.*"]),
	python_requires=">=3.10",
	install_requires=["click>=8.1"],
	entry_points={"console_scripts": ["kmp = kmp_cli.cli:main"]},
)
