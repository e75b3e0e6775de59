// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Partisipasi Pelatihan"] = {
	filters: [
		{ fieldname: "company", label: __("Koperasi"), fieldtype: "Link", options: "Company", default: frappe.defaults.get_user_default("Company") },
		{ fieldname: "kelompok", label: __("Kelompokkan per"), fieldtype: "Select", options: ["Topik", "Kelurahan", "Jenis Kelamin", "Bulan"], default: "Topik", reqd: 1 },
		{ fieldname: "dari", label: __("Dari Tanggal"), fieldtype: "Date", default: frappe.datetime.year_start() },
		{ fieldname: "sampai", label: __("Sampai Tanggal"), fieldtype: "Date", default: frappe.datetime.year_end() },
	],
};
