frappe.query_reports["Tunggakan Simpanan Wajib"] = {
	filters: [
		{ fieldname: "koperasi", label: __("Koperasi"), fieldtype: "Link", options: "Company", default: frappe.defaults.get_user_default("Company") },
		{ fieldname: "pada", label: __("Per Tanggal"), fieldtype: "Date", default: frappe.datetime.get_today() },
	],
};
