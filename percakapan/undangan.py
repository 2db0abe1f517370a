"""/undang: invite codes by button; each press carries what it acts on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.akses import akses, tombol
from bot.layanan import Ditolak, undangan
from bot.layanan.aktor import Aktor
from bot.layanan.undangan import MASA_BERLAKU, Undangan
from bot.layanan.waktu import zona_sekolah
from bot.mutu.peran import PERAN_UNDANGAN, Peran
from bot.tombol import Tombol
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
    ubah,
)


@dataclass(frozen=True)
class PilihPeran(Tombol, awalan="und:p"):
    peran: Peran


@dataclass(frozen=True)
class Buat(Tombol, awalan="und:b"):
    """Create a code for `peran`, usable `pakai` times."""

    peran: Peran
    pakai: int


@dataclass(frozen=True)
class Cabut(Tombol, awalan="und:c"):
    undangan_id: int


@dataclass(frozen=True)
class DaftarKode(Tombol, awalan="und:l"):
    """The codes that still work."""


async def _zona(context: Konteks, aktor: Aktor) -> str:
    return await zona_sekolah(layanan(context), aktor.sekolah_id or 0)


# Codes listed with a revoke button; more are counted (one message, ~100 buttons at most).
MAKS_KODE = 20


def _tombol_cabut(context: Konteks, u: Undangan) -> TombolPapan:
    return (layanan(context).render.label("tombol.cabut_kode", kode=u.kode), Cabut(u.id))


@akses("undang", ditolak=None)
async def undang(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Choose the role of a new invite."""
    lay = layanan(context)
    r = lay.render
    baris: list[list[TombolPapan]] = [[(r.nama_peran(p), PilihPeran(p))] for p in PERAN_UNDANGAN]
    jumlah = len(await undangan.aktif(lay, aktor))
    if jumlah:
        baris.append([(r.label("tombol.kode_aktif", jumlah=jumlah), DaftarKode())])
    teks = r.pesan(
        "undang/pilih_peran",
        sekolah=aktor.aktif.sekolah_nama if aktor.aktif else "",
        hari=MASA_BERLAKU.days,
    )
    await balas(update, context, teks, papan(baris))


async def _pilihan_salah(update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak) -> None:
    await jawab_tombol(update, layanan(context).render.label("galat.pilihan_salah"))


@tombol(PilihPeran, "undang", ditolak=None, saat_ditolak=_pilihan_salah)
async def pilih_peran(update: Update, context: Konteks, aktor: Aktor, t: PilihPeran) -> None:
    """Single or multiple use."""
    r = layanan(context).render
    await jawab_tombol(update)
    pilihan = undangan.pilihan_pakai(t.peran)
    tombol_pakai = papan(
        [
            [
                (
                    r.label("tombol.sekali_pakai")
                    if maks == 1
                    else r.label("tombol.banyak_pakai", maks=maks),
                    Buat(t.peran, maks),
                )
            ]
            for maks in pilihan
        ]
    )
    teks = r.pesan("undang/pilih_pakai", peran=t.peran, hanya_sekali=pilihan == (1,))
    await ubah(update, teks, tombol_pakai)


@tombol(Buat, "undang", ditolak=None, saat_ditolak=_pilihan_salah)
async def buat(update: Update, context: Konteks, aktor: Aktor, t: Buat) -> None:
    """Create the code; a doubled press shows the same code."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.message is not None
    asal = f"{query.message.chat.id}:{query.message.message_id}"
    u = await undangan.buat(lay, aktor, t.peran, t.pakai, asal)
    await jawab_tombol(update)
    tautan = f"https://t.me/{context.bot.username}?start={u.kode}"
    teks = lay.render.pesan("undang/kode", u=u, tautan=tautan, zona=await _zona(context, aktor))
    await ubah(update, teks, papan([[_tombol_cabut(context, u)]]))


@tombol(Cabut, "undang", ditolak=None, di_tombol=True)
async def cabut(update: Update, context: Konteks, aktor: Aktor, t: Cabut) -> None:
    """Revoke one code of the actor's school."""
    lay = layanan(context)
    u = await undangan.cabut(lay, aktor, t.undangan_id)
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("undang/dicabut", u=u))


@tombol(DaftarKode, "undang", ditolak=None, di_tombol=True)
async def daftar_kode(update: Update, context: Konteks, aktor: Aktor, t: DaftarKode) -> None:
    """The codes that still work, each with a revoke button."""
    await jawab_tombol(update)
    lay = layanan(context)
    daftar = await undangan.aktif(lay, aktor)
    zona = await _zona(context, aktor)
    teks = lay.render.pesan("undang/daftar_kode", daftar=daftar, maks=MAKS_KODE, zona=zona)
    tombol_cabut = (
        papan([[_tombol_cabut(context, u)] for u in daftar[:MAKS_KODE]]) if daftar else None
    )
    await balas(update, context, teks, tombol_cabut)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/undang and its buttons, one handler per kind."""
    return [
        CommandHandler("undang", undang, filters=PRIBADI),
        *(penangan_tombol(f) for f in (pilih_peran, buat, cabut, daftar_kode)),
    ]
