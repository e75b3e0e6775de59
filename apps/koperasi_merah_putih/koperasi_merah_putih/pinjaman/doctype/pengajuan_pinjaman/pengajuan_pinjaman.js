// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

const PP = "koperasi_merah_putih.pinjaman.doctype.pengajuan_pinjaman.pengajuan_pinjaman";

function tabel_simulasi(sim) {
	const rp = (v) => format_currency(v, "IDR", 0);
	const baris = sim.jadwal
		.map(
			(a) =>
				`<tr><td>${a.ke}</td><td class="text-right">${rp(a.pokok)}</td><td class="text-right">${rp(
					a.jasa
				)}</td><td class="text-right"><b>${rp(a.total)}</b></td><td class="text-right">${rp(a.sisa_pokok)}</td></tr>`
		)
		.join("");
	const biaya = sim.biaya.map((b) => `${__(b.jenis_biaya)} ${rp(b.jumlah)} (${__(b.cara)})`).join(", ");
	return `<div class="small text-muted mb-2">
			${__("Metode")}: ${__(sim.metode)} · ${__("Tarif")}: ${sim.tarif}% ${__(sim.basis_tarif)} ·
			${__("Suku efektif per tahun")}: <b>${sim.suku_efektif_tahunan}%</b><br>
			${__("Biaya")}: ${biaya || "-"} · ${__("Diterima bersih")}: <b>${rp(sim.diterima)}</b>
		</div>
		<table class="table table-bordered table-sm">
			<thead><tr><th>${__("Ke")}</th><th class="text-right">${__("Pokok")}</th><th class="text-right">${__(
				"Jasa"
			)}</th><th class="text-right">${__("Angsuran")}</th><th class="text-right">${__("Sisa Pokok")}</th></tr></thead>
			<tbody>${baris}</tbody>
			<tfoot><tr><th></th><th class="text-right">${rp(sim.jumlah)}</th><th class="text-right">${rp(
				sim.total_jasa
			)}</th><th class="text-right">${rp(sim.total_bayar)}</th><th></th></tr></tfoot>
		</table>`;
}

function simulasikan(frm) {
	const wrapper = frm.fields_dict.simulasi_html.$wrapper;
	if (!(frm.doc.produk && frm.doc.jumlah && frm.doc.tenor)) {
		wrapper.html(`<p class="text-muted">${__("Isi produk, jumlah dan tenor untuk melihat jadwal angsuran.")}</p>`);
		return;
	}
	frappe
		.call({
			method: "koperasi_merah_putih.pinjaman.doctype.produk_pinjaman.produk_pinjaman.simulasi",
			args: { produk: frm.doc.produk, jumlah: frm.doc.jumlah, tenor: frm.doc.tenor },
			error: () => wrapper.html(""),
		})
		.then((r) => r.message && wrapper.html(tabel_simulasi(r.message)));
}

frappe.ui.form.on("Pengajuan Pinjaman", {
	setup(frm) {
		frm.set_query("anggota", () => ({ filters: { status: ["in", ["Aktif", "Disetujui"]] } }));
		frm.set_query("produk", () => ({ filters: { nonaktif: 0 } }));
	},
	refresh(frm) {
		simulasikan(frm);
		frm.set_intro("");
		if (!frm.is_new() && frm.doc.status === "Diajukan") {
			if (!frm.doc.layak) {
				frm.set_intro(__("Belum memenuhi syarat:") + "<br>" + frappe.utils.escape_html(frm.doc.hasil_kelayakan || "").replace(/\n/g, "<br>"), "orange");
			}
			if (frm.perm[0] && frm.perm[0].write) {
				frm.add_custom_button(__("Setujui"), () =>
					frappe.confirm(__("Setujui pengajuan {0} sebesar {1}?", [frm.doc.name, format_currency(frm.doc.jumlah, "IDR", 0)]), () =>
						frappe.call({ method: `${PP}.setujui`, args: { name: frm.doc.name }, freeze: true }).then(() => frm.reload_doc())
					)
				).addClass("btn-primary");
				frm.add_custom_button(__("Tolak"), () =>
					frappe.prompt(
						{ fieldname: "alasan", fieldtype: "Small Text", label: __("Alasan Penolakan"), reqd: 1 },
						(v) => frappe.call({ method: `${PP}.tolak`, args: { name: frm.doc.name, alasan: v.alasan }, freeze: true }).then(() => frm.reload_doc()),
						__("Tolak Pengajuan"),
						__("Tolak")
					)
				);
			}
		}
		if (frm.doc.status === "Disetujui" && frappe.model.can_create("Pinjaman")) {
			frm.add_custom_button(__("Cairkan Pinjaman"), () => frappe.new_doc("Pinjaman", { pengajuan: frm.doc.name })).addClass("btn-primary");
		}
		if (frm.doc.pinjaman_dicairkan) {
			frm.add_custom_button(__("Lihat Pinjaman"), () => frappe.set_route("Form", "Pinjaman", frm.doc.pinjaman_dicairkan));
		}
	},
	produk: simulasikan,
	jumlah: simulasikan,
	tenor: simulasikan,
});
