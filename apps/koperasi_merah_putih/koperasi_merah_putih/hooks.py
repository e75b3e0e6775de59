app_name = "koperasi_merah_putih"
app_title = "Koperasi Merah Putih"
app_publisher = "Koperasi Merah Putih"
app_description = "Koperasi Desa/Kelurahan Merah Putih: anggota, simpanan, pinjaman, pelatihan, SHU"
app_email = "dev@koperasi-merah-putih.id"
app_license = "GPL-3.0-or-later"
app_icon = "octicon octicon-organization"
app_color = "red"
# "org/repo" form: a bare "erpnext" makes Frappe look the org up on GitHub at install time
required_apps = ["frappe/erpnext"]

add_to_apps_screen = [
	{
		"name": "koperasi_merah_putih",
		"logo": "/assets/koperasi_merah_putih/images/logo.svg",
		"title": "Koperasi",
		"route": "/app/koperasi",
	}
]

# security headers on every answer, a Content-Security-Policy on the app's pages
after_request = ["koperasi_merah_putih.keamanan.header_keamanan"]
# every logged-in web page (the member portal too) hands the session a CSRF token
# and carries the cooperative's colour (koperasi/situs.py)
update_website_context = [
	"koperasi_merah_putih.keamanan.token_csrf_halaman",
	"koperasi_merah_putih.koperasi.situs.tema",
]

# a private file is read only by who may read its first File record (berkas.py)
has_permission = {"File": "koperasi_merah_putih.berkas.izin_file"}
override_whitelisted_methods = {
	"upload_file": "koperasi_merah_putih.berkas.upload_file",
	"frappe.handler.upload_file": "koperasi_merah_putih.berkas.upload_file",
}

# Installation
after_install = "koperasi_merah_putih.setup.install.after_install"
after_migrate = "koperasi_merah_putih.setup.install.after_migrate"
before_uninstall = "koperasi_merah_putih.setup.install.before_uninstall"

# Print formats and templates: amounts in Indonesian words
jinja = {
	"methods": [
		"koperasi_merah_putih.jinja.terbilang",
		"koperasi_merah_putih.jinja.qr_code",
		"koperasi_merah_putih.jinja.tanggal_indonesia",
		"koperasi_merah_putih.jinja.rupiah",
		"koperasi_merah_putih.jinja.ketua_koperasi",
		"koperasi_merah_putih.jinja.persen",
		"koperasi_merah_putih.tutup_buku.laporan.buku_rat",
	]
}

# the user guide's pages (www/panduan: docs/panduan/<halaman>.md)
website_route_rules = [{"from_route": "/panduan/<halaman>", "to_route": "panduan"}]

# Member portal: members land on their page after login
role_home_page = {"Anggota": "anggota"}
portal_menu_items = [
	{"title": "Keanggotaan Saya", "route": "/anggota", "reference_doctype": "", "role": "Anggota"},
	{"title": "Simpanan Saya", "route": "/simpanan", "reference_doctype": "", "role": "Anggota"},
	{"title": "Pinjaman Saya", "route": "/pinjaman", "reference_doctype": "", "role": "Anggota"},
	{"title": "Pelatihan", "route": "/pelatihan", "reference_doctype": "", "role": "Anggota"},
	{"title": "SHU Saya", "route": "/shu", "reference_doctype": "", "role": "Anggota"},
	{"title": "Titip Jual", "route": "/titip-jual", "reference_doctype": "", "role": "Anggota"},
]

# the outlet's till: a scanned or typed member number (the member card's QR) chooses the member
page_js = {"point-of-sale": "public/js/kasir_gerai.js"}

# Extension point: each module seeds what a new cooperative needs from it (its products with their
# accounts, its settings): fn(company), called by the provisioning (setup/provisioning.py) after the
# company, its chart and the roles exist, in this order; each must be safe to run again.
koperasi_disiapkan = [
	"koperasi_merah_putih.simpanan.setup.ensure",
	"koperasi_merah_putih.pinjaman.setup.ensure",
	"koperasi_merah_putih.tutup_buku.setup.ensure",
	"koperasi_merah_putih.unit_usaha.setup.ensure",
	"koperasi_merah_putih.koperasi.situs.disiapkan",
]

# Extension point: when a member exits, every function listed here in any installed app is called
# as fn(anggota_doc, tanggal_keluar, alasan) before the status changes, in the same transaction
# (the Simpanan and Pinjaman modules settle savings net of debts there; raising aborts the exit).
anggota_keluar = [
	"koperasi_merah_putih.simpanan.keluar.selesaikan",
	# after the settlement above has posted the loans' payoff
	"koperasi_merah_putih.pinjaman.keluar.tutup",
]
# What a member owes, deducted from the savings refunded on exit: fn(anggota_doc, tanggal) returning
# [{keterangan, akun, party_type, party, reference_doctype, reference_name, jumlah}] (Pinjaman).
kewajiban_anggota = ["koperasi_merah_putih.pinjaman.keluar.kewajiban"]

# The app's posting DocTypes (subclasses of posting.DokumenBerjurnal), registered where ERPNext
# lists posting DocTypes: an Accounting Period offers and closes them, accounting dimensions get
# their fields on them. (ERPNext 15 has no audit-trail registry.)
period_closing_doctypes = [
	"Transaksi Simpanan",
	"Simpanan Berjangka",
	"Pencairan Simpanan Berjangka",
	"Jasa Simpanan",
	"Pengembalian Simpanan",
	"Pinjaman",
	"Angsuran Pinjaman",
	"Penyisihan Piutang Pinjaman",
	"Hapus Buku Pinjaman",
	"Tutup Buku",
	"Pembagian SHU",
	"Pembayaran SHU",
	"Penggunaan Dana SHU",
	"Penyelesaian Titip Jual",
]
accounting_dimension_doctypes = period_closing_doctypes

# ERPNext's closing, its background posting enqueued when the request commits (tutup_buku/penutupan.py)
override_doctype_class = {
	"Period Closing Voucher": "koperasi_merah_putih.tutup_buku.penutupan.PeriodClosingVoucher",
}

doc_events = {
	# a draft dated in a closed Accounting Period is refused on save already (ERPNext's own check;
	# its doc_events cover only ERPNext's list, the ledger refuses on submit in any case)
	tuple(period_closing_doctypes): {
		"validate": "erpnext.accounts.doctype.accounting_period.accounting_period.validate_accounting_period_on_doc_save",
	},
	# the server owns statuses, computed amounts, approvals and party links (integritas.py)
	"*": {
		"before_validate": "koperasi_merah_putih.integritas.periksa",
		"before_update_after_submit": "koperasi_merah_putih.integritas.periksa",
		"before_cancel": "koperasi_merah_putih.integritas.periksa_batal",
		# after_rename: Frappe skips before_rename when the caller switches validation off
		"after_rename": "koperasi_merah_putih.integritas.periksa_ganti_nama",
	},
	# the outlets on ERPNext's selling, buying and stock documents (unit_usaha/penjualan.py): the
	# unit's cost center on every line, members who may buy, the members' credit, consigned goods
	("Sales Invoice", "POS Invoice"): {
		"before_validate": "koperasi_merah_putih.unit_usaha.penjualan.sebelum_validasi",
		"validate": "koperasi_merah_putih.unit_usaha.penjualan.validasi",
		"before_submit": "koperasi_merah_putih.unit_usaha.penjualan.sebelum_ajukan",
	},
	("Purchase Invoice", "Purchase Receipt", "Delivery Note", "Stock Entry", "Stock Reconciliation"): {
		"before_validate": "koperasi_merah_putih.unit_usaha.penjualan.sebelum_validasi_stok",
		"validate": "koperasi_merah_putih.unit_usaha.penjualan.validasi",
	},
	# members brought in by Data Import get their portal accounts in one background job afterwards
	"Data Import": {"on_change": "koperasi_merah_putih.keanggotaan.pihak.setelah_impor"},
	# a File that writes its URL into a record's field needs the right to change that record (berkas.py)
	"File": {"before_validate": "koperasi_merah_putih.berkas.periksa_lampiran"},
}

scheduler_events = {
	# safety net for portal accounts an interrupted import left behind
	"hourly_long": ["koperasi_merah_putih.keanggotaan.pihak.buat_akun_portal"],
	# the month's simpanan wajib bills, on the 1st
	# and last month's jasa on sukarela, computed as a draft for the treasurer to submit
	"monthly": [
		"koperasi_merah_putih.simpanan.tagihan.buat_tagihan_terjadwal",
		"koperasi_merah_putih.simpanan.jasa.buat_draf_bulanan",
	],
	# fixed-term placements set to roll over automatically, on their maturity date
	# and the reminders of tomorrow's training sessions
	"daily": [
		"koperasi_merah_putih.simpanan.berjangka.jatuh_tempo_otomatis",
		"koperasi_merah_putih.pelatihan.pengingat.kirim_pengingat_besok",
		# loans: days past due, denda, collectibility, NPL; the PPAP journal on the month's last day
		"koperasi_merah_putih.pinjaman.harian.jalankan_terjadwal",
	],
	# the site's backup with files, copied to the second path (koperasi_merah_putih/cadangan.py)
	"daily_long": ["koperasi_merah_putih.cadangan.cadangan_terjadwal"],
}
