// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Pelatihan", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.call("ringkasan_umpan_balik").then((r) => {
			const u = r.message;
			if (!u || !u.jumlah) return;
			frm.dashboard.set_headline(
				__("Umpan balik: {0} peserta, nilai keseluruhan {1}/5 (materi {2}, pelatih {3})", [u.jumlah, u.keseluruhan, u.materi, u.pelatih])
			);
		});
		frm.add_custom_button(__("Peserta"), () =>
			frappe.set_route("List", "Pendaftaran Pelatihan", { pelatihan: frm.doc.name })
		);
		if (frm.doc.status === "Dibuka") {
			frm.add_custom_button(__("Daftarkan Peserta"), () => {
				const d = new frappe.ui.Dialog({
					title: __("Daftarkan Peserta"),
					fields: [
						{ fieldname: "anggota", fieldtype: "Link", options: "Anggota", label: __("Anggota"),
							get_query: () => ({ filters: { status: ["in", ["Aktif", "Disetujui"]] } }) },
						{ fieldtype: "Section Break", label: __("Atau warga (bukan anggota)") },
						{ fieldname: "nama", fieldtype: "Data", label: __("Nama") },
						{ fieldname: "nomor_hp", fieldtype: "Data", label: __("Nomor HP") },
						{ fieldname: "kelurahan", fieldtype: "Data", label: __("Kelurahan") },
						{ fieldname: "jenis_kelamin", fieldtype: "Select", options: ["", "Laki-laki", "Perempuan"], label: __("Jenis Kelamin") },
					],
					primary_action_label: __("Daftarkan"),
					primary_action(v) {
						frm.call("daftarkan", v).then((r) => {
							d.hide();
							frappe.show_alert({ message: __("{0}: {1}", [r.message.name, __(r.message.status)]), indicator: "green" });
							frm.reload_doc();
						});
					},
				});
				d.show();
			});
		}
		frm.add_custom_button(__("Absensi"), () =>
			frappe.set_route("absensi-pelatihan", { pelatihan: frm.doc.name })
		);
		if (frm.doc.status !== "Dibatalkan") {
			frm.add_custom_button(__("Tetapkan Kelulusan"), () =>
				frappe.confirm(__("Tutup pelatihan dan terbitkan nomor sertifikat bagi peserta yang memenuhi kehadiran minimal?"), () =>
					frm.call("tetapkan_kelulusan").then((r) => {
						frappe.msgprint(__("{0} peserta lulus.", [r.message.lulus]));
						frm.reload_doc();
					})
				)
			);
		}
		frm.add_custom_button(__("Pengingat WhatsApp"), () =>
			frappe.call("koperasi_merah_putih.pelatihan.pengingat.tautan_whatsapp", { pelatihan: frm.doc.name }).then((r) => {
				const rows = (r.message || [])
					.map((p) => `<tr><td>${frappe.utils.escape_html(p.nama)}</td><td><a href="${p.tautan}" target="_blank" rel="noopener">WhatsApp</a></td></tr>`)
					.join("");
				frappe.msgprint({ title: __("Pengingat WhatsApp"), message: `<table class="table table-sm">${rows || __("Tidak ada peserta dengan nomor HP.")}</table>`, wide: true });
			})
		);
	},
});
