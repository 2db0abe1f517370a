"""/gabung and invite links: joining a school with a code."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import menu
from bot.akses import akses
from bot.layanan import Ditolak, anggota, undangan
from bot.layanan.aktor import Aktor
from bot.mutu import validasi
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    percakapan,
    ubah,
)

MENUNGGU_KODE = "menunggu_kode"
END = ConversationHandler.END


async def _tanya_kode(
    update: Update, context: Konteks, alasan: str | None = None, **r: Any
) -> None:
    lay = layanan(context)
    teks_galat = lay.render.label(f"galat.{alasan}", **r) if alasan else None
    await balas(update, context, lay.render.pesan("gabung/tanya_kode", galat=teks_galat))


async def gabung_dengan_kode(update: Update, context: Konteks, aktor: Aktor, teks: str) -> bool:
    """Try a code; tell the user (and the inviter) how it went. True when joined."""
    lay = layanan(context)
    kode = validasi.kode_undangan(teks)
    if kode is None:
        await galat(update, context, "kode_format")
        return False
    try:
        hasil = await undangan.gabung(lay, aktor.pengguna_id, kode)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan, **tolak.rincian)
        return False
    await balas(update, context, lay.render.pesan("gabung/berhasil", hasil=hasil))
    await menu.pasang_untuk(context.bot, lay.render, aktor.pengguna_id, hasil.peran)
    for k in hasil.kabar:  # every kepala_sekolah, and the code's maker
        teks = lay.render.pesan(
            "gabung/kabar_gabung",
            nama=aktor.nama,
            sekolah=hasil.sekolah_nama,
            peran=hasil.peran,
            pengundang=k.pengundang,
        )
        try:
            await context.bot.send_message(k.pengguna_id, teks)
        except TelegramError:
            pass  # one who blocked the bot misses it; joining worked all the same
    return True


@akses("gabung")
async def mulai(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """`/gabung KODE` joins at once; `/gabung` or the button asks for the code."""
    await jawab_tombol(update)
    if context.args:
        await gabung_dengan_kode(update, context, aktor, " ".join(context.args))
        return END
    await _tanya_kode(update, context)
    return MENUNGGU_KODE


@akses("gabung")
async def terima_kode(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """The typed code; a wrong one is explained and asked for again."""
    assert update.message is not None and update.message.text is not None
    if await gabung_dengan_kode(update, context, aktor, update.message.text):
        return END
    await _tanya_kode(update, context)
    return MENUNGGU_KODE


@akses("anggota", ditolak=None)
async def izinkan_kembali(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The kepala_sekolah's button on the notice of a removed member's attempt to rejoin."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    try:
        a = await anggota.izinkan_kembali(lay, aktor, int(update.callback_query.data.split(":")[1]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    sekolah = aktor.aktif.sekolah_nama if aktor.aktif else ""
    await ubah(update, lay.render.pesan("gabung/diizinkan", nama=a.nama, sekolah=sekolah))


@akses("gabung")
async def sela(update: Update, context: Konteks, aktor: Aktor) -> str:
    """Anything else while a code is expected."""
    lay = layanan(context)
    teks = lay.render.pesan("sela", kegiatan=lay.render.label("kegiatan.gabung"))
    await balas(update, context, teks)
    await _tanya_kode(update, context)
    return MENUNGGU_KODE


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The persistent /gabung conversation."""
    return [
        percakapan(
            entry_points=[
                CommandHandler("gabung", mulai, filters=PRIBADI),
                CallbackQueryHandler(mulai, pattern=r"^mulai:gabung$"),
            ],
            states={
                MENUNGGU_KODE: [
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, terima_kode),
                    MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, sela),
                ]
            },
            fallbacks=[batal.fallback(), MessageHandler(PRIBADI & filters.COMMAND, sela)],
            name="gabung",
            persistent=True,
            allow_reentry=True,
        ),
        CallbackQueryHandler(izinkan_kembali, pattern=r"^gbk:\d+$"),
    ]
