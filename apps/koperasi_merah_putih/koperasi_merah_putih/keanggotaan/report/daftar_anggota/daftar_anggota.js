// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

const BULAN = ["", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

frappe.query_reports["Daftar Anggota"] = {
	filters: [
		{ fieldname: "company", label: __("Koperasi"), fieldtype: "Link", options: "Company", default: frappe.defaults.get_user_default("Company") },
		{ fieldname: "status", label: __("Status"), fieldtype: "Select", options: "\nPendaftaran\nDiverifikasi\nDisetujui\nAktif\nKeluar\nDitolak" },
		{ fieldname: "kelurahan", label: __("Kelurahan / Desa"), fieldtype: "Data" },
		{ fieldname: "jenis_kelamin", label: __("Jenis Kelamin"), fieldtype: "Select", options: "\nLaki-laki\nPerempuan" },
		{ fieldname: "kelompok_umur", label: __("Kelompok Umur"), fieldtype: "Select", options: "\n< 25\n25-34\n35-44\n45-54\n55-64\n>= 65" },
		{ fieldname: "tahun_bergabung", label: __("Tahun Bergabung"), fieldtype: "Int" },
		{
			fieldname: "bulan_bergabung", label: __("Bulan Bergabung"), fieldtype: "Select",
			options: BULAN.map((b, i) => ({ value: i ? String(i) : "", label: b })),
			depends_on: "eval:doc.tahun_bergabung",
		},
		{ fieldname: "pada", label: __("Umur per Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
