"""/akreditasi: SPME readiness. The kepala sekolah or koordinator chooses the instrument, sees
readiness per component, walks the butir (level, evidence, missing mark), keeps the pre-visit
document checklist, compares with the SPMI self-evaluation, practises the visit (interviews,
class observation), and gets the readiness report (PDF) and the evidence bundle (ZIP).

Teachers reach only the interview practice (`akw:` buttons, sent to them by the outbox)."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.layanan import Ditolak, draf
from bot.layanan import akreditasi as akr
from bot.layanan import akreditasi_latihan as latihan_visitasi
from bot.layanan.aktor import Aktor
from percakapan import akreditasi_tampil as tampilan
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    penangan_sela,
    percakapan,
    unduh_berkas,
)

MENUNGGU = "menunggu"  # a file or typed text is expected
END = -1
DRAF = "akreditasi"
# Actions on an item of one instrument: their buttons carry its code ("akr:l:iasp2020:1:4").
PER_INSTRUMEN = frozenset({"k", "b", "l", "tb", "u", "x", "m", "t", "dk", "dt", "du", "ds", "o"})


@akses("akreditasi")
async def tampil(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """/akreditasi: the readiness panel, or the choice of instrument first."""
    lay = layanan(context)
    await jawab_tombol(update)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    try:
        if await akr.instrumen_sekolah(lay, aktor) is None:
            await tampilan.pilih_instrumen(update, context)
        else:
            await tampilan.panel(update, context, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
    return END


async def _minta(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], templat: str
) -> int | str:
    lay = layanan(context)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
    inst, _ = await akr.instrumen(lay, aktor)
    await balas(
        update,
        context,
        lay.render.pesan(templat, untuk=isi["untuk"], galat=None, maks_mb=inst.format_maks_mb),
    )
    return MENUNGGU


@akses("akreditasi")
async def tombol(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Every `akr:` button of the managers."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, *arg = update.callback_query.data.split(":")
    await jawab_tombol(update)
    r = lay.render
    try:
        if aksi in PER_INSTRUMEN:
            # The button was made for one instrument: after a change it is stale.
            if not arg or arg.pop(0) != await akr.instrumen_sekolah(lay, aktor):
                raise Ditolak("tombol_usang")
        if aksi == "i":
            await akr.pilih(lay, aktor, arg[0])
            await tampilan.panel(update, context, aktor)
        elif aksi == "gi":
            await tampilan.pilih_instrumen(update, context)
        elif aksi == "p":
            await tampilan.panel(update, context, aktor)
        elif aksi == "k":
            await tampilan.daftar_butir(update, context, aktor, arg[0])
        elif aksi == "b":
            await tampilan.butir(update, context, aktor, arg[0])
        elif aksi == "l":
            await akr.nilai_butir(lay, aktor, arg[0], int(arg[1]) if arg[1].isdigit() else 0)
            await tampilan.butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "m":
            await akr.tandai_kurang(lay, aktor, arg[0], arg[1] == "1")
            await tampilan.butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "tb":
            await tampilan.tawaran(update, context, aktor, arg[0])
        elif aksi == "t":
            await akr.tautkan(lay, aktor, arg[0], int(arg[1]) if arg[1].isdigit() else 0)
            await tampilan.butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "x":
            await akr.lepas(lay, aktor, arg[0], int(arg[1]) if arg[1].isdigit() else 0)
            await tampilan.butir(update, context, aktor, arg[0], r.label("notifikasi.tersimpan"))
        elif aksi == "u":
            inst, jenjang = await akr.instrumen(lay, aktor)
            b = inst.butir(arg[0], jenjang)
            if b is None:
                raise Ditolak("tombol_usang")
            untuk = r.label("akreditasi.untuk_butir", kode=b.kode)
            return await _minta(
                update,
                context,
                aktor,
                {"langkah": "berkas_butir", "kode": b.kode, "untuk": untuk},
                "akreditasi/minta_berkas",
            )
        elif aksi == "d":
            await tampilan.dokumen(update, context, aktor)
        elif aksi == "dk":
            await tampilan.dokumen_satu(update, context, aktor, arg[0])
        elif aksi == "ds":
            await akr.status_dokumen(lay, aktor, arg[0], arg[1])
            await tampilan.dokumen_satu(
                update, context, aktor, arg[0], r.label("notifikasi.tersimpan")
            )
        elif aksi in ("du", "dt"):
            inst, _ = await akr.instrumen(lay, aktor)
            d = next((x for x in inst.dokumen if x.kode == arg[0]), None)
            if d is None:
                raise Ditolak("tombol_usang")
            langkah, templat = (
                ("tautan_dokumen", "akreditasi/minta_tautan")
                if aksi == "dt"
                else ("berkas_dokumen", "akreditasi/minta_berkas")
            )
            return await _minta(
                update,
                context,
                aktor,
                {"langkah": langkah, "kode": d.kode, "untuk": d.nama},
                templat,
            )
        elif aksi == "g":
            await tampilan.kesenjangan(update, context, aktor)
        elif aksi == "v":
            await tampilan.latihan(update, context, aktor)
        elif aksi == "vw":
            jumlah = await latihan_visitasi.undang_wawancara(lay, aktor)
            await balas(update, context, r.label("akreditasi.undangan_terkirim", jumlah=jumlah))
        elif aksi == "vo":
            await tampilan.observasi(update, context, aktor, None)
        elif aksi == "o":
            await latihan_visitasi.observasi(lay, aktor, arg[0], arg[1] == "y")
            await tampilan.observasi(update, context, aktor, arg[0])
        elif aksi == "r":
            await tampilan.kirim_laporan(update, context, aktor)
        elif aksi == "z":
            await tampilan.kirim_bundel(update, context, aktor)
        else:
            await galat(update, context, "tombol_usang")
    except (Ditolak, IndexError) as tolak:
        await galat(update, context, tolak.alasan if isinstance(tolak, Ditolak) else "tombol_usang")
    return END


async def _wawancara(
    update: Update, context: Konteks, aktor: Aktor, pesan_atas: str | None
) -> int | str:
    lay = layanan(context)
    r = lay.render
    p, terjawab, jumlah = await latihan_visitasi.wawancara_berikutnya(lay, aktor)
    if p is None:
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await balas(
            update,
            context,
            r.pesan("akreditasi/wawancara_selesai", pesan_atas=pesan_atas, jumlah=jumlah),
        )
        return END
    await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": "wawancara", "kode": p.kode})
    teks = r.pesan(
        "akreditasi/wawancara_tanya", pesan_atas=pesan_atas, p=p, nomor=terjawab + 1, jumlah=jumlah
    )
    await balas(update, context, teks)
    return MENUNGGU


@akses("akreditasi_wawancara")
async def tombol_wawancara(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """`akw:m`: the member's interview practice, question by question."""
    await jawab_tombol(update)
    try:
        return await _wawancara(update, context, aktor, None)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END


@akses("akreditasi_wawancara")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed input: an interview answer, or a document's link."""
    lay = layanan(context)
    r = lay.render
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    try:
        if isi.get("langkah") == "wawancara":
            if not masukan:
                await galat(update, context, "teks_kosong")
                return MENUNGGU
            await latihan_visitasi.jawab_wawancara(lay, aktor, isi["kode"], masukan)
            return await _wawancara(update, context, aktor, r.label("notifikasi.tersimpan"))
        if isi.get("langkah") == "tautan_dokumen":
            try:
                await akr.tautan_dokumen(lay, aktor, isi["kode"], masukan)
            except Ditolak as tolak:
                pesan = r.pesan(
                    "akreditasi/minta_tautan",
                    untuk=isi["untuk"],
                    galat=r.label(f"galat.{tolak.alasan}"),
                )
                await balas(update, context, pesan)
                return MENUNGGU
            await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
            await tampilan.dokumen_satu(
                update, context, aktor, isi["kode"], r.label("notifikasi.tersimpan")
            )
            return END
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    if isi.get("langkah") in ("berkas_butir", "berkas_dokumen"):
        inst, _ = await akr.instrumen(lay, aktor)
        pesan = r.pesan(
            "akreditasi/minta_berkas",
            untuk=isi["untuk"],
            galat=r.label("galat.perlu_bukti"),
            maks_mb=inst.format_maks_mb,
        )
        await balas(update, context, pesan)
        return MENUNGGU
    await galat(update, context, "pakai_tombol")
    return END


@akses("akreditasi_wawancara")
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A photo or document for a butir or a checklist document."""
    lay = layanan(context)
    r = lay.render
    assert update.message is not None
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    langkah = isi.get("langkah")
    if langkah not in ("berkas_butir", "berkas_dokumen"):
        await galat(update, context, "bukan_bukti")
        return MENUNGGU if langkah else END
    try:
        masuk = await unduh_berkas(update.message)
    except Ditolak as tolak:
        alasan = "akreditasi_jenis" if tolak.alasan == "bukti_jenis" else tolak.alasan
        inst, _ = await akr.instrumen(lay, aktor)
        pesan = r.pesan(
            "akreditasi/minta_berkas",
            untuk=isi["untuk"],
            galat=r.label(f"galat.{alasan}"),
            maks_mb=inst.format_maks_mb,
        )
        await balas(update, context, pesan)
        return MENUNGGU
    try:
        if langkah == "berkas_butir":
            await akr.unggah_butir(lay, aktor, isi["kode"], masuk)
            await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
            await tampilan.butir(
                update, context, aktor, isi["kode"], r.label("akreditasi.bukti_tersimpan")
            )
        else:
            await akr.unggah_dokumen(lay, aktor, isi["kode"], masuk)
            await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
            await tampilan.dokumen_satu(
                update, context, aktor, isi["kode"], r.label("akreditasi.berkas_tersimpan")
            )
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
    return END


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/akreditasi, its buttons, and the interview practice."""
    tombol_h = CallbackQueryHandler(tombol, pattern=r"^akr:")
    wawancara_h = CallbackQueryHandler(tombol_wawancara, pattern=r"^akw:")
    return [
        percakapan(
            entry_points=[
                CommandHandler("akreditasi", tampil, filters=PRIBADI),
                tombol_h,
                wawancara_h,
            ],
            states={
                MENUNGGU: [
                    tombol_h,
                    wawancara_h,
                    MessageHandler(PRIBADI & (filters.PHOTO | filters.Document.ALL), berkas),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            fallbacks=[
                batal.fallback(),
                penangan_sela("akreditasi_wawancara", "akreditasi", MENUNGGU),
            ],
            name="akreditasi",
            persistent=True,
            allow_reentry=True,
        )
    ]
