"""/anggota: the kepala_sekolah lists members, changes a role, or removes someone."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import menu
from bot.akses import akses
from bot.layanan import Ditolak, anggota
from bot.layanan.aktor import Aktor
from bot.layanan.anggota import Anggota
from bot.mutu.peran import Peran
from percakapan._umum import PRIBADI, Konteks, balas, jawab_tombol, layanan, papan, ubah


def _nama_sekolah(aktor: Aktor) -> str:
    return aktor.aktif.sekolah_nama if aktor.aktif else ""


def _papan_daftar(context: Konteks, daftar: list[Anggota]) -> InlineKeyboardMarkup:
    r = layanan(context).render
    return papan(
        [
            [
                (
                    r.label("tombol.anggota_baris", nama=a.nama, peran=r.nama_peran(a.peran)),
                    f"agt:l:{a.id}",
                )
            ]
            for a in daftar
        ]
    )


def _papan_rincian(context: Konteks, a: Anggota) -> InlineKeyboardMarkup:
    r = layanan(context).render
    baris = [
        [(r.label("tombol.jadikan", peran=r.nama_peran(p)), f"agt:p:{a.id}:{p}")]
        for p in Peran
        if p is not a.peran
    ]
    baris.append([(r.label("tombol.keluarkan"), f"agt:h:{a.id}")])
    baris.append([(r.label("tombol.kembali"), "agt:k")])
    return papan(baris)


def _argumen(update: Update) -> list[str]:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.split(":")[2:]


async def _kabari(context: Konteks, pengguna_id: int, teks: str) -> None:
    try:
        await context.bot.send_message(pengguna_id, teks)
    except TelegramError:
        pass  # a member who blocked the bot still has their role changed


@akses("anggota", ditolak=None)
async def daftar(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The member list, each name a button."""
    await jawab_tombol(update)
    lay = layanan(context)
    semua = await anggota.daftar(lay, aktor)
    teks = lay.render.pesan("anggota/daftar", sekolah=_nama_sekolah(aktor), daftar=semua)
    if update.callback_query:
        await ubah(update, teks, _papan_daftar(context, semua))
    else:
        await balas(update, context, teks, _papan_daftar(context, semua))


@akses("anggota", ditolak=None)
async def rincian(update: Update, context: Konteks, aktor: Aktor) -> None:
    """One member, with role buttons and remove."""
    lay = layanan(context)
    try:
        a = await anggota.ambil(lay, aktor, int(_argumen(update)[0]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    await ubah(
        update, lay.render.pesan("anggota/rincian", a=a, galat=None), _papan_rincian(context, a)
    )


@akses("anggota", ditolak=None)
async def ubah_peran(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Give a member another role, and tell them."""
    lay = layanan(context)
    kid, peran = _argumen(update)
    try:
        a = await anggota.ubah_peran(lay, aktor, int(kid), Peran(peran))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update, lay.render.label("notifikasi.tersimpan"))
    await ubah(
        update, lay.render.pesan("anggota/rincian", a=a, galat=None), _papan_rincian(context, a)
    )
    if a.pengguna_id != aktor.pengguna_id:
        teks = lay.render.pesan("anggota/kabar_peran", sekolah=_nama_sekolah(aktor), peran=a.peran)
        await _kabari(context, a.pengguna_id, teks)
    await menu.pasang_untuk(context.bot, lay.render, a.pengguna_id, a.peran)


@akses("anggota", ditolak=None)
async def konfirmasi_keluarkan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Ask before removing."""
    lay = layanan(context)
    try:
        a = await anggota.ambil(lay, aktor, int(_argumen(update)[0]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    r = lay.render
    tombol = papan(
        [
            [(r.label("tombol.ya_keluarkan"), f"agt:hy:{a.id}")],
            [(r.label("tombol.batal"), f"agt:l:{a.id}")],
        ]
    )
    await ubah(
        update, r.pesan("anggota/konfirmasi_keluarkan", a=a, sekolah=_nama_sekolah(aktor)), tombol
    )


@akses("anggota", ditolak=None)
async def keluarkan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Remove the member; a second press of the same button changes nothing."""
    lay = layanan(context)
    try:
        a = await anggota.keluarkan(lay, aktor, int(_argumen(update)[0]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    sekolah = _nama_sekolah(aktor)
    await ubah(update, lay.render.pesan("anggota/dikeluarkan", a=a, sekolah=sekolah))
    if a.pengguna_id != aktor.pengguna_id:
        await _kabari(
            context, a.pengguna_id, lay.render.pesan("anggota/kabar_keluar", sekolah=sekolah)
        )
    await menu.pasang_untuk(context.bot, lay.render, a.pengguna_id, None)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/anggota and its buttons."""
    return [
        CommandHandler("anggota", daftar, filters=PRIBADI),
        CallbackQueryHandler(daftar, pattern=r"^agt:k$"),
        CallbackQueryHandler(rincian, pattern=r"^agt:l:\d+$"),
        CallbackQueryHandler(ubah_peran, pattern=r"^agt:p:\d+:\w+$"),
        CallbackQueryHandler(konfirmasi_keluarkan, pattern=r"^agt:h:\d+$"),
        CallbackQueryHandler(keluarkan, pattern=r"^agt:hy:\d+$"),
    ]
