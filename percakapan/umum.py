"""/bantuan, /sekolah, and what is left over: unknown commands, free text, stale buttons."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import menu
from bot.akses import akses
from bot.layanan import aktor as layanan_aktor
from bot.layanan.aktor import Aktor
from bot.mutu.peran import perintah_untuk
from percakapan._umum import PRIBADI, Konteks, balas, jawab_tombol, layanan, papan, ubah


@akses("bantuan", ditolak=None)
async def bantuan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The commands this user's role may use."""
    r = layanan(context).render
    await balas(
        update, context, r.pesan("bantuan", aktor=aktor, perintah=perintah_untuk(aktor.peran))
    )


@akses("sekolah", ditolak=None)
async def sekolah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The user's schools; with more than one, buttons to pick the active one."""
    r = layanan(context).render
    tombol = None
    if len(aktor.sekolah) > 1:
        tombol = papan(
            [
                [
                    (
                        r.label(
                            "tombol.sekolah_aktif" if k == aktor.aktif else "tombol.sekolah_baris",
                            nama=k.sekolah_nama,
                            peran=r.nama_peran(k.peran),
                        ),
                        f"skl:{k.sekolah_id}",
                    )
                ]
                for k in aktor.sekolah
            ]
        )
    await balas(update, context, r.pesan("sekolah/daftar", aktor=aktor), tombol)


@akses("sekolah", ditolak=None)
async def pilih_sekolah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Make the chosen school the active one (only one the user belongs to)."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    pilihan = await layanan_aktor.pilih_sekolah(lay, aktor, int(update.callback_query.data[4:]))
    if pilihan is None:
        await jawab_tombol(update, lay.render.label("galat.bukan_sekolah_ini"))
        return
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("sekolah/dipilih", k=pilihan))
    await menu.pasang_untuk(context.bot, lay.render, aktor.pengguna_id, pilihan.peran)


@akses("bantuan", ditolak=None)
async def tidak_dikenal(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A command the bot does not have."""
    await balas(update, context, layanan(context).render.pesan("tidak_dikenal"))


@akses("bantuan", ditolak=None)
async def teks_bebas(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A message outside any conversation."""
    await balas(update, context, layanan(context).render.pesan("teks_bebas"))


@akses("bantuan", ditolak=None)
async def tombol_usang(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A button no handler takes any more (an old message, a finished conversation)."""
    await jawab_tombol(update, layanan(context).render.label("notifikasi.tombol_usang"))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/bantuan and /sekolah."""
    return [
        CommandHandler("bantuan", bantuan, filters=PRIBADI),
        CommandHandler("help", bantuan, filters=PRIBADI),
        CommandHandler("sekolah", sekolah, filters=PRIBADI),
        CallbackQueryHandler(pilih_sekolah, pattern=r"^skl:\d+$"),
    ]


def penangan_sisa() -> list[BaseHandler[Any, Any, Any]]:
    """Catch-alls, registered in a later group so every real handler goes first."""
    return [
        MessageHandler(PRIBADI & filters.COMMAND, tidak_dikenal),
        MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, teks_bebas),
        CallbackQueryHandler(tombol_usang),
    ]
