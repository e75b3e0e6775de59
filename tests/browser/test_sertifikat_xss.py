"""The public certificate check with a script in its parameter: the page shows the text, no
script runs (the page escapes it, and the Content-Security-Policy backs that up)."""

from urllib.parse import quote

from tests.browser.conftest import shot

PAYLOAD = '"><script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def test_a_script_in_the_certificate_check_is_shown_as_text(page):
	dialogs = []
	page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
	page.goto(f"/sertifikat?kode={quote(PAYLOAD)}")
	page.wait_for_selector("#sertifikat-tidak-sah")
	assert page.evaluate("window.__xss") is None
	assert not dialogs
	# what was sent is in the box as plain text
	assert page.input_value("input[name=kode]") == PAYLOAD[:40]
	assert page.locator("img[src=x]").count() == 0
	shot(page, "sertifikat-xss")
