// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.query_reports["Buku Simpanan"] = {
	filters: [
		{ fieldname: "anggota", label: __("Anggota"), fieldtype: "Link", options: "Anggota", reqd: 1 },
		{ fieldname: "dari", label: __("Dari Tanggal"), fieldtype: "Date", default: frappe.datetime.month_start(), reqd: 1 },
		{ fieldname: "sampai", label: __("Sampai Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today(), reqd: 1 },
	],
	onload(report) {
		report.page.add_inner_button(__("Unduh PDF"), () => {
			const f = report.get_values();
			if (!f || !f.anggota) return;
			window.open(
				"/api/method/koperasi_merah_putih.simpanan.buku.unduh_buku_simpanan?" +
					new URLSearchParams({ anggota: f.anggota, dari: f.dari, sampai: f.sampai })
			);
		});
	},
	formatter(value, row, column, data, default_formatter) {
		value = default_formatter(value, row, column, data);
		return data && data.bold ? `<b>${value}</b>` : value;
	},
};
