"""/ringkasan: a school's progress for its kepala_sekolah and koordinator; for a pengawas, the
digest across their schools with buttons to open one school and to nudge its koordinator."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot.akses import akses, tombol
from bot.dokumen import grafik
from bot.layanan import Ditolak, ringkasan
from bot.layanan.aktor import Aktor
from bot.layanan.ringkasan import MERAH_PER_HALAMAN, RingkasanPengawas, RingkasanSekolah
from bot.mutu.peran import PG
from bot.mutu.ringkasan import STATUS_KEGIATAN
from bot.render import Render, tanggal
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
class Halaman(Tombol, awalan="rks:p"):
    """A page of the pengawas table."""

    halaman: int


@dataclass(frozen=True)
class BukaSekolah(Tombol, awalan="rks:s"):
    """One school's summary from the digest (the weekly digest writes the same data)."""

    sekolah_id: int


@dataclass(frozen=True)
class Sapa(Tombol, awalan="rks:n"):
    """Nudge a school's koordinator."""

    sekolah_id: int


@dataclass(frozen=True)
class Merah(Tombol, awalan="rks:m"):
    """The schools red on one priority indicator (a page), or the choice of indicator."""

    kode: str | None = None
    halaman: int | None = None


def papan_pengawas(r: Render, ringkas: RingkasanPengawas, halaman: int) -> InlineKeyboardMarkup:
    """A row per school of the page (open, nudge), then the page buttons, then the view of
    red schools per priority indicator when any school has imported Rapor Pendidikan."""
    baris: list[list[TombolPapan]] = [
        [
            (r.label("tombol.ringkasan_buka", nama=b.nama[:30]), BukaSekolah(b.sekolah_id)),
            (r.label("tombol.ringkasan_sapa"), Sapa(b.sekolah_id)),
        ]
        for b in ringkas.halaman(halaman)
    ]
    navigasi: list[TombolPapan] = []
    if halaman > 0:
        navigasi.append((r.label("tombol.halaman_sebelum"), Halaman(halaman - 1)))
    if halaman + 1 < ringkas.jumlah_halaman:
        navigasi.append((r.label("tombol.halaman_berikut"), Halaman(halaman + 1)))
    if navigasi:
        baris.append(navigasi)
    if ringkas.jumlah_rapor:
        baris.append([(r.label("ringkasan.tombol_merah"), Merah())])
    return papan(baris)


def papan_merah(r: Render, ringkas: RingkasanPengawas) -> InlineKeyboardMarkup:
    """One button per priority indicator with how many schools are red on it."""
    baris: list[list[TombolPapan]] = [
        [(r.label("ringkasan.tombol_merah_kode", kode=k, jumlah=len(d)), Merah(k, 0))]
        for k, _, d in ringkas.merah
    ]
    baris.append([(r.label("ringkasan.tombol_kembali"), Halaman(0))])
    return papan(baris)


def tampilan_merah(
    r: Render, ringkas: RingkasanPengawas, kode: str, nomor: int
) -> tuple[str, InlineKeyboardMarkup]:
    """One page of the schools red on one indicator, with its page buttons."""
    nama, semua = ringkas.merah_kode(kode)
    daftar, nomor, jumlah = ringkas.merah_halaman(kode, nomor)
    teks = r.pesan(
        "ringkasan/merah",
        r=ringkas,
        kode=kode,
        nama=nama,
        jumlah=len(semua),
        daftar=daftar,
        halaman=nomor,
        jumlah_halaman=jumlah,
        awal=nomor * MERAH_PER_HALAMAN,
    )
    navigasi: list[TombolPapan] = []
    if nomor > 0:
        navigasi.append((r.label("tombol.halaman_sebelum"), Merah(kode, nomor - 1)))
    if nomor + 1 < jumlah:
        navigasi.append((r.label("tombol.halaman_berikut"), Merah(kode, nomor + 1)))
    baris: list[list[TombolPapan]] = [navigasi] if navigasi else []
    baris.append([(r.label("ringkasan.tombol_kembali_merah"), Merah())])
    return teks, papan(baris)


async def _kirim_sekolah(update: Update, context: Konteks, ringkas: RingkasanSekolah) -> None:
    """The summary, split where it must be, then the progress chart when there is one."""
    r = layanan(context).render
    for bagian in r.pesan_panjang("ringkasan/sekolah", r=ringkas, grup=False, mingguan=False):
        await balas(update, context, bagian)
    if ringkas.kemajuan is None and ringkas.peta is None:
        return
    assert update.effective_chat is not None
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_PHOTO)
    standar = ringkas.peta.peta.standar if ringkas.peta else ()
    hitung = ringkas.kemajuan.hitung if ringkas.kemajuan else {}
    png = await asyncio.to_thread(
        grafik.kemajuan,
        [r.label(f"monev.status.{s}") for s in STATUS_KEGIATAN],
        [hitung.get(s, 0) for s in STATUS_KEGIATAN],
        r.label("grafik.judul_kemajuan", sekolah=ringkas.nama, tanggal=tanggal(ringkas.hari)),
        [r.label(f"standar_pendek.{s.kode}") for s in standar],
        [s.skor for s in standar],
    )
    await context.bot.send_photo(
        update.effective_chat.id,
        png,
        caption=r.label_html("grafik.keterangan_kemajuan", sekolah=ringkas.nama),
    )


@akses("ringkasan")
async def perintah(update: Update, context: Konteks, aktor: Aktor) -> None:
    """/ringkasan: the digest for a pengawas, the school's summary for its managers."""
    lay = layanan(context)
    if aktor.peran == PG:
        ringkas = await ringkasan.pengawas(lay, aktor)
        teks = lay.render.pesan("ringkasan/pengawas", r=ringkas, halaman=0, mingguan=False)
        await balas(update, context, teks, papan_pengawas(lay.render, ringkas, 0))
        return
    await _kirim_sekolah(update, context, await ringkasan.sekolah(lay, aktor))


@tombol(Halaman, "ringkasan", di_tombol=True)
async def halaman(update: Update, context: Konteks, aktor: Aktor, t: Halaman) -> None:
    """Another page of the pengawas table, in place."""
    lay = layanan(context)
    ringkas = await ringkasan.pengawas(lay, aktor)
    nomor = min(max(t.halaman, 0), ringkas.jumlah_halaman - 1)
    await jawab_tombol(update)
    teks = lay.render.pesan("ringkasan/pengawas", r=ringkas, halaman=nomor, mingguan=False)
    await ubah(update, teks, papan_pengawas(lay.render, ringkas, nomor))


@tombol(BukaSekolah, "ringkasan", di_tombol=True)
async def buka_sekolah(update: Update, context: Konteks, aktor: Aktor, t: BukaSekolah) -> None:
    """One school's summary, from the pengawas digest."""
    lay = layanan(context)
    ringkas = await ringkasan.sekolah(lay, aktor, t.sekolah_id)
    await jawab_tombol(update)
    await _kirim_sekolah(update, context, ringkas)


@tombol(Merah, "ringkasan", di_tombol=True)
async def merah(update: Update, context: Konteks, aktor: Aktor, t: Merah) -> None:
    """Which schools are red on which priority indicator: the indicators with their counts,
    then one indicator's schools a page at a time (in place)."""
    lay = layanan(context)
    ringkas = await ringkasan.pengawas(lay, aktor)
    if t.kode is None:
        await jawab_tombol(update)
        teks = lay.render.pesan("ringkasan/merah_pilih", r=ringkas)
        await ubah(update, teks, papan_merah(lay.render, ringkas))
        return
    teks, tombol_merah = tampilan_merah(lay.render, ringkas, t.kode, t.halaman or 0)
    await jawab_tombol(update)
    await ubah(update, teks, tombol_merah)


@tombol(Sapa, "ringkasan", di_tombol=True)
async def sapa(update: Update, context: Konteks, aktor: Aktor, t: Sapa) -> None:
    """Nudge a school's koordinator; once a day per school, however often it is pressed."""
    lay = layanan(context)
    hasil = await ringkasan.sapa_koordinator(lay, aktor, t.sekolah_id)
    await jawab_tombol(
        update,
        lay.render.label("notifikasi.sapa_terkirim" if hasil.baru else "notifikasi.sapa_sudah"),
    )
    sekolah = next(k.sekolah_nama for k in aktor.sekolah if k.sekolah_id == t.sekolah_id)
    nanti = hasil.saat > lay.sekarang() + timedelta(minutes=1)
    await balas(
        update,
        context,
        lay.render.pesan("ringkasan/sapa_terkirim", s=hasil, sekolah=sekolah, nanti=nanti),
    )


@akses("ringkasan", di_tombol=True)
async def usang(update: Update, context: Konteks, aktor: Aktor) -> None:
    """An `rks:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/ringkasan and its buttons."""
    return [
        CommandHandler("ringkasan", perintah, filters=PRIBADI),
        *(penangan_tombol(f) for f in (halaman, buka_sekolah, merah, sapa)),
        CallbackQueryHandler(usang, pattern=r"^rks:"),
    ]
