"""A board member (Pengurus) logs in and reaches the cooperative's desk home."""

from tests.browser.conftest import login, login_form, shot
from tests.support.data import PASSWORD


def test_pengurus_logs_in_and_reaches_the_koperasi_workspace(page, users):
	login(page, users["pengurus"])
	page.goto("/app/koperasi")
	page.wait_for_selector(".number-widget-box, .widget.number-widget-box", timeout=60000)
	page.wait_for_selector("text=Saldo Kas dan Bank")
	page.wait_for_selector("text=Neraca Saldo")
	# both cards finished loading their figures from the server
	page.wait_for_selector(".number-card-loading", state="detached", timeout=60000)
	assert page.locator(".page-title, .title-text").first.inner_text().strip() != ""
	path = shot(page, "pengurus-workspace-koperasi")
	assert path.stat().st_size > 10000
	# the shortcut leads to ERPNext's Trial Balance over the cooperative's books
	page.click("text=Neraca Saldo")
	page.wait_for_url("**/query-report/Trial*")
	page.wait_for_selector(".dt-scrollable, .no-result", timeout=60000)
	shot(page, "pengurus-neraca-saldo")


def test_a_member_account_gets_no_desk(page, users):
	login_page = page.goto("/login")
	assert login_page.status == 200
	login_form(page, users["anggota"], PASSWORD)
	page.goto("/app/koperasi")
	page.wait_for_load_state("networkidle")
	assert "/app/koperasi" not in page.url or page.locator("text=Saldo Kas dan Bank").count() == 0
	shot(page, "anggota-no-desk")
