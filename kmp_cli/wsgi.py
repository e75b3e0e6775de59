"""The WSGI entry gunicorn serves when no nginx stands in front (`kmp start`).

Frappe picks the site from the Host header and expects nginx to send unknown hosts (an IP address,
`localhost`) to the default site and to serve /assets and /files. This does both, with Frappe's own
middleware: requests whose host is not a site folder go to `default_site` (`frappe use SITE`)."""

import json
from pathlib import Path


def application():
	from frappe import app

	app.application_with_statics()
	inner = app.application
	sites = Path.cwd()
	conf_file = sites / "common_site_config.json"
	default = json.loads(conf_file.read_text()).get("default_site") if conf_file.exists() else None

	def serve(environ, start_response):
		host = environ.get("HTTP_HOST", "").split(":", 1)[0]
		if (
			default
			and not environ.get("HTTP_X_FRAPPE_SITE_NAME")
			and not (host and (sites / host / "site_config.json").is_file())
		):
			environ["HTTP_X_FRAPPE_SITE_NAME"] = default
		return inner(environ, start_response)

	return serve
