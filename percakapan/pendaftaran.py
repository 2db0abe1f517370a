"""/start and /daftar: welcoming a user and registering a school.

The step of a registration is derived from its draft in the database, so after a restart or
a crash the next answer lands on the right question; the conversation state only routes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import menu
from bot.akses import akses, tombol
from bot.layanan import Ditolak, Layanan, pendaftaran
from bot.layanan.aktor import Aktor
from bot.mutu import validasi
from bot.mutu.peran import Peran
from bot.tombol import USANG, Tombol
from percakapan import batal, gabung
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    hapus_tombol,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
    percakapan,
    ubah,
)

MENGISI = "mengisi"
END = ConversationHandler.END


@dataclass(frozen=True)
class MulaiDaftar(Tombol, awalan="mulai:daftar"):
    """'Daftarkan sekolah' under the welcome of /start."""


@dataclass(frozen=True)
class Jenjang(Tombol, awalan="dft:jenjang"):
    nilai: str


@dataclass(frozen=True)
class ZonaWaktu(Tombol, awalan="dft:zona_waktu"):
    nilai: str


@dataclass(frozen=True)
class Simpan(Tombol, awalan="dft:simpan"):
    pass


@dataclass(frozen=True)
class Ulang(Tombol, awalan="dft:ulang"):
    pass


def _papan_langkah(lay: Layanan, langkah: str) -> InlineKeyboardMarkup | None:
    if langkah == "jenjang":
        pilihan = [(j, Jenjang(j)) for j in validasi.JENJANG]
        return papan([pilihan[:4], pilihan[4:]])
    if langkah == "zona_waktu":
        return papan([[(lay.render.label(f"zona.{z}"), ZonaWaktu(z))] for z in validasi.ZONA_WAKTU])
    if langkah == "konfirmasi":
        r = lay.render
        return papan(
            [[(r.label("tombol.simpan"), Simpan())], [(r.label("tombol.ulangi"), Ulang())]]
        )
    return None


async def _tanya(
    update: Update,
    context: Konteks,
    isi: dict[str, Any],
    tolak: Ditolak | None = None,
    lanjut: bool = False,
) -> None:
    lay = layanan(context)
    langkah = pendaftaran.langkah_berikut(isi)
    teks_galat = lay.render.label(f"galat.{tolak.alasan}", **tolak.rincian) if tolak else None
    teks = lay.render.pesan(
        "daftar/tanya", langkah=langkah, isi=isi, galat=teks_galat, lanjut=lanjut
    )
    await balas(update, context, teks, _papan_langkah(lay, langkah))


@akses("start", ditolak=None)
async def start(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Welcome; `/start <kode>` from an invite link joins directly."""
    if context.args:
        await gabung.gabung_dengan_kode(update, context, aktor, context.args[0])
        return
    r = layanan(context).render
    tombol = (
        None
        if aktor.aktif
        else papan(
            [
                [(r.label("tombol.daftarkan_sekolah"), MulaiDaftar())],
                [(r.label("tombol.gabung_kode"), gabung.MulaiGabung())],
            ]
        )
    )
    await balas(update, context, r.pesan("start", aktor=aktor), tombol)


async def _ditolak(update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak) -> str | int:
    """A refused step: a stale button is answered; a lost draft ends the registration; any
    other reason comes back in the question, asked again."""
    lay = layanan(context)
    isi = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    if tolak.alasan == USANG:
        await jawab_tombol(update, lay.render.label("notifikasi.tombol_usang"))
        return MENGISI if isi is not None else END
    if isi is None or tolak.alasan == "draf_hilang":
        if update.callback_query is not None:
            await ubah(update, lay.render.label(f"galat.{tolak.alasan}"))
        else:
            await galat(update, context, tolak.alasan)
        return END
    await _tanya(update, context, isi, tolak)
    return MENGISI


async def _simpan_ditolak(
    update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak
) -> str | int:
    """Saving refused (the NPSN taken meanwhile, ...): the registration starts over."""
    if tolak.alasan in (USANG, "draf_hilang"):
        return await _ditolak(update, context, aktor, tolak)
    lay = layanan(context)
    await _tanya(update, context, await pendaftaran.ulangi(lay, aktor.pengguna_id), tolak)
    return MENGISI


async def _mulai(update: Update, context: Konteks, aktor: Aktor) -> str:
    await jawab_tombol(update)
    lay = layanan(context)
    lama = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    isi = await pendaftaran.mulai(lay, aktor.pengguna_id)
    await _tanya(update, context, isi, lanjut=bool(lama))
    return MENGISI


@akses("daftar")
async def mulai(update: Update, context: Konteks, aktor: Aktor) -> str:
    """Start or resume a registration."""
    return await _mulai(update, context, aktor)


@tombol(MulaiDaftar, "daftar")
async def mulai_tombol(update: Update, context: Konteks, aktor: Aktor, t: MulaiDaftar) -> str:
    """The button under the welcome: as /daftar."""
    return await _mulai(update, context, aktor)


@akses("daftar", saat_ditolak=_ditolak)
async def terima_teks(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A typed answer for the current step."""
    lay = layanan(context)
    isi = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    if isi is None:
        raise Ditolak("draf_hilang")
    langkah = pendaftaran.langkah_berikut(isi)
    if langkah in pendaftaran.LANGKAH_TOMBOL:
        raise Ditolak("pakai_tombol")
    assert update.message is not None and update.message.text is not None
    nilai = pendaftaran.baca_isian(langkah, update.message.text)
    isi = await pendaftaran.isi_langkah(lay, aktor.pengguna_id, langkah, nilai)
    await _tanya(update, context, isi)
    return MENGISI


async def _di_langkah(lay: Layanan, aktor: Aktor, langkah: str) -> dict[str, Any]:
    """The draft, when it waits at `langkah`; else the button is stale."""
    isi = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    if isi is None or pendaftaran.langkah_berikut(isi) != langkah:
        raise Ditolak(USANG)
    return isi


async def _pilih(update: Update, context: Konteks, aktor: Aktor, langkah: str, nilai: str) -> str:
    """A choice by button for `langkah`: shown in place of the question, then the next one."""
    lay = layanan(context)
    await _di_langkah(lay, aktor, langkah)
    await jawab_tombol(update)
    pilihan = pendaftaran.baca_pilihan(langkah, nilai)
    isi = await pendaftaran.isi_langkah(lay, aktor.pengguna_id, langkah, pilihan)
    r = lay.render
    tampil = r.label(f"zona.{pilihan}") if langkah == "zona_waktu" else pilihan
    await ubah(update, r.pesan("daftar/terpilih", judul=r.label(f"judul.{langkah}"), nilai=tampil))
    await _tanya(update, context, isi)
    return MENGISI


@tombol(Jenjang, "daftar", saat_ditolak=_ditolak)
async def pilih_jenjang(update: Update, context: Konteks, aktor: Aktor, t: Jenjang) -> str:
    """The school's level."""
    return await _pilih(update, context, aktor, "jenjang", t.nilai)


@tombol(ZonaWaktu, "daftar", saat_ditolak=_ditolak)
async def pilih_zona(update: Update, context: Konteks, aktor: Aktor, t: ZonaWaktu) -> str:
    """The school's time zone."""
    return await _pilih(update, context, aktor, "zona_waktu", t.nilai)


@tombol(Ulang, "daftar", saat_ditolak=_ditolak)
async def ulang(update: Update, context: Konteks, aktor: Aktor, t: Ulang) -> str:
    """Start the answers over (the summary's 'Ulangi')."""
    lay = layanan(context)
    await _di_langkah(lay, aktor, "konfirmasi")
    await jawab_tombol(update)
    await hapus_tombol(update)
    await _tanya(update, context, await pendaftaran.ulangi(lay, aktor.pengguna_id))
    return MENGISI


@tombol(Simpan, "daftar", saat_ditolak=_simpan_ditolak)
async def simpan(update: Update, context: Konteks, aktor: Aktor, t: Simpan) -> int:
    """Register the school (the summary's 'Simpan'); its kepala_sekolah is the user."""
    lay = layanan(context)
    await _di_langkah(lay, aktor, "konfirmasi")
    await jawab_tombol(update)
    baru = await pendaftaran.simpan(lay, aktor.pengguna_id)
    await ubah(update, lay.render.pesan("daftar/berhasil", sekolah=baru))
    await menu.pasang_untuk(context.bot, lay.render, aktor.pengguna_id, Peran.KEPALA_SEKOLAH)
    return END


@akses("daftar")
async def bukan_teks(update: Update, context: Konteks, aktor: Aktor) -> str:
    """A photo, sticker or file where a typed answer or a button is expected."""
    isi = await pendaftaran.draf_aktif(layanan(context), aktor.pengguna_id) or {}
    langkah = pendaftaran.langkah_berikut(isi)
    alasan = "pakai_tombol" if langkah in pendaftaran.LANGKAH_TOMBOL else f"{langkah}_salah"
    await _tanya(update, context, isi, Ditolak(alasan))
    return MENGISI


@akses("daftar")
async def sela(update: Update, context: Konteks, aktor: Aktor) -> str:
    """Another command in the middle of a registration: say so, and ask the question again."""
    lay = layanan(context)
    await balas(
        update, context, lay.render.pesan("sela", kegiatan=lay.render.label("kegiatan.daftar"))
    )
    isi = await pendaftaran.draf_aktif(lay, aktor.pengguna_id) or {}
    await _tanya(update, context, isi)
    return MENGISI


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/start, and the persistent /daftar conversation."""
    daftar = percakapan(
        entry_points=[
            CommandHandler("daftar", mulai, filters=PRIBADI),
            penangan_tombol(mulai_tombol),
        ],
        states={
            MENGISI: [
                MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, terima_teks),
                *(penangan_tombol(f) for f in (pilih_jenjang, pilih_zona, ulang, simpan)),
                MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, bukan_teks),
            ]
        },
        fallbacks=[batal.fallback(), MessageHandler(PRIBADI & filters.COMMAND, sela)],
        name="daftar",
        persistent=True,
        allow_reentry=True,
    )
    return [CommandHandler("start", start, filters=PRIBADI), daftar]
