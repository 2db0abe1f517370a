"""/privasi, /datasaya, /hapusdata and /nama: what the bot keeps about a person, a copy of it,
erasure after a confirmation, and the name the bot shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot import menu
from bot.akses import akses, tolakan, tombol
from bot.layanan import Ditolak, privasi
from bot.layanan.aktor import Aktor
from bot.tombol import Tombol
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    bangun_sekali,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
    ubah,
)


@dataclass(frozen=True)
class Unduh(Tombol, awalan="prv:unduh"):
    """A copy of one's data (as /datasaya)."""


@dataclass(frozen=True)
class Hapus(Tombol, awalan="prv:hapus"):
    """Erasure: without `jawab` what it does (as /hapusdata); then "ya" or "batal"."""

    jawab: str | None = None


@akses("privasi", ditolak=None)
async def pemberitahuan(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The privacy notice, with buttons to get or erase one's data."""
    r = layanan(context).render
    tombol = papan(
        [
            [(r.label("tombol.privasi_unduh"), Unduh())],
            [(r.label("tombol.privasi_hapus"), Hapus())],
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
    await _kirim_data(update, context, aktor)


@akses("hapusdata", ditolak=None)
async def hapusdata(update: Update, context: Konteks, aktor: Aktor) -> None:
    """What erasure does, and a button to confirm it."""
    await _tanya_hapus(update, context, aktor)


async def _tanya_hapus(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A last kepala sekolah is told to hand the school over first."""
    lay = layanan(context)
    r = lay.render
    sekolah = await privasi.sekolah_kepala_terakhir(lay, aktor.pengguna_id)
    if sekolah:
        await balas(update, context, r.pesan("privasi/kepala_terakhir", sekolah=sekolah))
        return
    tombol = papan(
        [
            [(r.label("tombol.privasi_hapus_ya"), Hapus("ya"))],
            [(r.label("tombol.batal"), Hapus("batal"))],
        ]
    )
    await balas(update, context, r.pesan("privasi/hapus_konfirmasi", aktor=aktor), tombol)


async def _hapus_ditolak(update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak) -> None:
    """The only kepala sekolah of a school keeps their data: told in place of the question."""
    if tolak.alasan != "kepala_terakhir":
        await tolakan(update, context, tolak)
        return
    r = layanan(context).render
    await ubah(update, r.pesan("privasi/kepala_terakhir", sekolah=[tolak.rincian["sekolah"]]))


async def hapus_ya(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Erase now; the chat is told, and the command menu is the one of a new user."""
    r = layanan(context).render
    await privasi.hapus(layanan(context), aktor.pengguna_id)
    await ubah(update, r.pesan("privasi/terhapus"))
    await menu.pasang_untuk(context.bot, r, aktor.pengguna_id, None)


async def hapus_batal(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Keep everything."""
    await ubah(update, layanan(context).render.pesan("privasi/hapus_batal"))


@tombol(Unduh, "datasaya", ditolak=None)
async def unduh(update: Update, context: Konteks, aktor: Aktor, t: Unduh) -> None:
    """The button under the notice: as /datasaya."""
    await jawab_tombol(update)
    await _kirim_data(update, context, aktor)


@tombol(Hapus, "hapusdata", ditolak=None, saat_ditolak=_hapus_ditolak)
async def hapus(update: Update, context: Konteks, aktor: Aktor, t: Hapus) -> None:
    """The erasure buttons: what it does, then erase or keep."""
    await jawab_tombol(update)
    if t.jawab is None:
        await _tanya_hapus(update, context, aktor)
    elif t.jawab == "ya":
        await hapus_ya(update, context, aktor)
    elif t.jawab == "batal":
        await hapus_batal(update, context, aktor)
    else:
        raise Ditolak("tombol_usang")


@akses("nama", ditolak=None)
async def nama(update: Update, context: Konteks, aktor: Aktor) -> None:
    """`/nama Nama Baru` sets the name the bot shows; `/nama` alone says how."""
    lay = layanan(context)
    r = lay.render
    baru = " ".join(context.args or [])
    if not baru:
        await balas(update, context, r.pesan("privasi/nama", nama=aktor.nama))
        return
    dipakai = await privasi.ganti_nama(lay, aktor.pengguna_id, baru)
    await balas(update, context, r.pesan("privasi/nama_diganti", nama=dipakai))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/privasi, /datasaya, /hapusdata, /nama and their buttons."""
    return [
        CommandHandler("privasi", pemberitahuan, filters=PRIBADI),
        CommandHandler("datasaya", datasaya, filters=PRIBADI),
        CommandHandler("hapusdata", hapusdata, filters=PRIBADI),
        CommandHandler("nama", nama, filters=PRIBADI),
        penangan_tombol(unduh),
        penangan_tombol(hapus),
    ]
