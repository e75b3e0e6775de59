// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later
// Absensi Pelatihan: pick the training and session, then tick names or scan member cards (a card
// scanner types the member number and Enter into the scan field; the camera button does the same).

const ABSENSI = "koperasi_merah_putih.pelatihan.absensi.";

frappe.pages["absensi-pelatihan"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({ parent: wrapper, title: __("Absensi Pelatihan"), single_column: true });
	wrapper.absensi = new AbsensiPelatihan(page);
};

frappe.pages["absensi-pelatihan"].on_page_show = function (wrapper) {
	const r = frappe.route_options;
	if (r && r.pelatihan && wrapper.absensi) {
		wrapper.absensi.pelatihan.set_value(r.pelatihan);
		frappe.route_options = null;
	}
};

class AbsensiPelatihan {
	constructor(page) {
		this.page = page;
		this.pelatihan = page.add_field({
			fieldname: "pelatihan", label: __("Pelatihan"), fieldtype: "Link", options: "Pelatihan",
			change: () => this.muatSesi(),
		});
		this.sesi = page.add_field({
			fieldname: "sesi", label: __("Sesi"), fieldtype: "Select", options: [],
			change: () => this.muat(),
		});
		page.set_secondary_action(__("Pindai dengan Kamera"), () => this.kamera());
		this.$ = $(`<div style="max-width: 820px;">
			<input type="text" class="form-control input-lg" id="absensi-pindai" autocomplete="off"
				placeholder="${__("Pindai kartu anggota atau ketik nomor anggota / nomor pendaftaran, lalu Enter")}">
			<div id="absensi-hasil" style="margin: 8px 0; min-height: 1.5em;"></div>
			<div id="absensi-ringkas" class="text-muted"></div>
			<table class="table table-condensed" id="absensi-daftar"></table>
		</div>`).appendTo(page.main);
		this.$pindai = this.$.find("#absensi-pindai");
		this.$pindai.on("keydown", (e) => {
			if (e.key === "Enter") {
				e.preventDefault();
				this.catat(this.$pindai.val(), "Pindai");
			}
		});
		const r = frappe.route_options;
		if (r && r.pelatihan) {
			this.pelatihan.set_value(r.pelatihan);
			frappe.route_options = null;
		}
	}

	muatSesi() {
		const name = this.pelatihan.get_value();
		if (!name) return;
		frappe.db.get_doc("Pelatihan", name).then((doc) => {
			const today = frappe.datetime.get_today();
			const opsi = doc.sesi.map((s) => ({
				value: s.name,
				label: `${s.idx}. ${frappe.datetime.str_to_user(s.tanggal)} ${s.jam_mulai || ""} ${s.tempat || ""}`,
			}));
			this.sesi.df.options = opsi;
			this.sesi.refresh();
			const kini = doc.sesi.find((s) => s.tanggal === today) || doc.sesi.find((s) => s.tanggal >= today) || doc.sesi[doc.sesi.length - 1];
			this.sesi.set_value(kini ? kini.name : opsi[0].value);
		});
	}

	muat() {
		const pelatihan = this.pelatihan.get_value(), sesi = this.sesi.get_value();
		if (!pelatihan || !sesi) return;
		frappe.call(ABSENSI + "daftar_hadir", { pelatihan, sesi }).then((r) => {
			const d = r.message;
			this.$.find("#absensi-ringkas").text(__("{0} dari {1} peserta hadir", [d.hadir, d.peserta.length]));
			this.$.find("#absensi-daftar").html(
				d.peserta
					.map((p) => `<tr data-pendaftaran="${p.name}" class="absensi-baris">
						<td style="width: 2em;">${p.hadir ? '<span class="indicator green"></span>' : '<span class="indicator gray"></span>'}</td>
						<td>${frappe.utils.escape_html(p.nama)}</td>
						<td class="text-muted">${frappe.utils.escape_html(p.kelurahan || "")}</td>
						<td class="text-right">${p.hadir ? `<span class="text-success">${__("Hadir")}</span>`
							: `<button class="btn btn-xs btn-default absensi-tandai" data-pendaftaran="${p.name}">${__("Tandai Hadir")}</button>`}</td>
					</tr>`)
					.join("")
			);
			this.$.find(".absensi-tandai").on("click", (e) => this.catat($(e.currentTarget).data("pendaftaran"), "Daftar"));
			this.$pindai.trigger("focus");
		});
	}

	catat(kode, cara) {
		kode = (kode || "").trim();
		const pelatihan = this.pelatihan.get_value(), sesi = this.sesi.get_value();
		if (!kode || !pelatihan || !sesi) return;
		frappe
			.call({ method: ABSENSI + "catat_hadir", type: "POST", args: { pelatihan, sesi, kode, cara } })
			.then((r) => {
				const m = r.message;
				this.$.find("#absensi-hasil").html(
					`<span class="${m.sudah ? "text-warning" : "text-success"}" id="absensi-terakhir"><b>${frappe.utils.escape_html(m.nama)}</b> ${
						m.sudah ? __("sudah tercatat hadir") : __("hadir")
					}</span>`
				);
				this.$pindai.val("");
				this.muat();
			})
			.catch(() => this.$pindai.trigger("select"));
	}

	kamera() {
		new frappe.ui.Scanner({
			dialog: true,
			multiple: false,
			on_scan: (data) => this.catat(data.decodedText, "Pindai"),
		});
	}
}
