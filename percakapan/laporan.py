"""/laporan: one button per document the actor can have now; a press builds it off the event
loop, with "sending a document" shown, and sends the file(s) named with the school and date.

The build runs as a task, so the user's next update is not held up; a press for a document that
is still being built for that user is answered "sedang disiapkan" and builds nothing twice."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.akses import akses, tombol
from bot.layanan import Ditolak, laporan, tugas
from bot.layanan.aktor import Aktor
from bot.mutu.peran import Peran
from bot.tombol import Tombol
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    bangun_sekali,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
)


@akses("laporan")
async def pilih(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The documents available now, one button each."""
    lay = layanan(context)
    jenis = await laporan.tersedia(lay, aktor)
    r = lay.render
    sekolah_id = aktor.sekolah_id or 0
    tombol: list[list[TombolPapan]] = [
        [(r.label(f"dokumen_laporan.{j.kunci}"), DokumenLaporan(j.kunci, sekolah_id))]
        for j in jenis
    ]
    teks = r.pesan(
        "laporan/pilih",
        sekolah=aktor.aktif.sekolah_nama if aktor.aktif else "",
        pengawas=aktor.peran is Peran.PENGAWAS,
        belum=len(jenis)
        < len([j for j in laporan.JENIS if aktor.peran in j.peran and j.di_laporan]),
    )
    await balas(update, context, teks, papan(tombol))


@dataclass(frozen=True)
class DokumenLaporan(Tombol, awalan="lap"):
    """A document to build, for the school that was active when the button was made."""

    kunci: str
    sekolah_id: int


@tombol(DokumenLaporan, "laporan", ditolak=None)
async def tekan(update: Update, context: Konteks, aktor: Aktor, t: DokumenLaporan) -> None:
    """A document's button: start building it unless it is being built already."""
    await jawab_tombol(update)
    if t.sekolah_id != aktor.sekolah_id:  # from before a change of active school
        raise Ditolak("tombol_usang")
    await minta(update, context, aktor, t.kunci)


async def minta(update: Update, context: Konteks, aktor: Aktor, kunci: str) -> None:
    """Have the document `kunci` (bot.layanan.laporan.JENIS) sent: queued for a worker when
    one runs, else built here in the background; "sedang disiapkan" when it is underway."""
    lay = layanan(context)
    assert update.effective_chat is not None
    antrean = await tugas.antrekan(lay, aktor, kunci, update.effective_chat.id)
    if antrean is tugas.Antrean.DIANTREKAN:
        return  # a worker process builds and sends it (bot/pekerja.py)

    async def kirim(chat_id: int) -> None:
        pembuat = await laporan.siapkan(lay, aktor, kunci)
        dibuat = laporan.hasil(await asyncio.to_thread(pembuat))
        for nama, isi in dibuat.berkas:
            await context.bot.send_document(chat_id, isi, filename=nama)
        if dibuat.pesan:
            await context.bot.send_message(chat_id, dibuat.pesan)

    tanda = (aktor.pengguna_id, kunci, aktor.sekolah_id or 0)
    if antrean is tugas.Antrean.SEDANG or not bangun_sekali(update, context, tanda, kirim):
        r = lay.render
        nama = r.label(f"dokumen_laporan.{kunci}")
        await balas(update, context, r.pesan("laporan/disiapkan", dokumen=nama))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/laporan and its document buttons."""
    return [
        CommandHandler("laporan", pilih, filters=PRIBADI),
        penangan_tombol(tekan),
    ]
