"""/monev: the coordinator sees every activity's state, evaluates each program (target met,
achievement, reason, follow-up) and gets the Laporan Monev as PDF."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.dokumen import monev as dok_monev
from bot.layanan import Ditolak, draf, monev
from bot.layanan.aktor import Aktor
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    penangan_sela,
    percakapan,
)

MENGISI = "mengisi"
END = -1
DRAF = "monev"


@akses("monev")
async def tampil(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The monitoring picture, with the evaluation and the report."""
    lay = layanan(context)
    await jawab_tombol(update)
    try:
        m = await monev.lihat(lay, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    r = lay.render
    tombol = papan(
        [
            [(r.label("tombol.evaluasi_program"), "mnv:ev")],
            [(r.label("tombol.kirim_laporan_monev"), "mnv:pdf")],
        ]
    )
    sekolah = aktor.aktif.sekolah_nama if aktor.aktif else ""
    bagian = r.pesan_panjang("monev/ringkasan", m=m, sekolah=sekolah)
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(update, context, bagian[-1], tombol)
    return END


@akses("monev")
async def tombol(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The evaluation's buttons: which program, target met, follow-up."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, *arg = update.callback_query.data.split(":")
    await jawab_tombol(update)
    r = lay.render
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    if aksi == "ev":
        m = await monev.lihat(lay, aktor)
        baris = [[(f"{kode} · {nama}"[:60], f"mnv:p:{kode}:{no}")] for kode, no, nama in m.program]
        await balas(update, context, r.pesan("monev/pilih_program"), papan(baris))
        return END
    if aksi == "p":
        m = await monev.lihat(lay, aktor)
        nama = next((n for kode, no, n in m.program if (kode, str(no)) == (arg[0], arg[1])), None)
        if nama is None:
            await galat(update, context, "tombol_usang")
            return END
        isi = {
            "langkah": "target",
            "indikator": arg[0],
            "program": int(arg[1]),
            "program_nama": nama,
        }
        await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
        pilihan = [[(r.label(f"monev.target.{t}"), f"mnv:t:{t}")] for t in monev.TARGET]
        await balas(update, context, r.pesan("monev/tanya", isi=isi, galat=None), papan(pilihan))
        return END
    if aksi == "t" and isi.get("langkah") == "target" and arg[0] in monev.TARGET:
        isi = {**isi, "target": arg[0], "langkah": "capaian"}
        await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
        await balas(update, context, r.pesan("monev/tanya", isi=isi, galat=None))
        return MENGISI
    if aksi == "l" and isi.get("langkah") == "tindak_lanjut" and arg[0] in monev.TINDAK_LANJUT:
        await monev.evaluasi(
            lay,
            aktor,
            isi["indikator"],
            isi["program"],
            isi["target"],
            isi["capaian"],
            isi["alasan"],
            arg[0],
        )
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await balas(update, context, r.pesan("monev/tersimpan", isi=isi, tindak=arg[0]))
        return END
    if aksi == "pdf":
        await _kirim_pdf(update, context, aktor)
        return END
    await galat(update, context, "tombol_usang")  # the press was answered above
    return END


@akses("monev")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The typed steps: what was achieved, and why."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())[:1000]
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    r = lay.render
    if not masukan:
        await balas(
            update, context, r.pesan("monev/tanya", isi=isi, galat=r.label("galat.teks_kosong"))
        )
        return MENGISI
    if isi.get("langkah") == "capaian":
        isi = {**isi, "capaian": masukan, "langkah": "alasan"}
        await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
        await balas(update, context, r.pesan("monev/tanya", isi=isi, galat=None))
        return MENGISI
    if isi.get("langkah") == "alasan":
        isi = {**isi, "alasan": masukan, "langkah": "tindak_lanjut"}
        await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
        pilihan = [
            [(r.label(f"monev.tindak_lanjut.{t}"), f"mnv:l:{t}") for t in monev.TINDAK_LANJUT]
        ]
        await balas(update, context, r.pesan("monev/tanya", isi=isi, galat=None), papan(pilihan))
        return END
    await galat(update, context, "pakai_tombol")
    return END


async def _kirim_pdf(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    assert update.effective_chat is not None
    data = await monev.dokumen(lay, aktor)
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_DOCUMENT)
    pdf = await asyncio.to_thread(dok_monev.buat_pdf, data)
    await context.bot.send_document(
        update.effective_chat.id, pdf, filename=dok_monev.nama_berkas(data)
    )


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/monev and its evaluation conversation."""
    tombol_h = CallbackQueryHandler(tombol, pattern=r"^mnv:")
    return [
        percakapan(
            entry_points=[CommandHandler("monev", tampil, filters=PRIBADI), tombol_h],
            states={
                MENGISI: [tombol_h, MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks)]
            },
            fallbacks=[batal.fallback(), penangan_sela("monev", "monev", MENGISI)],
            name="monev",
            persistent=True,
            allow_reentry=True,
        )
    ]
