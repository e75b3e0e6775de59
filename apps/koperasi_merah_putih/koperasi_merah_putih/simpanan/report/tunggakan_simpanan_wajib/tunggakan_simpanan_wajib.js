frappe.query_reports["Tunggakan Simpanan Wajib"] = {
	filters: [
		{ fieldname: "company", label: __("Koperasi"), fieldtype: "Link", options: "Company", default: frappe.defaults.get_user_default("Company") },
		{ fieldname: "pada", label: __("Per Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
	onload(report) {
		report.page.add_inner_button(__("Kirim Pengingat Email"), () => {
			const f = report.get_values() || {};
			frappe.confirm(__("Kirim email pengingat ke semua anggota yang menunggak dan mempunyai alamat email?"), () =>
				frappe
					.call({
						method: "koperasi_merah_putih.simpanan.tagihan.kirim_pengingat_email",
						type: "POST",
						args: { company: f.company, pada: f.pada },
						freeze: true,
					})
					.then((r) => {
						const m = r.message || {};
						frappe.msgprint(
							m.antre
								? __("{0} email pengingat sedang dikirim di latar belakang.", [m.antre])
								: __("{0} email pengingat dikirim.", [m.terkirim || 0])
						);
					})
			);
		});
	},
};
