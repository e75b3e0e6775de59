// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.listview_settings["Pelatihan"] = {
	add_fields: ["status", "kuota", "jumlah_terdaftar"],
	get_indicator(doc) {
		if (doc.status === "Dibuka" && doc.kuota && doc.jumlah_terdaftar >= doc.kuota) {
			return [__("Penuh"), "orange", "status,=,Dibuka"];
		}
		const colour = { Dibuka: "blue", Ditutup: "gray", Selesai: "green", Dibatalkan: "red" };
		return [__(doc.status), colour[doc.status] || "gray", "status,=," + doc.status];
	},
};
