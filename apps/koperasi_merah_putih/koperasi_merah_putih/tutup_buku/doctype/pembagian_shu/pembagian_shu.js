// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Pembagian SHU", {
	refresh(frm) {
		if (frm.doc.docstatus === 0 && !frm.is_new()) {
			frm.add_custom_button(__("Hitung"), () =>
				frm
					.call({ doc: frm.doc, method: "hitung", freeze: true, freeze_message: __("Menghitung SHU anggota...") })
					.then(() => frm.reload_doc())
			).addClass("btn-primary");
			if (!frm.doc.rapat_anggota_tahunan) {
				frm.add_custom_button(__("Rapat Anggota Tahunan"), () =>
					frappe.new_doc("Rapat Anggota Tahunan", {
						company: frm.doc.company,
						fiscal_year: frm.doc.tahun_buku,
						pembagian_shu: frm.doc.name,
					})
				);
			}
		}
		if (!frm.is_new()) {
			frm.add_custom_button(__("Rincian per Anggota"), () =>
				frappe.set_route("List", "Rincian SHU Anggota", { pembagian_shu: frm.doc.name })
			);
		}
		if (frm.doc.docstatus === 1 && frm.doc.shu > 0) {
			frm.add_custom_button(__("Bayar SHU"), () =>
				frappe.new_doc("Pembayaran SHU", { pembagian_shu: frm.doc.name })
			);
		}
	},
});
