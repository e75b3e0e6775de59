// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Rapat Anggota Tahunan", {
	setup(frm) {
		const anggota = () => ({
			filters: { company: frm.doc.company, status: ["in", ["Disetujui", "Aktif"]] },
		});
		frm.set_query("anggota", "kehadiran", anggota);
		frm.set_query("anggota", "pengurus_terpilih", anggota);
		frm.set_query("pembagian_shu", () => ({
			filters: { company: frm.doc.company, tahun_buku: frm.doc.fiscal_year, docstatus: 0 },
		}));
		frm.set_query("rapb", () => ({ filters: { company: frm.doc.company } }));
	},
	refresh(frm) {
		if (!frm.is_new()) {
			frm.add_custom_button(__("Buku RAT"), () => frm.print_doc());
			frm.add_custom_button(__("Buku RAT (PDF)"), () =>
				window.open(
					`/api/method/koperasi_merah_putih.tutup_buku.laporan.unduh_buku_rat?rat=${encodeURIComponent(frm.doc.name)}`
				)
			);
		}
	},
});
