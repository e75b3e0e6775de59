// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.listview_settings["Pinjaman"] = {
	add_fields: ["status", "hari_tunggakan", "kolektibilitas"],
	get_indicator(doc) {
		if (doc.status === "Aktif" && doc.hari_tunggakan > 0) {
			return [`${__(doc.kolektibilitas)} (${doc.hari_tunggakan} ${__("hari")})`, doc.hari_tunggakan > 90 ? "red" : "orange", "hari_tunggakan,>,0"];
		}
		const warna = { Draft: "red", Aktif: "blue", Lunas: "green", Dihapusbukukan: "darkgrey", Dibatalkan: "gray" };
		return [__(doc.status), warna[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
