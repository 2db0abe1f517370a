"""/bantuan, /sekolah, and what is left over: unknown commands, free text, stale buttons."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import menu
from bot.akses import akses
from bot.layanan import aktor as layanan_aktor
from bot.layanan.aktor import Aktor
from bot.mutu.peran import perintah_untuk
from bot.render import Render
from percakapan import daftar
from percakapan._umum import PRIBADI, Konteks, balas, jawab_tombol, layanan, papan, ubah


@akses("bantuan", ditolak=None)
async def bantuan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The commands this user's role may use."""
    r = layanan(context).render
    await balas(
        update, context, r.pesan("bantuan", aktor=aktor, perintah=perintah_untuk(aktor.peran))
    )


def tampilan_sekolah(
    r: Render, aktor: Aktor, nomor: int, kata: str = ""
) -> tuple[str, InlineKeyboardMarkup | None] | None:
    """One page of the user's schools (those whose name holds `kata`, when typed), with a
    button each to make it the active one; None when a search finds none."""
    semua = aktor.sekolah
    cocok = daftar.saring(semua, kata, lambda k: k.sekolah_nama) if kata else list(semua)
    if not cocok and kata:
        return None
    h = daftar.potong(cocok, nomor)
    teks = r.pesan("sekolah/daftar", aktor=aktor, h=h, kata=kata)
    if len(semua) <= 1:
        return teks, None
    baris = [
        [
            (
                r.label(
                    "tombol.sekolah_aktif" if k == aktor.aktif else "tombol.sekolah_baris",
                    nama=k.sekolah_nama[:60],
                    peran=r.nama_peran(k.peran),
                ),
                f"skl:{k.sekolah_id}",
            )
        ]
        for k in h.isi
    ]
    navigasi = (
        daftar.navigasi(r, h, "skl:c:", f":{kata}") if kata else daftar.navigasi(r, h, "skl:h:")
    )
    if navigasi:
        baris.append(navigasi)
    return teks, papan(baris)


@akses("sekolah", ditolak=None)
async def sekolah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The user's schools, a page at a time; with more than one, buttons to pick the active
    one. `/sekolah <nama>` shows only the schools with that name (a pengawas has hundreds)."""
    r = layanan(context).render
    kata = daftar.kata_cari(" ".join(context.args or []))
    tampil = tampilan_sekolah(r, aktor, 0, kata)
    if tampil is None:
        await balas(update, context, r.pesan("sekolah/tidak_ditemukan", kata=kata))
        return
    await balas(update, context, *tampil)


@akses("sekolah", ditolak=None)
async def halaman_sekolah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Another page of the schools (or of a search), in place."""
    r = layanan(context).render
    assert update.callback_query is not None and update.callback_query.data is not None
    arg = update.callback_query.data.split(":", 3)[2:]  # [page] or [page, search]
    tampil = tampilan_sekolah(r, aktor, int(arg[0]), arg[1] if len(arg) > 1 else "")
    await jawab_tombol(update)
    await ubah(update, *(tampil or tampilan_sekolah(r, aktor, 0) or ("", None)))


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
        CallbackQueryHandler(halaman_sekolah, pattern=r"^skl:(h:\d+|c:\d+:.+)$"),
    ]


def penangan_sisa() -> list[BaseHandler[Any, Any, Any]]:
    """Catch-alls, registered in a later group so every real handler goes first."""
    return [
        MessageHandler(PRIBADI & filters.COMMAND, tidak_dikenal),
        MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, teks_bebas),
        CallbackQueryHandler(tombol_usang),
    ]
