"""/strategi: stage 5. The managers compare this cycle with the previous one, choose which
activities carry over, set the school's target per standard for the next cycle, and the
kepala_sekolah closes the cycle: the next one opens and the Laporan Siklus SPMI arrives.
A pengawas sees the comparison only."""

from __future__ import annotations

import asyncio
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tombol
from bot.dokumen import grafik
from bot.dokumen import siklus as dok_siklus
from bot.layanan import Ditolak, Layanan, draf, strategi
from bot.layanan.aktor import Aktor
from bot.layanan.strategi import Strategi
from bot.mutu import target_rapor as aturan_rp
from bot.mutu.peran import PENGELOLA, Peran
from percakapan import batal
from percakapan import strategi_tombol as tb
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    galat,
    halaman,
    jawab_tombol,
    layanan,
    navigasi_halaman,
    papan,
    penangan_sela,
    penangan_tombol,
    percakapan,
    ubah,
)

MENGETIK = "mengetik"
END = -1
DRAF = "strategi"


def _papan_panel(lay: Layanan, aktor: Aktor, s: Strategi) -> InlineKeyboardMarkup | None:
    t = lay.render.label
    if aktor.peran not in PENGELOLA:
        return None
    if s.tahap == 4:
        return papan([[(t("strategi.tombol.buka"), tb.Buka())]])
    baris: list[list[TombolPapan]] = [
        [(t("strategi.tombol.bawaan", jumlah=sum(c.dibawa for c in s.calon)), tb.Bawaan())],
        [(t("strategi.tombol.target"), tb.Target())],
    ]
    if aktor.peran is Peran.KEPALA_SEKOLAH:
        baris.append([(t("strategi.tombol.tutup", tahun=s.tahun_ajaran), tb.Tutup())])
    return papan(baris)


async def _tampilkan(update: Update, context: Konteks, aktor: Aktor, s: Strategi) -> None:
    lay = layanan(context)
    r = lay.render
    if s.tahap == 5:
        for teks in r.pesan_panjang("strategi/banding", s=s):
            await balas(update, context, teks)
        await _kirim_grafik(update, context, s)
    await balas(update, context, r.pesan("strategi/panel", s=s), _papan_panel(lay, aktor, s))


async def _kirim_grafik(update: Update, context: Konteks, s: Strategi) -> None:
    """Grouped bars of each standard in the previous cycle and this one; on a first cycle,
    this cycle's radar with the targets for the next. Drawn off the event loop."""
    assert update.effective_chat is not None
    r = layanan(context).render
    nama = [r.label(f"standar_pendek.{b.kode}") for b in s.standar]
    kini = [b.perubahan.sesudah for b in s.standar]
    await context.bot.send_chat_action(update.effective_chat.id, ChatAction.UPLOAD_PHOTO)
    if s.tahun_lalu:
        png = await asyncio.to_thread(
            grafik.batang_kelompok,
            nama,
            [b.perubahan.sebelum for b in s.standar],
            kini,
            r.label("strategi.grafik.judul_banding", lalu=s.tahun_lalu, kini=s.tahun_ajaran),
            s.tahun_lalu,
            s.tahun_ajaran,
        )
    else:
        png = await asyncio.to_thread(
            grafik.radar,
            nama,
            kini,
            r.label("strategi.grafik.judul_pertama", tahun=s.tahun_ajaran),
            [b.target_berlaku for b in s.standar],
            r.label("strategi.grafik.target", tahun=s.tahun_berikut),
            r.label("strategi.grafik.skor", tahun=s.tahun_ajaran),
        )
    keterangan = r.label_html("strategi.grafik.keterangan", sekolah=s.sekolah_nama)
    await context.bot.send_photo(update.effective_chat.id, png, caption=keterangan)
    if s.rapor is not None and s.rapor.akhir is not None and s.rapor.awal is not None:
        png_rapor = await asyncio.to_thread(
            dok_siklus.grafik_banding_rapor,
            strategi.baris_rapor(s.rapor),
            s.rapor.awal.edisi,
            s.rapor.akhir.edisi,
        )
        if png_rapor is not None:
            await context.bot.send_photo(
                update.effective_chat.id,
                png_rapor,
                caption=r.label_html(
                    "strategi.grafik.keterangan_rapor",
                    awal=s.rapor.awal.edisi,
                    akhir=s.rapor.akhir.edisi,
                ),
            )


@akses("strategi")
async def tampil(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The comparison and what is left to decide before the cycle closes."""
    lay = layanan(context)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    s = await strategi.lihat(lay, aktor)
    await _tampilkan(update, context, aktor, s)
    return END


def _bawaan(lay: Layanan, s: Strategi, nomor: int) -> tuple[str, InlineKeyboardMarkup]:
    """One page of the carry-over candidates: the list and a toggle per candidate, the toggle
    carrying the page so the list stays where it was."""
    t = lay.render.label
    daftar, nomor, jumlah = halaman(s.calon, nomor)
    baris: list[list[TombolPapan]] = [
        [
            (
                t(
                    "strategi.tombol.dibawa" if c.dibawa else "strategi.tombol.tidak_dibawa",
                    kegiatan=c.deskripsi,
                )[:60],
                tb.PilihBawaan(c.kunci, not c.dibawa, nomor),
            )
        ]
        for c in daftar
    ]
    sebelum, berikut = t("tombol.halaman_sebelum"), t("tombol.halaman_berikut")
    navigasi = navigasi_halaman(sebelum, berikut, nomor, jumlah, tb.Bawaan.awalan + ":")
    if navigasi:
        baris.append(list[TombolPapan](navigasi))
    baris.append([(t("strategi.tombol.kembali"), tb.Panel())])
    teks = lay.render.pesan(
        "strategi/bawaan", s=s, daftar=daftar, halaman=nomor, jumlah_halaman=jumlah
    )
    return teks, papan(baris)


def _papan_target(lay: Layanan, s: Strategi) -> InlineKeyboardMarkup:
    t = lay.render.label
    skor = lay.render.env.filters["skor"]
    # Rapor Pendidikan indicators first; one no source measures gets no button (the text
    # says so).
    baris: list[list[TombolPapan]] = [
        [
            (
                t(
                    "strategi.tombol.indikator_rp",
                    kode=r.kode,
                    nama=r.nama,
                    target=t(f"rapor.label.{r.label}"),
                    tanda="" if r.ditetapkan else "*",
                )[:60],
                tb.TargetRapor(r.kode),
            )
        ]
        for r in s.target_rp
        if r.diukur
    ]
    baris += [
        [
            (
                t(
                    "strategi.tombol.standar",
                    nomor=b.nomor,
                    nama=t(f"standar_pendek.{b.kode}"),
                    target=skor(b.target_berlaku) if b.target_berlaku is not None else "-",
                    tanda="" if b.target is not None else "*",
                ),
                tb.TargetStandar(b.kode),
            )
        ]
        for b in s.standar
    ]
    baris.append([(t("strategi.tombol.kembali"), tb.Panel())])
    return papan(baris)


async def _tanya_target(
    update: Update, context: Konteks, aktor: Aktor, s: Strategi, kode: str, teks_galat: str | None
) -> None:
    lay = layanan(context)
    b = s.standar_kode(kode)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": "target", "standar": kode})
    skor = lay.render.env.filters["skor"]
    t = lay.render.label
    pilihan: list[list[TombolPapan]] = []
    if b.bawaan is not None:  # None: not measured by any source, nothing to propose
        pilihan.append(
            [
                (
                    t("strategi.tombol.pakai_bawaan", nilai=skor(b.bawaan)),
                    tb.NilaiTarget(kode, str(b.bawaan)),
                )
            ]
        )
    if b.bawaan is not None and b.minimum != b.bawaan:
        pilihan.append(
            [
                (
                    t("strategi.tombol.pakai_minimum", nilai=skor(b.minimum)),
                    tb.NilaiTarget(kode, str(b.minimum)),
                )
            ]
        )
    teks = lay.render.pesan("strategi/target_tanya", s=s, b=b, galat=teks_galat)
    await balas(update, context, teks, papan(pilihan))


async def _tahap_5(lay: Layanan, aktor: Aktor) -> Strategi:
    s = await strategi.lihat(lay, aktor)
    if s.tahap != 5:
        raise Ditolak("bukan_tahap_5")
    return s


@tombol(tb.Buka, "strategi_kelola")
async def buka(update: Update, context: Konteks, aktor: Aktor, t: tb.Buka) -> int:
    """Open stage 5; with programs not yet evaluated, after a confirmation."""
    lay = layanan(context)
    r = lay.render
    await jawab_tombol(update)
    s = await strategi.lihat(lay, aktor)
    if s.tahap == 4 and s.belum_dievaluasi and t.tetap != "ya":
        tombol_ya = papan([[(r.label("strategi.tombol.buka_tetap"), tb.Buka("ya"))]])
        await balas(update, context, r.pesan("strategi/konfirmasi_buka", s=s), tombol_ya)
        return END
    await strategi.buka(lay, aktor)
    await _tampilkan(update, context, aktor, await strategi.lihat(lay, aktor))
    return END


@tombol(tb.Panel, "strategi_kelola")
async def panel(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """The comparison and what is left to decide."""
    await jawab_tombol(update)
    await _tampilkan(update, context, aktor, await strategi.lihat(layanan(context), aktor))
    return END


@tombol(tb.Bawaan, "strategi_kelola")
async def daftar_bawaan(update: Update, context: Konteks, aktor: Aktor, t: tb.Bawaan) -> int:
    """The carry-over candidates; a page button moves the list in place."""
    lay = layanan(context)
    await jawab_tombol(update)
    s = await _tahap_5(lay, aktor)
    if t.halaman is None:
        await balas(update, context, *_bawaan(lay, s, 0))
    else:
        await ubah(update, *_bawaan(lay, s, t.halaman))
    return END


@tombol(tb.PilihBawaan, "strategi_kelola")
async def pilih_bawaan(update: Update, context: Konteks, aktor: Aktor, t: tb.PilihBawaan) -> int:
    """Carry an activity over or not."""
    lay = layanan(context)
    await jawab_tombol(update)
    s = await strategi.pilih_bawaan(lay, aktor, t.kunci, t.dibawa)
    await ubah(update, *_bawaan(lay, s, t.halaman))
    return END


@tombol(tb.Target, "strategi_kelola")
async def target(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """The targets per standard for the next cycle."""
    lay = layanan(context)
    await jawab_tombol(update)
    s = await _tahap_5(lay, aktor)
    teks_target = lay.render.pesan("strategi/target", s=s, baru=None)
    await balas(update, context, teks_target, _papan_target(lay, s))
    return END


@tombol(tb.TargetStandar, "strategi_kelola")
async def target_standar(
    update: Update, context: Konteks, aktor: Aktor, t: tb.TargetStandar
) -> int | str:
    """Ask for one standard's target."""
    lay = layanan(context)
    await jawab_tombol(update)
    s = await _tahap_5(lay, aktor)
    await _tanya_target(update, context, aktor, s, t.kode, None)
    return MENGETIK


@tombol(tb.NilaiTarget, "strategi_kelola")
async def nilai_target(update: Update, context: Konteks, aktor: Aktor, t: tb.NilaiTarget) -> int:
    """A standard's target as offered (the default or the minimum)."""
    await jawab_tombol(update)
    await _simpan_target(update, context, aktor, t.kode, t.nilai)
    return END


@tombol(tb.TargetRapor, "strategi_kelola")
async def target_rapor(update: Update, context: Konteks, aktor: Aktor, t: tb.TargetRapor) -> int:
    """Ask for one Rapor Pendidikan indicator's target label: the school's own or above."""
    lay = layanan(context)
    await jawab_tombol(update)
    s = await _tahap_5(lay, aktor)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)  # no typed standard target pending
    r = s.target_rp_kode(t.kode)
    pilihan = aturan_rp.pilihan_label(r.kini)
    label = lay.render.label
    baris: list[list[TombolPapan]] = [
        [
            (
                label("strategi.tombol.label_rp", label=label(f"rapor.label.{lbl}")),
                tb.LabelTargetRapor(s.siklus_id, r.kode, lbl),
            )
        ]
        for lbl in pilihan
    ]
    baris.append([(label("strategi.tombol.kembali"), tb.Target())])
    teks_tanya = lay.render.pesan("strategi/target_rapor_tanya", s=s, t=r, pilihan=pilihan)
    await balas(update, context, teks_tanya, papan(baris))
    return END


@tombol(tb.LabelTargetRapor, "strategi_kelola")
async def label_target_rapor(
    update: Update, context: Konteks, aktor: Aktor, t: tb.LabelTargetRapor
) -> int:
    """An indicator's target label as offered; the targets again with it."""
    lay = layanan(context)
    await jawab_tombol(update)
    s = await strategi.tetapkan_target_rapor(lay, aktor, t.siklus_id, t.kode, t.label)
    teks_target = lay.render.pesan(
        "strategi/target", s=s, baru=None, baru_rp=s.target_rp_kode(t.kode)
    )
    await balas(update, context, teks_target, _papan_target(lay, s))
    return END


@akses("strategi_kelola")
async def usang(update: Update, context: Konteks, aktor: Aktor) -> int:
    """An `stg:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


async def _simpan_target(
    update: Update, context: Konteks, aktor: Aktor, kode: str, nilai: str
) -> None:
    lay = layanan(context)
    s = await strategi.tetapkan_target(lay, aktor, kode, nilai)
    await _tampil_target(update, context, aktor, s, kode)


async def _tampil_target(
    update: Update, context: Konteks, aktor: Aktor, s: Strategi, kode: str
) -> None:
    """The targets after one was kept."""
    lay = layanan(context)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    teks = lay.render.pesan("strategi/target", s=s, baru=s.standar_kode(kode))
    await balas(update, context, teks, _papan_target(lay, s))


@akses("strategi_kelola")
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A typed target for the standard being asked about."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    if isi.get("langkah") != "target":
        await galat(update, context, "pakai_tombol")
        return END
    hasil = await strategi.coba_target(lay, aktor, isi["standar"], update.message.text)
    if isinstance(hasil, strategi.TargetSalah):  # a number that cannot be used: ask again
        s = await strategi.lihat(lay, aktor)
        teks_galat = lay.render.label(f"galat.{hasil.kunci}", **hasil.rincian)
        await _tanya_target(update, context, aktor, s, isi["standar"], teks_galat)
        return MENGETIK
    await _tampil_target(update, context, aktor, hasil, isi["standar"])
    return END


@tombol(tb.Tutup, "strategi_tutup")
async def tutup(update: Update, context: Konteks, aktor: Aktor, t: tb.Tutup) -> int | str:
    """The kepala_sekolah closes the cycle, after a confirmation whose button carries the
    cycle: pressed again once it is closed, it says so and sends the report again."""
    lay = layanan(context)
    await jawab_tombol(update)
    r = lay.render
    if t.ya != "ya":
        s = await _tahap_5(lay, aktor)
        tombol_ya = papan([[(r.label("strategi.tombol.tutup_ya"), tb.Tutup("ya", s.siklus_id))]])
        await balas(update, context, r.pesan("strategi/konfirmasi_tutup", s=s), tombol_ya)
        return END
    hasil = await strategi.tutup_sekali(lay, aktor, t.siklus_id)
    if isinstance(hasil, strategi.SudahDitutup):
        # A second press on the confirmation says so and sends the report again.
        await galat(update, context, "siklus_sudah_ditutup")
        await _kirim_laporan(update, context, aktor, hasil.siklus_id)
        return END
    await ubah(update, r.pesan("strategi/ditutup", h=hasil))
    await _kirim_laporan(update, context, aktor, hasil.siklus_lama)
    return END


async def _kirim_laporan(update: Update, context: Konteks, aktor: Aktor, siklus_id: int) -> None:
    """The Laporan Siklus SPMI of a closed cycle to the kepala who closed it. The other
    managers' notice went through the outbox with a button that fetches the report."""
    lay = layanan(context)
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    data = await strategi.dokumen_siklus(lay, aktor, siklus_id)
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
    pdf = await asyncio.to_thread(dok_siklus.buat_pdf, data)
    await context.bot.send_document(chat_id, pdf, filename=dok_siklus.nama_berkas(data))


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/strategi and its buttons."""
    # One handler per kind of button; an `stg:` button of no kind (an old message) is stale.
    jenis = (
        buka,
        panel,
        daftar_bawaan,
        pilih_bawaan,
        target,
        target_standar,
        nilai_target,
        target_rapor,
        label_target_rapor,
        tutup,
    )
    tombol_h = [penangan_tombol(f) for f in jenis]
    tombol_h.append(CallbackQueryHandler(usang, pattern=r"^stg:"))
    return [
        percakapan(
            entry_points=[CommandHandler("strategi", tampil, filters=PRIBADI), *tombol_h],
            states={
                MENGETIK: [
                    *tombol_h,
                    CommandHandler("strategi", tampil, filters=PRIBADI),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("strategi", "strategi", MENGETIK)],
            name="strategi",
            persistent=True,
            allow_reentry=True,
        )
    ]
