"""/rapor: bring the school's Rapor Pendidikan in. The kepala sekolah or koordinator uploads the
Excel download (a preview first; saved only after confirming, whole), or types the priority
indicators one by one, and may correct a value later (audited). The steps live in the draft
"rapor", so a restart between two presses loses nothing."""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses
from bot.dokumen.rapor_impor import BATAS_BERKAS
from bot.layanan import Ditolak, draf
from bot.layanan import rapor as lay_rapor
from bot.layanan.aktor import Aktor
from bot.mutu import rapor as rp
from percakapan import batal
from percakapan import rapor_tampil as tampil
from percakapan._umum import (
    PRIBADI,
    Konteks,
    galat,
    jawab_tombol,
    layanan,
    percakapan,
)

MENUNGGU = "menunggu"  # a file, a typed value, or a button is expected
END = -1
DRAF = "rapor"


async def _simpan_draf(context: Konteks, aktor: Aktor, isi: dict[str, Any] | None) -> None:
    await draf.simpan(layanan(context), aktor.pengguna_id, DRAF, isi)


@akses("rapor")
async def mulai(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """/rapor: the panel; a file may be sent right away."""
    await _simpan_draf(context, aktor, {"langkah": "berkas"})
    try:
        await tampil.panel(update, context, aktor)
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    return MENUNGGU


@akses("rapor")
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """An uploaded file: read it off the event loop and show what was read."""
    lay = layanan(context)
    assert update.message is not None
    dok = update.message.document
    if dok is None:
        await galat(update, context, "rapor_perlu_berkas")
        return MENUNGGU
    try:
        if (dok.file_size or 0) > BATAS_BERKAS:
            raise Ditolak("rapor_besar")
        isi = bytes(await (await dok.get_file()).download_as_bytearray())
        p = await lay_rapor.pratinjau(lay, aktor, isi, dok.file_name)
    except Ditolak as tolak:
        if tolak.alasan == "bukan_pengelola":
            await galat(update, context, tolak.alasan)
            return END
        await _simpan_draf(context, aktor, {"langkah": "berkas"})
        await tampil.tidak_terbaca(update, context, tolak.alasan)
        return MENUNGGU
    await _simpan_draf(context, aktor, {**p.draf(), "sumber": "berkas"})
    await tampil.pratinjau(update, context, p, await lay_rapor.npsn_sekolah(lay, aktor))
    return MENUNGGU


async def _tanya_berikut(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any]
) -> int | str:
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


Isi = dict[str, Any]


async def _ketik(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:k`: start typing; first the edition (this year's or last year's)."""
    lay = layanan(context)
    tahun = lay.sekarang().year
    await _simpan_draf(context, aktor, {"langkah": "ketik_edisi", "tahun": tahun})
    jumlah = len(await lay_rapor.prioritas_sekolah(lay, aktor))
    await tampil.ketik_edisi(update, context, tahun, jumlah)
    return MENUNGGU


async def _edisi(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:ke:<tahun>`: the edition chosen; ask the first indicator."""
    if isi.get("langkah") != "ketik_edisi" or int(arg[0]) not in (isi["tahun"], isi["tahun"] - 1):
        raise Ditolak("tombol_usang")
    baru = {"edisi": f"Rapor Pendidikan {int(arg[0])}", "capaian": []}
    return await _tanya_berikut(update, context, aktor, baru)


async def _label(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:kl:<kode>:<label>`: the label; then the value (none for Tidak Tersedia)."""
    if isi.get("langkah") != "ketik_label" or arg[0] != isi.get("kode"):
        raise Ditolak("tombol_usang")
    label = rp.Label(arg[1])
    b = await _baris(context, aktor, arg[0])
    satu = {"kode": b.kode, "label": label.value}
    if label == rp.Label.TIDAK_TERSEDIA:
        return await _tanya_berikut(
            update, context, aktor, {**isi, "capaian": [*isi["capaian"], satu]}
        )
    await _simpan_draf(context, aktor, {**isi, "langkah": "ketik_nilai", "satu": satu})
    await tampil.ketik_nilai(update, context, b)
    return MENUNGGU


async def _arah(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:ka:<kode>:<arah|x>`: the change from last year; then the rank group."""
    if isi.get("langkah") != "ketik_arah" or arg[0] != isi.get("kode"):
        raise Ditolak("tombol_usang")
    satu = {**isi["satu"], "arah": None if arg[1] == "x" else rp.Arah(arg[1]).value}
    await _simpan_draf(context, aktor, {**isi, "langkah": "ketik_peringkat", "satu": satu})
    await tampil.ketik_peringkat(update, context, await _baris(context, aktor, arg[0]))
    return MENUNGGU


async def _peringkat(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:kp:<kode>:<1-5|x>`: the national rank group; then the next indicator."""
    if isi.get("langkah") != "ketik_peringkat" or arg[0] != isi.get("kode"):
        raise Ditolak("tombol_usang")
    q = None if arg[1] == "x" else int(arg[1])
    if q is not None and not 1 <= q <= 5:
        raise Ditolak("tombol_usang")
    satu = {**isi["satu"], "peringkat_nasional": q}
    sisa = {k: v for k, v in isi.items() if k != "satu"}
    return await _tanya_berikut(
        update, context, aktor, {**sisa, "capaian": [*isi["capaian"], satu]}
    )


async def _simpan(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:y` / `rpr:yb` (another school's file, confirmed): save the previewed import."""
    if isi.get("langkah") != "konfirmasi":
        raise Ditolak("tombol_usang")
    lay = layanan(context)
    sumber = isi.get("sumber", "berkas")
    await lay_rapor.simpan(lay, aktor, isi, sumber=sumber, beda_dikonfirmasi=bool(arg))
    await _simpan_draf(context, aktor, None)
    await tampil.panel(update, context, aktor, lay.render.label("notifikasi.tersimpan"))
    return END


async def _batal(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:n`: drop what was read or typed."""
    await _simpan_draf(context, aktor, None)
    await tampil.panel(update, context, aktor)
    return END


async def _koreksi(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:c` lists the priority indicators; `rpr:ck:<kode>` asks the right label."""
    t = await lay_rapor.terbaru(layanan(context), aktor)
    if t is None:
        raise Ditolak("rapor_belum_ada")
    if not arg:
        await tampil.koreksi_pilih(update, context, t)
        return MENUNGGU
    b = next((x for x in t.prioritas if x.kode == arg[0]), None)
    if b is None:
        raise Ditolak("tombol_usang")
    await tampil.koreksi_label(update, context, b)
    return MENUNGGU


async def _koreksi_label(
    update: Update, context: Konteks, aktor: Aktor, isi: Isi, arg: list[str]
) -> int | str:
    """`rpr:cl:<kode>:<label>`: save the corrected label; then ask the value."""
    label = rp.Label(arg[1])
    await lay_rapor.koreksi(
        layanan(context), aktor, arg[0], {"label": label.value, "teks_label": None}
    )
    b = await _baris(context, aktor, arg[0])
    await _simpan_draf(context, aktor, {"langkah": "koreksi_nilai", "kode": b.kode})
    await tampil.ketik_nilai(update, context, b)
    return MENUNGGU


# `rpr:<aksi>:...` -> its step. `yb` saves like `y`, with the other-school confirmation.
AKSI = {
    "k": _ketik,
    "ke": _edisi,
    "kl": _label,
    "ka": _arah,
    "kp": _peringkat,
    "y": _simpan,
    "n": _batal,
    "c": _koreksi,
    "ck": _koreksi,
    "cl": _koreksi_label,
}


@akses("rapor")
async def tombol(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Every `rpr:` button: check it against the draft, then run its step."""
    lay = layanan(context)
    assert update.callback_query is not None and update.callback_query.data is not None
    _, aksi, *arg = update.callback_query.data.split(":")
    await jawab_tombol(update)
    if aksi == "yb":
        aksi, arg = "y", ["beda"]
    langkah = AKSI.get(aksi)
    try:
        if langkah is None:
            raise Ditolak("tombol_usang")
        return await langkah(
            update, context, aktor, await draf.ambil(lay, aktor.pengguna_id, DRAF), arg
        )
    except (Ditolak, IndexError, KeyError, ValueError) as tolak:
        alasan = tolak.alasan if isinstance(tolak, Ditolak) else "tombol_usang"
        await galat(update, context, alasan)
        return END if alasan == "bukan_pengelola" else MENUNGGU


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
    try:
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
    except Ditolak as tolak:
        await galat(update, context, tolak.alasan)
        return END
    return MENUNGGU


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/rapor and its buttons, files and typed values."""
    tombol_h = CallbackQueryHandler(tombol, pattern=r"^rpr:")
    return [
        percakapan(
            entry_points=[CommandHandler("rapor", mulai, filters=PRIBADI), tombol_h],
            states={
                MENUNGGU: [
                    tombol_h,
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
