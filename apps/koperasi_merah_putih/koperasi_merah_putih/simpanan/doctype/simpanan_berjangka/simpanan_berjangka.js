// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Simpanan Berjangka", {
	setup(frm) {
		frm.set_query("jenis_simpanan", () => ({ filters: { kategori: "Berjangka", nonaktif: 0 } }));
		frm.set_query("anggota", () => ({ filters: { status: "Aktif" } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 1 && frm.doc.status === "Aktif") {
			const matured = frm.doc.tanggal_jatuh_tempo <= frappe.datetime.get_today();
			frm.add_custom_button(matured ? __("Cairkan / Perpanjang") : __("Cairkan Sebelum Jatuh Tempo"), () =>
				frappe.new_doc("Pencairan Simpanan Berjangka", {
					simpanan_berjangka: frm.doc.name,
					tindakan: "Cairkan",
				})
			).addClass(matured ? "btn-primary" : "");
		}
	},
});
