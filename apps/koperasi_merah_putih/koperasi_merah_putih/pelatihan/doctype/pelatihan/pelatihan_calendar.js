// Copyright (c) 2026, Koperasi Merah Putih
// License: GPL-3.0-or-later

frappe.views.calendar["Pelatihan"] = {
	field_map: { start: "mulai", end: "selesai", id: "name", title: "judul", allDay: 0 },
	filters: [{ fieldtype: "Select", fieldname: "topik", options: ["", "Kewirausahaan", "Manajemen Koperasi", "Literasi Keuangan", "Digital", "Sosialisasi"], label: __("Topik") }],
	get_events_method: "frappe.desk.calendar.get_events",
};
