// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Pembayaran SHU", {
	setup(frm) {
		frm.set_query("pembagian_shu", () => ({ filters: { docstatus: 1 } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus === 1) {
			frm.add_custom_button(__("Cetak Kuitansi"), () => frm.print_doc());
		}
	},
});
