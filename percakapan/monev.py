"""/monev: the coordinator sees every activity's state, evaluates each program (target met,
achievement, reason, follow-up) and gets the Laporan Monev as PDF."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tombol
from bot.dokumen import monev as dok_monev
from bot.layanan import Ditolak, Layanan, draf, monev
from bot.layanan.aktor import Aktor
from bot.mutu.siklus_rp import EvaluasiRapor
from bot.tombol import Tombol
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    penangan_sela,
    penangan_tombol,
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
    m = await monev.lihat(lay, aktor)
    r = lay.render
    tombol_monev = papan(
        [
            [(r.label("tombol.evaluasi_program"), PilihProgram())],
            [(r.label("tombol.kirim_laporan_monev"), KirimPdf())],
        ]
    )
    sekolah = aktor.aktif.sekolah_nama if aktor.aktif else ""
    bagian = r.pesan_panjang("monev/ringkasan", m=m, sekolah=sekolah)
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    await balas(update, context, bagian[-1], tombol_monev)
    return END


@dataclass(frozen=True)
class PilihProgram(Tombol, awalan="mnv:ev"):
    pass


@dataclass(frozen=True)
class Program(Tombol, awalan="mnv:p"):
    indikator: str
    program: int


@dataclass(frozen=True)
class Target(Tombol, awalan="mnv:t"):
    target: str  # one of bot.layanan.monev.TARGET


@dataclass(frozen=True)
class TindakLanjut(Tombol, awalan="mnv:l"):
    tindak: str  # one of bot.layanan.monev.TINDAK_LANJUT


@dataclass(frozen=True)
class KirimPdf(Tombol, awalan="mnv:pdf"):
    pass


@dataclass(frozen=True)
class PakaiRapor(Tombol, awalan="mnv:rp"):
    """Take the achievement from the Rapor Pendidikan editions (the program's indicator)."""


def _capaian_rapor(lay: Layanan, e: EvaluasiRapor | None) -> str | None:
    """The achievement read from two editions, as stored ("A.1 dari Kurang (...) ke Sedang
    (...); target Sedang"); None when there is no newer edition or no label."""
    if e is None or e.target is None or e.edisi_akhir is None or e.akhir is None:
        return None
    if e.awal is None or e.awal.label is None or e.akhir.label is None:
        return None
    r = lay.render
    return r.label(
        "monev.capaian_rapor",
        kode=e.kode,
        awal=r.label(f"rapor.label.{e.awal.label}"),
        edisi_awal=e.edisi_awal,
        akhir=r.label(f"rapor.label.{e.akhir.label}"),
        edisi_akhir=e.edisi_akhir,
        target=r.label(f"rapor.label.{e.target}"),
    )


async def _langkah(lay: Layanan, aktor: Aktor, langkah: str) -> dict[str, Any]:
    """The draft, when it waits at this step; else the button is stale."""
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    if isi.get("langkah") != langkah:
        raise Ditolak("tombol_usang")
    return isi


@tombol(PilihProgram, "monev")
async def pilih_program(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """Which program to evaluate."""
    lay = layanan(context)
    await jawab_tombol(update)
    m = await monev.lihat(lay, aktor)
    baris: list[list[TombolPapan]] = [
        [(f"{kode} · {nama}"[:60], Program(kode, no))] for kode, no, nama in m.program
    ]
    await balas(update, context, lay.render.pesan("monev/pilih_program"), papan(baris))
    return END


@tombol(Program, "monev")
async def program(update: Update, context: Konteks, aktor: Aktor, t: Program) -> int:
    """A program chosen: was its target met?"""
    lay = layanan(context)
    r = lay.render
    await jawab_tombol(update)
    m = await monev.lihat(lay, aktor)
    nama = next((n for kode, no, n in m.program if (kode, no) == (t.indikator, t.program)), None)
    if nama is None:
        raise Ditolak("tombol_usang")
    rapor = m.rapor.get(t.indikator)
    isi = {
        "langkah": "target",
        "indikator": t.indikator,
        "program": t.program,
        "program_nama": nama,
        "rapor_capaian": _capaian_rapor(lay, rapor),
    }
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
    pilihan: list[list[TombolPapan]] = [
        [(r.label(f"monev.target.{x}"), Target(x))] for x in monev.TARGET
    ]
    teks_tanya = r.pesan("monev/tanya", isi=isi, galat=None, rapor=rapor)
    await balas(update, context, teks_tanya, papan(pilihan))
    return END


@tombol(Target, "monev")
async def target(update: Update, context: Konteks, aktor: Aktor, t: Target) -> int | str:
    """Target met or not: ask what was achieved."""
    lay = layanan(context)
    await jawab_tombol(update)
    isi = await _langkah(lay, aktor, "target")
    if t.target not in monev.TARGET:
        raise Ditolak("tombol_usang")
    isi = {**isi, "target": t.target, "langkah": "capaian"}
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
    pakai = (
        papan([[(lay.render.label("monev.tombol_capaian_rapor"), PakaiRapor())]])
        if isi.get("rapor_capaian")
        else None
    )
    await balas(update, context, lay.render.pesan("monev/tanya", isi=isi, galat=None), pakai)
    return MENGISI


@tombol(PakaiRapor, "monev")
async def pakai_rapor(update: Update, context: Konteks, aktor: Aktor, t: PakaiRapor) -> int | str:
    """The achievement taken from the Rapor Pendidikan editions: ask why."""
    lay = layanan(context)
    await jawab_tombol(update)
    isi = await _langkah(lay, aktor, "capaian")
    if not isi.get("rapor_capaian"):
        raise Ditolak("tombol_usang")
    isi = {**isi, "capaian": isi["rapor_capaian"], "langkah": "alasan"}
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
    await balas(update, context, lay.render.pesan("monev/tanya", isi=isi, galat=None))
    return MENGISI


@tombol(TindakLanjut, "monev")
async def tindak_lanjut(update: Update, context: Konteks, aktor: Aktor, t: TindakLanjut) -> int:
    """The follow-up: the evaluation is stored."""
    lay = layanan(context)
    await jawab_tombol(update)
    isi = await _langkah(lay, aktor, "tindak_lanjut")
    if t.tindak not in monev.TINDAK_LANJUT:
        raise Ditolak("tombol_usang")
    await monev.evaluasi(
        lay,
        aktor,
        isi["indikator"],
        isi["program"],
        isi["target"],
        isi["capaian"],
        isi["alasan"],
        t.tindak,
    )
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    await balas(update, context, lay.render.pesan("monev/tersimpan", isi=isi, tindak=t.tindak))
    return END


@tombol(KirimPdf, "monev")
async def kirim_pdf(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """The monev report (PDF)."""
    await jawab_tombol(update)
    await _kirim_pdf(update, context, aktor)
    return END


@akses("monev")
async def usang(update: Update, context: Konteks, aktor: Aktor) -> int:
    """An `mnv:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


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
            [(r.label(f"monev.tindak_lanjut.{x}"), TindakLanjut(x)) for x in monev.TINDAK_LANJUT]
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
    # One handler per kind of button; an `mnv:` button of no kind (an old message) is stale.
    jenis = (pilih_program, program, target, pakai_rapor, tindak_lanjut, kirim_pdf)
    tombol_h = [penangan_tombol(f) for f in jenis]
    tombol_h.append(CallbackQueryHandler(usang, pattern=r"^mnv:"))
    return [
        percakapan(
            entry_points=[CommandHandler("monev", tampil, filters=PRIBADI), *tombol_h],
            states={
                MENGISI: [
                    *tombol_h,
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("monev", "monev", MENGISI)],
            name="monev",
            persistent=True,
            allow_reentry=True,
        )
    ]
