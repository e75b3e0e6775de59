// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later
// Kasir Simpanan: type a name, NIK or member number, Enter, type the amount, Enter: the deposit is
// posted and its receipt opens for printing.

const KASIR = "koperasi_merah_putih.simpanan.kasir.";
const PRINT_FORMAT = "Bukti Transaksi Simpanan";

frappe.pages["kasir-simpanan"].on_page_load = function (wrapper) {
	const page = frappe.ui.make_app_page({ parent: wrapper, title: __("Kasir Simpanan"), single_column: true });
	wrapper.kasir = new KasirSimpanan(page);
};

frappe.pages["kasir-simpanan"].on_page_show = function (wrapper) {
	wrapper.kasir && wrapper.kasir.fokus();
};

class KasirSimpanan {
	constructor(page) {
		this.page = page;
		this.hasil = [];
		this.pilihan = -1;
		this.anggota = null;
		this.$ = $(`
			<div class="kasir-simpanan" style="max-width: 900px;">
				<input type="text" class="form-control input-lg" id="kasir-cari" autocomplete="off"
					placeholder="${__("Cari anggota: nama, NIK, atau nomor anggota")}">
				<div class="list-group" id="kasir-hasil" style="margin-top: 4px;"></div>
				<div id="kasir-anggota" style="margin-top: 16px;"></div>
			</div>`).appendTo(page.main);
		this.$cari = this.$.find("#kasir-cari");
		this.$hasil = this.$.find("#kasir-hasil");
		this.$anggota = this.$.find("#kasir-anggota");
		this.$cari.on("input", frappe.utils.debounce(() => this.cari(), 250));
		this.$cari.on("keydown", (e) => this.navigasi(e));
		this.fokus();
	}

	fokus() {
		setTimeout(() => this.$cari.trigger("focus"), 50);
	}

	cari() {
		const teks = this.$cari.val().trim();
		if (teks.length < 2) return this.tampilkanHasil([]);
		frappe.call(KASIR + "cari_anggota", { teks }).then((r) => {
			if (this.$cari.val().trim() === teks) this.tampilkanHasil(r.message || []);
		});
	}

	tampilkanHasil(rows) {
		this.hasil = rows;
		this.pilihan = rows.length ? 0 : -1;
		this.$hasil.empty();
		if (!rows.length && this.$cari.val().trim().length >= 2) {
			this.$hasil.append(`<div class="list-group-item text-muted">${__("Tidak ada anggota yang cocok.")}</div>`);
		}
		rows.forEach((r, i) => {
			$(`<a href="#" class="list-group-item kasir-hasil-item" data-i="${i}">
					<b>${frappe.utils.escape_html(r.nama_lengkap)}</b>
					<span class="text-muted"> · ${frappe.utils.escape_html(r.nomor_anggota || "")} · NIK ${r.nik}
					· ${frappe.utils.escape_html(r.kelurahan || "")}</span>
					${r.boleh ? "" : `<span class="indicator-pill gray pull-right">${__(r.status)}</span>`}
				</a>`)
				.on("click", (e) => {
					e.preventDefault();
					this.pilih(i);
				})
				.appendTo(this.$hasil);
		});
		this.sorot();
	}

	sorot() {
		this.$hasil.find(".kasir-hasil-item").removeClass("active");
		this.$hasil.find(`.kasir-hasil-item[data-i="${this.pilihan}"]`).addClass("active");
	}

	navigasi(e) {
		if (e.key === "ArrowDown" && this.hasil.length) {
			this.pilihan = Math.min(this.pilihan + 1, this.hasil.length - 1);
			this.sorot();
			e.preventDefault();
		} else if (e.key === "ArrowUp" && this.hasil.length) {
			this.pilihan = Math.max(this.pilihan - 1, 0);
			this.sorot();
			e.preventDefault();
		} else if (e.key === "Enter" && this.pilihan >= 0) {
			this.pilih(this.pilihan);
			e.preventDefault();
		} else if (e.key === "Escape") {
			this.$cari.val("");
			this.tampilkanHasil([]);
		}
	}

	pilih(i) {
		const r = this.hasil[i];
		this.$hasil.empty();
		this.hasil = [];
		this.muat(r.name);
	}

	muat(anggota, fokusJumlah = true) {
		return frappe.call(KASIR + "ringkasan", { anggota }).then((r) => {
			this.anggota = r.message;
			this.tampilkanAnggota(fokusJumlah);
		});
	}

	tampilkanAnggota(fokusJumlah) {
		const d = this.anggota;
		const a = d.anggota;
		const fmt = (v) => format_currency(v, "IDR", 0);
		const kartu = d.saldo
			.map(
				(s) => `<div class="kasir-saldo" data-jenis="${frappe.utils.escape_html(s.jenis_simpanan)}"
					style="border: 1px solid var(--border-color); border-radius: 8px; padding: 8px 12px; min-width: 160px;">
					<div class="text-muted small">${frappe.utils.escape_html(s.jenis_simpanan)}</div>
					<div style="font-size: 1.1em; font-weight: 600;">${fmt(s.saldo)}</div></div>`
			)
			.join("");
		const tunggakan = d.tunggakan.total
			? `<div class="alert alert-warning" id="kasir-tunggakan">${__("Tunggakan simpanan wajib")}: <b>${fmt(
					d.tunggakan.total
			  )}</b> (${d.tunggakan.bulan.join(", ")})</div>`
			: "";
		const wajib = d.produk.find((p) => p.kategori === "Wajib");
		const awal = d.tunggakan.total && wajib ? wajib.name : (d.produk.find((p) => p.kategori === "Sukarela") || d.produk[0] || {}).name;
		const opsi = d.produk
			.map((p) => `<option value="${frappe.utils.escape_html(p.name)}" ${p.name === awal ? "selected" : ""}>${frappe.utils.escape_html(p.name)}</option>`)
			.join("");
		const terakhir = d.terakhir
			.map(
				(t) => `<tr><td>${frappe.datetime.str_to_user(t.posting_date)}</td><td>${__(t.jenis_transaksi)}</td>
					<td>${frappe.utils.escape_html(t.jenis_simpanan)}</td><td class="text-right">${fmt(t.jumlah)}</td>
					<td><a href="/app/transaksi-simpanan/${encodeURIComponent(t.name)}">${t.name}</a></td></tr>`
			)
			.join("");
		this.$anggota.html(`
			<h3 style="margin-top: 0;" id="kasir-nama">${frappe.utils.escape_html(a.nama_lengkap)}
				<small class="text-muted">${frappe.utils.escape_html(a.nomor_anggota || "")} · ${__(a.status)}</small></h3>
			<div style="display: flex; gap: 10px; flex-wrap: wrap; margin-bottom: 12px;">${kartu}</div>
			${tunggakan}
			${
				d.boleh
					? `<form id="kasir-form" class="row" autocomplete="off" style="align-items: flex-end;">
					<div class="col-sm-4"><label>${__("Jenis Simpanan")}</label>
						<select class="form-control" id="kasir-jenis">${opsi}</select></div>
					<div class="col-sm-3"><label>${__("Jumlah (Rp)")}</label>
						<input class="form-control input-lg" id="kasir-jumlah" type="number" min="1" step="1" inputmode="numeric"></div>
					<div class="col-sm-2"><label>${__("Cara Bayar")}</label>
						<select class="form-control" id="kasir-cara"><option value="Cash">${__("Tunai")}</option>
						<option value="Transfer Bank">${__("Transfer Bank")}</option></select></div>
					<div class="col-sm-3">
						<button type="submit" class="btn btn-primary" id="kasir-setor">${__("Setor")} ⏎</button>
						<button type="button" class="btn btn-default" id="kasir-tarik">${__("Tarik")}</button></div>
				</form>`
					: `<div class="alert alert-danger">${__("Anggota ini tidak dapat bertransaksi.")}</div>`
			}
			<div id="kasir-struk" style="margin-top: 12px;"></div>
			${this.htmlPinjaman(d.pinjaman || [], fmt)}
			${this.htmlBon(d.bon || { total: 0 }, fmt)}
			<h5 style="margin-top: 18px;">${__("Transaksi Terakhir")}</h5>
			<table class="table table-condensed" id="kasir-terakhir">${terakhir}</table>`);
		const $jenis = this.$anggota.find("#kasir-jenis");
		const isiJumlah = () => {
			const p = d.produk.find((x) => x.name === $jenis.val()) || {};
			const saran = p.kategori === "Wajib" ? d.tunggakan.total || p.jumlah_bulanan : p.kategori === "Pokok" ? p.jumlah_tetap : "";
			this.$anggota.find("#kasir-jumlah").val(saran || "").trigger("select");
		};
		$jenis.on("change", isiJumlah);
		isiJumlah();
		this.$anggota.find("#kasir-form").on("submit", (e) => {
			e.preventDefault();
			this.kirim("Setoran");
		});
		this.$anggota.find("#kasir-tarik").on("click", () =>
			frappe.confirm(__("Tarik {0} dari {1}?", [fmt(this.$anggota.find("#kasir-jumlah").val()), $jenis.val()]), () =>
				this.kirim("Penarikan")
			)
		);
		this.$anggota.find(".kasir-bayar-angsuran").on("click", (e) => this.bayarAngsuran($(e.currentTarget).data("pinjaman")));
		this.$anggota.find("#kasir-bayar-bon").on("click", () => this.bayarBon());
		if (fokusJumlah) setTimeout(() => this.$anggota.find("#kasir-jumlah").trigger("focus").trigger("select"), 50);
	}

	kirim(jenis_transaksi) {
		const jumlah = this.$anggota.find("#kasir-jumlah").val();
		const $tombol = this.$anggota.find("#kasir-setor, #kasir-tarik").prop("disabled", true);
		frappe
			.call({
				method: KASIR + "transaksi",
				type: "POST",
				args: {
					anggota: this.anggota.anggota.name,
					jenis_simpanan: this.$anggota.find("#kasir-jenis").val(),
					jumlah,
					mode_of_payment: this.$anggota.find("#kasir-cara").val(),
					jenis_transaksi,
				},
				freeze: true,
				freeze_message: __("Menyimpan..."),
			})
			.then((r) => {
				const t = r.message;
				frappe.show_alert({ message: __("{0} tersimpan", [t.name]), indicator: "green" });
				this.cetak(t.name);
				return this.muat(this.anggota.anggota.name, false).then(() => {
					this.$anggota.find("#kasir-struk").html(
						`<div class="alert alert-success" id="kasir-berhasil">${__(jenis_transaksi)} <b>${t.name}</b>:
						${frappe.utils.escape_html(t.terbilang)}.
						<a href="#" id="kasir-cetak-ulang">${__("Cetak ulang bukti")}</a></div>`
					);
					this.$anggota.find("#kasir-cetak-ulang").on("click", (e) => {
						e.preventDefault();
						this.cetak(t.name);
					});
					this.$cari.val("").trigger("focus");
				});
			})
			.always(() => $tombol.prop("disabled", false));
	}

	cetak(name) {
		frappe.utils.print("Transaksi Simpanan", name, PRINT_FORMAT);
	}

	htmlPinjaman(pinjaman, fmt) {
		if (!pinjaman.length) return "";
		const baris = pinjaman
			.map(
				(p) => `<tr class="kasir-pinjaman" data-pinjaman="${frappe.utils.escape_html(p.name)}">
					<td><a href="/app/pinjaman/${encodeURIComponent(p.name)}">${frappe.utils.escape_html(p.name)}</a>
						<div class="text-muted small">${frappe.utils.escape_html(p.produk)}</div></td>
					<td class="text-right">${fmt(p.sisa_pokok)}</td>
					<td>${p.jatuh_tempo_berikutnya ? frappe.datetime.str_to_user(p.jatuh_tempo_berikutnya) : "-"}
						${p.hari_tunggakan ? `<span class="indicator-pill red">${__("terlambat {0} hari", [p.hari_tunggakan])}</span>` : ""}</td>
					<td class="text-right"><b>${fmt(p.angsuran_berikutnya)}</b></td>
					<td><button type="button" class="btn btn-sm btn-default kasir-bayar-angsuran" data-pinjaman="${frappe.utils.escape_html(
						p.name
					)}">${p.status === "Dihapusbukukan" ? __("Catat Pemulihan") : __("Bayar Angsuran")}</button></td></tr>`
			)
			.join("");
		return `<h5 style="margin-top: 18px;">${__("Pinjaman Aktif")}</h5>
			<table class="table table-condensed" id="kasir-pinjaman">
				<tr><th>${__("Pinjaman")}</th><th class="text-right">${__("Sisa Pokok")}</th><th>${__("Jatuh Tempo")}</th>
				<th class="text-right">${__("Angsuran Berikutnya")}</th><th></th></tr>${baris}</table>`;
	}

	htmlBon(bon, fmt) {
		if (!bon.total) return "";
		return `<div class="alert alert-info" id="kasir-bon" style="margin-top: 12px; display: flex; justify-content: space-between; align-items: center;">
			<span>${__("Bon belanja di gerai")}: <b id="kasir-bon-total">${fmt(bon.total)}</b>
			(${__("{0} faktur", [(bon.faktur || []).length])})</span>
			<button type="button" class="btn btn-sm btn-default" id="kasir-bayar-bon">${__("Bayar Bon")}</button></div>`;
	}

	// the amount and how it was paid, then the posting method; `selesai` shows what was posted
	dialogBayar(judul, jumlah, method, args, selesai) {
		const dialog = new frappe.ui.Dialog({
			title: judul,
			fields: [
				{ fieldname: "jumlah", fieldtype: "Currency", label: __("Jumlah (Rp)"), reqd: 1, default: jumlah },
				{
					fieldname: "mode_of_payment",
					fieldtype: "Select",
					label: __("Cara Bayar"),
					options: [
						{ value: "Cash", label: __("Tunai") },
						{ value: "Transfer Bank", label: __("Transfer Bank") },
					],
					default: "Cash",
				},
			],
			primary_action_label: __("Bayar"),
			primary_action: (v) => {
				dialog.hide();
				frappe
					.call({
						method,
						type: "POST",
						args: { ...args, jumlah: v.jumlah, mode_of_payment: v.mode_of_payment },
						freeze: true,
						freeze_message: __("Menyimpan..."),
					})
					.then((r) => {
						const t = r.message;
						return this.muat(this.anggota.anggota.name, false).then(() =>
							this.$anggota.find("#kasir-struk").html(selesai(t))
						);
					});
			},
		});
		dialog.show();
	}

	bayarBon() {
		const bon = this.anggota.bon || {};
		this.dialogBayar(
			__("Bayar Bon Gerai"),
			bon.total,
			"koperasi_merah_putih.unit_usaha.kasir.bayar_bon",
			{ anggota: this.anggota.anggota.name },
			(t) =>
				`<div class="alert alert-success" id="kasir-berhasil">${__("Bon dibayar")}: ${t.pembayaran
					.map((n) => `<a href="/app/payment-entry/${encodeURIComponent(n)}">${n}</a>`)
					.join(", ")}</div>`
		);
	}

	bayarAngsuran(pinjaman) {
		const p = (this.anggota.pinjaman || []).find((x) => x.name === pinjaman) || {};
		this.dialogBayar(__("Bayar Angsuran {0}", [pinjaman]), p.angsuran_berikutnya, KASIR + "bayar_angsuran", { pinjaman }, (t) => {
			frappe.utils.print("Angsuran Pinjaman", t.name, "Kuitansi Angsuran");
			return `<div class="alert alert-success" id="kasir-berhasil">${__(t.jenis)} <b>${t.name}</b>:
				${frappe.utils.escape_html(t.terbilang)}.</div>`;
		});
	}
}
