"""/laporan: one button per document the actor can have now; a press builds it off the event
loop, with "sending a document" shown, and sends the file(s) named with the school and date.

The build runs as a task, so the user's next update is not held up; a press for a document that
is still being built for that user is answered "sedang disiapkan" and builds nothing twice."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.akses import akses
from bot.layanan import Ditolak, laporan
from bot.layanan.aktor import Aktor
from bot.mutu.peran import Peran
from percakapan._umum import PRIBADI, Konteks, balas, galat, jawab_tombol, layanan, papan

log = logging.getLogger(__name__)

# The documents being built, as (user, kind, school), kept in bot_data (never persisted).
KUNCI_BERJALAN = "laporan_berjalan"
# Telegram shows a chat action for about 5 seconds; a longer build repeats it.
JEDA_AKSI = 4.0


@akses("laporan")
async def pilih(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The documents available now, one button each."""
    lay = layanan(context)
    try:
        jenis = await laporan.tersedia(lay, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return
    r = lay.render
    sekolah_id = aktor.sekolah_id
    tombol = [
        [(r.label(f"dokumen_laporan.{j.kunci}"), f"lap:{j.kunci}:{sekolah_id}")] for j in jenis
    ]
    teks = r.pesan(
        "laporan/pilih",
        sekolah=aktor.aktif.sekolah_nama if aktor.aktif else "",
        pengawas=aktor.peran is Peran.PENGAWAS,
        belum=len(jenis) < len([j for j in laporan.JENIS if aktor.peran in j.peran]),
    )
    await balas(update, context, teks, papan(tombol))


@akses("laporan")
async def tekan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A document's button: start building it unless it is being built already."""
    assert update.callback_query is not None and update.callback_query.data is not None
    assert update.effective_chat is not None
    _, kunci, sekolah = update.callback_query.data.split(":")
    await jawab_tombol(update)
    if sekolah != str(aktor.sekolah_id):  # from before a change of active school
        await galat(update, context, "tombol_usang")
        return
    berjalan: set[tuple[int, str, int]] = context.bot_data.setdefault(KUNCI_BERJALAN, set())
    tanda = (aktor.pengguna_id, kunci, aktor.sekolah_id or 0)
    r = layanan(context).render
    if tanda in berjalan:
        nama = r.label(f"dokumen_laporan.{kunci}")
        await balas(update, context, r.pesan("laporan/disiapkan", dokumen=nama))
        return
    berjalan.add(tanda)
    context.application.create_task(
        _kirim(context, aktor, kunci, update.effective_chat.id, tanda), update=update
    )


async def _aksi_berulang(context: Konteks, chat_id: int) -> None:
    """'Sending a document…' until cancelled; a failed chat action only ends the showing."""
    while True:
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        except TelegramError as galat_aksi:
            log.info("chat action not shown: %s", galat_aksi)
            return
        await asyncio.sleep(JEDA_AKSI)


async def _kirim(
    context: Konteks, aktor: Aktor, kunci: str, chat_id: int, tanda: tuple[int, str, int]
) -> None:
    lay = layanan(context)
    aksi = asyncio.create_task(_aksi_berulang(context, chat_id))
    try:
        try:
            pembuat = await laporan.siapkan(lay, aktor, kunci)
        except Ditolak as tolak:
            teks = lay.render.pesan("galat", galat=lay.render.label(f"galat.{tolak.alasan}"))
            await context.bot.send_message(chat_id, teks)
            return
        berkas = await asyncio.to_thread(pembuat)
        aksi.cancel()
        for nama, isi in berkas:
            await context.bot.send_document(chat_id, isi, filename=nama)
    finally:
        aksi.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await aksi
        context.bot_data.get(KUNCI_BERJALAN, set()).discard(tanda)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/laporan and its document buttons."""
    return [
        CommandHandler("laporan", pilih, filters=PRIBADI),
        CallbackQueryHandler(tekan, pattern=r"^lap:[a-z_]+:\d+$"),
    ]
