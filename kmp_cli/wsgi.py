"""The WSGI entry gunicorn serves when no nginx stands in front (`kmp start`, the test server).

Frappe picks the site from the Host header and expects nginx to send unknown hosts (an IP address,
`localhost`) to the default site and to serve /assets and /files. This does both with Frappe's own
middleware: a request whose host is not a site folder goes to the default site ($KMP_DEFAULT_SITE,
else `default_site` from `frappe use SITE`).

Frappe takes the client's address from `X-Forwarded-For` whenever the header is present, so any
client could pick the address a rate limit counts. Served directly, there is no proxy to trust:
the header is dropped unless the request comes from an address listed in `kmp_trusted_proxies`
(common_site_config.json; the production setup lists its nginx there)."""

import json
import os
from pathlib import Path


def application():
	from frappe import app

	app.application_with_statics()
	inner = app.application
	sites = Path.cwd()
	conf_file = sites / "common_site_config.json"
	conf = json.loads(conf_file.read_text()) if conf_file.exists() else {}
	default = os.environ.get("KMP_DEFAULT_SITE") or conf.get("default_site")
	trusted = set(conf.get("kmp_trusted_proxies") or ())

	def serve(environ, start_response):
		if environ.get("REMOTE_ADDR") not in trusted:
			for header in ("HTTP_X_FORWARDED_FOR", "HTTP_X_REAL_IP", "HTTP_FORWARDED"):
				environ.pop(header, None)
		host = environ.get("HTTP_HOST", "").split(":", 1)[0]
		is_site = bool(host) and "/" not in host and (sites / host / "site_config.json").is_file()
		if default and not is_site and not environ.get("HTTP_X_FRAPPE_SITE_NAME"):
			environ["HTTP_X_FRAPPE_SITE_NAME"] = default
			if environ.get("PATH_INFO", "").startswith("/files/"):
				# Frappe's public-file loader reads the site from the Host header only
				environ["HTTP_HOST"] = default
		return inner(environ, start_response)

	return serve
