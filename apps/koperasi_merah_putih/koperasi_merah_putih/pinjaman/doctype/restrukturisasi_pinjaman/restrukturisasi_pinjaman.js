// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Restrukturisasi Pinjaman", {
	setup(frm) {
		frm.set_query("pinjaman", () => ({ filters: { docstatus: 1, status: "Aktif" } }));
	},
});
