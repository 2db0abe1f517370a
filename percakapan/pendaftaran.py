"""/start and /daftar: welcoming a user and registering a school.

The step of a registration is derived from its draft in the database, so after a restart or
a crash the next answer lands on the right question; the conversation state only routes."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import menu
from bot.akses import akses
from bot.layanan import Ditolak, Layanan, pendaftaran
from bot.layanan.aktor import Aktor
from bot.mutu import validasi
from bot.mutu.peran import Peran
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
    percakapan,
    ubah,
)

MENGISI = "mengisi"
END = ConversationHandler.END


def _papan_langkah(lay: Layanan, langkah: str) -> InlineKeyboardMarkup | None:
    if langkah == "jenjang":
        pilihan = [(j, f"dft:jenjang:{j}") for j in validasi.JENJANG]
        return papan([pilihan[:4], pilihan[4:]])
    if langkah == "zona_waktu":
        return papan(
            [[(lay.render.label(f"zona.{z}"), f"dft:zona_waktu:{z}")] for z in validasi.ZONA_WAKTU]
        )
    if langkah == "konfirmasi":
        r = lay.render
        return papan(
            [[(r.label("tombol.simpan"), "dft:simpan")], [(r.label("tombol.ulangi"), "dft:ulang")]]
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
                [(r.label("tombol.daftarkan_sekolah"), "mulai:daftar")],
                [(r.label("tombol.gabung_kode"), "mulai:gabung")],
            ]
        )
    )
    await balas(update, context, r.pesan("start", aktor=aktor), tombol)


@akses("daftar")
async def mulai(update: Update, context: Konteks, aktor: Aktor) -> str:
    """Start or resume a registration."""
    await jawab_tombol(update)
    lay = layanan(context)
    lama = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    isi = await pendaftaran.mulai(lay, aktor.pengguna_id)
    await _tanya(update, context, isi, lanjut=bool(lama))
    return MENGISI


@akses("daftar")
async def terima_teks(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A typed answer for the current step."""
    lay = layanan(context)
    isi = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    if isi is None:
        await galat(update, context, "draf_hilang")
        return END
    langkah = pendaftaran.langkah_berikut(isi)
    if langkah in pendaftaran.LANGKAH_TOMBOL:
        await _tanya(update, context, isi, Ditolak("pakai_tombol"))
        return MENGISI
    assert update.message is not None and update.message.text is not None
    try:
        nilai = pendaftaran.baca_isian(langkah, update.message.text)
        isi = await pendaftaran.isi_langkah(lay, aktor.pengguna_id, langkah, nilai)
    except Ditolak as tolak:
        await _tanya(update, context, isi, tolak)
        return MENGISI
    await _tanya(update, context, isi)
    return MENGISI


@akses("daftar")
async def terima_tombol(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A button of the registration: a choice, save, or start over."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, *nilai = update.callback_query.data.split(":", 2)
    isi = await pendaftaran.draf_aktif(lay, aktor.pengguna_id)
    langkah = pendaftaran.langkah_berikut(isi) if isi is not None else None
    if (
        isi is None
        or (aksi in ("simpan", "ulang")) != (langkah == "konfirmasi")
        or (nilai and aksi != langkah)
    ):
        await jawab_tombol(update, lay.render.label("notifikasi.tombol_usang"))
        return MENGISI if isi is not None else END
    await jawab_tombol(update)
    if aksi == "ulang":
        await hapus_tombol(update)
        await _tanya(update, context, await pendaftaran.ulangi(lay, aktor.pengguna_id))
        return MENGISI
    if aksi == "simpan":
        return await _simpan(update, context, aktor)
    try:
        pilihan = pendaftaran.baca_pilihan(aksi, nilai[0])
        isi = await pendaftaran.isi_langkah(lay, aktor.pengguna_id, aksi, pilihan)
    except Ditolak as tolak:
        await _tanya(update, context, isi, tolak)
        return MENGISI
    tampil = lay.render.label(f"zona.{pilihan}") if aksi == "zona_waktu" else pilihan
    await ubah(
        update,
        lay.render.pesan("daftar/terpilih", judul=lay.render.label(f"judul.{aksi}"), nilai=tampil),
    )
    await _tanya(update, context, isi)
    return MENGISI


async def _simpan(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    lay = layanan(context)
    try:
        baru = await pendaftaran.simpan(lay, aktor.pengguna_id)
    except Ditolak as tolak:
        if tolak.alasan == "draf_hilang":
            await ubah(update, lay.render.label("galat.draf_hilang"))
            return END
        await _tanya(update, context, await pendaftaran.ulangi(lay, aktor.pengguna_id), tolak)
        return MENGISI
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
            CallbackQueryHandler(mulai, pattern=r"^mulai:daftar$"),
        ],
        states={
            MENGISI: [
                MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, terima_teks),
                CallbackQueryHandler(terima_tombol, pattern=r"^dft:"),
                MessageHandler(PRIBADI & ~filters.COMMAND & ~filters.StatusUpdate.ALL, bukan_teks),
            ]
        },
        fallbacks=[batal.fallback(), MessageHandler(PRIBADI & filters.COMMAND, sela)],
        name="daftar",
        persistent=True,
        allow_reentry=True,
    )
    return [CommandHandler("start", start, filters=PRIBADI), daftar]
