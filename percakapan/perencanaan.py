"""/perencanaan: the coordinator builds the plan problem by problem (identifikasi, refleksi,
benahi), the kepala_sekolah approves it, the pengawas marks it reviewed.

Every typed step is kept in a draft in the database; a problem, program or activity becomes
part of the plan only when it is complete, so nothing half-typed is saved as final."""

from __future__ import annotations

from datetime import date
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.layanan import (
    Ditolak,
    Layanan,
    bawaan,
    draf,
    komitmen,
    pengingat_rencana,
    rencana,
)
from bot.layanan.aktor import Aktor
from bot.layanan.rencana import KegiatanBaru, Rencana
from bot.layanan.waktu import hari_ini, zona_sekolah
from bot.mutu import bahasa
from bot.mutu.angka import baca_angka
from bot.mutu.peran import PENGELOLA, Peran
from bot.pengingat import kirim_segera
from percakapan import batal, dokumen_rencana
from percakapan._umum import (
    PER_HALAMAN,
    PRIBADI,
    Konteks,
    balas,
    galat,
    halaman,
    jawab_tombol,
    layanan,
    navigasi_halaman,
    papan,
    penangan_sela,
    percakapan,
    ubah,
)
from percakapan.daftar import ganti_tombol, papan_pilihan

SUSUN = "susun"
END = -1
DRAF = "rencana"
# Steps answered by typing: only while one of these waits does the conversation hold the
# chat; otherwise the plan's buttons work from anywhere and other commands go through.
LANGKAH_KETIK = frozenset(
    {
        "akar_teks",
        "program",
        "k_deskripsi",
        "k_mulai",
        "k_selesai",
        "k_anggaran",
        "k_indikator",
        "k_target",
        "ubah_nilai",
        "tinjau_komentar",
        "ubah_bagian",
    }
)


async def _status(lay: Layanan, aktor: Aktor) -> int | str:
    return SUSUN if (await _isi(lay, aktor)).get("langkah") in LANGKAH_KETIK else END


async def _isi(lay: Layanan, aktor: Aktor) -> dict[str, Any]:
    return await draf.ambil(lay, aktor.pengguna_id, DRAF)


async def _simpan(lay: Layanan, aktor: Aktor, isi: dict[str, Any] | None) -> None:
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)


def _papan_rencana(
    lay: Layanan, aktor: Aktor, r: Rencana | None, jumlah_bawaan: int = 0
) -> InlineKeyboardMarkup:
    t = lay.render.label
    baris: list[list[tuple[str, str]]] = []
    if aktor.peran is Peran.PENGAWAS:
        return papan([[(t("tombol.tandai_ditinjau"), "rcn:tinjau")]] if r else [])
    if jumlah_bawaan:
        baris.append([(t("strategi.tombol.bawaan_rencana", jumlah=jumlah_bawaan), "rcn:bw")])
    baris.append([(t("tombol.tambah_masalah"), "rcn:tm")])
    for m in r.masalah if r else ():
        baris.append(
            [(t("tombol.tambah_program", kode=m.indikator_kode), f"rcn:tp:{m.indikator_kode}")]
        )
        for p in m.program:
            baris.append(
                [
                    (
                        t("tombol.tambah_kegiatan", kode=m.indikator_kode, nomor=p.urutan),
                        f"rcn:tk:{m.indikator_kode}:{p.urutan}",
                    )
                ]
            )
    if r and r.masalah:
        baris.append([(t("tombol.ubah_bagian"), "rcn:ul")])
    if r and r.semua_kegiatan():
        baris.append([(t("tombol.ubah_kegiatan"), "rcn:uk")])
        if aktor.peran is Peran.KEPALA_SEKOLAH and r.status == "draf":
            baris.append([(t("tombol.setujui_rencana"), "rcn:setuju")])
        baris.append([(t("tombol.kirim_dokumen"), "rcn:dok")])
    return papan(baris)


async def tampilkan_rencana(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The whole plan as it stands, with what can be done next."""
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    zona = await zona_sekolah(lay, aktor.sekolah_id or 0)
    sekolah = aktor.aktif.sekolah_nama if aktor.aktif else ""
    siklus = await rencana.siklus_rencana(lay, aktor)
    bagian = lay.render.pesan_panjang(
        "perencanaan/rencana", r=r, sekolah=sekolah, tahun=siklus.tahun_ajaran, zona=zona
    )
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    jumlah = len(await bawaan.menunggu(lay, aktor)) if aktor.peran in PENGELOLA else 0
    await balas(update, context, bagian[-1], _papan_rencana(lay, aktor, r, jumlah))


@akses("perencanaan")
async def perencanaan(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The plan view (managers: with buttons to build it; pengawas: to review it)."""
    lay = layanan(context)
    try:
        r = await rencana.lihat(lay, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    await _simpan(lay, aktor, None)
    if r is None and aktor.peran in PENGELOLA:
        await _calon(update, context, aktor)
        return END
    await tampilkan_rencana(update, context, aktor)
    return END


async def _calon(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    calon = await rencana.calon_masalah(lay, aktor)
    inst = (await rencana.siklus_rencana(lay, aktor)).instrumen
    teks = lay.render.pesan(
        "perencanaan/calon",
        calon=calon,
        maks=rencana.MAKS_MASALAH,
        kategori=lambda s: inst.kategori_untuk(s).nama,
        standar=lambda k: inst.standar(k).nama,
    )
    baris = [[(f"{i.kode} {i.nama}"[:60], f"rcn:pm:{i.kode}")] for i in calon]
    jumlah = len(await bawaan.menunggu(lay, aktor))
    if jumlah:
        t = lay.render.label
        baris.insert(0, [(t("strategi.tombol.bawaan_rencana", jumlah=jumlah), "rcn:bw")])
    await balas(update, context, teks, papan(baris))


@akses("rencana_susun")
async def tombol_susun(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Every building button: add a problem/program/activity, choose a cause or a PIC, confirm
    a date, pick an activity to change."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    _, aksi, *arg = query.data.split(":")
    await jawab_tombol(update)
    isi = await _isi(lay, aktor)
    try:
        await _aksi(update, context, aktor, lay, aksi, arg, isi)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan, **tolak.rincian)
    return await _status(lay, aktor)


async def _aksi(
    update: Update,
    context: Konteks,
    aktor: Aktor,
    lay: Layanan,
    aksi: str,
    arg: list[str],
    isi: dict[str, Any],
) -> None:
    if aksi == "tm":
        await _calon(update, context, aktor)
    elif aksi == "pm":
        inst_ind = await _indikator(lay, aktor, arg[0])
        await _simpan(lay, aktor, {"langkah": "akar_kategori", "indikator": arg[0]})
        tombol = papan(
            [[(lay.render.label(f"akar.{a}"), f"rcn:ak:{a}")] for a in rencana.AKAR_MASALAH]
        )
        await ubah(update, lay.render.pesan("perencanaan/akar", ind=inst_ind), tombol)
    elif aksi == "ak" and isi.get("langkah") == "akar_kategori":
        await _lanjut(update, context, aktor, {**isi, "akar": arg[0], "langkah": "akar_teks"})
    elif aksi == "tp":
        await _lanjut(update, context, aktor, {"langkah": "program", "indikator": arg[0]})
    elif aksi == "tk":
        nama = await _nama_program(lay, aktor, arg[0], int(arg[1]))
        await _lanjut(
            update,
            context,
            aktor,
            {
                "langkah": "k_deskripsi",
                "indikator": arg[0],
                "program": int(arg[1]),
                "program_nama": nama,
                "k": {},
            },
        )
    elif aksi in ("pic", "upic") and arg[0].startswith("h"):  # another page of the PIC
        pilihan = [
            (n[:60], f"rcn:{aksi}:{u}")
            for u, n in (await rencana.anggota_aktif(lay, aktor)).items()
        ]
        await ganti_tombol(
            update, papan_pilihan(lay.render, pilihan, int(arg[0][1:]), f"rcn:{aksi}:h")
        )
    elif aksi == "pic" and isi.get("langkah") == "k_pic":
        if int(arg[0]) not in await rencana.anggota_aktif(lay, aktor):
            raise Ditolak("pic_keluar")
        await _lanjut(
            update,
            context,
            aktor,
            {**isi, "k": {**isi["k"], "pic_id": int(arg[0])}, "langkah": "k_mulai"},
        )
    elif aksi == "tgl" and isi.get("langkah") in ("k_mulai_ok", "k_selesai_ok"):
        await _konfirmasi_tanggal(update, context, aktor, isi, arg[0] == "ya")
    elif aksi == "lagi":
        await _lagi(update, context, aktor, isi, arg[0])
    elif aksi == "lihat":
        await tampilkan_rencana(update, context, aktor)
    elif aksi == "uk":
        await _pilih_kegiatan(update, context, aktor, arg)
    elif aksi == "ul":
        await _pilih_bagian(update, context, aktor)
    elif aksi == "ua":
        program = int(arg[1]) if len(arg) > 1 else None
        await _lanjut(
            update,
            context,
            aktor,
            {"langkah": "ubah_bagian", "indikator": arg[0], "program": program},
        )
    elif aksi == "ub":
        await _pilih_bidang(update, context, aktor, arg[0])
    elif aksi == "uf":
        await _ubah_bidang(update, context, aktor, arg[0], arg[1])
    elif aksi in ("bw", "bwa", "bwl"):
        await _bawaan(update, context, aktor, aksi, arg)
    elif aksi == "upic" and isi.get("langkah") == "ubah_pic":
        await rencana.ubah_kegiatan(lay, aktor, isi["ubah"]["kunci"], "pic_id", int(arg[0]))
        await _simpan(lay, aktor, None)
        await tampilkan_rencana(update, context, aktor)
    else:
        await galat(update, context, "tombol_usang")  # the press was answered above


async def _indikator(lay: Layanan, aktor: Aktor, kode: str) -> Any:
    calon = {i.kode for i in await rencana.calon_masalah(lay, aktor)}
    if kode not in calon:
        raise Ditolak("tombol_usang")
    return (await rencana.siklus_rencana(lay, aktor)).instrumen.indikator(kode)


async def _nama_program(lay: Layanan, aktor: Aktor, kode: str, urutan: int) -> str:
    r = await rencana.lihat(lay, aktor)
    for m in r.masalah if r else ():
        for p in m.program:
            if m.indikator_kode == kode and p.urutan == urutan:
                return p.nama
    raise Ditolak("tombol_usang")


async def _lanjut(
    update: Update,
    context: Konteks,
    aktor: Aktor,
    isi: dict[str, Any],
    tolak: Ditolak | None = None,
    **lain: Any,
) -> None:
    """Keep the draft and ask its step's question."""
    lay = layanan(context)
    await _simpan(lay, aktor, isi)
    r = lay.render
    teks_galat = r.label(f"galat.{tolak.alasan}", **tolak.rincian) if tolak else None
    skor_awal = ""
    if isi["langkah"] == "k_target":
        rc = await rencana.lihat(lay, aktor)
        m = (
            next((m for m in rc.masalah if m.indikator_kode == isi["indikator"]), None)
            if rc
            else None
        )
        skor_awal = r.env.filters["skor"](m.skor_awal) if m and m.skor_awal is not None else "-"
    teks = r.pesan(
        "perencanaan/tanya",
        langkah=isi["langkah"],
        isi=isi,
        galat=teks_galat,
        contoh_tanggal=", ".join(bahasa.contoh_tanggal()),
        contoh_rupiah=", ".join(bahasa.contoh_rupiah()),
        skor_awal=skor_awal,
        tahun=lain.get("tahun", ""),
        tanggal_dibaca=lain.get("tanggal"),
        di_luar_tahun=lain.get("di_luar_tahun", False),
    )
    tombol = None
    if isi["langkah"] in ("k_pic", "ubah_pic"):
        awalan = "rcn:pic" if isi["langkah"] == "k_pic" else "rcn:upic"
        staf = await rencana.anggota_aktif(lay, aktor)
        pilihan = [(nama[:60], f"{awalan}:{uid}") for uid, nama in staf.items()]
        tombol = papan_pilihan(r, pilihan, 0, f"{awalan}:h")
    elif isi["langkah"] in ("k_mulai_ok", "k_selesai_ok"):
        ya = r.label("tombol.tetap_pakai" if lain.get("di_luar_tahun") else "tombol.ya_benar")
        tombol = papan([[(ya, "rcn:tgl:ya"), (r.label("tombol.ubah_tanggal"), "rcn:tgl:ubah")]])
    await balas(update, context, teks, tombol)


async def _konfirmasi_tanggal(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], ya: bool
) -> None:
    bidang = "mulai" if isi["langkah"] == "k_mulai_ok" else "selesai"
    if not ya:
        k = {key: v for key, v in isi["k"].items() if key != f"{bidang}_calon"}
        await _lanjut(update, context, aktor, {**isi, "k": k, "langkah": f"k_{bidang}"})
        return
    k = {**isi["k"], bidang: isi["k"][f"{bidang}_calon"]}
    if bidang == "selesai" and "bawaan" in isi:
        await _simpan_bawaan(update, context, aktor, {**isi, "k": k})
        return
    await _lanjut(
        update,
        context,
        aktor,
        {**isi, "k": k, "langkah": "k_selesai" if bidang == "mulai" else "k_anggaran"},
    )


async def _lagi(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], apa: str
) -> None:
    if apa == "k":
        await _lanjut(update, context, aktor, {**isi, "langkah": "k_deskripsi", "k": {}})
    elif apa == "p":
        await _lanjut(
            update, context, aktor, {"langkah": "program", "indikator": isi.get("indikator")}
        )
    else:
        await _calon(update, context, aktor)


@akses("perencanaan")
async def teks_susun(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A typed step: a cause, a name, a date, an amount, a target."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    teks = " ".join(update.message.text.split())
    isi = await _isi(lay, aktor)
    langkah = isi.get("langkah")
    if langkah is None or langkah in (
        "akar_kategori",
        "k_pic",
        "ubah_pic",
        "k_mulai_ok",
        "k_selesai_ok",
    ):
        if langkah is None:
            await tampilkan_rencana(update, context, aktor)
        else:
            await galat(update, context, "pakai_tombol")
        return await _status(lay, aktor)
    if not teks:
        await _lanjut(update, context, aktor, isi, Ditolak("teks_kosong"))
        return SUSUN
    try:
        await _langkah_teks(update, context, aktor, lay, isi, langkah, teks[:500])
    except Ditolak as tolak:
        await _lanjut(update, context, aktor, isi, tolak)
    return await _status(lay, aktor)


async def _langkah_teks(
    update: Update,
    context: Konteks,
    aktor: Aktor,
    lay: Layanan,
    isi: dict[str, Any],
    langkah: str,
    teks: str,
) -> None:
    if langkah == "akar_teks":
        await rencana.tambah_masalah(lay, aktor, isi["indikator"], isi["akar"], teks)
        await _lanjut(update, context, aktor, {"langkah": "program", "indikator": isi["indikator"]})
    elif langkah == "program":
        nomor = await rencana.tambah_program(lay, aktor, isi["indikator"], teks)
        await _lanjut(
            update,
            context,
            aktor,
            {
                "langkah": "k_deskripsi",
                "indikator": isi["indikator"],
                "program": nomor,
                "program_nama": teks,
                "k": {},
            },
        )
    elif langkah == "k_deskripsi":
        await _lanjut(update, context, aktor, {**isi, "k": {"deskripsi": teks}, "langkah": "k_pic"})
    elif langkah in ("k_mulai", "k_selesai"):
        await _tanggal(update, context, aktor, isi, langkah[2:], teks)
    elif langkah == "k_anggaran":
        nilai = bahasa.baca_rupiah(teks)
        if nilai is None:
            raise Ditolak("rupiah_salah", contoh=", ".join(bahasa.contoh_rupiah()))
        await _lanjut(
            update,
            context,
            aktor,
            {**isi, "k": {**isi["k"], "anggaran": nilai}, "langkah": "k_indikator"},
        )
    elif langkah == "k_indikator":
        await _lanjut(
            update,
            context,
            aktor,
            {**isi, "k": {**isi["k"], "indikator_keberhasilan": teks}, "langkah": "k_target"},
        )
    elif langkah == "k_target":
        await _simpan_kegiatan(update, context, aktor, isi, teks)
    elif langkah == "ubah_nilai":
        await _simpan_ubahan(update, context, aktor, isi, teks)
    elif langkah == "tinjau_komentar":
        await _simpan_tinjauan(update, context, aktor, teks)
    elif langkah == "ubah_bagian":
        await rencana.ubah_bagian(lay, aktor, isi["indikator"], isi.get("program"), teks)
        await _simpan(lay, aktor, None)
        await tampilkan_rencana(update, context, aktor)


async def _tanggal(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], bidang: str, teks: str
) -> None:
    lay = layanan(context)
    nilai = bahasa.baca_tanggal(teks, await hari_ini(lay, aktor.sekolah_id or 0))
    if nilai is None:
        raise Ditolak("tanggal_salah", contoh=", ".join(bahasa.contoh_tanggal()))
    if bidang == "selesai" and nilai < date.fromisoformat(isi["k"]["mulai"]):
        raise Ditolak("selesai_sebelum_mulai")
    siklus = await rencana.siklus_rencana(lay, aktor)
    awal, akhir = siklus.rentang
    k = {**isi["k"], f"{bidang}_calon": nilai.isoformat()}
    await _lanjut(
        update,
        context,
        aktor,
        {**isi, "k": k, "langkah": f"k_{bidang}_ok"},
        tanggal=nilai,
        di_luar_tahun=not awal <= nilai <= akhir,
        tahun=siklus.tahun_ajaran,
    )


def _target(teks: str) -> float:
    nilai = baca_angka(teks)
    if nilai is None or not 0 <= nilai <= 7:
        raise Ditolak("target_salah")
    return float(nilai)


def _kegiatan_baru(k: dict[str, Any], target_skor: float) -> KegiatanBaru:
    """The activity typed step by step (kept in the draft as text), ready to be saved."""
    return KegiatanBaru(
        deskripsi=k["deskripsi"],
        pic_id=k["pic_id"],
        mulai=date.fromisoformat(k["mulai"]),
        selesai=date.fromisoformat(k["selesai"]),
        anggaran=k["anggaran"],
        indikator_keberhasilan=k["indikator_keberhasilan"],
        target_skor=target_skor,
    )


async def _simpan_kegiatan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], teks: str
) -> None:
    lay = layanan(context)
    baru = _kegiatan_baru(isi["k"], _target(teks))
    await rencana.tambah_kegiatan(lay, aktor, isi["indikator"], isi["program"], baru)
    await _simpan(lay, aktor, {**isi, "langkah": "selesai_kegiatan", "k": {}})
    staf = await rencana.anggota_aktif(lay, aktor)
    t = lay.render.label
    tombol = papan(
        [
            [(t("tombol.kegiatan_lain"), "rcn:lagi:k")],
            [(t("tombol.program_lain"), "rcn:lagi:p")],
            [(t("tombol.masalah_lain"), "rcn:lagi:m")],
            [(t("tombol.lihat_rencana"), "rcn:lihat")],
        ]
    )
    teks_simpan = lay.render.pesan(
        "perencanaan/kegiatan_tersimpan", k=baru, pic=staf.get(baru.pic_id, "")
    )
    await balas(update, context, teks_simpan, tombol)


async def _bawaan(
    update: Update, context: Konteks, aktor: Aktor, aksi: str, arg: list[str]
) -> None:
    """Activities carried from the previous cycle: list them, take one in (its dates and,
    when its PIC left, the PIC are asked again) or drop one."""
    lay = layanan(context)
    r = lay.render
    if aksi == "bwl":
        await bawaan.lewati(lay, aktor, int(arg[0]))
    if aksi == "bwa":
        b = await bawaan.ambil(lay, aktor, int(arg[0]))
        k: dict[str, Any] = {
            "deskripsi": b.deskripsi,
            "anggaran": b.anggaran,
            "indikator_keberhasilan": b.indikator_keberhasilan,
            "target_skor": b.target_skor,
        }
        if b.pic_aktif:
            k["pic_id"] = b.pic_id
        isi = {
            "langkah": "k_mulai" if b.pic_aktif else "k_pic",
            "indikator": b.indikator_kode,
            "program_nama": b.program_nama,
            "bawaan": b.id,
            "k": k,
        }
        await balas(update, context, r.pesan("perencanaan/bawaan_ambil", b=b))
        await _lanjut(update, context, aktor, isi)
        return
    # "rcn:bw:<page>" and "rcn:bwl:<id>:<page>": the page is the last part, when there is one
    halaman_ke = arg[0] if aksi == "bw" and arg else arg[1] if len(arg) > 1 else "0"
    nomor = int(halaman_ke) if halaman_ke.isdigit() else 0
    teks, tombol = _daftar_bawaan(lay, await bawaan.menunggu(lay, aktor), nomor)
    if aksi == "bw" and arg:  # a page button: the list moves in place
        await ubah(update, teks, tombol)
    else:
        await balas(update, context, teks, tombol)


def _daftar_bawaan(
    lay: Layanan, semua: list[bawaan.Bawaan], nomor: int
) -> tuple[str, InlineKeyboardMarkup]:
    """One page of the waiting carried activities, with Ambil/Lewati per activity."""
    t = lay.render.label
    daftar, nomor, jumlah = halaman(semua, nomor)
    baris = [
        [
            (t("strategi.tombol.ambil", kegiatan=b.deskripsi)[:60], f"rcn:bwa:{b.id}"),
            (t("strategi.tombol.lewati"), f"rcn:bwl:{b.id}:{nomor}"),
        ]
        for b in daftar
    ]
    navigasi = navigasi_halaman(
        t("tombol.halaman_sebelum"), t("tombol.halaman_berikut"), nomor, jumlah, "rcn:bw:"
    )
    if navigasi:
        baris.append(navigasi)
    baris.append([(t("tombol.lihat_rencana"), "rcn:lihat")])
    teks = lay.render.pesan(
        "perencanaan/bawaan",
        daftar=daftar,
        awal=nomor * PER_HALAMAN,
        halaman=nomor,
        jumlah_halaman=jumlah,
    )
    return teks, papan(baris)


async def _simpan_bawaan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any]
) -> None:
    lay = layanan(context)
    baru = _kegiatan_baru(isi["k"], isi["k"]["target_skor"])
    await bawaan.masukkan(lay, aktor, isi["bawaan"], baru)
    await _simpan(lay, aktor, None)
    staf = await rencana.anggota_aktif(lay, aktor)
    t = lay.render.label
    baris = [[(t("tombol.lihat_rencana"), "rcn:lihat")]]
    sisa = len(await bawaan.menunggu(lay, aktor))
    if sisa:
        baris.insert(0, [(t("strategi.tombol.bawaan_rencana", jumlah=sisa), "rcn:bw")])
    teks = lay.render.pesan("perencanaan/kegiatan_tersimpan", k=baru, pic=staf.get(baru.pic_id, ""))
    await balas(update, context, teks, papan(baris))


async def _pilih_kegiatan(update: Update, context: Konteks, aktor: Aktor, arg: list[str]) -> None:
    """Which activity to change, a page at a time ("rcn:uk:<page>" turns the page)."""
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    pilihan = [
        (k.deskripsi[:60], f"rcn:ub:{k.kunci}") for _, _, k in (r.semua_kegiatan() if r else [])
    ]
    tombol = papan_pilihan(lay.render, pilihan, int(arg[0]) if arg else 0, "rcn:uk:")
    if arg:
        await ganti_tombol(update, tombol)
        return
    await balas(update, context, lay.render.pesan("perencanaan/pilih_kegiatan"), tombol)


async def _pilih_bagian(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    t = lay.render.label
    baris = []
    for m in r.masalah if r else ():
        baris.append([(t("tombol.ubah_akar", kode=m.indikator_kode), f"rcn:ua:{m.indikator_kode}")])
        for p in m.program:
            label = t("tombol.ubah_program", kode=m.indikator_kode, nama=p.nama)[:60]
            baris.append([(label, f"rcn:ua:{m.indikator_kode}:{p.urutan}")])
    await balas(update, context, lay.render.pesan("perencanaan/pilih_bagian"), papan(baris))


async def _pilih_bidang(update: Update, context: Konteks, aktor: Aktor, kunci: str) -> None:
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    k = next((k for _, _, k in (r.semua_kegiatan() if r else []) if k.kunci == kunci), None)
    if k is None:
        raise Ditolak("tombol_usang")
    t = lay.render.label
    baris = [
        [(t(f"bidang.{b}").capitalize(), f"rcn:uf:{kunci}:{b}")] for b in rencana.BIDANG_KEGIATAN
    ]
    baris.append([(t("tombol.hapus_kegiatan"), f"rcn:uf:{kunci}:hapus")])
    await balas(update, context, lay.render.pesan("perencanaan/pilih_bidang", k=k), papan(baris))


async def _ubah_bidang(
    update: Update, context: Konteks, aktor: Aktor, kunci: str, bidang: str
) -> None:
    lay = layanan(context)
    if bidang == "hapus":
        await rencana.hapus_kegiatan(lay, aktor, kunci)
        await tampilkan_rencana(update, context, aktor)
        return
    langkah = "ubah_pic" if bidang == "pic_id" else "ubah_nilai"
    await _lanjut(
        update, context, aktor, {"langkah": langkah, "ubah": {"kunci": kunci, "bidang": bidang}}
    )


async def _simpan_ubahan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], teks: str
) -> None:
    lay = layanan(context)
    bidang = isi["ubah"]["bidang"]
    nilai: object = teks
    if bidang in ("mulai", "selesai"):
        nilai = bahasa.baca_tanggal(teks, await hari_ini(lay, aktor.sekolah_id or 0))
        if nilai is None:
            raise Ditolak("tanggal_salah", contoh=", ".join(bahasa.contoh_tanggal()))
    elif bidang == "anggaran":
        nilai = bahasa.baca_rupiah(teks)
        if nilai is None:
            raise Ditolak("rupiah_salah", contoh=", ".join(bahasa.contoh_rupiah()))
    elif bidang == "target_skor":
        nilai = _target(teks)
    await rencana.ubah_kegiatan(lay, aktor, isi["ubah"]["kunci"], bidang, nilai)
    await _simpan(lay, aktor, None)
    await tampilkan_rencana(update, context, aktor)


@akses("rencana_setujui")
async def setujui(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Approve: lock the version, ask every PIC, send the documents."""
    lay = layanan(context)
    try:
        hasil = await komitmen.setujui(lay, aktor)
    except Ditolak as tolak:
        await jawab_tombol(update)
        await galat(update, context, tolak.alasan, **tolak.rincian)
        return END
    await jawab_tombol(update)
    await ubah(
        update,
        lay.render.pesan(
            "perencanaan/disetujui",
            r=hasil.rencana,
            jumlah=len(hasil.rencana.semua_kegiatan()),
            bawaan=hasil.bawaan_menunggu,
        ),
    )
    kirim_segera(context.application)  # the PICs' requests, planned with the approval
    await pengingat_rencana.rencanakan_semua(lay, aktor)  # moved dates and new PICs follow
    await dokumen_rencana.kirim(
        context, aktor, update.effective_chat.id if update.effective_chat else 0
    )
    return END


@akses("perencanaan")
async def kirim_dokumen(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The plan as DOCX and PDF."""
    await jawab_tombol(update)
    await dokumen_rencana.kirim(
        context, aktor, update.effective_chat.id if update.effective_chat else 0
    )
    return await _status(layanan(context), aktor)


@akses("rencana_tinjau")
async def minta_tinjauan(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The pengawas writes a review comment."""
    await jawab_tombol(update)
    await _lanjut(update, context, aktor, {"langkah": "tinjau_komentar"})
    return SUSUN


async def _simpan_tinjauan(update: Update, context: Konteks, aktor: Aktor, teks: str) -> None:
    lay = layanan(context)
    await rencana.tinjau(lay, aktor, teks)
    await _simpan(lay, aktor, None)
    await balas(
        update, context, lay.render.pesan("perencanaan/ditinjau", nama=aktor.nama, komentar=teks)
    )
    kirim_segera(context.application)  # the managers' notice, planned with the review


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The persistent /perencanaan conversation."""
    tombol = CallbackQueryHandler(
        tombol_susun,
        pattern=r"^rcn:(tm|pm|ak|tp|tk|pic|tgl|lagi|lihat|uk|ub|uf|upic|ul|ua|bw|bwa|bwl)\b",
    )
    setuju = CallbackQueryHandler(setujui, pattern=r"^rcn:setuju$")
    dok = CallbackQueryHandler(kirim_dokumen, pattern=r"^rcn:dok$")
    tinjau = CallbackQueryHandler(minta_tinjauan, pattern=r"^rcn:tinjau$")
    return [
        percakapan(
            entry_points=[
                CommandHandler("perencanaan", perencanaan, filters=PRIBADI),
                tombol,
                setuju,
                dok,
                tinjau,
            ],
            states={
                SUSUN: [
                    tombol,
                    setuju,
                    dok,
                    tinjau,
                    CommandHandler("perencanaan", perencanaan, filters=PRIBADI),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks_susun),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("perencanaan", "perencanaan", SUSUN)],
            name="perencanaan",
            persistent=True,
            allow_reentry=True,
        )
    ]
