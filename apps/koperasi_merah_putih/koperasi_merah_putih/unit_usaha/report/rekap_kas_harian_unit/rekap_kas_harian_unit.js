// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Rekap Kas Harian Unit"] = {
	filters: [
		{ fieldname: "unit_usaha", label: __("Unit Usaha"), fieldtype: "Link", options: "Unit Usaha", reqd: 1 },
		{
			fieldname: "dari_tanggal",
			label: __("Dari Tanggal"),
			fieldtype: "Date",
			default: frappe.datetime.month_start(),
			reqd: 1,
		},
		{
			fieldname: "sampai_tanggal",
			label: __("Sampai Tanggal"),
			fieldtype: "Date",
			default: frappe.datetime.month_end(),
			reqd: 1,
		},
	],
};
