"""/bantuan, /sekolah, and what is left over: unknown commands, free text, stale buttons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot import menu
from bot.akses import akses, tombol
from bot.layanan import Ditolak
from bot.layanan import aktor as layanan_aktor
from bot.layanan.aktor import Aktor
from bot.mutu.peran import perintah_untuk
from bot.render import Render
from bot.tombol import Tombol
from percakapan import daftar
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    jawab_tombol,
    layanan,
    navigasi_jenis,
    papan,
    penangan_tombol,
    ubah,
)


@dataclass(frozen=True)
class PilihSekolah(Tombol, awalan="skl"):
    """Make this school the active one."""

    sekolah_id: int


# The pages had "skl:h:<n>" and "skl:c:<n>:<kata>", nested under the choice's prefix; a
# typed kind has its own, so a page button of an older message is answered as stale.
@dataclass(frozen=True)
class HalamanSekolah(Tombol, awalan="skh"):
    nomor: int


@dataclass(frozen=True)
class CariSekolah(Tombol, awalan="skc"):
    """A page of a search by name (the search as `daftar.kata_cari` keeps it)."""

    nomor: int
    kata: str


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
    baris: list[list[TombolPapan]] = [
        [
            (
                r.label(
                    "tombol.sekolah_aktif" if k == aktor.aktif else "tombol.sekolah_baris",
                    nama=k.sekolah_nama[:60],
                    peran=r.nama_peran(k.peran),
                ),
                PilihSekolah(k.sekolah_id),
            )
        ]
        for k in h.isi
    ]
    navigasi = navigasi_jenis(
        r, h.nomor, h.jumlah, (lambda n: CariSekolah(n, kata)) if kata else HalamanSekolah
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


async def _halaman(update: Update, context: Konteks, aktor: Aktor, nomor: int, kata: str) -> None:
    r = layanan(context).render
    tampil = tampilan_sekolah(r, aktor, nomor, kata)
    await jawab_tombol(update)
    await ubah(update, *(tampil or tampilan_sekolah(r, aktor, 0) or ("", None)))


@tombol(HalamanSekolah, "sekolah", ditolak=None, di_tombol=True)
async def halaman_sekolah(
    update: Update, context: Konteks, aktor: Aktor, t: HalamanSekolah
) -> None:
    """Another page of the schools, in place."""
    await _halaman(update, context, aktor, t.nomor, "")


@tombol(CariSekolah, "sekolah", ditolak=None, di_tombol=True)
async def halaman_cari(update: Update, context: Konteks, aktor: Aktor, t: CariSekolah) -> None:
    """Another page of a search, in place (the whole list once the search finds none)."""
    await _halaman(update, context, aktor, t.nomor, t.kata)


@tombol(PilihSekolah, "sekolah", ditolak=None, di_tombol=True)
async def pilih_sekolah(update: Update, context: Konteks, aktor: Aktor, t: PilihSekolah) -> None:
    """Make the chosen school the active one (only one the user belongs to)."""
    lay = layanan(context)
    pilihan = await layanan_aktor.pilih_sekolah(lay, aktor, t.sekolah_id)
    if pilihan is None:
        raise Ditolak("bukan_sekolah_ini")
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
        *(penangan_tombol(f) for f in (pilih_sekolah, halaman_sekolah, halaman_cari)),
    ]


def penangan_sisa() -> list[BaseHandler[Any, Any, Any]]:
    """Catch-alls, registered in a later group so every real handler goes first."""
    return [
        MessageHandler(PRIBADI & filters.COMMAND, tidak_dikenal),
        MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, teks_bebas),
        CallbackQueryHandler(tombol_usang),
    ]
