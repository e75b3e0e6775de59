// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Pencairan Simpanan Berjangka", {
	setup(frm) {
		frm.set_query("simpanan_berjangka", () => ({ filters: { docstatus: 1, status: "Aktif" } }));
	},
});
