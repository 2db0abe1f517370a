"""/privasi, /datasaya, /hapusdata and /nama: what the bot keeps about a person, a copy of it,
erasure after a confirmation, and the name the bot shows."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import menu
from bot.akses import akses
from bot.layanan import Ditolak, privasi
from bot.layanan.aktor import Aktor
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    bangun_sekali,
    jawab_tombol,
    layanan,
    papan,
    ubah,
)


@akses("privasi", ditolak=None)
async def pemberitahuan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The privacy notice, with buttons to get or erase one's data."""
    r = layanan(context).render
    tombol = papan(
        [
            [(r.label("tombol.privasi_unduh"), "prv:unduh")],
            [(r.label("tombol.privasi_hapus"), "prv:hapus")],
        ]
    )
    teks = r.pesan("privasi/pemberitahuan", retensi=privasi.RETENSI_TANPA_SEKOLAH.days)
    await balas(update, context, teks, tombol)


async def _kirim_data(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)

    async def kirim(chat_id: int) -> None:
        paket = await privasi.ekspor(lay, aktor.pengguna_id)
        for nama, isi in paket.berkas:
            await context.bot.send_document(chat_id, isi, filename=nama)
        await context.bot.send_message(
            chat_id,
            lay.render.pesan(
                "privasi/data_terkirim", jumlah_bukti=paket.jumlah_bukti, dilewati=paket.dilewati
            ),
        )

    if not bangun_sekali(update, context, (aktor.pengguna_id, "datasaya", 0), kirim):
        r = lay.render
        await balas(
            update, context, r.pesan("laporan/disiapkan", dokumen=r.label("privasi.data_saya"))
        )


@akses("datasaya", ditolak=None)
async def datasaya(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A file of everything the bot holds about the person, sent here."""
    await jawab_tombol(update)
    await _kirim_data(update, context, aktor)


@akses("hapusdata", ditolak=None)
async def hapusdata(update: Update, context: Konteks, aktor: Aktor) -> None:
    """What erasure does, and a button to confirm it; a last kepala sekolah is told to hand
    the school over first."""
    await jawab_tombol(update)
    lay = layanan(context)
    r = lay.render
    sekolah = await privasi.sekolah_kepala_terakhir(lay, aktor.pengguna_id)
    if sekolah:
        await balas(update, context, r.pesan("privasi/kepala_terakhir", sekolah=sekolah))
        return
    tombol = papan(
        [
            [(r.label("tombol.privasi_hapus_ya"), "prv:hapus:ya")],
            [(r.label("tombol.batal"), "prv:hapus:batal")],
        ]
    )
    await balas(update, context, r.pesan("privasi/hapus_konfirmasi", aktor=aktor), tombol)


@akses("hapusdata", ditolak=None)
async def hapus_ya(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Erase now; the chat is told, and the command menu is the one of a new user."""
    await jawab_tombol(update)
    lay = layanan(context)
    r = lay.render
    try:
        await privasi.hapus(lay, aktor.pengguna_id)
    except Ditolak as tolak:
        await ubah(update, r.pesan("privasi/kepala_terakhir", sekolah=[tolak.rincian["sekolah"]]))
        return
    await ubah(update, r.pesan("privasi/terhapus"))
    await menu.pasang_untuk(context.bot, r, aktor.pengguna_id, None)


@akses("hapusdata", ditolak=None)
async def hapus_batal(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Keep everything."""
    await jawab_tombol(update)
    await ubah(update, layanan(context).render.pesan("privasi/hapus_batal"))


@akses("nama", ditolak=None)
async def nama(update: Update, context: Konteks, aktor: Aktor) -> None:
    """`/nama Nama Baru` sets the name the bot shows; `/nama` alone says how."""
    lay = layanan(context)
    r = lay.render
    baru = " ".join(context.args or [])
    if not baru:
        await balas(update, context, r.pesan("privasi/nama", nama=aktor.nama))
        return
    try:
        dipakai = await privasi.ganti_nama(lay, aktor.pengguna_id, baru)
    except Ditolak as tolak:
        teks = r.label(f"galat.{tolak.alasan}", **tolak.rincian)
        await balas(update, context, r.pesan("galat", galat=teks))
        return
    await balas(update, context, r.pesan("privasi/nama_diganti", nama=dipakai))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/privasi, /datasaya, /hapusdata, /nama and their buttons."""
    return [
        CommandHandler("privasi", pemberitahuan, filters=PRIBADI),
        CommandHandler("datasaya", datasaya, filters=PRIBADI),
        CommandHandler("hapusdata", hapusdata, filters=PRIBADI),
        CommandHandler("nama", nama, filters=PRIBADI),
        CallbackQueryHandler(datasaya, pattern=r"^prv:unduh$"),
        CallbackQueryHandler(hapusdata, pattern=r"^prv:hapus$"),
        CallbackQueryHandler(hapus_ya, pattern=r"^prv:hapus:ya$"),
        CallbackQueryHandler(hapus_batal, pattern=r"^prv:hapus:batal$"),
    ]
