// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Laporan Hasil Usaha per Unit"] = {
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
			fieldname: "dari_tanggal",
			label: __("Dari Tanggal"),
			fieldtype: "Date",
			default: frappe.datetime.year_start(),
			reqd: 1,
		},
		{
			fieldname: "sampai_tanggal",
			label: __("Sampai Tanggal"),
			fieldtype: "Date",
			default: frappe.datetime.year_end(),
			reqd: 1,
		},
	],
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && data.bold ? `<b>${value}</b>` : value;
	},
};
