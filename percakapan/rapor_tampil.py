"""What /rapor shows: the panel of the school's latest Rapor Pendidikan, the preview of a file
or of typed values before saving, and the questions of typing and correcting. Buttons are
typed (percakapan/rapor_tombol.py) and carry what they act on."""

from __future__ import annotations

from typing import Any

from telegram import Update

from bot.layanan import rapor as lay_rapor
from bot.layanan.aktor import Aktor
from bot.mutu import rapor as rp
from percakapan import rapor_tombol as tb
from percakapan._umum import Konteks, TombolPapan, balas, layanan, papan

LABEL_PILIHAN = (rp.Label.BAIK, rp.Label.SEDANG, rp.Label.KURANG, rp.Label.TIDAK_TERSEDIA)
ARAH_PILIHAN = (rp.Arah.NAIK, rp.Arah.TURUN, rp.Arah.TETAP)


def _r(context: Konteks) -> Any:
    return layanan(context).render


def _tombol_label(
    r: Any, jenis: type[tb.Label] | type[tb.KoreksiLabel], kode: str
) -> list[list[TombolPapan]]:
    return [
        [(f"{r.label('rapor.warna.' + x)} {r.label('rapor.label.' + x)}", jenis(kode, x.value))]
        for x in LABEL_PILIHAN
    ]


async def panel(
    update: Update, context: Konteks, aktor: Aktor, pesan_atas: str | None = None
) -> None:
    """The school's latest import (or none yet), the ask for a file, and the buttons."""
    lay = layanan(context)
    r = lay.render
    tersimpan = await lay_rapor.terbaru(lay, aktor)
    baris: list[list[TombolPapan]] = [[(r.label("rapor.tombol.ketik"), tb.Ketik())]]
    if tersimpan is not None:
        baris.append([(r.label("rapor.tombol.koreksi"), tb.Koreksi())])
    assert aktor.aktif is not None
    teks = r.pesan(
        "rapor/panel",
        pesan_atas=pesan_atas,
        sekolah=aktor.aktif.sekolah_nama,
        tersimpan=tersimpan,
    )
    await balas(update, context, teks, papan(baris))


async def tidak_terbaca(update: Update, context: Konteks, alasan: str) -> None:
    """A file that cannot be read: why, what was looked for, and the offer to type."""
    r = _r(context)
    teks = r.pesan("rapor/tidak_terbaca", galat=r.label(f"galat.{alasan}"))
    await balas(update, context, teks, papan([[(r.label("rapor.tombol.ketik"), tb.Ketik())]]))


async def pratinjau(
    update: Update, context: Konteks, p: lay_rapor.Pratinjau, npsn_sekolah: str | None
) -> None:
    """What was read (or typed), with the confirm button; another school's file asks for an
    explicit confirmation."""
    r = _r(context)
    simpan: TombolPapan = (
        (r.label("rapor.tombol.simpan_sekolah_lain"), tb.SimpanSekolahLain())
        if p.beda_sekolah
        else (r.label("rapor.tombol.simpan"), tb.Simpan())
    )
    teks = r.pesan("rapor/pratinjau", p=p, npsn_sekolah=npsn_sekolah)
    await balas(
        update, context, teks, papan([[simpan], [(r.label("rapor.tombol.batal"), tb.Batal())]])
    )


async def ketik_edisi(update: Update, context: Konteks, tahun: int, jumlah: int) -> None:
    """Which edition is being typed: this year's or last year's."""
    r = _r(context)
    baris = [[(r.label("rapor.tombol.edisi", tahun=t), tb.Edisi(t))] for t in (tahun, tahun - 1)]
    await balas(update, context, r.pesan("rapor/ketik_edisi", jumlah=jumlah), papan(baris))


async def ketik_label(
    update: Update,
    context: Konteks,
    b: lay_rapor.Baris,
    nomor: int,
    jumlah: int,
    pesan_atas: str | None = None,
) -> None:
    """The label of the next priority indicator, by button."""
    r = _r(context)
    teks = r.pesan("rapor/ketik_label", b=b, nomor=nomor, jumlah=jumlah, pesan_atas=pesan_atas)
    await balas(update, context, teks, papan(_tombol_label(r, tb.Label, b.kode)))


async def ketik_nilai(
    update: Update, context: Konteks, b: lay_rapor.Baris, galat: str | None = None
) -> None:
    """The value, typed."""
    r = _r(context)
    teks = r.pesan("rapor/ketik_nilai", b=b, galat=r.label(f"galat.{galat}") if galat else None)
    await balas(update, context, teks)


async def ketik_arah(update: Update, context: Konteks, b: lay_rapor.Baris) -> None:
    """The change from last year, by button (or skipped)."""
    r = _r(context)
    baris: list[list[TombolPapan]] = [
        [(r.label(f"rapor.arah.{a}"), tb.Arah(b.kode, a.value))] for a in ARAH_PILIHAN
    ]
    baris.append([(r.label("rapor.tombol.lewati"), tb.Arah(b.kode))])
    await balas(update, context, r.pesan("rapor/ketik_arah", b=b), papan(baris))


async def ketik_peringkat(update: Update, context: Konteks, b: lay_rapor.Baris) -> None:
    """The national rank group, by button, or skipped."""
    r = _r(context)
    baris: list[list[TombolPapan]] = [
        [(r.label(f"rapor.peringkat.{q}"), tb.Peringkat(b.kode, q))] for q in range(1, 6)
    ]
    baris.append([(r.label("rapor.tombol.lewati"), tb.Peringkat(b.kode))])
    await balas(update, context, r.pesan("rapor/ketik_peringkat", b=b), papan(baris))


async def koreksi_pilih(update: Update, context: Konteks, t: lay_rapor.Tersimpan) -> None:
    """The priority indicators to pick one to correct."""
    r = _r(context)
    baris: list[list[TombolPapan]] = [
        [(r.label("rapor.tombol.indikator", kode=b.kode, nama=b.nama), tb.KoreksiPilih(b.kode))]
        for b in t.prioritas
    ]
    await balas(update, context, r.pesan("rapor/koreksi_pilih", edisi=t.impor.edisi), papan(baris))


async def koreksi_label(update: Update, context: Konteks, b: lay_rapor.Baris) -> None:
    """The correct label of one indicator, by button."""
    r = _r(context)
    await balas(
        update,
        context,
        r.pesan("rapor/koreksi_label", b=b),
        papan(_tombol_label(r, tb.KoreksiLabel, b.kode)),
    )
