frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Penjualan Hari Ini per Unit"] = {
	method: "koperasi_merah_putih.unit_usaha.dashboard_chart_source.penjualan_hari_ini_per_unit.penjualan_hari_ini_per_unit.get",
	filters: [
		{
			fieldname: "company",
			label: __("Company"),
			fieldtype: "Link",
			options: "Company",
			default: frappe.defaults.get_user_default("Company"),
		},
	],
};
