"""A board member (Pengurus) logs in and reaches the cooperative's desk home; the sidebar holds
only the workspaces meant for the role."""

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
	# the sidebar: the cooperative's workspaces and the ERPNext ones the board works in, no others
	page.wait_for_selector(".desk-sidebar .sidebar-item-container")
	ruang = page.evaluate("() => frappe.boot.allowed_workspaces.map((w) => w.name)")
	assert set(ruang) == {
		"Koperasi",
		"Unit Usaha",
		"Accounting",
		"Payables",
		"Receivables",
		"Financial Reports",
		"Buying",
		"Selling",
		"Stock",
	}
	assert page.locator('.desk-sidebar [item-name="Koperasi"]').count() == 1
	for tersembunyi in ("Quality", "Support", "Build", "ERPNext Settings", "Integrations"):
		assert page.locator(f'.desk-sidebar [item-name="{tersembunyi}"]').count() == 0
	path = shot(page, "pengurus-workspace-koperasi")
	assert path.stat().st_size > 10000
	# the shortcut leads to ERPNext's Trial Balance over the cooperative's books
	page.click("text=Neraca Saldo")
	page.wait_for_url("**/query-report/Trial*")
	page.wait_for_selector(".dt-scrollable, .no-result", timeout=60000)
	shot(page, "pengurus-neraca-saldo")


def test_the_guide_opens_from_the_help_menu(page, users):
	login(page, users["kasir"])
	page.goto("/app/koperasi")
	page.click(".dropdown-help .nav-link")
	page.click('#toolbar-help a.dropdown-item[href="/panduan"]')
	page.wait_for_url("**/panduan")
	page.wait_for_selector("h1:has-text('Panduan Koperasi Merah Putih')")
	page.click("a[href='/panduan/simpanan']")
	page.wait_for_selector("h1:has-text('Menerima setoran simpanan')")
	# its screenshots are inline, none missing
	assert page.locator(".kmp-panduan img[data-hilang]").count() == 0
	assert page.locator(".kmp-panduan img").count() >= 1


def test_a_member_account_gets_no_desk(page, users):
	login_page = page.goto("/login")
	assert login_page.status == 200
	login_form(page, users["anggota"], PASSWORD)
	page.goto("/app/koperasi")
	page.wait_for_load_state("networkidle")
	assert "/app/koperasi" not in page.url or page.locator("text=Saldo Kas dan Bank").count() == 0
	shot(page, "anggota-no-desk")
