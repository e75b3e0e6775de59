// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.ui.form.on("Tutup Buku", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.butir) return;
		const rows = frm.doc.butir
			.map((b) => {
				const ikon = b.siap ? "✅" : "❌";
				const tautan = b.tautan
					? ` <a href="${encodeURI(b.tautan)}">${__("Perbaiki")}</a>`
					: "";
				return `<li>${ikon} <b>${frappe.utils.escape_html(b.butir)}</b>: ${frappe.utils.escape_html(b.keterangan || "")}${tautan}</li>`;
			})
			.join("");
		frm.set_intro(`<ul style="margin:0">${rows}</ul>`, frm.doc.siap ? "green" : "orange");
		if (frm.doc.docstatus === 0) {
			frm.add_custom_button(__("Periksa Lagi"), () => frm.save());
		}
		if (frm.doc.docstatus === 1) {
			frm.add_custom_button(__("Pembagian SHU"), () =>
				frappe.new_doc("Pembagian SHU", { company: frm.doc.company, tahun_buku: frm.doc.fiscal_year })
			);
			frm.add_custom_button(__("Laporan Posisi Keuangan"), () =>
				frappe.set_route("query-report", "Laporan Posisi Keuangan", {
					company: frm.doc.company,
					fiscal_year: frm.doc.fiscal_year,
				})
			);
		}
	},
});
