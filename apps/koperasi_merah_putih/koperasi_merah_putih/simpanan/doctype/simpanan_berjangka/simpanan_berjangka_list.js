// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.listview_settings["Simpanan Berjangka"] = {
	add_fields: ["status", "tanggal_jatuh_tempo"],
	get_indicator(doc) {
		if (doc.status === "Aktif" && doc.tanggal_jatuh_tempo <= frappe.datetime.get_today()) {
			return [__("Jatuh Tempo"), "orange", "status,=,Aktif"];
		}
		const colour = { Aktif: "blue", Dicairkan: "green", Diperpanjang: "purple", Dibatalkan: "red" };
		return [__(doc.status), colour[doc.status] || "gray", "status,=," + doc.status];
	},
};
