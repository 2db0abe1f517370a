"""Stage 3 in the chat: a PIC accepts a commitment or asks to discuss it, reads /komitmen,
reports progress with /lapor (status, percent, note, evidence); the coordinator accepts a
reported 'selesai' or sends it back. Steps live in a draft in the database."""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tolakan, tombol
from bot.layanan import Ditolak, Layanan, draf, komitmen, pengingat_rencana
from bot.layanan.aktor import Aktor
from bot.layanan.komitmen import Komitmen
from bot.layanan.waktu import hari_ini, zona_sekolah
from bot.mutu.angka import baca_angka
from bot.mutu.peran import PENGELOLA
from bot.pengingat import kirim_segera
from bot.tombol import USANG, Tombol
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    galat,
    hapus_tombol,
    jawab_tombol,
    layanan,
    navigasi_jenis,
    papan,
    penangan_sela,
    penangan_tombol,
    percakapan,
    ubah,
    unduh_berkas,
)
from percakapan.daftar import ganti_tombol, potong

log = logging.getLogger(__name__)
MENGISI = "mengisi"
END = -1
DRAF = "komitmen"


async def _draf(lay: Layanan, aktor: Aktor, isi: dict[str, Any] | None) -> None:
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)


async def _isi(lay: Layanan, aktor: Aktor) -> dict[str, Any]:
    return await draf.ambil(lay, aktor.pengguna_id, DRAF)


@dataclass(frozen=True)
class Tanggapan(Tombol, awalan="kmt"):
    """A PIC's answer to a new commitment: "y" committed, "n" to be discussed."""

    jawab: str
    komitmen_id: int


@dataclass(frozen=True)
class PilihLaporan(Tombol, awalan="lpr:k"):
    komitmen_id: int


@dataclass(frozen=True)
class HalamanLaporan(Tombol, awalan="lpr:h"):
    """Another page of the commitments to report on."""

    nomor: int


@dataclass(frozen=True)
class StatusLaporan(Tombol, awalan="lpr:s"):
    status: str  # one of bot.layanan.komitmen.STATUS_LAPORAN


@dataclass(frozen=True)
class PersenLaporan(Tombol, awalan="lpr:p"):
    persen: int


@dataclass(frozen=True)
class TanpaBukti(Tombol, awalan="lpr:b"):
    nol: int = 0  # kept so the buttons already sent ("lpr:b:0") still work


@dataclass(frozen=True)
class Verifikasi(Tombol, awalan="kmv"):
    """A manager's answer to a reported 'selesai': "t" accepted, "k" sent back."""

    aksi: str
    komitmen_id: int


@dataclass(frozen=True)
class Tunda(Tombol, awalan="pgn:t"):
    """'Remind me later' on a commitment reminder (sent by the outbox)."""

    komitmen_id: int
    hari: int


@tombol(Tanggapan, "komitmen", di_tombol=True)
async def tanggapi(update: Update, context: Konteks, aktor: Aktor, t: Tanggapan) -> int | str:
    """'Saya berkomitmen' is recorded at once; 'Perlu dibahas' asks for the reason first."""
    lay = layanan(context)
    if t.jawab not in ("y", "n"):
        raise Ditolak("tombol_usang")
    k = await komitmen.ambil(lay, aktor, t.komitmen_id)
    if k.pengguna_id != aktor.pengguna_id:
        raise Ditolak("bukan_pic")
    if k.respons != "menunggu":
        raise Ditolak("sudah_ditanggapi")
    if t.jawab == "n":
        await jawab_tombol(update)
        await _draf(lay, aktor, {"langkah": "alasan", "komitmen": k.id})
        await balas(update, context, lay.render.pesan("komitmen/tanya_alasan", k=k))
        return MENGISI
    k = await komitmen.tanggapi(lay, aktor, k.id, "berkomitmen", None)
    await pengingat_rencana.rencanakan(lay, aktor, k)
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("komitmen/tanggapan", k=k))
    return END


async def _akhiri(update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak) -> int:
    """A use-case refused the response, report or verification: why, and the step is left
    (a stale button leaves the draft as it is)."""
    await tolakan(update, context, tolak)
    if tolak.alasan != USANG:
        await _draf(layanan(context), aktor, None)
    return END


async def _kirim_alasan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], teks: str
) -> int | str:
    lay = layanan(context)
    k = await komitmen.tanggapi(lay, aktor, isi["komitmen"], "perlu_dibahas", teks)
    await _draf(lay, aktor, None)
    await balas(update, context, lay.render.pesan("komitmen/tanggapan", k=k))
    kirim_segera(context.application)  # the managers' notice, planned with the response
    return END


@akses("komitmen", ditolak=None)
async def daftar(update: Update, context: Konteks, aktor: Aktor) -> None:
    """A teacher's own commitments; managers see all, grouped by PIC and status."""
    lay = layanan(context)
    semua = aktor.peran in PENGELOLA
    isi = await komitmen.daftar(lay, aktor, semua=semua)
    kelompok: dict[str, list[Komitmen]] = defaultdict(list)
    for k in sorted(isi, key=lambda k: (k.pic_nama, k.kemajuan, k.kegiatan.selesai)):
        kelompok[k.pic_nama].append(k)
    teks = lay.render.pesan_panjang(
        "komitmen/daftar",
        daftar=list(kelompok.items()),
        semua=semua,
        sekolah=aktor.aktif.sekolah_nama if aktor.aktif else "",
        hari_ini=await hari_ini(lay, aktor.sekolah_id or 0),
    )
    for bagian in teks:
        await balas(update, context, bagian)


@akses("lapor")
async def lapor(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Choose which commitment to report on."""
    lay = layanan(context)
    milik = [
        k for k in await komitmen.daftar(lay, aktor, semua=False) if k.verifikasi != "diterima"
    ]
    if not milik:
        await balas(
            update,
            context,
            lay.render.pesan("komitmen/daftar", daftar=[], semua=False, sekolah="", hari_ini=None),
        )
        return END
    await balas(update, context, lay.render.pesan("komitmen/pilih"), _papan_lapor(lay, milik, 0))
    return MENGISI


def _papan_lapor(lay: Layanan, milik: list[Komitmen], nomor: int) -> InlineKeyboardMarkup:
    """A page of the commitments to report on, one button a row, then ‹ ›."""
    h = potong([(k.kegiatan.deskripsi[:60], PilihLaporan(k.id)) for k in milik], nomor)
    baris: list[list[TombolPapan]] = [[pilihan] for pilihan in h.isi]
    if navigasi := navigasi_jenis(lay.render, h.nomor, h.jumlah, HalamanLaporan):
        baris.append(navigasi)
    return papan(baris)


@tombol(HalamanLaporan, "lapor", ditolak=None, di_tombol=True)
async def halaman_lapor(update: Update, context: Konteks, aktor: Aktor, t: HalamanLaporan) -> None:
    """Another page of the commitments to report on, under the same question."""
    lay = layanan(context)
    await jawab_tombol(update)
    semua = await komitmen.daftar(lay, aktor, semua=False)
    milik = [k for k in semua if k.verifikasi != "diterima"]
    await ganti_tombol(update, _papan_lapor(lay, milik, t.nomor))


async def _langkah(lay: Layanan, aktor: Aktor, langkah: str) -> dict[str, Any]:
    """The report's draft, when it waits at this step; else the button is stale."""
    isi = await _isi(lay, aktor)
    if isi.get("langkah") != langkah:
        raise Ditolak("tombol_usang")
    return isi


@tombol(PilihLaporan, "lapor")
async def pilih_laporan(
    update: Update, context: Konteks, aktor: Aktor, t: PilihLaporan
) -> int | str:
    """The commitment to report on: ask its status."""
    lay = layanan(context)
    r = lay.render
    await jawab_tombol(update)
    k = await komitmen.ambil(lay, aktor, t.komitmen_id)
    if k.pengguna_id != aktor.pengguna_id:
        raise Ditolak("bukan_pic")
    await _draf(lay, aktor, {"langkah": "status", "komitmen": k.id})
    pilihan: list[list[TombolPapan]] = [
        [(r.label(f"status.{s}"), StatusLaporan(s))] for s in komitmen.STATUS_LAPORAN
    ]
    # A new message: the list the button came from (a weekly digest) stays readable.
    await balas(update, context, r.pesan("komitmen/tanya_status", k=k), papan(pilihan))
    return MENGISI


@tombol(StatusLaporan, "lapor", ditolak=MENGISI)
async def status_laporan(
    update: Update, context: Konteks, aktor: Aktor, t: StatusLaporan
) -> int | str:
    """The status: 'selesai' goes on to the note, the others ask the percent first."""
    lay = layanan(context)
    await jawab_tombol(update)
    isi = await _langkah(lay, aktor, "status")
    if t.status not in komitmen.STATUS_LAPORAN:
        raise Ditolak("tombol_usang")
    if t.status == "selesai":
        await _tanya_catatan(update, context, aktor, {**isi, "status": t.status, "persen": 100})
    else:
        await _draf(lay, aktor, {**isi, "status": t.status, "langkah": "persen"})
        pilihan: list[list[TombolPapan]] = [[(f"{p}%", PersenLaporan(p)) for p in (0, 25, 50, 75)]]
        await ubah(update, lay.render.pesan("komitmen/tanya_persen", galat=None), papan(pilihan))
    return MENGISI


@tombol(PersenLaporan, "lapor", ditolak=MENGISI)
async def persen_laporan(
    update: Update, context: Konteks, aktor: Aktor, t: PersenLaporan
) -> int | str:
    """The percent done: ask for the note."""
    lay = layanan(context)
    await jawab_tombol(update)
    isi = await _langkah(lay, aktor, "persen")
    await _tanya_catatan(update, context, aktor, {**isi, "persen": t.persen})
    return MENGISI


async def _lapor_ditolak(
    update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak
) -> int | str:
    """A stale button keeps the report where it is; a refused report ends it."""
    await tolakan(update, context, tolak)
    return MENGISI if tolak.alasan == USANG else END


@tombol(TanpaBukti, "lapor", saat_ditolak=_lapor_ditolak)
async def tanpa_bukti(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int | str:
    """The report without evidence."""
    lay = layanan(context)
    await jawab_tombol(update)
    isi = await _langkah(lay, aktor, "bukti")
    return await _selesai_lapor(update, context, aktor, isi, None)


@akses("lapor", ditolak=MENGISI)
async def usang(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """An `lpr:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


async def _tanya_catatan(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any]
) -> None:
    lay = layanan(context)
    await _draf(lay, aktor, {**isi, "langkah": "catatan"})
    await balas(update, context, lay.render.pesan("komitmen/tanya_catatan", status=isi["status"]))


@akses("lapor", saat_ditolak=_akhiri)
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed steps: a reason to discuss, a percent, a note, a verification comment."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())[:1000]
    isi = await _isi(lay, aktor)
    langkah = isi.get("langkah")
    if not masukan:
        await galat(update, context, "teks_kosong")
        return MENGISI
    if langkah == "alasan":
        return await _kirim_alasan(update, context, aktor, isi, masukan)
    if langkah == "persen":
        nilai = baca_angka(masukan.rstrip("%"))
        if nilai is None or not 0 <= nilai <= 100:
            await balas(
                update,
                context,
                lay.render.pesan(
                    "komitmen/tanya_persen", galat=lay.render.label("galat.persen_salah")
                ),
            )
            return MENGISI
        await _tanya_catatan(update, context, aktor, {**isi, "persen": int(nilai)})
        return MENGISI
    if langkah == "catatan":
        await _draf(lay, aktor, {**isi, "catatan": masukan, "langkah": "bukti"})
        tombol = papan([[(lay.render.label("tombol.tanpa_bukti"), TanpaBukti(0))]])
        await balas(update, context, lay.render.pesan("komitmen/tanya_bukti", galat=None), tombol)
        return MENGISI
    if langkah == "verifikasi":
        return await _verifikasi(update, context, aktor, isi["komitmen"], False, masukan)
    await galat(update, context, "pakai_tombol")
    return MENGISI


async def _bukti_ditolak(
    update: Update, context: Konteks, aktor: Aktor, tolak: Ditolak
) -> int | str:
    """A file that is no evidence: why, and the question again; a refused report ends it."""
    lay = layanan(context)
    if not tolak.alasan.startswith("bukti_"):
        await tolakan(update, context, tolak)
        return END
    tombol_bukti = papan([[(lay.render.label("tombol.tanpa_bukti"), TanpaBukti(0))]])
    teks_galat = lay.render.label(f"galat.{tolak.alasan}")
    pesan = lay.render.pesan("komitmen/tanya_bukti", galat=teks_galat)
    await balas(update, context, pesan, tombol_bukti)
    return MENGISI


@akses("lapor", saat_ditolak=_bukti_ditolak)
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Evidence for a report: a photo or a PDF, kept like stage-1 evidence."""
    lay = layanan(context)
    isi = await _isi(lay, aktor)
    pesan = update.message
    assert pesan is not None
    if isi.get("langkah") != "bukti":
        await galat(update, context, "bukan_bukti")
        return MENGISI
    berkas_masuk = await unduh_berkas(pesan)
    bukti_id = await komitmen.simpan_bukti(lay, aktor, isi["komitmen"], berkas_masuk)
    return await _selesai_lapor(update, context, aktor, isi, bukti_id)


async def _selesai_lapor(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], bukti_id: int | None
) -> int | str:
    lay = layanan(context)
    k = await komitmen.lapor(
        lay, aktor, isi["komitmen"], isi["status"], isi["persen"], isi.get("catatan"), bukti_id
    )
    await _draf(lay, aktor, None)
    await pengingat_rencana.rencanakan(lay, aktor, k)  # a finished one needs no more reminders
    await balas(
        update,
        context,
        lay.render.pesan("komitmen/laporan_tersimpan", k=k, ada_bukti=bukti_id is not None),
    )
    kirim_segera(context.application)  # a 'selesai' or 'terkendala' told to the managers
    return END


@tombol(Verifikasi, "komitmen_verifikasi", saat_ditolak=_akhiri)
async def tombol_verifikasi(
    update: Update, context: Konteks, aktor: Aktor, t: Verifikasi
) -> int | str:
    """Accept a reported 'selesai' at once, or ask for the comment that sends it back."""
    lay = layanan(context)
    await jawab_tombol(update)
    if t.aksi not in ("t", "k"):
        raise Ditolak("tombol_usang")
    if t.aksi == "t":
        return await _verifikasi(update, context, aktor, t.komitmen_id, True, None)
    await _draf(lay, aktor, {"langkah": "verifikasi", "komitmen": t.komitmen_id})
    await balas(
        update,
        context,
        lay.render.pesan("komitmen/tanya_komentar"),
    )
    return MENGISI


async def _verifikasi(
    update: Update, context: Konteks, aktor: Aktor, kid: int, terima: bool, komentar: str | None
) -> int | str:
    lay = layanan(context)
    k = await komitmen.verifikasi(lay, aktor, kid, terima, komentar)
    await _draf(lay, aktor, None)
    await pengingat_rencana.rencanakan(lay, aktor, k)
    teks = lay.render.pesan("komitmen/terverifikasi", k=k, komentar=komentar)
    if update.callback_query:
        await ubah(update, teks)
    else:
        await balas(update, context, teks)
    kirim_segera(context.application)  # the PIC's notice, planned with the verification
    return END


@tombol(Tunda, "komitmen", ditolak=None, di_tombol=True)
async def tunda(update: Update, context: Konteks, aktor: Aktor, t: Tunda) -> None:
    """'Ingatkan besok' / 'Ingatkan 3 hari lagi' on a reminder."""
    lay = layanan(context)
    saat = await pengingat_rencana.tunda(lay, aktor, t.komitmen_id, t.hari)
    await jawab_tombol(update)
    zona = await zona_sekolah(lay, aktor.sekolah_id or 0)
    await hapus_tombol(update)
    await balas(update, context, lay.render.pesan("pengingat/ditunda", saat=saat, zona=zona))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/komitmen, and the persistent conversation of answers, reports and verification."""
    # One handler per kind of button; an `lpr:` button of no kind (an old message) is stale.
    jenis = (tanggapi, pilih_laporan, status_laporan, persen_laporan, tanpa_bukti)
    tombol_h = [penangan_tombol(f) for f in (*jenis, tombol_verifikasi)]
    tombol_h.append(CallbackQueryHandler(usang, pattern=r"^lpr:"))
    return [
        CommandHandler("komitmen", daftar, filters=PRIBADI),
        penangan_tombol(tunda),
        penangan_tombol(halaman_lapor),
        percakapan(
            entry_points=[CommandHandler("lapor", lapor, filters=PRIBADI), *tombol_h],
            states={
                MENGISI: [
                    *tombol_h,
                    CommandHandler("lapor", lapor, filters=PRIBADI),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                    MessageHandler(PRIBADI & (filters.PHOTO | filters.Document.ALL), berkas),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("lapor", "komitmen", MENGISI)],
            name="komitmen",
            persistent=True,
            allow_reentry=True,
        ),
    ]
