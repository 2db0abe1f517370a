"""/undang: invite codes by button; each press carries what it acts on."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.akses import akses
from bot.layanan import Ditolak, undangan
from bot.layanan.aktor import Aktor
from bot.layanan.undangan import MASA_BERLAKU, Undangan
from bot.layanan.waktu import zona_sekolah
from bot.mutu.peran import PERAN_UNDANGAN, Peran
from percakapan._umum import PRIBADI, Konteks, balas, jawab_tombol, layanan, papan, ubah


async def _zona(context: Konteks, aktor: Aktor) -> str:
    return await zona_sekolah(layanan(context), aktor.sekolah_id or 0)


# Codes listed with a revoke button; more are counted (one message, ~100 buttons at most).
MAKS_KODE = 20


def _tombol_cabut(context: Konteks, u: Undangan) -> tuple[str, str]:
    return (layanan(context).render.label("tombol.cabut_kode", kode=u.kode), f"und:c:{u.id}")


@akses("undang", ditolak=None)
async def undang(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Choose the role of a new invite."""
    lay = layanan(context)
    r = lay.render
    baris = [[(r.nama_peran(p), f"und:p:{p}")] for p in PERAN_UNDANGAN]
    jumlah = len(await undangan.aktif(lay, aktor))
    if jumlah:
        baris.append([(r.label("tombol.kode_aktif", jumlah=jumlah), "und:l")])
    teks = r.pesan(
        "undang/pilih_peran",
        sekolah=aktor.aktif.sekolah_nama if aktor.aktif else "",
        hari=MASA_BERLAKU.days,
    )
    await balas(update, context, teks, papan(baris))


@akses("undang", ditolak=None)
async def pilih_peran(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Single or multiple use."""
    r = layanan(context).render
    assert update.callback_query is not None and update.callback_query.data is not None
    try:
        peran = Peran(update.callback_query.data.split(":")[2])
    except ValueError:
        await jawab_tombol(update, r.label("galat.pilihan_salah"))
        return
    await jawab_tombol(update)
    pilihan = undangan.pilihan_pakai(peran)
    tombol = papan(
        [
            [
                (
                    r.label("tombol.sekali_pakai")
                    if maks == 1
                    else r.label("tombol.banyak_pakai", maks=maks),
                    f"und:b:{peran}:{maks}",
                )
            ]
            for maks in pilihan
        ]
    )
    teks = r.pesan("undang/pilih_pakai", peran=peran, hanya_sekali=pilihan == (1,))
    await ubah(update, teks, tombol)


@akses("undang", ditolak=None)
async def buat(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Create the code; a doubled press shows the same code."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.data is not None and query.message is not None
    _, _, peran, pakai = query.data.split(":")
    try:
        u = await undangan.buat(
            lay,
            aktor,
            Peran(peran),
            int(pakai),
            f"{query.message.chat.id}:{query.message.message_id}",
        )
    except (Ditolak, ValueError):
        await jawab_tombol(update, lay.render.label("galat.pilihan_salah"))
        return
    await jawab_tombol(update)
    tautan = f"https://t.me/{context.bot.username}?start={u.kode}"
    teks = lay.render.pesan("undang/kode", u=u, tautan=tautan, zona=await _zona(context, aktor))
    await ubah(update, teks, papan([[_tombol_cabut(context, u)]]))


@akses("undang", ditolak=None)
async def cabut(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Revoke one code of the actor's school."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    try:
        u = await undangan.cabut(lay, aktor, int(update.callback_query.data.split(":")[2]))
    except Ditolak as tolak:
        await jawab_tombol(update, lay.render.label(f"galat.{tolak.alasan}"))
        return
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("undang/dicabut", u=u))


@akses("undang", ditolak=None)
async def daftar_kode(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The codes that still work, each with a revoke button."""
    await jawab_tombol(update)
    lay = layanan(context)
    daftar = await undangan.aktif(lay, aktor)
    zona = await _zona(context, aktor)
    teks = lay.render.pesan("undang/daftar_kode", daftar=daftar, maks=MAKS_KODE, zona=zona)
    tombol = papan([[_tombol_cabut(context, u)] for u in daftar[:MAKS_KODE]]) if daftar else None
    await balas(update, context, teks, tombol)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/undang and its buttons."""
    return [
        CommandHandler("undang", undang, filters=PRIBADI),
        CallbackQueryHandler(pilih_peran, pattern=r"^und:p:\w+$"),
        CallbackQueryHandler(buat, pattern=r"^und:b:\w+:\d+$"),
        CallbackQueryHandler(cabut, pattern=r"^und:c:\d+$"),
        CallbackQueryHandler(daftar_kode, pattern=r"^und:l$"),
    ]
