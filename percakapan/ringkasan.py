"""/ringkasan: a school's progress for its kepala_sekolah and koordinator; for a pengawas, the
digest across their schools with buttons to open one school and to nudge its koordinator."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.akses import akses
from bot.dokumen import grafik
from bot.layanan import Ditolak, ringkasan
from bot.layanan.aktor import Aktor
from bot.layanan.ringkasan import RingkasanPengawas, RingkasanSekolah
from bot.mutu.peran import PG
from bot.mutu.ringkasan import STATUS_KEGIATAN
from bot.render import Render, tanggal
from percakapan._umum import PRIBADI, Konteks, balas, galat, jawab_tombol, layanan, papan, ubah


def papan_pengawas(r: Render, ringkas: RingkasanPengawas, halaman: int) -> InlineKeyboardMarkup:
    """A row per school of the page (open, nudge), then the page buttons."""
    baris = [
        [
            (r.label("tombol.ringkasan_buka", nama=b.nama[:30]), f"rks:s:{b.sekolah_id}"),
            (r.label("tombol.ringkasan_sapa"), f"rks:n:{b.sekolah_id}"),
        ]
        for b in ringkas.halaman(halaman)
    ]
    navigasi = []
    if halaman > 0:
        navigasi.append((r.label("tombol.halaman_sebelum"), f"rks:p:{halaman - 1}"))
    if halaman + 1 < ringkas.jumlah_halaman:
        navigasi.append((r.label("tombol.halaman_berikut"), f"rks:p:{halaman + 1}"))
    if navigasi:
        baris.append(navigasi)
    return papan(baris)


async def _kirim_sekolah(update: Update, context: Konteks, ringkas: RingkasanSekolah) -> None:
    """The summary, split where it must be, then the progress chart when there is one."""
    r = layanan(context).render
    for bagian in r.pesan_panjang("ringkasan/sekolah", r=ringkas, grup=False, mingguan=False):
        await balas(update, context, bagian)
    if ringkas.kemajuan is None and ringkas.peta is None:
        return
    assert update.effective_chat is not None
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_PHOTO)
    standar = ringkas.peta.peta.standar if ringkas.peta else ()
    hitung = ringkas.kemajuan.hitung if ringkas.kemajuan else {}
    png = await asyncio.to_thread(
        grafik.kemajuan,
        [r.label(f"monev.status.{s}") for s in STATUS_KEGIATAN],
        [hitung.get(s, 0) for s in STATUS_KEGIATAN],
        r.label("grafik.judul_kemajuan", sekolah=ringkas.nama, tanggal=tanggal(ringkas.hari)),
        [r.label(f"standar_pendek.{s.kode}") for s in standar],
        [s.skor for s in standar],
    )
    await context.bot.send_photo(
        update.effective_chat.id,
        png,
        caption=r.label_html("grafik.keterangan_kemajuan", sekolah=ringkas.nama),
    )


@akses("ringkasan")
async def perintah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """/ringkasan: the digest for a pengawas, the school's summary for its managers."""
    lay = layanan(context)
    try:
        if aktor.peran == PG:
            ringkas = await ringkasan.pengawas(lay, aktor)
            teks = lay.render.pesan("ringkasan/pengawas", r=ringkas, halaman=0, mingguan=False)
            await balas(update, context, teks, papan_pengawas(lay.render, ringkas, 0))
            return
        await _kirim_sekolah(update, context, await ringkasan.sekolah(lay, aktor))
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)


@akses("ringkasan")
async def halaman(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Another page of the pengawas table, in place."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    try:
        ringkas = await ringkasan.pengawas(lay, aktor)
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    nomor = min(int(update.callback_query.data.split(":")[2]), ringkas.jumlah_halaman - 1)
    await jawab_tombol(update)
    teks = lay.render.pesan("ringkasan/pengawas", r=ringkas, halaman=nomor, mingguan=False)
    await ubah(update, teks, papan_pengawas(lay.render, ringkas, nomor))


@akses("ringkasan")
async def buka_sekolah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """One school's summary, from the pengawas digest."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    try:
        ringkas = await ringkasan.sekolah(lay, aktor, int(update.callback_query.data.split(":")[2]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    await _kirim_sekolah(update, context, ringkas)


@akses("ringkasan")
async def sapa(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Nudge a school's koordinator; once a day per school, however often it is pressed."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    sekolah_id = int(update.callback_query.data.split(":")[2])
    try:
        sapa = await ringkasan.sapa_koordinator(lay, aktor, sekolah_id)
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(
        update,
        lay.render.label("notifikasi.sapa_terkirim" if sapa.baru else "notifikasi.sapa_sudah"),
    )
    sekolah = next(k.sekolah_nama for k in aktor.sekolah if k.sekolah_id == sekolah_id)
    nanti = sapa.saat > lay.sekarang() + timedelta(minutes=1)
    await balas(
        update,
        context,
        lay.render.pesan("ringkasan/sapa_terkirim", s=sapa, sekolah=sekolah, nanti=nanti),
    )


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/ringkasan and its buttons."""
    return [
        CommandHandler("ringkasan", perintah, filters=PRIBADI),
        CallbackQueryHandler(halaman, pattern=r"^rks:p:\d+$"),
        CallbackQueryHandler(buka_sekolah, pattern=r"^rks:s:\d+$"),
        CallbackQueryHandler(sapa, pattern=r"^rks:n:\d+$"),
    ]
