frappe.listview_settings["Anggota"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colors = {
			Pendaftaran: "orange",
			Diverifikasi: "yellow",
			Disetujui: "blue",
			Aktif: "green",
			Keluar: "gray",
			Ditolak: "red",
		};
		return [__(doc.status), colors[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
