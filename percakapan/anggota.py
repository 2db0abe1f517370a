"""/anggota: the kepala_sekolah pages through or searches the members, changes a role (after a
confirmation), or removes someone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CommandHandler

from bot import menu
from bot.akses import akses, tombol
from bot.layanan import anggota
from bot.layanan.aktor import Aktor
from bot.layanan.anggota import Anggota
from bot.mutu.peran import Peran
from bot.pengingat import kirim_segera
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


# The buttons, typed (bot/tombol.py); the data is the one older messages carry.
@dataclass(frozen=True)
class Kelola(Tombol, awalan="agt:k"):
    """The first page of members."""


@dataclass(frozen=True)
class Halaman(Tombol, awalan="agt:d"):
    nomor: int | None = None


@dataclass(frozen=True)
class Cari(Tombol, awalan="agt:c"):
    """A page of a search by name (the search as `daftar.kata_cari` keeps it)."""

    nomor: int
    kata: str


@dataclass(frozen=True)
class Rincian(Tombol, awalan="agt:l"):
    """One member; `nomor` the page to go back to."""

    keanggotaan_id: int
    nomor: int | None = None


@dataclass(frozen=True)
class Jadikan(Tombol, awalan="agt:p"):
    """Asks before the role changes."""

    keanggotaan_id: int
    peran: Peran


@dataclass(frozen=True)
class JadikanYa(Tombol, awalan="agt:py"):
    keanggotaan_id: int
    peran: Peran


@dataclass(frozen=True)
class Keluarkan(Tombol, awalan="agt:h"):
    """Asks before the member is removed."""

    keanggotaan_id: int


@dataclass(frozen=True)
class KeluarkanYa(Tombol, awalan="agt:hy"):
    keanggotaan_id: int


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
    baris: list[list[TombolPapan]] = [
        [
            (
                r.label("tombol.anggota_baris", nama=a.nama, peran=r.nama_peran(a.peran)),
                Rincian(a.id, h.nomor),
            )
        ]
        for a in h.isi
    ]
    navigasi = navigasi_jenis(
        r, h.nomor, h.jumlah, (lambda n: Cari(n, kata)) if kata else (lambda n: Halaman(n))
    )
    if navigasi:
        baris.append(navigasi)
    teks = r.pesan("anggota/daftar", sekolah=sekolah, jumlah=len(semua), h=h, kata=kata)
    return teks, papan(baris)


def tampilan_rincian(r: Render, a: Anggota, nomor: int = 0) -> tuple[str, InlineKeyboardMarkup]:
    """One member, with a button per other role, remove, and back to the page they were on."""
    baris: list[list[TombolPapan]] = [
        [(r.label("tombol.jadikan", peran=r.nama_peran(p)), Jadikan(a.id, p))]
        for p in Peran
        if p is not a.peran
    ]
    baris.append([(r.label("tombol.keluarkan"), Keluarkan(a.id))])
    baris.append([(r.label("tombol.kembali"), Halaman(nomor))])
    return r.pesan("anggota/rincian", a=a, galat=None), papan(baris)


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


async def _halaman(update: Update, context: Konteks, aktor: Aktor, nomor: int, kata: str) -> None:
    """Another page of the list (or of a search), in place."""
    lay = layanan(context)
    semua = await anggota.daftar(lay, aktor)
    tampil = tampilan_daftar(lay.render, _nama_sekolah(aktor), semua, nomor, kata)
    if tampil is None:  # the searched name left meanwhile: the whole list again
        tampil = tampilan_daftar(lay.render, _nama_sekolah(aktor), semua, 0)
    await jawab_tombol(update)
    if tampil is not None:
        await ubah(update, *tampil)


@tombol(Kelola, "anggota", ditolak=None, di_tombol=True)
async def kelola(update: Update, context: Konteks, aktor: Aktor, t: Kelola) -> None:
    """The first page of members, in place."""
    await _halaman(update, context, aktor, 0, "")


@tombol(Halaman, "anggota", ditolak=None, di_tombol=True)
async def halaman(update: Update, context: Konteks, aktor: Aktor, t: Halaman) -> None:
    """Another page of the list, in place."""
    await _halaman(update, context, aktor, t.nomor or 0, "")


@tombol(Cari, "anggota", ditolak=None, di_tombol=True)
async def halaman_cari(update: Update, context: Konteks, aktor: Aktor, t: Cari) -> None:
    """Another page of a search, in place."""
    await _halaman(update, context, aktor, t.nomor, t.kata)


@tombol(Rincian, "anggota", ditolak=None, di_tombol=True)
async def rincian(update: Update, context: Konteks, aktor: Aktor, t: Rincian) -> None:
    """One member, with role buttons and remove."""
    lay = layanan(context)
    a = await anggota.ambil(lay, aktor, t.keanggotaan_id)
    await jawab_tombol(update)
    await ubah(update, *tampilan_rincian(lay.render, a, t.nomor or 0))


@tombol(Jadikan, "anggota", ditolak=None, di_tombol=True)
async def konfirmasi_peran(update: Update, context: Konteks, aktor: Aktor, t: Jadikan) -> None:
    """Ask before a role changes, naming the person and the new role."""
    lay = layanan(context)
    a = await anggota.ambil(lay, aktor, t.keanggotaan_id)
    await jawab_tombol(update)
    r = lay.render
    tombol_ya = papan(
        [
            [(r.label("tombol.ya_jadikan", peran=r.nama_peran(t.peran)), JadikanYa(a.id, t.peran))],
            [(r.label("tombol.batal"), Rincian(a.id))],
        ]
    )
    teks = r.pesan(
        "anggota/konfirmasi_peran",
        a=a,
        peran=t.peran,
        diri_sendiri=a.pengguna_id == aktor.pengguna_id,
        peran_saya=aktor.peran,
        sekolah=_nama_sekolah(aktor),
    )
    await ubah(update, teks, tombol_ya)


@tombol(JadikanYa, "anggota", ditolak=None, di_tombol=True)
async def ubah_peran(update: Update, context: Konteks, aktor: Aktor, t: JadikanYa) -> None:
    """Give a member another role (after the confirmation); they are told through the outbox.
    A second press of the same button changes nothing and tells nobody again."""
    lay = layanan(context)
    sebelum = await anggota.ambil(lay, aktor, t.keanggotaan_id)
    a = await anggota.ubah_peran(lay, aktor, t.keanggotaan_id, t.peran)
    await jawab_tombol(update, lay.render.label("notifikasi.tersimpan"))
    await ubah(update, *tampilan_rincian(lay.render, a))
    if sebelum.peran is not a.peran:
        kirim_segera(context.application)
        await menu.pasang_untuk(context.bot, lay.render, a.pengguna_id, a.peran)


@tombol(Keluarkan, "anggota", ditolak=None, di_tombol=True)
async def konfirmasi_keluarkan(
    update: Update, context: Konteks, aktor: Aktor, t: Keluarkan
) -> None:
    """Ask before removing."""
    lay = layanan(context)
    a = await anggota.ambil(lay, aktor, t.keanggotaan_id)
    await jawab_tombol(update)
    r = lay.render
    tombol_ya = papan(
        [
            [(r.label("tombol.ya_keluarkan"), KeluarkanYa(a.id))],
            [(r.label("tombol.batal"), Rincian(a.id))],
        ]
    )
    teks = r.pesan("anggota/konfirmasi_keluarkan", a=a, sekolah=_nama_sekolah(aktor))
    await ubah(update, teks, tombol_ya)


@tombol(KeluarkanYa, "anggota", ditolak=None, di_tombol=True)
async def keluarkan(update: Update, context: Konteks, aktor: Aktor, t: KeluarkanYa) -> None:
    """Remove the member (they are told through the outbox); a second press changes nothing."""
    lay = layanan(context)
    a = await anggota.keluarkan(lay, aktor, t.keanggotaan_id)
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("anggota/dikeluarkan", a=a, sekolah=_nama_sekolah(aktor)))
    kirim_segera(context.application)
    await menu.pasang_untuk(context.bot, lay.render, a.pengguna_id, None)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/anggota and its buttons, one handler per kind."""
    jenis = (kelola, halaman, halaman_cari, rincian, konfirmasi_peran, ubah_peran)
    return [
        CommandHandler("anggota", perintah, filters=PRIBADI),
        *(penangan_tombol(f) for f in (*jenis, konfirmasi_keluarkan, keluarkan)),
    ]
