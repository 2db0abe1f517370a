"""/anggota: the kepala_sekolah pages through or searches the members, changes a role (after a
confirmation), or removes someone."""

from __future__ import annotations

from collections.abc import Sequence
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
from bot.render import Render
from percakapan import daftar
from percakapan._umum import PRIBADI, Konteks, balas, jawab_tombol, layanan, papan, ubah


def _nama_sekolah(aktor: Aktor) -> str:
    return aktor.aktif.sekolah_nama if aktor.aktif else ""


def tampilan_daftar(
    r: Render, sekolah: str, semua: Sequence[Anggota], nomor: int, kata: str = ""
) -> tuple[str, InlineKeyboardMarkup] | None:
    """One page of the members (those whose name holds `kata` when one was typed): the text
    and a button per member, then ‹ ›. None when a search finds nobody."""
    cocok = daftar.saring(semua, kata, lambda a: a.nama) if kata else list(semua)
    if not cocok:
        return None
    h = daftar.potong(cocok, nomor)
    baris = [
        [
            (
                r.label("tombol.anggota_baris", nama=a.nama, peran=r.nama_peran(a.peran)),
                f"agt:l:{a.id}:{h.nomor}",
            )
        ]
        for a in h.isi
    ]
    navigasi = (
        daftar.navigasi(r, h, "agt:c:", f":{kata}") if kata else daftar.navigasi(r, h, "agt:d:")
    )
    if navigasi:
        baris.append(navigasi)
    teks = r.pesan("anggota/daftar", sekolah=sekolah, jumlah=len(semua), h=h, kata=kata)
    return teks, papan(baris)


def tampilan_rincian(r: Render, a: Anggota, nomor: int = 0) -> tuple[str, InlineKeyboardMarkup]:
    """One member, with a button per other role, remove, and back to the page they were on."""
    baris = [
        [(r.label("tombol.jadikan", peran=r.nama_peran(p)), f"agt:p:{a.id}:{p}")]
        for p in Peran
        if p is not a.peran
    ]
    baris.append([(r.label("tombol.keluarkan"), f"agt:h:{a.id}")])
    baris.append([(r.label("tombol.kembali"), f"agt:d:{nomor}")])
    return r.pesan("anggota/rincian", a=a, galat=None), papan(baris)


def _argumen(update: Update) -> list[str]:
    assert update.callback_query is not None and update.callback_query.data is not None
    return update.callback_query.data.split(":", 3)[2:]


async def _kabari(context: Konteks, pengguna_id: int, teks: str) -> None:
    try:
        await context.bot.send_message(pengguna_id, teks)
    except TelegramError:
        pass  # a member who blocked the bot still has their role changed


@akses("anggota", ditolak=None)
async def perintah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """/anggota: the first page of members; `/anggota <nama>` only those with that name."""
    lay = layanan(context)
    kata = daftar.kata_cari(" ".join(context.args or []))
    sekolah = _nama_sekolah(aktor)
    tampil = tampilan_daftar(lay.render, sekolah, await anggota.daftar(lay, aktor), 0, kata)
    if tampil is None:
        teks = lay.render.pesan("anggota/tidak_ditemukan", sekolah=sekolah, kata=kata)
        await balas(update, context, teks)
        return
    await balas(update, context, *tampil)


@akses("anggota", ditolak=None)
async def halaman(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Another page of the list (or of a search), in place."""
    lay = layanan(context)
    arg = _argumen(update)  # [page] or [page, search]
    nomor = int(arg[0]) if arg and arg[0].isdigit() else 0
    kata = arg[1] if len(arg) > 1 else ""
    semua = await anggota.daftar(lay, aktor)
    tampil = tampilan_daftar(lay.render, _nama_sekolah(aktor), semua, nomor, kata)
    if tampil is None:  # the searched name left meanwhile: the whole list again
        tampil = tampilan_daftar(lay.render, _nama_sekolah(aktor), semua, 0)
    await jawab_tombol(update)
    if tampil is not None:
        await ubah(update, *tampil)


@akses("anggota", ditolak=None)
async def rincian(update: Update, context: Konteks, aktor: Aktor) -> None:
    """One member, with role buttons and remove."""
    lay = layanan(context)
    arg = _argumen(update)
    try:
        a = await anggota.ambil(lay, aktor, int(arg[0]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    await ubah(update, *tampilan_rincian(lay.render, a, int(arg[1]) if len(arg) > 1 else 0))


@akses("anggota", ditolak=None)
async def konfirmasi_peran(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Ask before a role changes, naming the person and the new role."""
    lay = layanan(context)
    kid, peran = _argumen(update)
    try:
        a = await anggota.ambil(lay, aktor, int(kid))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    r = lay.render
    baru = Peran(peran)
    tombol = papan(
        [
            [(r.label("tombol.ya_jadikan", peran=r.nama_peran(baru)), f"agt:py:{a.id}:{baru}")],
            [(r.label("tombol.batal"), f"agt:l:{a.id}")],
        ]
    )
    teks = r.pesan(
        "anggota/konfirmasi_peran",
        a=a,
        peran=baru,
        diri_sendiri=a.pengguna_id == aktor.pengguna_id,
        peran_saya=aktor.peran,
        sekolah=_nama_sekolah(aktor),
    )
    await ubah(update, teks, tombol)


@akses("anggota", ditolak=None)
async def ubah_peran(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Give a member another role (after the confirmation), and tell them; a second press of
    the same button changes nothing and tells nobody again."""
    lay = layanan(context)
    kid, peran = _argumen(update)
    try:
        sebelum = await anggota.ambil(lay, aktor, int(kid))
        a = await anggota.ubah_peran(lay, aktor, int(kid), Peran(peran))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update, lay.render.label("notifikasi.tersimpan"))
    await ubah(update, *tampilan_rincian(lay.render, a))
    if sebelum.peran is a.peran:
        return
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
        CommandHandler("anggota", perintah, filters=PRIBADI),
        CallbackQueryHandler(halaman, pattern=r"^agt:(k|d:\d+|c:\d+:.+)$"),
        CallbackQueryHandler(rincian, pattern=r"^agt:l:\d+(:\d+)?$"),
        CallbackQueryHandler(konfirmasi_peran, pattern=r"^agt:p:\d+:\w+$"),
        CallbackQueryHandler(ubah_peran, pattern=r"^agt:py:\d+:\w+$"),
        CallbackQueryHandler(konfirmasi_keluarkan, pattern=r"^agt:h:\d+$"),
        CallbackQueryHandler(keluarkan, pattern=r"^agt:hy:\d+$"),
    ]
