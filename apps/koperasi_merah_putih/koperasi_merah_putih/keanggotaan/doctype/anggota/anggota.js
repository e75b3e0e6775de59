// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Anggota", {
	refresh(frm) {
		if (frm.is_new()) return;
		const roles = frappe.user_roles;
		const may = (...r) => r.some((x) => roles.includes(x));
		const act = (label, method, args) =>
			frm.add_custom_button(label, () =>
				frm.call(method, args || {}).then(() => frm.reload_doc())
			);

		if (frm.doc.status === "Pendaftaran" && may("Pengurus", "Kasir")) {
			act(__("Verifikasi"), "verifikasi");
		}
		if (frm.doc.status === "Diverifikasi" && may("Pengurus")) {
			act(__("Setujui"), "setujui");
			frm.change_custom_button_type(__("Setujui"), null, "primary");
		}
		if (["Pendaftaran", "Diverifikasi"].includes(frm.doc.status) && may("Pengurus")) {
			frm.add_custom_button(__("Tolak"), () => {
				frappe.prompt(
					{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan Penolakan"), reqd: 1 },
					(v) => frm.call("tolak", { alasan: v.alasan }).then(() => frm.reload_doc()),
					__("Tolak Pendaftaran"),
					__("Tolak")
				);
			});
		}
		if (frm.doc.status === "Disetujui" && may("Pengurus", "Kasir")) {
			act(__("Aktifkan"), "aktifkan");
		}
		if (["Disetujui", "Aktif"].includes(frm.doc.status) && may("Pengurus")) {
			frm.add_custom_button(__("Keluar dari Keanggotaan"), () => {
				frappe.prompt(
					[
						{ fieldname: "tanggal", fieldtype: "Date", label: __("Tanggal Keluar"), default: frappe.datetime.get_today(), reqd: 1 },
						{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan Keluar"), reqd: 1 },
						{ fieldname: "cara_bayar", fieldtype: "Link", options: "Mode of Payment", label: __("Pengembalian Simpanan Dibayar dengan"), default: "Cash", reqd: 1 },
					],
					(v) => frm.call({ method: "keluar", doc: frm.doc, args: v, freeze: true }).then(() => frm.reload_doc()),
					__("Keluar dari Keanggotaan"),
					__("Catat Keluar")
				);
			});
		}
		if (["Disetujui", "Aktif"].includes(frm.doc.status) && (frm.doc.user || frm.doc.email) && may("Pengurus", "Kasir")) {
			frm.add_custom_button(__("Tautan Kata Sandi Portal"), () =>
				frm.call("tautan_kata_sandi").then((r) => {
					const d = new frappe.ui.Dialog({
						title: __("Tautan Kata Sandi Portal"),
						fields: [
							{ fieldname: "link", fieldtype: "Small Text", label: __("Tautan (berlaku sekali)"), read_only: 1, default: r.message.link },
							{ fieldname: "wa", fieldtype: "HTML", options: `<a class="btn btn-success btn-sm" target="_blank" rel="noopener" href="${encodeURI(r.message.whatsapp).replace(/%25/g, "%")}">${__("Kirim lewat WhatsApp")}</a>` },
						],
					});
					d.show();
				})
			);
		}
		const cetak = (format) => frappe.utils.print(frm.doctype, frm.docname, format);
		if (frm.doc.nomor_anggota) {
			frm.add_custom_button(__("Kartu Anggota"), () => cetak("Kartu Anggota"), __("Cetak"));
		}
		frm.add_custom_button(__("Formulir Pendaftaran"), () => cetak("Formulir Pendaftaran"), __("Cetak"));
	},
});
