"""/rapor: bring the school's Rapor Pendidikan in. The kepala sekolah or koordinator uploads the
Excel download (a preview first; saved only after confirming, whole), or types the priority
indicators one by one, and may correct a value later (audited). The steps live in the draft
"rapor", so a restart between two presses loses nothing."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tombol
from bot.layanan import Ditolak, draf
from bot.layanan import rapor as lay_rapor
from bot.layanan.aktor import Aktor
from bot.mutu import rapor as rp
from percakapan import batal
from percakapan import rapor_tampil as tampil
from percakapan import rapor_tombol as tb
from percakapan._umum import (
    PRIBADI,
    Konteks,
    galat,
    jawab_tombol,
    layanan,
    penangan_tombol,
    percakapan,
)

MENUNGGU = "menunggu"  # a file, a typed value, or a button is expected
END = -1
DRAF = "rapor"
Isi = dict[str, Any]


async def _simpan_draf(context: Konteks, aktor: Aktor, isi: Isi | None) -> None:
    await draf.simpan(layanan(context), aktor.pengguna_id, DRAF, isi)


async def _draf(context: Konteks, aktor: Aktor) -> Isi:
    return await draf.ambil(layanan(context), aktor.pengguna_id, DRAF)


def _langkah(isi: Isi, langkah: str, kode: str | None = None) -> None:
    """A button of another step (or another indicator) than the draft's is stale."""
    if isi.get("langkah") != langkah or (kode is not None and kode != isi.get("kode")):
        raise Ditolak("tombol_usang")


def _label(teks: str) -> rp.Label:
    if teks not in {x.value for x in rp.Label}:
        raise Ditolak("tombol_usang")
    return rp.Label(teks)


@akses("rapor")
async def mulai(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """/rapor: the panel; a file may be sent right away."""
    await _simpan_draf(context, aktor, {"langkah": "berkas"})
    await tampil.panel(update, context, aktor)
    return MENUNGGU


@akses("rapor")
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """An uploaded file: read it off the event loop and show what was read; a file that
    cannot be read says why, with the offer to type."""
    lay = layanan(context)
    assert update.message is not None
    dok = update.message.document
    if dok is None:
        await galat(update, context, "rapor_perlu_berkas")
        return MENUNGGU

    async def unduh() -> bytes:
        return bytes(await (await dok.get_file()).download_as_bytearray())

    p = await lay_rapor.baca_unggahan(lay, aktor, dok.file_size, unduh, dok.file_name)
    if isinstance(p, str):
        await _simpan_draf(context, aktor, {"langkah": "berkas"})
        await tampil.tidak_terbaca(update, context, p)
        return MENUNGGU
    await _simpan_draf(context, aktor, {**p.draf(), "sumber": "berkas"})
    await tampil.pratinjau(update, context, p, await lay_rapor.npsn_sekolah(lay, aktor))
    return MENUNGGU


async def _tanya_berikut(update: Update, context: Konteks, aktor: Aktor, isi: Isi) -> int | str:
    """Ask the label of the next priority indicator, or show all typed values to confirm."""
    lay = layanan(context)
    prioritas = await lay_rapor.prioritas_sekolah(lay, aktor)
    i = len(isi["capaian"])
    if i < len(prioritas):
        await _simpan_draf(
            context, aktor, {**isi, "langkah": "ketik_label", "kode": prioritas[i].kode}
        )
        await tampil.ketik_label(update, context, prioritas[i], i + 1, len(prioritas))
        return MENUNGGU
    p = await lay_rapor.pratinjau_ketik(lay, aktor, isi["edisi"], isi["capaian"])
    await _simpan_draf(context, aktor, {**p.draf(), "sumber": "ketik"})
    await tampil.pratinjau(update, context, p, None)
    return MENUNGGU


async def _baris(context: Konteks, aktor: Aktor, kode: str) -> lay_rapor.Baris:
    prioritas = await lay_rapor.prioritas_sekolah(layanan(context), aktor)
    b = next((x for x in prioritas if x.kode == kode), None)
    if b is None:
        raise Ditolak("tombol_usang")
    return b


@tombol(tb.Ketik, "rapor", ditolak=MENUNGGU)
async def ketik(update: Update, context: Konteks, aktor: Aktor, t: tb.Ketik) -> int | str:
    """Start typing; first the edition (this year's or last year's)."""
    lay = layanan(context)
    await jawab_tombol(update)
    tahun = lay.sekarang().year
    await _simpan_draf(context, aktor, {"langkah": "ketik_edisi", "tahun": tahun})
    jumlah = len(await lay_rapor.prioritas_sekolah(lay, aktor))
    await tampil.ketik_edisi(update, context, tahun, jumlah)
    return MENUNGGU


@tombol(tb.Edisi, "rapor", ditolak=MENUNGGU)
async def edisi(update: Update, context: Konteks, aktor: Aktor, t: tb.Edisi) -> int | str:
    """The edition chosen; ask the first indicator."""
    await jawab_tombol(update)
    isi = await _draf(context, aktor)
    _langkah(isi, "ketik_edisi")
    if t.tahun not in (isi["tahun"], isi["tahun"] - 1):
        raise Ditolak("tombol_usang")
    baru = {"edisi": f"Rapor Pendidikan {t.tahun}", "capaian": []}
    return await _tanya_berikut(update, context, aktor, baru)


@tombol(tb.Label, "rapor", ditolak=MENUNGGU)
async def label(update: Update, context: Konteks, aktor: Aktor, t: tb.Label) -> int | str:
    """The label; then the value (none for Tidak Tersedia)."""
    await jawab_tombol(update)
    isi = await _draf(context, aktor)
    _langkah(isi, "ketik_label", t.kode)
    lab = _label(t.label)
    b = await _baris(context, aktor, t.kode)
    satu = {"kode": b.kode, "label": lab.value}
    if lab == rp.Label.TIDAK_TERSEDIA:
        return await _tanya_berikut(
            update, context, aktor, {**isi, "capaian": [*isi["capaian"], satu]}
        )
    await _simpan_draf(context, aktor, {**isi, "langkah": "ketik_nilai", "satu": satu})
    await tampil.ketik_nilai(update, context, b)
    return MENUNGGU


@tombol(tb.Arah, "rapor", ditolak=MENUNGGU)
async def arah(update: Update, context: Konteks, aktor: Aktor, t: tb.Arah) -> int | str:
    """The change from last year (or skipped); then the rank group."""
    await jawab_tombol(update)
    isi = await _draf(context, aktor)
    _langkah(isi, "ketik_arah", t.kode)
    if t.arah is not None and t.arah not in {x.value for x in rp.Arah}:
        raise Ditolak("tombol_usang")
    satu = {**isi["satu"], "arah": t.arah}
    await _simpan_draf(context, aktor, {**isi, "langkah": "ketik_peringkat", "satu": satu})
    await tampil.ketik_peringkat(update, context, await _baris(context, aktor, t.kode))
    return MENUNGGU


@tombol(tb.Peringkat, "rapor", ditolak=MENUNGGU)
async def peringkat(update: Update, context: Konteks, aktor: Aktor, t: tb.Peringkat) -> int | str:
    """The national rank group (or skipped); then the next indicator."""
    await jawab_tombol(update)
    isi = await _draf(context, aktor)
    _langkah(isi, "ketik_peringkat", t.kode)
    if t.kelompok is not None and not 1 <= t.kelompok <= 5:
        raise Ditolak("tombol_usang")
    satu = {**isi["satu"], "peringkat_nasional": t.kelompok}
    sisa = {k: v for k, v in isi.items() if k != "satu"}
    return await _tanya_berikut(
        update, context, aktor, {**sisa, "capaian": [*isi["capaian"], satu]}
    )


async def _simpan(
    update: Update, context: Konteks, aktor: Aktor, *, beda_dikonfirmasi: bool
) -> int | str:
    await jawab_tombol(update)
    isi = await _draf(context, aktor)
    _langkah(isi, "konfirmasi")
    lay = layanan(context)
    sumber = isi.get("sumber", "berkas")
    await lay_rapor.simpan(lay, aktor, isi, sumber=sumber, beda_dikonfirmasi=beda_dikonfirmasi)
    await _simpan_draf(context, aktor, None)
    await tampil.panel(update, context, aktor, lay.render.label("notifikasi.tersimpan"))
    return END


@tombol(tb.Simpan, "rapor", ditolak=MENUNGGU)
async def simpan(update: Update, context: Konteks, aktor: Aktor, t: tb.Simpan) -> int | str:
    """Save the previewed import (another school's file needs the other button)."""
    return await _simpan(update, context, aktor, beda_dikonfirmasi=False)


@tombol(tb.SimpanSekolahLain, "rapor", ditolak=MENUNGGU)
async def simpan_sekolah_lain(
    update: Update, context: Konteks, aktor: Aktor, t: tb.SimpanSekolahLain
) -> int | str:
    """Save another school's file for one's own school, explicitly confirmed."""
    return await _simpan(update, context, aktor, beda_dikonfirmasi=True)


@tombol(tb.Batal, "rapor", ditolak=MENUNGGU)
async def batal_impor(update: Update, context: Konteks, aktor: Aktor, t: tb.Batal) -> int | str:
    """Drop what was read or typed."""
    await jawab_tombol(update)
    await _simpan_draf(context, aktor, None)
    await tampil.panel(update, context, aktor)
    return END


async def _tersimpan(context: Konteks, aktor: Aktor) -> lay_rapor.Tersimpan:
    t = await lay_rapor.terbaru(layanan(context), aktor)
    if t is None:
        raise Ditolak("rapor_belum_ada")
    return t


@tombol(tb.Koreksi, "rapor", ditolak=MENUNGGU)
async def koreksi(update: Update, context: Konteks, aktor: Aktor, t: tb.Koreksi) -> int | str:
    """The priority indicators of the latest import, to pick one to correct."""
    await jawab_tombol(update)
    await tampil.koreksi_pilih(update, context, await _tersimpan(context, aktor))
    return MENUNGGU


@tombol(tb.KoreksiPilih, "rapor", ditolak=MENUNGGU)
async def koreksi_pilih(
    update: Update, context: Konteks, aktor: Aktor, t: tb.KoreksiPilih
) -> int | str:
    """Ask the right label of one indicator."""
    await jawab_tombol(update)
    ada = await _tersimpan(context, aktor)
    b = next((x for x in ada.prioritas if x.kode == t.kode), None)
    if b is None:
        raise Ditolak("tombol_usang")
    await tampil.koreksi_label(update, context, b)
    return MENUNGGU


@tombol(tb.KoreksiLabel, "rapor", ditolak=MENUNGGU)
async def koreksi_label(
    update: Update, context: Konteks, aktor: Aktor, t: tb.KoreksiLabel
) -> int | str:
    """Save the corrected label; then ask the value."""
    await jawab_tombol(update)
    lab = _label(t.label)
    b = await _baris(context, aktor, t.kode)
    await lay_rapor.koreksi(
        layanan(context), aktor, t.kode, {"label": lab.value, "teks_label": None}
    )
    await _simpan_draf(context, aktor, {"langkah": "koreksi_nilai", "kode": b.kode})
    await tampil.ketik_nilai(update, context, b)
    return MENUNGGU


TOMBOL = (
    ketik,
    edisi,
    label,
    arah,
    peringkat,
    simpan,
    simpan_sekolah_lain,
    batal_impor,
    koreksi,
    koreksi_pilih,
    koreksi_label,
)


def _nilai(teks: str) -> tuple[bool, float | None]:
    """(readable, value) of a typed value: "-" is no value; else a number 0-100."""
    if teks.strip() == "-":
        return True, None
    nilai = rp.angka(teks)
    return nilai is not None and rp.nilai_sah("", nilai), nilai


@akses("rapor")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A typed value (while typing the report or correcting one); otherwise the ask again."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    langkah = isi.get("langkah")
    if langkah not in ("ketik_nilai", "koreksi_nilai"):
        await galat(update, context, "rapor_perlu_berkas")
        return MENUNGGU
    b = await _baris(context, aktor, isi["kode"])
    terbaca, nilai = _nilai(update.message.text)
    if not terbaca:
        await tampil.ketik_nilai(update, context, b, "rapor_nilai")
        return MENUNGGU
    if langkah == "koreksi_nilai":
        await lay_rapor.koreksi(lay, aktor, b.kode, {"nilai": nilai})
        await _simpan_draf(context, aktor, None)
        await tampil.panel(update, context, aktor, lay.render.label("notifikasi.tersimpan"))
        return END
    satu = {**isi["satu"], "nilai": nilai}
    await _simpan_draf(context, aktor, {**isi, "langkah": "ketik_arah", "satu": satu})
    await tampil.ketik_arah(update, context, b)
    return MENUNGGU


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/rapor and its buttons, files and typed values."""
    tombol_h = [penangan_tombol(f) for f in TOMBOL]
    return [
        percakapan(
            entry_points=[CommandHandler("rapor", mulai, filters=PRIBADI), *tombol_h],
            states={
                MENUNGGU: [
                    *tombol_h,
                    MessageHandler(PRIBADI & (filters.Document.ALL | filters.PHOTO), berkas),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            # No catch-all for other commands: /rapor waits for a file from its start, and
            # another command passes through to its own handler, leaving the wait in place.
            fallbacks=[batal.fallback()],
            name="rapor",
            persistent=True,
            allow_reentry=True,
        )
    ]
