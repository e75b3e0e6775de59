// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Proyeksi Penerimaan Angsuran"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Koperasi"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
			reqd: 1,
		},
		{ fieldname: "dari", label: __("Dari Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today(), reqd: 1 },
		{ fieldname: "sampai", label: __("Sampai Tanggal"), fieldtype: "Date", default: frappe.datetime.add_days(frappe.datetime.get_today(), 84), reqd: 1 },
	],
};
