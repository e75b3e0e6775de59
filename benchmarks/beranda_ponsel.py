"""The cooperative's home page (/) on a cheap phone on a slow connection (issue 16): Chromium with
DevTools' "Slow 3G" network (400 kbit/s each way, 2 s round trip) and a CPU four times slower,
a cold cache each load. Printed per page: bytes on the wire, requests, time to first contentful
paint and to the load event; Frappe's own login page alongside for comparison.

`rows` is ignored (the page does not grow with the data; the transparency figures are aggregates).
"""

import sys

from benchmarks.harness import connect, measure, report

# Chrome DevTools' "Slow 3G" preset (as Puppeteer's PredefinedNetworkConditions)
SLOW_3G = {
	"offline": False,
	"latency": 2000,
	"downloadThroughput": 500 * 1000 / 8 * 0.8,
	"uploadThroughput": 500 * 1000 / 8 * 0.8,
}
PONSEL = {"width": 390, "height": 844}


def muat(browser, base_url: str, path: str) -> dict:
	context = browser.new_context(base_url=base_url, viewport=PONSEL, is_mobile=True, locale="id-ID")
	page = context.new_page()
	cdp = context.new_cdp_session(page)
	cdp.send("Network.enable")
	cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
	cdp.send("Network.emulateNetworkConditions", SLOW_3G)
	cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
	diterima = {"bytes": 0, "requests": 0}

	def selesai(event):
		diterima["bytes"] += event.get("encodedDataLength", 0)
		diterima["requests"] += 1

	cdp.on("Network.loadingFinished", selesai)
	try:
		with measure() as m:
			page.goto(path, wait_until="load", timeout=180_000)
		page.wait_for_load_state("networkidle", timeout=180_000)
		fcp = page.evaluate(
			"() => (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null"
		)
		load = page.evaluate(
			"() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : null; }"
		)
	finally:
		context.close()
	return {
		"kb_transferred": diterima["bytes"] / 1024,
		"requests": diterima["requests"],
		"ms_first_contentful_paint": fcp,
		"ms_load_event": load,
		"seconds_wall": m["seconds"],
	}


def main(rows: int | None = None) -> None:
	connect()
	import frappe
	from playwright.sync_api import sync_playwright

	from koperasi_merah_putih.koperasi import situs
	from tests.browser.conftest import BASE_URL, CHROMIUM_ARGS
	from tests.support.data import ensure_koperasi

	ensure_koperasi()
	frappe.set_user("Administrator")
	situs.terapkan_situs()
	frappe.db.commit()
	figures = {}
	with sync_playwright() as p:
		browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
		try:
			# one warm-up so the server's own caches are not what is measured
			muat(browser, BASE_URL, "/")
			for nama, path in (("home", "/"), ("login_frappe", "/login")):
				for key, value in muat(browser, BASE_URL, path).items():
					figures[f"{nama}_{key}"] = value
		finally:
			browser.close()
	figures["network"] = "Slow 3G (400 kbit/s, 2 s RTT), CPU 4x slower, cold cache"
	report("beranda_ponsel", figures)


if __name__ == "__main__":
	main(int(sys.argv[1]) if len(sys.argv) > 1 else None)
