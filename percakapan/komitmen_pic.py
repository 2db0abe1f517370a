"""Stage 3 in the chat: a PIC accepts a commitment or asks to discuss it, reads /komitmen,
reports progress with /lapor (status, percent, note, evidence); the coordinator accepts a
reported 'selesai' or sends it back. Steps live in a draft in the database."""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.layanan import Ditolak, Layanan, draf, komitmen, pengingat_rencana
from bot.layanan.aktor import Aktor
from bot.layanan.komitmen import Komitmen
from bot.layanan.waktu import hari_ini, zona_sekolah
from bot.mutu.angka import baca_angka
from bot.mutu.peran import PENGELOLA
from bot.pengingat import kirim_segera
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    hapus_tombol,
    jawab_tombol,
    layanan,
    papan,
    penangan_sela,
    percakapan,
    ubah,
    unduh_berkas,
)
from percakapan.daftar import ganti_tombol, papan_pilihan

log = logging.getLogger(__name__)
MENGISI = "mengisi"
END = -1
DRAF = "komitmen"


async def _draf(lay: Layanan, aktor: Aktor, isi: dict[str, Any] | None) -> None:
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)


async def _isi(lay: Layanan, aktor: Aktor) -> dict[str, Any]:
    return await draf.ambil(lay, aktor.pengguna_id, DRAF)


@akses("komitmen")
async def tanggapi(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """'Saya berkomitmen' is recorded at once; 'Perlu dibahas' asks for the reason first."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, jenis, kid = update.callback_query.data.split(":")
    try:
        k = await komitmen.ambil(lay, aktor, int(kid))
        if k.pengguna_id != aktor.pengguna_id:
            raise Ditolak("bukan_pic")
        if k.respons != "menunggu":
            raise Ditolak("sudah_ditanggapi")
        if jenis == "n":
            await jawab_tombol(update)
            await _draf(lay, aktor, {"langkah": "alasan", "komitmen": k.id})
            await balas(update, context, lay.render.pesan("komitmen/tanya_alasan", k=k))
            return MENGISI
        k = await komitmen.tanggapi(lay, aktor, k.id, "berkomitmen", None)
        await pengingat_rencana.rencanakan(lay, aktor, k)
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return END
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("komitmen/tanggapan", k=k))
    return END


async def _kirim_alasan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], teks: str
) -> int | str:
    lay = layanan(context)
    try:
        k = await komitmen.tanggapi(lay, aktor, isi["komitmen"], "perlu_dibahas", teks)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        await _draf(lay, aktor, None)
        return END
    await _draf(lay, aktor, None)
    await balas(update, context, lay.render.pesan("komitmen/tanggapan", k=k))
    kirim_segera(context.application)  # the managers' notice, planned with the response
    return END


@akses("komitmen", ditolak=None)
async def daftar(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A teacher's own commitments; managers see all, grouped by PIC and status."""
    lay = layanan(context)
    try:
        semua = aktor.peran in PENGELOLA
        isi = await komitmen.daftar(lay, aktor, semua=semua)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return
    kelompok: dict[str, list[Komitmen]] = defaultdict(list)
    for k in sorted(isi, key=lambda k: (k.pic_nama, k.kemajuan, k.kegiatan.selesai)):
        kelompok[k.pic_nama].append(k)
    teks = lay.render.pesan_panjang(
        "komitmen/daftar",
        daftar=list(kelompok.items()),
        semua=semua,
        sekolah=aktor.aktif.sekolah_nama if aktor.aktif else "",
        hari_ini=await hari_ini(lay, aktor.sekolah_id or 0),
    )
    for bagian in teks:
        await balas(update, context, bagian)


@akses("lapor")
async def lapor(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Choose which commitment to report on."""
    lay = layanan(context)
    try:
        milik = [
            k for k in await komitmen.daftar(lay, aktor, semua=False) if k.verifikasi != "diterima"
        ]
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    if not milik:
        await balas(
            update,
            context,
            lay.render.pesan("komitmen/daftar", daftar=[], semua=False, sekolah="", hari_ini=None),
        )
        return END
    tombol = papan_pilihan(lay.render, _pilihan_lapor(milik), 0, "lpr:h:")
    await balas(update, context, lay.render.pesan("komitmen/pilih"), tombol)
    return MENGISI


def _pilihan_lapor(milik: list[Komitmen]) -> list[tuple[str, str]]:
    return [(k.kegiatan.deskripsi[:60], f"lpr:k:{k.id}") for k in milik]


@akses("lapor", ditolak=None)
async def halaman_lapor(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Another page of the commitments to report on, under the same question."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    await jawab_tombol(update)
    semua = await komitmen.daftar(lay, aktor, semua=False)
    milik = [k for k in semua if k.verifikasi != "diterima"]
    nomor = int(update.callback_query.data.split(":")[2])
    await ganti_tombol(update, papan_pilihan(lay.render, _pilihan_lapor(milik), nomor, "lpr:h:"))


@akses("lapor")
async def tombol_lapor(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The buttons of a report: the commitment, the status, the percent, 'no evidence'."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, nilai = update.callback_query.data.split(":")
    await jawab_tombol(update)
    isi = await _isi(lay, aktor)
    r = lay.render
    if aksi == "k":
        try:
            k = await komitmen.ambil(lay, aktor, int(nilai))
            if k.pengguna_id != aktor.pengguna_id:
                raise Ditolak("bukan_pic")
        except Ditolak as tolak:
            await galat(update, context, tolak.alasan)
            return END
        await _draf(lay, aktor, {"langkah": "status", "komitmen": k.id})
        tombol = papan([[(r.label(f"status.{s}"), f"lpr:s:{s}")] for s in komitmen.STATUS_LAPORAN])
        # A new message: the list the button came from (a weekly digest) stays readable.
        await balas(update, context, r.pesan("komitmen/tanya_status", k=k), tombol)
    elif aksi == "s" and isi.get("langkah") == "status" and nilai in komitmen.STATUS_LAPORAN:
        if nilai == "selesai":
            await _tanya_catatan(update, context, aktor, {**isi, "status": nilai, "persen": 100})
        else:
            await _draf(lay, aktor, {**isi, "status": nilai, "langkah": "persen"})
            tombol = papan([[(f"{p}%", f"lpr:p:{p}") for p in (0, 25, 50, 75)]])
            await ubah(update, r.pesan("komitmen/tanya_persen", galat=None), tombol)
    elif aksi == "p" and isi.get("langkah") == "persen":
        await _tanya_catatan(update, context, aktor, {**isi, "persen": int(nilai)})
    elif aksi == "b" and isi.get("langkah") == "bukti":
        return await _selesai_lapor(update, context, aktor, isi, None)
    else:
        await galat(update, context, "tombol_usang")  # the press was answered above
    return MENGISI


async def _tanya_catatan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any]
) -> None:
    lay = layanan(context)
    await _draf(lay, aktor, {**isi, "langkah": "catatan"})
    await balas(update, context, lay.render.pesan("komitmen/tanya_catatan", status=isi["status"]))


@akses("lapor")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed steps: a reason to discuss, a percent, a note, a verification comment."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())[:1000]
    isi = await _isi(lay, aktor)
    langkah = isi.get("langkah")
    if not masukan:
        await galat(update, context, "teks_kosong")
        return MENGISI
    if langkah == "alasan":
        return await _kirim_alasan(update, context, aktor, isi, masukan)
    if langkah == "persen":
        nilai = baca_angka(masukan.rstrip("%"))
        if nilai is None or not 0 <= nilai <= 100:
            await balas(
                update,
                context,
                lay.render.pesan(
                    "komitmen/tanya_persen", galat=lay.render.label("galat.persen_salah")
                ),
            )
            return MENGISI
        await _tanya_catatan(update, context, aktor, {**isi, "persen": int(nilai)})
        return MENGISI
    if langkah == "catatan":
        await _draf(lay, aktor, {**isi, "catatan": masukan, "langkah": "bukti"})
        tombol = papan([[(lay.render.label("tombol.tanpa_bukti"), "lpr:b:0")]])
        await balas(update, context, lay.render.pesan("komitmen/tanya_bukti", galat=None), tombol)
        return MENGISI
    if langkah == "verifikasi":
        return await _verifikasi(update, context, aktor, isi["komitmen"], False, masukan)
    await galat(update, context, "pakai_tombol")
    return MENGISI


@akses("lapor")
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Evidence for a report: a photo or a PDF, kept like stage-1 evidence."""
    lay = layanan(context)
    isi = await _isi(lay, aktor)
    pesan = update.message
    assert pesan is not None
    tombol = papan([[(lay.render.label("tombol.tanpa_bukti"), "lpr:b:0")]])
    if isi.get("langkah") != "bukti":
        await galat(update, context, "bukan_bukti")
        return MENGISI
    try:
        berkas_masuk = await unduh_berkas(pesan)
    except Ditolak as tolak:
        teks_galat = lay.render.label(f"galat.{tolak.alasan}")
        await balas(
            update, context, lay.render.pesan("komitmen/tanya_bukti", galat=teks_galat), tombol
        )
        return MENGISI
    try:
        bukti_id = await komitmen.simpan_bukti(lay, aktor, isi["komitmen"], berkas_masuk)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    return await _selesai_lapor(update, context, aktor, isi, bukti_id)


async def _selesai_lapor(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], bukti_id: int | None
) -> int | str:
    lay = layanan(context)
    try:
        k = await komitmen.lapor(
            lay, aktor, isi["komitmen"], isi["status"], isi["persen"], isi.get("catatan"), bukti_id
        )
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    await _draf(lay, aktor, None)
    await pengingat_rencana.rencanakan(lay, aktor, k)  # a finished one needs no more reminders
    await balas(
        update,
        context,
        lay.render.pesan("komitmen/laporan_tersimpan", k=k, ada_bukti=bukti_id is not None),
    )
    kirim_segera(context.application)  # a 'selesai' or 'terkendala' told to the managers
    return END


@akses("komitmen_verifikasi")
async def tombol_verifikasi(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Accept a reported 'selesai' at once, or ask for the comment that sends it back."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, kid = update.callback_query.data.split(":")
    if aksi == "t":
        await jawab_tombol(update)
        return await _verifikasi(update, context, aktor, int(kid), True, None)
    await jawab_tombol(update)
    await _draf(lay, aktor, {"langkah": "verifikasi", "komitmen": int(kid)})
    await balas(
        update,
        context,
        lay.render.pesan("komitmen/tanya_komentar"),
    )
    return MENGISI


async def _verifikasi(
    update: Update, context: Konteks, aktor: Aktor, kid: int, terima: bool, komentar: str | None
) -> int | str:
    lay = layanan(context)
    try:
        k = await komitmen.verifikasi(lay, aktor, kid, terima, komentar)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        await _draf(lay, aktor, None)
        return END
    await _draf(lay, aktor, None)
    await pengingat_rencana.rencanakan(lay, aktor, k)
    teks = lay.render.pesan("komitmen/terverifikasi", k=k, komentar=komentar)
    if update.callback_query:
        await ubah(update, teks)
    else:
        await balas(update, context, teks)
    kirim_segera(context.application)  # the PIC's notice, planned with the verification
    return END


@akses("komitmen", ditolak=None)
async def tunda(update: Update, context: Konteks, aktor: Aktor) -> None:
    """'Ingatkan besok' / 'Ingatkan 3 hari lagi' on a reminder."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, _, kid, hari = update.callback_query.data.split(":")
    try:
        saat = await pengingat_rencana.tunda(lay, aktor, int(kid), int(hari))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    zona = await zona_sekolah(lay, aktor.sekolah_id or 0)
    await hapus_tombol(update)
    await balas(update, context, lay.render.pesan("pengingat/ditunda", saat=saat, zona=zona))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/komitmen, and the persistent conversation of answers, reports and verification."""
    tanggap = CallbackQueryHandler(tanggapi, pattern=r"^kmt:[yn]:\d+$")
    tombol = CallbackQueryHandler(tombol_lapor, pattern=r"^lpr:[kspb]:\w+$")
    verif = CallbackQueryHandler(tombol_verifikasi, pattern=r"^kmv:[tk]:\d+$")
    return [
        CommandHandler("komitmen", daftar, filters=PRIBADI),
        CallbackQueryHandler(tunda, pattern=r"^pgn:t:\d+:[13]$"),
        CallbackQueryHandler(halaman_lapor, pattern=r"^lpr:h:\d+$"),
        percakapan(
            entry_points=[CommandHandler("lapor", lapor, filters=PRIBADI), tanggap, tombol, verif],
            states={
                MENGISI: [
                    tanggap,
                    tombol,
                    verif,
                    CommandHandler("lapor", lapor, filters=PRIBADI),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                    MessageHandler(PRIBADI & (filters.PHOTO | filters.Document.ALL), berkas),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("lapor", "komitmen", MENGISI)],
            name="komitmen",
            persistent=True,
            allow_reentry=True,
        ),
    ]
