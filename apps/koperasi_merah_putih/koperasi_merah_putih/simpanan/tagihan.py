"""Monthly simpanan wajib bills: made for every active member on the 1st (scheduler) or by a
button, settled oldest first by wajib deposits, and listed as arrears.

Bills are written with one bulk insert per product and cooperative (10,000 members in seconds);
a unique index on (anggota, jenis_simpanan, periode) makes a second run, or two at once, add
nothing twice.
"""

from datetime import date

import frappe
from frappe import _
from frappe.query_builder.functions import Count, Sum
from frappe.utils import flt, getdate, today

from koperasi_merah_putih.izin import koperasi_terpilih
from koperasi_merah_putih.jinja import rupiah
from koperasi_merah_putih.massal import sisip_massal
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import simpanan as aturan
from koperasi_merah_putih.rules.kontak import tautan_wa

DOCTYPE = "Tagihan Simpanan Wajib"
FIELDS = (
	"anggota",
	"nama_anggota",
	"company",
	"jenis_simpanan",
	"periode",
	"jumlah",
	"terbayar",
	"sisa",
	"status",
)


def periode_dari(tanggal) -> str:
	return aturan.periode(getdate(tanggal))


def buat_tagihan_bulanan(periode: str | None = None, company: str | None = None) -> dict:
	"""Make the month's wajib bills (default: this month) for every active member who had joined
	by the end of that month. Returns how many bills were added."""
	periode = periode or periode_dari(today())
	try:
		akhir = aturan.akhir_periode(periode)
	except ValueError:
		frappe.throw(_("The period must be written as YYYY-MM, e.g. 2026-11."))
	produk = frappe.get_all(
		"Jenis Simpanan", filters={"kategori": aturan.WAJIB, "nonaktif": 0}, fields=["name", "jumlah_bulanan"]
	)
	dibuat = 0
	for p in produk:
		if flt(p.jumlah_bulanan) <= 0:
			continue
		companies = frappe.get_all("Akun Jenis Simpanan", filters={"parent": p.name}, pluck="company")
		for koperasi in companies:
			if company and koperasi != company:
				continue
			dibuat += _buat(p, koperasi, periode, akhir)
	return {"periode": periode, "dibuat": dibuat}


def _buat(produk, koperasi: str, periode: str, akhir: date) -> int:
	A = frappe.qb.DocType("Anggota")
	T = frappe.qb.DocType(DOCTYPE)
	sudah = (
		frappe.qb.from_(T)
		.select(T.anggota)
		.where((T.jenis_simpanan == produk.name) & (T.periode == periode) & (T.company == koperasi))
	)
	anggota = (
		frappe.qb.from_(A)
		.select(A.name, A.nama_lengkap)
		.where((A.status == keanggotaan.AKTIF) & (A.company == koperasi) & (A.tanggal_bergabung <= akhir))
		.where(A.name.notin(sudah))
		.run(as_dict=True)
	)
	if not anggota:
		return 0
	jumlah = flt(produk.jumlah_bulanan)
	baris = [
		(a.name, a.nama_lengkap, koperasi, produk.name, periode, jumlah, 0, jumlah, aturan.BELUM_DIBAYAR)
		for a in anggota
	]
	return sisip_massal(DOCTYPE, FIELDS, baris, ignore_duplicates=True)


def buat_tagihan_terjadwal() -> None:
	"""Scheduler (monthly): this month's bills."""
	buat_tagihan_bulanan()


@frappe.whitelist(methods=["POST"])
def buat_tagihan(periode: str | None = None, company: str | None = None, koperasi: str | None = None) -> dict:
	"""The button on the Tagihan Simpanan Wajib list (Pengurus and Kasir): the bills of the
	cooperatives the user may read (the one chosen, or all of theirs)."""
	frappe.only_for(("Pengurus", "Kasir", "System Manager"))
	company = company or koperasi  # `koperasi`: the argument's name before 0.7
	periode = periode or periode_dari(today())
	dibuat = sum(buat_tagihan_bulanan(periode, c)["dibuat"] for c in koperasi_terpilih(company))
	return {"periode": periode, "dibuat": dibuat}


def tagihan_terbuka(anggota: str, jenis_simpanan: str, for_update: bool = False) -> list:
	T = frappe.qb.DocType(DOCTYPE)
	q = (
		frappe.qb.from_(T)
		.select(T.name, T.periode, T.sisa, T.jumlah, T.terbayar)
		.where((T.anggota == anggota) & (T.jenis_simpanan == jenis_simpanan) & (T.sisa > 0))
		.orderby(T.periode)
	)
	if for_update:
		q = q.for_update()
	return q.run(as_dict=True)


def alokasikan(transaksi) -> None:
	"""Settle the member's open bills oldest first with a wajib deposit (before submit, under the
	member's row lock); the allocations are kept on the deposit so a cancel undoes them exactly."""
	bills = tagihan_terbuka(transaksi.anggota, transaksi.jenis_simpanan, for_update=True)
	bayar, _sisa = aturan.alokasi_ke_tagihan(
		[(b.name, int(flt(b.sisa))) for b in bills], int(flt(transaksi.jumlah))
	)
	periode = {b.name: b.periode for b in bills}
	transaksi.set("alokasi_tagihan", [])
	for name, jumlah in bayar:
		transaksi.append("alokasi_tagihan", {"tagihan": name, "periode": periode[name], "jumlah": jumlah})


def terapkan(transaksi, batal: bool = False) -> None:
	"""Apply (on submit) or undo (on cancel) a deposit's allocations on the bills."""
	tanda = -1 if batal else 1
	for row in transaksi.get("alokasi_tagihan") or []:
		bill = frappe.db.get_value(
			DOCTYPE, row.tagihan, ["jumlah", "terbayar"], as_dict=True, for_update=True
		)
		terbayar = flt(bill.terbayar) + tanda * flt(row.jumlah)
		frappe.db.set_value(
			DOCTYPE,
			row.tagihan,
			{
				"terbayar": terbayar,
				"sisa": flt(bill.jumlah) - terbayar,
				"status": aturan.status_tagihan(flt(bill.jumlah), terbayar),
			},
		)


def tunggakan_anggota(anggota: str, pada=None) -> dict:
	"""A member's arrears on a date: total open and the months owed."""
	T = frappe.qb.DocType(DOCTYPE)
	rows = (
		frappe.qb.from_(T)
		.select(T.periode, T.sisa)
		.where((T.anggota == anggota) & (T.sisa > 0))
		.run(as_dict=True)
	)
	total, bulan = aturan.tunggakan(
		[(aturan.parse_periode(r.periode), int(flt(r.sisa))) for r in rows], getdate(pada or today())
	)
	return {"total": total, "bulan": [f"{y:04d}-{m:02d}" for y, m in bulan]}


def ensure_index() -> None:
	frappe.db.add_unique(DOCTYPE, ["anggota", "jenis_simpanan", "periode"], "kmp_tagihan_unik")


def pesan_pengingat(r) -> str:
	"""The reminder, the same words by WhatsApp and by email."""
	return _(
		"Assalamualaikum/Salam sejahtera {0}, simpanan wajib Anda di {1} untuk periode {2} belum dibayar, sejumlah {3}. Terima kasih."
	).format(r.nama_anggota, r.company, r.bulan, rupiah(r.total))


def tunggakan(company: str | None = None, pada=None, anggota: str | None = None) -> list[dict]:
	"""Members with unpaid wajib months up to `pada`'s month, the months and the total, with the
	reminder's words and its WhatsApp link; the cooperatives the user may see (or `company`)."""
	T = frappe.qb.DocType(DOCTYPE)
	A = frappe.qb.DocType("Anggota")
	sampai = periode_dari(getdate(pada or today()))
	q = (
		frappe.qb.from_(T)
		.join(A)
		.on(A.name == T.anggota)
		.select(
			T.anggota,
			T.nama_anggota,
			A.nomor_hp,
			A.email,
			T.company,
			Count(T.name).as_("jumlah_bulan"),
			Sum(T.sisa).as_("total"),
		)
		.where((T.sisa > 0) & (T.periode <= sampai))
		.groupby(T.anggota, T.nama_anggota, A.nomor_hp, A.email, T.company)
		.orderby(Sum(T.sisa), order=frappe.qb.desc)
	)
	q = q.where(T.company.isin(koperasi_terpilih(company)))
	if anggota:
		q = q.where(T.anggota == anggota)
	rows = q.run(as_dict=True)
	if not rows:
		return []
	bulan = {}
	for r in frappe.get_all(
		DOCTYPE,
		filters={"sisa": (">", 0), "periode": ("<=", sampai), "anggota": ("in", [r.anggota for r in rows])},
		fields=["anggota", "periode"],
		order_by="periode",
	):
		bulan.setdefault(r.anggota, []).append(r.periode)
	for r in rows:
		r.bulan = ", ".join(bulan.get(r.anggota, []))
		r.pesan = pesan_pengingat(r)
		# no number on record (an old register imported without one): email or a visit instead
		r.pengingat = (
			f'<a href="{tautan_wa(r.nomor_hp, r.pesan)}" target="_blank" rel="noopener">WhatsApp</a>'
			if r.nomor_hp
			else ""
		)
	return rows


PENGINGAT_LANGSUNG = 200  # above this many members the emails are queued by a background job


@frappe.whitelist(methods=["POST"])
def kirim_pengingat_email(
	company: str | None = None,
	pada: str | None = None,
	anggota: str | None = None,
	koperasi: str | None = None,
) -> dict:
	"""Email every member in arrears (or one member) who has an email address their reminder;
	the others are reached by the WhatsApp links of the report. Pengurus and Kasir only."""
	frappe.has_permission(DOCTYPE, "report", throw=True)
	if not {"Pengurus", "Kasir", "System Manager"} & set(frappe.get_roles()):
		raise frappe.PermissionError(_("Only the board or the cashier may send reminders."))
	from frappe.email.doctype.email_account.email_account import EmailAccount

	if not EmailAccount.find_default_outgoing():
		frappe.throw(
			_("No outgoing email account is set up: add one under Email Account, or use the WhatsApp links."),
			title=_("Email not set up"),
		)
	company = company or koperasi  # `koperasi`: the argument's name before 0.7
	rows = [r for r in tunggakan(company, pada, anggota) if r.email]
	if len(rows) > PENGINGAT_LANGSUNG:
		frappe.enqueue(_kirim, queue="long", rows=rows, timeout=3600)
		return {"antre": len(rows)}
	return {"terkirim": _kirim(rows)}


def _kirim(rows: list) -> int:
	for i, r in enumerate(rows, 1):
		frappe.sendmail(
			recipients=[r.email],
			subject=_("Pengingat Simpanan Wajib {0}").format(r.company),
			message=frappe.utils.escape_html(r.pesan),
			reference_doctype="Anggota",
			reference_name=r.anggota,
		)
		if len(rows) > PENGINGAT_LANGSUNG and i % 100 == 0:
			frappe.publish_progress(100 * i / len(rows), title=_("Sending reminders"))
	return len(rows)
