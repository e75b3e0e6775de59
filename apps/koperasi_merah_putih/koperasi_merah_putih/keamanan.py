# Copyright (c) 2026, Koperasi Merah Putih
# License: GPL-3.0-or-later
"""Standard security headers on every answer, and a Content-Security-Policy on the app's own
pages (the public form, the member portal, the certificate check): scripts, styles, images and
connections only from the site itself, no plugins, no framing by other sites, forms posted only
back to the site. Frappe's web pages carry an inline boot script (the CSRF token), so inline
scripts stay allowed; what a policy adds there is that nothing injected can load or send to
another origin."""

HALAMAN_APP = (
	"/beranda",
	"/daftar",
	"/anggota",
	"/simpanan",
	"/pinjaman",
	"/pelatihan",
	"/sertifikat",
	"/konfirmasi-email",
)
CSP = "; ".join(
	(
		"default-src 'self'",
		"script-src 'self' 'unsafe-inline'",
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'self'",
	)
)


def header_keamanan(response=None, request=None):
	"""after_request hook."""
	if response is None:
		return
	headers = response.headers
	headers.setdefault("X-Content-Type-Options", "nosniff")
	headers.setdefault("X-Frame-Options", "SAMEORIGIN")
	headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
	# the attendance page scans member cards with the camera
	headers.setdefault("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
	path = getattr(request, "path", "") or ""
	# "/" is the cooperative's home page (www/beranda)
	if path == "/" or any(path == p or path.startswith(p + "/") for p in HALAMAN_APP):
		headers.setdefault("Content-Security-Policy", CSP)


def token_csrf_halaman(context=None):
	"""update_website_context hook: a logged-in user's web page hands their session a CSRF token.
	Frappe makes one only when the desk boots, so a member's session had none and Frappe let its
	POSTs through unchecked; now every portal page carries the token (Frappe's website script
	sends it) and a POST without it is refused. (Not at login: Frappe checks the login request
	itself against the session it has just made.)"""
	import frappe
	import frappe.sessions

	if (
		getattr(frappe.local, "request", None)
		and getattr(frappe.local, "session_obj", None)
		and frappe.session.user != "Guest"
	):
		frappe.sessions.get_csrf_token()
