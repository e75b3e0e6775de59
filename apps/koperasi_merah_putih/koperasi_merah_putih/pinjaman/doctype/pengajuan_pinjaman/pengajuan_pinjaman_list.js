// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.listview_settings["Pengajuan Pinjaman"] = {
	add_fields: ["status", "layak"],
	get_indicator(doc) {
		const warna = { Diajukan: doc.layak ? "blue" : "orange", Disetujui: "green", Ditolak: "red", Dicairkan: "gray", Dibatalkan: "gray" };
		return [__(doc.status), warna[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
