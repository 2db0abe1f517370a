"""/gabung and invite links: joining a school with a code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import (
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import menu
from bot.akses import akses, tombol
from bot.layanan import Ditolak, anggota, undangan
from bot.layanan.aktor import Aktor
from bot.mutu import validasi
from bot.pengingat import kirim_segera
from bot.tombol import Tombol
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    penangan_tombol,
    percakapan,
    ubah,
)

MENUNGGU_KODE = "menunggu_kode"
END = ConversationHandler.END


@dataclass(frozen=True)
class MulaiGabung(Tombol, awalan="mulai:gabung"):
    """'Gabung dengan kode' under the welcome of /start."""


@dataclass(frozen=True)
class IzinkanKembali(Tombol, awalan="gbk"):
    """On the notice of a removed member's attempt to rejoin (bot/layanan/undangan.py
    writes its data, "gbk:<keanggotaan_id>", into the outbox)."""

    keanggotaan_id: int


async def _tanya_kode(
    update: Update, context: Konteks, alasan: str | None = None, **r: Any
) -> None:
    lay = layanan(context)
    teks_galat = lay.render.label(f"galat.{alasan}", **r) if alasan else None
    await balas(update, context, lay.render.pesan("gabung/tanya_kode", galat=teks_galat))


async def gabung_dengan_kode(update: Update, context: Konteks, aktor: Aktor, teks: str) -> None:
    """Join with a typed code and tell the user; the kepala_sekolah and the code's maker hear
    of it through the outbox. A wrong code raises `Ditolak` (told by `@akses`)."""
    lay = layanan(context)
    kode = validasi.kode_undangan(teks)
    if kode is None:
        raise Ditolak("kode_format")
    hasil = await undangan.gabung(lay, aktor.pengguna_id, kode)
    await balas(update, context, lay.render.pesan("gabung/berhasil", hasil=hasil))
    await menu.pasang_untuk(context.bot, lay.render, aktor.pengguna_id, hasil.peran)
    kirim_segera(context.application)


async def _mulai(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    await jawab_tombol(update)
    if context.args:
        await gabung_dengan_kode(update, context, aktor, " ".join(context.args))
        return END
    await _tanya_kode(update, context)
    return MENUNGGU_KODE


@akses("gabung")
async def mulai(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """`/gabung KODE` joins at once; `/gabung` asks for the code."""
    return await _mulai(update, context, aktor)


@tombol(MulaiGabung, "gabung")
async def mulai_tombol(update: Update, context: Konteks, aktor: Aktor, t: MulaiGabung) -> str | int:
    """The button under the welcome: ask for the code."""
    return await _mulai(update, context, aktor)


async def _kode_ditolak(update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak) -> str:
    """A wrong code: why, and the question again."""
    await galat(update, context, tolak.alasan, **tolak.rincian)
    await _tanya_kode(update, context)
    return MENUNGGU_KODE


@akses("gabung", saat_ditolak=_kode_ditolak)
async def terima_kode(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """The typed code; a wrong one is explained and asked for again."""
    assert update.message is not None and update.message.text is not None
    await gabung_dengan_kode(update, context, aktor, update.message.text)
    return END


@tombol(IzinkanKembali, "anggota", ditolak=None, di_tombol=True)
async def izinkan_kembali(
    update: Update, context: Konteks, aktor: Aktor, t: IzinkanKembali
) -> None:
    """The kepala_sekolah's button on the notice of a removed member's attempt to rejoin."""
    lay = layanan(context)
    a = await anggota.izinkan_kembali(lay, aktor, t.keanggotaan_id)
    await jawab_tombol(update)
    sekolah = aktor.aktif.sekolah_nama if aktor.aktif else ""
    await ubah(update, lay.render.pesan("gabung/diizinkan", nama=a.nama, sekolah=sekolah))


@akses("gabung")
async def sela(update: Update, context: Konteks, aktor: Aktor) -> str:
    """Anything else while a code is expected."""
    lay = layanan(context)
    teks = lay.render.pesan("sela", kegiatan=lay.render.label("kegiatan.gabung"))
    await balas(update, context, teks)
    await _tanya_kode(update, context)
    return MENUNGGU_KODE


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The persistent /gabung conversation."""
    return [
        percakapan(
            entry_points=[
                CommandHandler("gabung", mulai, filters=PRIBADI),
                penangan_tombol(mulai_tombol),
            ],
            states={
                MENUNGGU_KODE: [
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, terima_kode),
                    MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, sela),
                ]
            },
            fallbacks=[batal.fallback(), MessageHandler(PRIBADI & filters.COMMAND, sela)],
            name="gabung",
            persistent=True,
            allow_reentry=True,
        ),
        penangan_tombol(izinkan_kembali),
    ]
