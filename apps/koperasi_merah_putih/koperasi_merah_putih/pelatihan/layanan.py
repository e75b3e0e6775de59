"""Registration, waiting list, attendance and completion of trainings: the one place where they
change, whoever asks (portal, desk, the public form, the check-in screen).

Seats are decided under a row lock on the Pelatihan, so simultaneous sign-ups are served one after
another and never exceed the quota; a freed seat goes to the oldest on the waiting list.
"""

import frappe
from frappe import _
from frappe.model.naming import make_autoname
from frappe.utils import cint, flt, get_datetime, now, now_datetime, today
from frappe.utils.nestedset import get_root_of

from koperasi_merah_putih.akun import account_by_number
from koperasi_merah_putih.keanggotaan.doctype.masa_jabatan.masa_jabatan import menjabat
from koperasi_merah_putih.rules import keanggotaan
from koperasi_merah_putih.rules import pelatihan as aturan

DOCTYPE = "Pendaftaran Pelatihan"
ITEM_BIAYA = "BIAYA-PELATIHAN"
PENDAPATAN_PELATIHAN = "4202"


def pesan_penolakan(err: aturan.PendaftaranDitolak) -> str:
	if err.kode == "ditutup":
		return _("Registration for this training is closed ({0}).").format(_(err.nilai[0]))
	if err.kode == "lewat_batas":
		return _("The registration deadline ({0}) has passed.").format(
			frappe.format(err.nilai[0], {"fieldtype": "Datetime"})
		)
	if err.kode == "tidak_berhak":
		return _("This training is for {0} only.").format(_(err.nilai[0]))
	if err.kode == "ganda":
		return _("Already registered for this training.")
	return _("Registration refused.")


def _kunci(pelatihan: str, anggota: str | None, nomor_hp: str | None) -> str:
	return f"{pelatihan}:{anggota or nomor_hp}"


def jenis_pendaftar(anggota: str | None) -> str:
	"""UMUM for the public; PENGURUS for a member holding a board or supervisory office today."""
	if not anggota:
		return aturan.UMUM
	return aturan.PENGURUS if menjabat(anggota=anggota) else aturan.ANGGOTA


def hitung_ulang(pelatihan: str) -> None:
	"""The counts shown on the training (registered, waiting, completed)."""
	rows = frappe.get_all(
		DOCTYPE,
		filters={"pelatihan": pelatihan},
		fields=["status", "lulus", "count(name) as n"],
		group_by="status, lulus",
	)
	per = {}
	for r in rows:
		per[r.status] = per.get(r.status, 0) + r.n
	lulus = sum(r.n for r in rows if r.lulus and r.status == aturan.TERDAFTAR)
	frappe.db.set_value(
		"Pelatihan",
		pelatihan,
		{
			"jumlah_terdaftar": per.get(aturan.TERDAFTAR, 0),
			"jumlah_tunggu": per.get(aturan.DAFTAR_TUNGGU, 0),
			"jumlah_lulus": lulus,
		},
	)


def _terisi(pelatihan: str) -> int:
	"""Seats taken, read with a locking read: under the training's row lock it sees every
	registration committed before (a plain read would see the request's older snapshot)."""
	P = frappe.qb.DocType(DOCTYPE)
	rows = (
		frappe.qb.from_(P)
		.select(P.name)
		.where((P.pelatihan == pelatihan) & (P.status == aturan.TERDAFTAR))
		.for_update()
		.run()
	)
	return len(rows)


def _sudah_terdaftar(kunci: str) -> bool:
	P = frappe.qb.DocType(DOCTYPE)
	return bool(frappe.qb.from_(P).select(P.name).where(P.kunci_peserta == kunci).for_update().run())


def daftar(pelatihan: str, anggota: str | None = None, sumber: str = "Staf", **peserta):
	"""Register a member (`anggota`) or a member of the public (nama, nomor_hp, kelurahan, ...).
	Returns the Pendaftaran: Terdaftar while seats last, otherwise on the waiting list."""
	# one registration at a time per training: the seat count below is then exact
	plt = frappe.db.get_value(
		"Pelatihan",
		pelatihan,
		["name", "status", "batas_pendaftaran", "peserta", "kuota", "biaya", "company"],
		as_dict=True,
		for_update=True,
	)
	if not plt:
		frappe.throw(_("Training {0} does not exist.").format(pelatihan))
	if anggota:
		a = frappe.db.get_value(
			"Anggota",
			anggota,
			[
				"name",
				"nama_lengkap",
				"nomor_hp",
				"email",
				"kelurahan",
				"jenis_kelamin",
				"user",
				"status",
				"company",
			],
			as_dict=True,
		)
		if not a or a.status not in keanggotaan.BOLEH_BERTRANSAKSI:
			frappe.throw(_("Only active members can register as members."))
		if a.company != plt.company:
			# one site may hold several cooperatives: a member joins their own cooperative's events
			frappe.throw(_("This training is held by another cooperative."))
		peserta = {
			"nama": a.nama_lengkap,
			"nomor_hp": a.nomor_hp,
			"email": a.email,
			"kelurahan": a.kelurahan,
			"jenis_kelamin": a.jenis_kelamin,
			"user": a.user,
		}
	else:
		peserta = {k: (v or "").strip() if isinstance(v, str) else v for k, v in peserta.items()}
		if not peserta.get("nama") or not peserta.get("nomor_hp"):
			frappe.throw(_("Name and phone number are required."))
		from koperasi_merah_putih.rules.kontak import normalisasi_hp

		try:
			peserta["nomor_hp"] = normalisasi_hp(peserta["nomor_hp"])
		except ValueError:
			frappe.throw(_("The phone number is not a valid Indonesian mobile number."))
	kunci = _kunci(pelatihan, anggota, peserta.get("nomor_hp"))
	try:
		aturan.periksa_pendaftaran(
			plt.status,
			now_datetime(),
			get_datetime(plt.batas_pendaftaran) if plt.batas_pendaftaran else None,
			plt.peserta,
			jenis_pendaftar(anggota),
			_sudah_terdaftar(kunci),
		)
	except aturan.PendaftaranDitolak as err:
		frappe.throw(pesan_penolakan(err), title=_("Registration refused"))
	doc = frappe.get_doc(
		{
			"doctype": DOCTYPE,
			"pelatihan": pelatihan,
			"anggota": anggota,
			**peserta,
			"sumber": sumber,
			"status": aturan.status_baru(_terisi(pelatihan), cint(plt.kuota)),
			"waktu_daftar": now(),
			"kunci_peserta": kunci,
		}
	)
	# the participant's data was read from the member record or checked above
	doc.flags.ignore_permissions = doc.flags.oleh_server = True
	doc.insert()
	if doc.status == aturan.TERDAFTAR:
		tagih(doc, plt)
	hitung_ulang(pelatihan)
	return doc


def batalkan(pendaftaran: str):
	"""Cancel a registration; its seat goes to the first on the waiting list."""
	doc = frappe.get_doc(DOCTYPE, pendaftaran)
	plt = frappe.db.get_value(
		"Pelatihan", doc.pelatihan, ["name", "kuota", "biaya", "company"], as_dict=True, for_update=True
	)
	# the latest status (a locking read), in case the same registration was cancelled meanwhile
	if frappe.db.get_value(DOCTYPE, pendaftaran, "status", for_update=True) == aturan.DIBATALKAN:
		return frappe.get_doc(DOCTYPE, pendaftaran)
	doc.reload()
	if doc.lulus:
		frappe.throw(_("A completed registration cannot be cancelled."))
	punya_kursi = doc.status == aturan.TERDAFTAR
	doc.status = aturan.DIBATALKAN
	doc.kunci_peserta = None  # may register again later
	doc.flags.ignore_permissions = doc.flags.oleh_server = True
	doc.save()
	batalkan_faktur(doc)
	if punya_kursi:
		promosikan(plt)
	hitung_ulang(doc.pelatihan)
	return doc


def promosikan(plt) -> list[str]:
	"""Give free seats to the waiting list, oldest first (call under the training's row lock)."""
	P = frappe.qb.DocType(DOCTYPE)
	antrean = [
		r[0]
		for r in frappe.qb.from_(P)
		.select(P.name)
		.where((P.pelatihan == plt.name) & (P.status == aturan.DAFTAR_TUNGGU))
		.orderby(P.waktu_daftar)
		.orderby(P.creation)
		.for_update()
		.run()
	]
	naik = aturan.promosi(antrean, _terisi(plt.name), cint(plt.kuota))
	for name in naik:
		d = frappe.get_doc(DOCTYPE, name)
		d.status = aturan.TERDAFTAR
		d.flags.ignore_permissions = d.flags.oleh_server = True
		d.save()
		tagih(d, plt)
		d.add_comment("Info", _("Moved up from the waiting list"))
	return naik


# ---------------------------------------------------------------- fee
def _item_biaya(company: str) -> str:
	if not frappe.db.exists("Item", ITEM_BIAYA):
		frappe.get_doc(
			{
				"doctype": "Item",
				"item_code": ITEM_BIAYA,
				"item_name": "Biaya Pelatihan",
				"item_group": get_root_of("Item Group"),
				"stock_uom": "Nos",
				"is_stock_item": 0,
				"include_item_in_manufacturing": 0,
			}
		).insert(ignore_permissions=True)
	return ITEM_BIAYA


def _daftar_harga() -> str:
	name = frappe.db.get_value("Price List", {"selling": 1, "enabled": 1})
	if name:
		return name
	return (
		frappe.get_doc(
			{
				"doctype": "Price List",
				"price_list_name": "Harga Jual Koperasi",
				"selling": 1,
				"currency": "IDR",
			}
		)
		.insert(ignore_permissions=True)
		.name
	)


def tagih(doc, plt) -> None:
	"""A paid training: the member who gets a seat is invoiced (ERPNext Sales Invoice, submitted)."""
	if flt(plt.biaya) <= 0 or not doc.anggota or doc.sales_invoice:
		return
	customer = frappe.db.get_value("Anggota", doc.anggota, "customer")
	if not customer:
		return
	si = frappe.get_doc(
		{
			"doctype": "Sales Invoice",
			"customer": customer,
			"company": plt.company,
			"posting_date": today(),
			"due_date": today(),
			"currency": frappe.get_cached_value("Company", plt.company, "default_currency"),
			"conversion_rate": 1,
			"selling_price_list": _daftar_harga(),
			"plc_conversion_rate": 1,
			"remarks": _("Training fee: {0}").format(frappe.db.get_value("Pelatihan", plt.name, "judul")),
			"items": [
				{
					"item_code": _item_biaya(plt.company),
					"qty": 1,
					"rate": flt(plt.biaya),
					"description": frappe.db.get_value("Pelatihan", plt.name, "judul"),
					"income_account": account_by_number(plt.company, PENDAPATAN_PELATIHAN),
				}
			],
		}
	)
	si.flags.ignore_permissions = True
	si.insert()
	si.submit()
	doc.db_set("sales_invoice", si.name)


def batalkan_faktur(doc) -> None:
	"""The fee of a cancelled registration: an unpaid invoice is cancelled; a paid one is left for
	a refund by the treasurer (noted on the registration)."""
	if not doc.sales_invoice:
		return
	si = frappe.get_doc("Sales Invoice", doc.sales_invoice)
	if si.docstatus != 1:
		return
	if flt(si.outstanding_amount) >= flt(si.grand_total):
		si.flags.ignore_permissions = True
		si.cancel()
	else:
		doc.add_comment("Info", _("The fee was paid ({0}): refund it if due.").format(si.name))


# ---------------------------------------------------------------- attendance and completion
def hadir(pelatihan: str, sesi: str, kode: str, cara: str = "Daftar"):
	"""Check someone in for a session. `kode` is the registration's number or, scanned from the
	member card's QR, the member number."""
	kode = (kode or "").strip()
	sesi_row = frappe.db.get_value(
		"Sesi Pelatihan", {"name": sesi, "parent": pelatihan}, ["name", "tanggal"], as_dict=True
	)
	if not sesi_row:
		frappe.throw(_("Session {0} is not part of this training.").format(sesi))
	filters = {"pelatihan": pelatihan, "status": aturan.TERDAFTAR}
	anggota = frappe.db.get_value("Anggota", {"nomor_anggota": kode}, "name")
	name = frappe.db.get_value(DOCTYPE, {**filters, "anggota": anggota}) if anggota else None
	name = name or frappe.db.get_value(DOCTYPE, {**filters, "name": kode})
	if not name:
		frappe.throw(
			_("{0} is not registered for this training (or is on the waiting list).").format(kode),
			title=_("Not registered"),
		)
	kunci = f"{name}:{sesi}"
	if frappe.db.exists("Kehadiran Pelatihan", {"kunci": kunci}):
		return {"pendaftaran": name, "nama": frappe.db.get_value(DOCTYPE, name, "nama"), "sudah": True}
	nama = frappe.db.get_value(DOCTYPE, name, "nama")
	hadir = frappe.get_doc(
		{
			"doctype": "Kehadiran Pelatihan",
			"pendaftaran": name,
			"pelatihan": pelatihan,
			"nama": nama,
			"sesi": sesi,
			"tanggal_sesi": sesi_row.tanggal,
			"waktu": now(),
			"cara": cara,
			"kunci": kunci,
		}
	)
	hadir.flags.oleh_server = True
	hadir.insert(ignore_permissions=True)
	jumlah = frappe.db.count("Kehadiran Pelatihan", {"pendaftaran": name})
	frappe.db.set_value(DOCTYPE, name, "jumlah_hadir", jumlah)
	return {"pendaftaran": name, "nama": nama, "sudah": False, "jumlah_hadir": jumlah}


def tetapkan_kelulusan(pelatihan: str) -> dict:
	"""Close the training: who completed it by the attendance rule gets a certificate number."""
	plt = frappe.get_doc("Pelatihan", pelatihan)
	frappe.db.get_value("Pelatihan", pelatihan, "name", for_update=True)
	jumlah_sesi = len(plt.sesi)
	tanggal = max((s.tanggal for s in plt.sesi), default=None)
	lulus = 0
	for r in frappe.get_all(
		DOCTYPE,
		filters={"pelatihan": pelatihan, "status": aturan.TERDAFTAR},
		fields=["name", "jumlah_hadir", "lulus", "nomor_sertifikat"],
		order_by="nama asc",
	):
		k = aturan.Kelulusan(cint(r.jumlah_hadir), jumlah_sesi, flt(plt.minimal_kehadiran))
		if k.lulus:
			lulus += 1
			if not r.nomor_sertifikat:
				frappe.db.set_value(
					DOCTYPE,
					r.name,
					{
						"lulus": 1,
						"tanggal_lulus": tanggal,
						"nomor_sertifikat": make_autoname("SRT-.YYYY.-.#####"),
						# what the QR carries to the public check: numbers run in series, codes do not
						"kode_verifikasi": frappe.generate_hash(length=20),
					},
				)
		elif r.lulus:
			frappe.db.set_value(DOCTYPE, r.name, {"lulus": 0})
	plt.db_set("status", aturan.SELESAI)
	hitung_ulang(pelatihan)
	return {"lulus": lulus}
