// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Pelatihan Pengurus"] = {
	filters: [
		{ fieldname: "company", label: __("Koperasi"), fieldtype: "Link", options: "Company", default: frappe.defaults.get_user_default("Company") },
		{ fieldname: "pada", label: __("Per Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
