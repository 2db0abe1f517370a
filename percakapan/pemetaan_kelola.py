"""/pemetaan for the kepala_sekolah and koordinator: open stage 1, follow who has answered,
nudge, send one answer back with a comment, and close it into the quality map."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, ConversationHandler

from bot.akses import akses
from bot.dokumen import grafik
from bot.layanan import Ditolak, anggota, draf, pemetaan
from bot.layanan.aktor import Aktor
from bot.layanan.pemetaan import PetaSekolah
from bot.pengingat import kirim_segera
from percakapan._umum import Konteks, balas, galat, jawab_tombol, layanan, papan, ubah
from percakapan.pemetaan_tampil import (
    MAKS_NAMA,
    tampilan_panel,
    tampilan_pilih_responden,
    tampilan_responden,
)

log = logging.getLogger(__name__)
KOMENTAR = "komentar"
END = ConversationHandler.END
DRAF_KEMBALIKAN = "kembalikan"


async def panel(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The stage-1 panel; after stage 1, the quality map again."""
    lay = layanan(context)
    try:
        k = await pemetaan.kemajuan(lay, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return
    if k.tahap != 1:
        assert update.effective_chat is not None
        ps = await pemetaan.peta_siklus(lay, k.siklus_id)
        await kirim_peta(context, update.effective_chat.id, ps, lanjut=False)
        return
    await balas(update, context, *tampilan_panel(lay, k))


async def kirim_peta(context: Konteks, chat_id: int, ps: PetaSekolah, *, lanjut: bool) -> None:
    """The quality map as a message, then as a radar chart."""
    teks = layanan(context).render.pesan("pemetaan/peta", ps=ps, lanjut=lanjut)
    await context.bot.send_message(chat_id, teks)
    await kirim_grafik(context, chat_id, ps)


async def kirim_grafik(context: Konteks, chat_id: int, ps: PetaSekolah) -> None:
    """The radar chart of the 8 standards, drawn off the event loop."""
    r = layanan(context).render
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    png = await asyncio.to_thread(
        grafik.radar,
        [r.label(f"standar_pendek.{s.kode}") for s in ps.peta.standar],
        [s.skor for s in ps.peta.standar],
        r.label("grafik.judul_peta", sekolah=ps.sekolah_nama, tahun=ps.tahun_ajaran),
    )
    keterangan = r.label_html(
        "grafik.keterangan_peta", sekolah=ps.sekolah_nama, tahun=ps.tahun_ajaran
    )
    await context.bot.send_photo(chat_id, png, caption=keterangan)


@akses("pemetaan_kelola", ditolak=None)
async def buka(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Open stage 1 and tell every respondent, once."""
    lay = layanan(context)
    try:
        await pemetaan.buka(lay, aktor)  # the invitations are in the outbox with it
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    await ubah(update, *tampilan_panel(lay, k))
    kirim_segera(context.application)


@akses("pemetaan_kelola", ditolak=None)
async def ingatkan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Nudge everyone who has not started; a doubled press nudges nobody twice."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.message is not None
    kunci = f"{query.message.chat.id}:{query.message.message_id}"
    terkirim = await pemetaan.ingatkan(lay, aktor, kunci)  # into the outbox, once
    if terkirim is None:
        await jawab_tombol(update, lay.render.label("notifikasi.tombol_usang"))
        return
    kirim_segera(context.application)
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    await ubah(update, *tampilan_panel(lay, k))
    await balas(update, context, lay.render.pesan("pemetaan/nudge_terkirim", jumlah=terkirim))


@akses("pemetaan_kelola", ditolak=None)
async def pilih_responden(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Whose answer to send back."""
    lay = layanan(context)
    await jawab_tombol(update)
    try:
        k = await pemetaan.kemajuan(lay, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return
    query = update.callback_query
    assert query is not None and query.data is not None
    if query.data.startswith("pmk:krh:"):  # another page, in place
        await ubah(update, *tampilan_pilih_responden(lay, k, int(query.data.split(":")[2])))
        return
    await balas(update, context, *tampilan_pilih_responden(lay, k, 0))


@akses("pemetaan_kelola", ditolak=None)
async def responden(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Every respondent's progress, a page at a time, in place of the panel."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    try:
        k = await pemetaan.kemajuan(lay, aktor)
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    await ubah(update, *tampilan_responden(lay, k, int(query.data.split(":")[2])))


@akses("pemetaan_kelola", ditolak=None)
async def pilih_jawaban(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A respondent's answers, one standard at a time, each with a button."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    bagian = query.data.split(":")
    try:
        nama, per_standar = await pemetaan.jawaban_responden(lay, aktor, int(bagian[2]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    if len(bagian) == 3:  # choose the standard first
        tombol = [
            [
                (
                    lay.render.label(
                        "tombol.standar_baris",
                        nomor=i,
                        nama=lay.render.label(f"standar_pendek.{kode}"),
                    ),
                    f"pmk:kr:{bagian[2]}:{kode}",
                )
            ]
            for i, (kode, _) in enumerate(per_standar, 1)
        ]
        await ubah(update, lay.render.pesan("pemetaan/pilih_responden"), papan(tombol))
        return
    daftar = dict(per_standar).get(bagian[3], [])
    tombol = [
        [(p.kode, f"pmk:kj:{bagian[2]}:{p.kode}") for p, _ in daftar[i : i + 4]]
        for i in range(0, len(daftar), 4)
    ]
    await ubah(
        update, lay.render.pesan("pemetaan/pilih_jawaban", nama=nama, daftar=daftar), papan(tombol)
    )


@akses("pemetaan_kelola")
async def minta_komentar(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Ask the coordinator for the comment that goes with the returned answer."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    _, _, uid, kode = query.data.split(":", 3)
    try:
        nama, per_standar = await pemetaan.jawaban_responden(lay, aktor, int(uid))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return END
    p = next((p for _, daftar in per_standar for p, _ in daftar if p.kode == kode), None)
    if p is None:
        await jawab_tombol(update, lay.render.label("notifikasi.tombol_usang"))
        return END
    await jawab_tombol(update)
    await draf.simpan(
        lay, aktor.pengguna_id, DRAF_KEMBALIKAN, {"pengguna_id": int(uid), "kode": kode}
    )
    await balas(update, context, lay.render.pesan("pemetaan/tanya_komentar", nama=nama, p=p))
    return KOMENTAR


@akses("pemetaan_kelola")
async def terima_komentar(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Send the answer back with the comment, and tell the respondent."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    komentar = " ".join(update.message.text.split())[:500]
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF_KEMBALIKAN)
    if not isi:
        await galat(update, context, "draf_hilang")
        return END
    if not komentar:
        await galat(update, context, "komentar_kosong")
        return KOMENTAR
    try:
        nama, per_standar = await pemetaan.jawaban_responden(lay, aktor, isi["pengguna_id"])
        await pemetaan.kembalikan(lay, aktor, isi["pengguna_id"], isi["kode"], komentar)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    await draf.simpan(lay, aktor.pengguna_id, DRAF_KEMBALIKAN, None)
    p, tampil = next(
        (p, t) for _, daftar in per_standar for p, t in daftar if p.kode == isi["kode"]
    )
    kirim_segera(context.application)  # the respondent's notice, planned with the return
    await balas(update, context, lay.render.pesan("pemetaan/kembalikan_terkirim", p=p, nama=nama))
    return END


@akses("pemetaan_kelola", ditolak=None)
async def konfirmasi_tutup(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Say who has not answered before closing."""
    lay = layanan(context)
    try:
        k = await pemetaan.kemajuan(lay, aktor)
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    r = lay.render
    tombol = papan(
        [
            [(r.label("tombol.ya_tutup_tahap1"), "pmk:tutup_ya")],
            [(r.label("tombol.batal"), "pmk:panel")],
        ]
    )
    await ubah(update, r.pesan("pemetaan/konfirmasi_tutup", k=k, maks=MAKS_NAMA), tombol)


@akses("pemetaan_kelola", ditolak=None)
async def tutup(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Close stage 1: the quality map to every manager of the school; on to stage 2."""
    lay = layanan(context)
    try:
        ps = await pemetaan.tutup(lay, aktor)
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("pemetaan/peta", ps=ps, lanjut=True))
    for uid in await anggota.pengelola_sekolah(lay, aktor.sekolah_id or 0):
        if uid != aktor.pengguna_id:
            try:
                await kirim_peta(context, uid, ps, lanjut=True)
            except TelegramError as exc:
                log.warning("quality map to %s not sent: %s", uid, exc)
    assert update.effective_chat is not None
    await kirim_grafik(context, update.effective_chat.id, ps)


@akses("pemetaan_kelola", ditolak=None)
async def kembali_ke_panel(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Back from a confirmation to the panel."""
    lay = layanan(context)
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    await ubah(update, *tampilan_panel(lay, k))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The coordinator's buttons (the comment step lives in the /pemetaan conversation)."""
    return [
        CallbackQueryHandler(buka, pattern=r"^pmk:buka$"),
        CallbackQueryHandler(ingatkan, pattern=r"^pmk:ingat$"),
        CallbackQueryHandler(pilih_responden, pattern=r"^pmk:kr(h:\d+)?$"),
        CallbackQueryHandler(responden, pattern=r"^pmk:d:\d+$"),
        CallbackQueryHandler(pilih_jawaban, pattern=r"^pmk:kr:\d+(:\w+)?$"),
        CallbackQueryHandler(konfirmasi_tutup, pattern=r"^pmk:tutup$"),
        CallbackQueryHandler(tutup, pattern=r"^pmk:tutup_ya$"),
        CallbackQueryHandler(kembali_ke_panel, pattern=r"^pmk:panel$"),
    ]
