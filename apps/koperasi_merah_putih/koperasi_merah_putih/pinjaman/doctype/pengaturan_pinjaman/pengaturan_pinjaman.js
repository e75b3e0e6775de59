// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Pengaturan Pinjaman", {
	refresh(frm) {
		frm.add_custom_button(__("Jalankan Proses Harian Sekarang"), () =>
			frappe
				.call({ method: "koperasi_merah_putih.pinjaman.harian.jalankan_sekarang", freeze: true, freeze_message: __("Memperbarui pinjaman...") })
				.then((r) => {
					const h = r.message || {};
					frappe.msgprint(
						h.antre
							? __("{0} pinjaman diproses di latar belakang.", [h.pinjaman])
							: __("{0} pinjaman diperbarui. NPL {1}% ({2}).", [h.pinjaman, h.npl, __(h.kesehatan_npl)])
					);
					frm.reload_doc();
				})
		);
	},
});
