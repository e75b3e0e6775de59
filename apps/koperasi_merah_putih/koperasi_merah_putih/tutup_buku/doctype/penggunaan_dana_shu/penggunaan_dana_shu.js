// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Penggunaan Dana SHU", {
	setup(frm) {
		frm.set_query("pelatihan", () => ({ filters: { company: frm.doc.company } }));
	},
});
