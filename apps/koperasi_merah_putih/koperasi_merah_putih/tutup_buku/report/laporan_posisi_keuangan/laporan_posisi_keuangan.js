// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Laporan Posisi Keuangan"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Koperasi"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
			reqd: 1,
		},
		{
			fieldname: "fiscal_year",
			label: __("Tahun Buku"),
			fieldtype: "Link",
			options: "Fiscal Year",
			default: frappe.defaults.get_user_default("fiscal_year"),
			reqd: 1,
		},
	],
};
