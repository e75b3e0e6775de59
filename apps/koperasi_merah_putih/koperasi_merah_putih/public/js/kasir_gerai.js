// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later
// The outlet's till (ERPNext's point of sale): a scanned member card (its QR holds the member number)
// or a member number typed in the item search chooses the member as the customer, so the sale counts
// for the member's SHU. Loaded with the page (hooks.page_js), before ERPNext's POS classes exist.
(function () {
	const METODE = "koperasi_merah_putih.unit_usaha.kasir.";
	const halaman = frappe.pages["point-of-sale"];
	const muat_asli = halaman.on_page_load;
	let awalan = null;

	function pasang() {
		const P = erpnext.PointOfSale.ItemSelector.prototype;
		if (P.__kmp_anggota) return;
		P.__kmp_anggota = true;
		const saring_asli = P.filter_items;
		P.filter_items = function (args = {}) {
			const teks = (args.search_term || "").trim();
			const nomor = teks.toUpperCase().split("/").pop().split("=").pop();
			if (!awalan || !nomor.startsWith(awalan) || nomor.length <= awalan.length) {
				return saring_asli.call(this, args);
			}
			this.barcode_scanned = false;
			this.search_field.set_value("");
			if (this.__kmp_terakhir === nomor) return;
			this.__kmp_terakhir = nomor;
			setTimeout(() => (this.__kmp_terakhir = null), 1500);
			frappe.call(METODE + "anggota_pos", { kode: nomor }).then(({ message: m }) => {
				const keranjang = window.cur_pos && cur_pos.cart;
				if (!m || !keranjang) return;
				keranjang.make_customer_selector();
				keranjang.customer_field.set_value(m.customer);
				frappe.show_alert({
					message: __("Anggota {0} ({1}); sisa bon {2}", [
						frappe.utils.escape_html(m.nama),
						m.nomor_anggota,
						format_currency(m.sisa_bon, "IDR", 0),
					]),
					indicator: "green",
				});
			});
		};
	}

	halaman.on_page_load = function (wrapper) {
		const args = arguments;
		frappe.call(METODE + "awalan_nomor_anggota").then((r) => (awalan = r.message || null));
		frappe.require("point-of-sale.bundle.js", () => {
			pasang();
			muat_asli.apply(this, args);
		});
	};
})();
