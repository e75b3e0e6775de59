// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Pinjaman", {
	setup(frm) {
		frm.set_query("pengajuan", () => ({ filters: { status: "Disetujui" } }));
	},
	refresh(frm) {
		if (frm.doc.docstatus !== 1) return;
		frm.set_indicator_formatter("ke", (row) => (row.lunas ? "green" : row.jatuh_tempo < frappe.datetime.get_today() ? "red" : "blue"));
		if (frm.doc.status === "Aktif" || frm.doc.status === "Dihapusbukukan") {
			const pemulihan = frm.doc.status === "Dihapusbukukan";
			frm.add_custom_button(pemulihan ? __("Catat Pemulihan") : __("Bayar Angsuran"), () =>
				frappe.new_doc("Angsuran Pinjaman", { pinjaman: frm.doc.name, jenis: "Angsuran" })
			).addClass("btn-primary");
		}
		if (frm.doc.status === "Aktif") {
			frm.add_custom_button(__("Pelunasan"), () => frappe.new_doc("Angsuran Pinjaman", { pinjaman: frm.doc.name, jenis: "Pelunasan" }), __("Tindakan"));
			frm.add_custom_button(__("Restrukturisasi"), () => frappe.new_doc("Restrukturisasi Pinjaman", { pinjaman: frm.doc.name }), __("Tindakan"));
			frm.add_custom_button(__("Hapus Buku"), () => frappe.new_doc("Hapus Buku Pinjaman", { pinjaman: frm.doc.name }), __("Tindakan"));
		}
		if (frm.doc.hari_tunggakan > 0) {
			frm.dashboard.set_headline_alert(
				__("Menunggak {0} hari · Kolektibilitas: {1} · Denda terutang: {2}", [
					frm.doc.hari_tunggakan,
					__(frm.doc.kolektibilitas),
					format_currency(frm.doc.denda_terutang, "IDR", 0),
				]),
				"red"
			);
		}
	},
});
