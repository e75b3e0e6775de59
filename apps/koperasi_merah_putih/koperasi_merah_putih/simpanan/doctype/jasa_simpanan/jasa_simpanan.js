// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Jasa Simpanan", {
	setup(frm) {
		frm.set_query("jenis_simpanan", () => ({ filters: { kategori: "Sukarela", nonaktif: 0 } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Hitung"), () =>
				frm.call({ doc: frm.doc, method: "hitung", freeze: true, freeze_message: __("Menghitung jasa...") })
					.then(() => frm.reload_doc())
			).addClass("btn-primary");
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Rincian per Anggota"), () =>
				frappe.set_route("List", "Rincian Jasa Simpanan", { jasa_simpanan: frm.doc.name })
			);
		}
	},
});
