// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Outstanding Pinjaman"] = {
	filters: [
		{
			fieldname: "company",
			label: __("Koperasi"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
			reqd: 1,
		},
		{ fieldname: "pada", label: __("Per Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today(), reqd: 1 },
		{ fieldname: "produk", label: __("Produk"), fieldtype: "Link", options: "Produk Pinjaman" },
		{ fieldname: "kolektibilitas", label: __("Kolektibilitas"), fieldtype: "Data" },
	],
};
