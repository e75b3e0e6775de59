"""What the server shows a guest, a member and the staff, and what it must not show them."""

import json


def test_login_page_serves(guest):
	r = guest.get("/login", headers={"Accept": "text/html"})
	assert r.status_code == 200
	assert "login" in r.text.lower()


def test_guest_gets_no_desk_data_from_company(guest, koperasi):
	r = guest.get("/api/resource/Company")
	assert r.status_code == 403
	assert koperasi["company"] not in r.text
	r = guest.get(f"/api/resource/Company/{koperasi['company']}")
	assert r.status_code == 403
	assert "default_cash_account" not in r.text


def test_guest_cannot_reach_the_desk(guest):
	r = guest.get("/app/koperasi", headers={"Accept": "text/html"})
	# the desk sends a guest to the login page
	assert r.status_code in (302, 303) or "/login" in r.text


def test_pengurus_opens_the_koperasi_workspace(as_user, koperasi):
	pengurus = as_user("pengurus")
	r = pengurus.post(
		"/api/method/frappe.desk.desktop.get_desktop_page",
		data={"page": json.dumps({"name": "Koperasi", "title": "Koperasi", "public": 1})},
	)
	assert r.status_code == 200, r.text
	page = r.json()["message"]
	assert {s["link_to"] for s in page["shortcuts"]["items"]} >= {
		"Trial Balance",
		"Account",
		"General Ledger",
	}
	assert {c["number_card_name"] for c in page["number_cards"]["items"]} == {
		"Saldo Kas dan Bank",
		"Anggota Aktif",
		"Pendaftaran Menunggu",
		"Anggota Baru Bulan Ini",
		"Outstanding Pinjaman",
		"Pinjaman Menunggak",
		"NPL Pinjaman",
	}
	r = pengurus.get("/app/koperasi", headers={"Accept": "text/html"})
	assert r.status_code == 200
	r = pengurus.post(
		"/api/method/koperasi_merah_putih.koperasi.dashboard.saldo_kas_dan_bank",
		data={"filters": json.dumps({"company": koperasi["company"]})},
	)
	assert r.status_code == 200 and r.json()["message"]["fieldtype"] == "Currency"


def test_workspace_is_listed_for_staff_not_for_members(as_user):
	pengurus = as_user("pengurus")
	r = pengurus.get("/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
	assert r.status_code == 200
	assert "Koperasi" in {p["name"] for p in r.json()["message"]["pages"]}
	member = as_user("anggota")
	r = member.get("/api/method/frappe.desk.desktop.get_workspace_sidebar_items")
	assert r.status_code != 200 or "Koperasi" not in {p["name"] for p in r.json()["message"]["pages"]}


def test_staff_reads_the_trial_balance(as_user, koperasi):
	from erpnext.accounts.utils import get_fiscal_year
	from frappe.utils import nowdate

	fy = get_fiscal_year(nowdate())
	r = as_user("pengawas").post(
		"/api/method/frappe.desk.query_report.run",
		data={
			"report_name": "Trial Balance",
			"filters": json.dumps(
				{
					"company": koperasi["company"],
					"fiscal_year": fy[0],
					"from_date": str(fy[1]),
					"to_date": str(fy[2]),
				}
			),
		},
	)
	assert r.status_code == 200, r.text[:500]
	assert "result" in r.json()["message"]


def test_member_sees_no_company_and_no_ledger(as_user, koperasi):
	member = as_user("anggota")
	assert member.get("/api/resource/Company").status_code == 403
	assert member.get("/api/resource/GL Entry").status_code == 403
	r = member.post("/api/method/koperasi_merah_putih.koperasi.dashboard.saldo_kas_dan_bank")
	assert r.status_code == 403


def test_pengawas_cannot_change_the_chart(as_user, koperasi):
	pengawas = as_user("pengawas")
	r = pengawas.get(
		"/api/resource/Account", params={"filters": json.dumps({"company": koperasi["company"]})}
	)
	assert r.status_code == 200 and r.json()["data"]
	account = r.json()["data"][0]["name"]
	r = pengawas.put(f"/api/resource/Account/{account}", data=json.dumps({"account_name": "Diubah"}))
	assert r.status_code == 403
	r = pengawas.post(
		"/api/resource/Account", data=json.dumps({"account_name": "Baru", "company": koperasi["company"]})
	)
	assert r.status_code == 403
