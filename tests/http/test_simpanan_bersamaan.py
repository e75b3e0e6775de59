"""Ten withdrawals at the same instant against one balance: the ledger never goes below zero.

Each request inserts and submits a Transaksi Simpanan through the REST API as the cashier, from
its own session, all released together; the server has several workers. Exactly as many succeed
as the balance covers; the rest are refused with the Indonesian message.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import frappe

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.simpanan import saldo
from tests.http.conftest import Client
from tests.support.data import buat_anggota, transaksi_simpanan

SALDO_AWAL = 100000
TARIK = 30000
PERMINTAAN = 10


def test_parallel_withdrawals_never_overdraw(users, koperasi):
	anggota = buat_anggota("Aktif")
	transaksi_simpanan(anggota, "Simpanan Sukarela", SALDO_AWAL)
	frappe.db.commit()

	clients = []
	for _ in range(PERMINTAAN):
		clients.append(Client().login(users["kasir"]))
	start = threading.Barrier(PERMINTAAN)

	def tarik(client):
		start.wait()
		return client.post(
			"/api/resource/Transaksi Simpanan",
			json={
				"anggota": anggota.name,
				"jenis_simpanan": "Simpanan Sukarela",
				"jenis_transaksi": "Penarikan",
				"jumlah": TARIK,
				"mode_of_payment": "Cash",
				"docstatus": 1,
			},
		)

	with ThreadPoolExecutor(PERMINTAAN) as pool:
		responses = list(pool.map(tarik, clients))

	codes = [r.status_code for r in responses]
	ok = [r for r in responses if r.status_code == 200]
	refused = [r for r in responses if r.status_code != 200]
	assert len(ok) == SALDO_AWAL // TARIK, codes
	assert all(r.status_code == 417 and "tidak dapat dilakukan" in r.text for r in refused), [
		(r.status_code, r.text[:300]) for r in refused
	]
	frappe.db.rollback()
	akun = account_by_number(koperasi["company"], "2101")
	assert saldo.saldo(anggota.customer, akun, koperasi["company"]) == SALDO_AWAL - len(ok) * TARIK
	# every successful withdrawal saw the balance the previous one left
	after = sorted(r.json()["data"]["saldo_sesudah"] for r in ok)
	assert after == [SALDO_AWAL - TARIK * i for i in range(len(ok), 0, -1)]
