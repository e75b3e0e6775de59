// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

function tampilkan_tagihan(frm) {
	if (!frm.doc.pinjaman || frm.doc.docstatus !== 0) return;
	frappe
		.call({
			method: "koperasi_merah_putih.pinjaman.doctype.pinjaman.pinjaman.tagihan_hari_ini",
			args: { pinjaman: frm.doc.pinjaman, tanggal: frm.doc.posting_date, pelunasan: frm.doc.jenis === "Pelunasan" ? 1 : 0 },
		})
		.then((r) => {
			const t = r.message;
			if (!t) return;
			frm.set_intro(
				__("Jatuh tempo sampai tanggal ini: {0} · Pelunasan: {1}", [format_currency(t.jatuh_tempo, "IDR", 0), format_currency(t.pelunasan, "IDR", 0)]),
				"blue"
			);
			if (!frm.doc.jumlah) {
				frm.set_value("jumlah", frm.doc.jenis === "Pelunasan" ? t.pelunasan : t.jatuh_tempo || (t.tagihan[0] && t.tagihan[0].total) || 0);
			}
		});
}

frappe.ui.form.on("Angsuran Pinjaman", {
	setup(frm) {
		frm.set_query("pinjaman", () => ({ filters: { docstatus: 1, status: ["in", ["Aktif", "Dihapusbukukan"]] } }));
	},
	refresh: tampilkan_tagihan,
	pinjaman: tampilkan_tagihan,
	posting_date: tampilkan_tagihan,
	jenis(frm) {
		frm.set_value("jumlah", 0);
		tampilkan_tagihan(frm);
	},
});
