"""/akreditasi: SPME readiness. The kepala sekolah or koordinator chooses the instrument, sees
readiness per component, walks the butir (level, evidence, missing mark), keeps the pre-visit
document checklist, compares with the SPMI self-evaluation, practises the visit (interviews,
class observation), and gets the readiness report (PDF) and the evidence bundle (ZIP).

Teachers reach only the interview practice (`akw:` buttons, sent to them by the outbox)."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tombol
from bot.layanan import Ditolak, draf
from bot.layanan import akreditasi as akr
from bot.layanan import akreditasi_latihan as latihan_visitasi
from bot.layanan.aktor import Aktor
from percakapan import akreditasi_ia2024 as ia
from percakapan import akreditasi_tampil as tampilan
from percakapan import akreditasi_tombol as tb
from percakapan import batal
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    penangan_sela,
    penangan_tombol,
    percakapan,
    unduh_berkas,
)

MENUNGGU = "menunggu"  # a file or typed text is expected
END = -1
DRAF = "akreditasi"


@akses("akreditasi")
async def tampil(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """/akreditasi: the readiness panel, or the choice of instrument first."""
    lay = layanan(context)
    await jawab_tombol(update)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    if await akr.instrumen_sekolah(lay, aktor) is None:
        await tampilan.pilih_instrumen(update, context)
    else:
        await tampilan.panel(update, context, aktor)
    return END


async def _minta(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], templat: str
) -> int | str:
    lay = layanan(context)
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)
    inst, _ = await akr.instrumen(lay, aktor)
    await balas(
        update,
        context,
        lay.render.pesan(templat, untuk=isi["untuk"], galat=None, maks_mb=inst.format_maks_mb),
    )
    return MENUNGGU


def _per_instrumen(
    jenis: type[tb.PerInstrumen],
) -> Callable[[Callable[..., Awaitable[Any]]], Callable[[Update, Konteks], Awaitable[Any]]]:
    """`@tombol` for a button about one item of an instrument: stale once the school has
    changed instrument."""

    def hias(fungsi: Callable[..., Awaitable[Any]]) -> Callable[[Update, Konteks], Awaitable[Any]]:
        @tombol(jenis, "akreditasi")
        @functools.wraps(fungsi)
        async def bungkus(update: Update, context: Konteks, aktor: Aktor, t: Any) -> Any:
            await jawab_tombol(update)
            if t.inst != await akr.instrumen_sekolah(layanan(context), aktor):
                raise Ditolak("tombol_usang")
            await fungsi(update, context, aktor, t)
            return END

        return bungkus

    return hias


def _tersimpan(context: Konteks) -> str:
    return layanan(context).render.label("notifikasi.tersimpan")


@tombol(tb.PilihInstrumen, "akreditasi")
async def pilih_instrumen(
    update: Update, context: Konteks, aktor: Aktor, t: tb.PilihInstrumen
) -> int:
    """`akr:i`: the school chooses its instrument; the panel follows."""
    await jawab_tombol(update)
    await akr.pilih(layanan(context), aktor, t.kode)
    await tampilan.panel(update, context, aktor)
    return END


@tombol(tb.GantiInstrumen, "akreditasi")
async def ganti_instrumen(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:gi`: the choice of instrument again."""
    await jawab_tombol(update)
    await tampilan.pilih_instrumen(update, context)
    return END


@tombol(tb.Panel, "akreditasi")
async def panel(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:p`: the readiness panel."""
    await jawab_tombol(update)
    await tampilan.panel(update, context, aktor)
    return END


@_per_instrumen(tb.Komponen)
async def komponen(update: Update, context: Konteks, aktor: Aktor, t: tb.Komponen) -> None:
    """`akr:k`: the butir of one component."""
    await tampilan.daftar_butir(update, context, aktor, t.kode)


@_per_instrumen(tb.Butir)
async def butir(update: Update, context: Konteks, aktor: Aktor, t: tb.Butir) -> None:
    """`akr:b`: one butir."""
    await tampilan.butir(update, context, aktor, t.kode)


@_per_instrumen(tb.Level)
async def level(update: Update, context: Konteks, aktor: Aktor, t: tb.Level) -> None:
    """`akr:l`: the school's own level for a butir."""
    await akr.nilai_butir(layanan(context), aktor, t.kode, t.level)
    await tampilan.butir(update, context, aktor, t.kode, _tersimpan(context))


@_per_instrumen(tb.Kurang)
async def kurang(update: Update, context: Konteks, aktor: Aktor, t: tb.Kurang) -> None:
    """`akr:m`: mark a butir's evidence as missing, or clear the mark."""
    await akr.tandai_kurang(layanan(context), aktor, t.kode, t.kurang)
    await tampilan.butir(update, context, aktor, t.kode, _tersimpan(context))


@_per_instrumen(tb.TawaranBukti)
async def tawaran(update: Update, context: Konteks, aktor: Aktor, t: tb.TawaranBukti) -> None:
    """`akr:tb`: the school's files that could prove a butir."""
    await tampilan.tawaran(update, context, aktor, t.kode)


@_per_instrumen(tb.Tautkan)
async def tautkan(update: Update, context: Konteks, aktor: Aktor, t: tb.Tautkan) -> None:
    """`akr:t`: link a file to a butir."""
    await akr.tautkan(layanan(context), aktor, t.kode, t.bukti_id)
    await tampilan.butir(update, context, aktor, t.kode, _tersimpan(context))


@_per_instrumen(tb.Lepas)
async def lepas(update: Update, context: Konteks, aktor: Aktor, t: tb.Lepas) -> None:
    """`akr:x`: unlink a file from a butir."""
    await akr.lepas(layanan(context), aktor, t.kode, t.bukti_id)
    await tampilan.butir(update, context, aktor, t.kode, _tersimpan(context))


@tombol(tb.UnggahButir, "akreditasi")
async def unggah_butir(
    update: Update, context: Konteks, aktor: Aktor, t: tb.UnggahButir
) -> int | str:
    """`akr:u`: ask for a file proving a butir."""
    lay = layanan(context)
    await jawab_tombol(update)
    if t.inst != await akr.instrumen_sekolah(lay, aktor):
        raise Ditolak("tombol_usang")
    inst, jenjang = await akr.instrumen(lay, aktor)
    b = inst.butir(t.kode, jenjang)
    if b is None:
        raise Ditolak("tombol_usang")
    kunci = "akreditasi.untuk_indikator" if b.kelompok else "akreditasi.untuk_butir"
    untuk = lay.render.label(kunci, kode=b.kode)
    isi = {"langkah": "berkas_butir", "kode": b.kode, "untuk": untuk}
    return await _minta(update, context, aktor, isi, "akreditasi/minta_berkas")


@tombol(tb.Dokumen, "akreditasi")
async def dokumen(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:d`: the pre-visit document checklist."""
    await jawab_tombol(update)
    await tampilan.dokumen(update, context, aktor)
    return END


@_per_instrumen(tb.DokumenSatu)
async def dokumen_satu(update: Update, context: Konteks, aktor: Aktor, t: tb.DokumenSatu) -> None:
    """`akr:dk`: one document of the checklist."""
    await tampilan.dokumen_satu(update, context, aktor, t.kode)


@_per_instrumen(tb.StatusDokumen)
async def status_dokumen(
    update: Update, context: Konteks, aktor: Aktor, t: tb.StatusDokumen
) -> None:
    """`akr:ds`: a document's status."""
    await akr.status_dokumen(layanan(context), aktor, t.kode, t.status)
    await tampilan.dokumen_satu(update, context, aktor, t.kode, _tersimpan(context))


async def _minta_dokumen(
    update: Update, context: Konteks, aktor: Aktor, kode: str, tautan: bool
) -> int | str:
    lay = layanan(context)
    await jawab_tombol(update)
    inst, _ = await akr.instrumen(lay, aktor)
    d = next((x for x in inst.dokumen if x.kode == kode), None)
    if d is None:
        raise Ditolak("tombol_usang")
    langkah, templat = (
        ("tautan_dokumen", "akreditasi/minta_tautan")
        if tautan
        else ("berkas_dokumen", "akreditasi/minta_berkas")
    )
    isi = {"langkah": langkah, "kode": d.kode, "untuk": d.nama}
    return await _minta(update, context, aktor, isi, templat)


@tombol(tb.UnggahDokumen, "akreditasi")
async def unggah_dokumen(
    update: Update, context: Konteks, aktor: Aktor, t: tb.UnggahDokumen
) -> int | str:
    """`akr:du`: ask for a document's file."""
    if t.inst != await akr.instrumen_sekolah(layanan(context), aktor):
        await jawab_tombol(update)
        raise Ditolak("tombol_usang")
    return await _minta_dokumen(update, context, aktor, t.kode, tautan=False)


@tombol(tb.TautanDokumen, "akreditasi")
async def tautan_dokumen(
    update: Update, context: Konteks, aktor: Aktor, t: tb.TautanDokumen
) -> int | str:
    """`akr:dt`: ask for a document's link."""
    if t.inst != await akr.instrumen_sekolah(layanan(context), aktor):
        await jawab_tombol(update)
        raise Ditolak("tombol_usang")
    return await _minta_dokumen(update, context, aktor, t.kode, tautan=True)


@tombol(tb.Kesenjangan, "akreditasi")
async def kesenjangan(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:g`: the SPMI self-evaluation against the accreditation butir."""
    await jawab_tombol(update)
    await tampilan.kesenjangan(update, context, aktor)
    return END


@tombol(tb.Latihan, "akreditasi")
async def latihan(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:v`: the visit practice."""
    await jawab_tombol(update)
    await tampilan.latihan(update, context, aktor)
    return END


@tombol(tb.UndangWawancara, "akreditasi")
async def undang_wawancara(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:vw`: invite the teachers to the interview practice."""
    lay = layanan(context)
    await jawab_tombol(update)
    jumlah = await latihan_visitasi.undang_wawancara(lay, aktor)
    await balas(update, context, lay.render.label("akreditasi.undangan_terkirim", jumlah=jumlah))
    return END


@tombol(tb.MulaiObservasi, "akreditasi")
async def mulai_observasi(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:vo`: the class observation practice, from its first item."""
    await jawab_tombol(update)
    await tampilan.observasi(update, context, aktor, None)
    return END


@_per_instrumen(tb.Observasi)
async def observasi(update: Update, context: Konteks, aktor: Aktor, t: tb.Observasi) -> None:
    """`akr:o`: one observation item seen or not; the next follows."""
    await latihan_visitasi.observasi(layanan(context), aktor, t.kode, t.tanda == "y")
    await tampilan.observasi(update, context, aktor, t.kode)


@tombol(tb.Laporan, "akreditasi")
async def laporan(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:r`: the readiness report (PDF)."""
    await jawab_tombol(update)
    await tampilan.kirim_laporan(update, context, aktor)
    return END


@tombol(tb.Bundel, "akreditasi")
async def bundel(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:z`: the evidence bundle (ZIP)."""
    await jawab_tombol(update)
    await tampilan.kirim_bundel(update, context, aktor)
    return END


# ------------------------------------------------------------------ IA2024
@_per_instrumen(tb.Kelompok)
async def kelompok(update: Update, context: Konteks, aktor: Aktor, t: tb.Kelompok) -> None:
    """`akr:kb`: an IA2024 butir with its indicators and DKA."""
    g = await akr.gambaran(layanan(context), aktor, spmi=False)
    await ia.kelompok(update, context, g, t.kode)


@_per_instrumen(tb.TidakBerlaku)
async def tidak_berlaku(update: Update, context: Konteks, aktor: Aktor, t: tb.TidakBerlaku) -> None:
    """`akr:na`: N/A on an indicator (refused where the instrument does not allow it)."""
    await akr.tandai_na(layanan(context), aktor, t.kode)
    await tampilan.butir(update, context, aktor, t.kode, _tersimpan(context))


@_per_instrumen(tb.KonteksGender)
async def konteks_gender(
    update: Update, context: Konteks, aktor: Aktor, t: tb.KonteksGender
) -> None:
    """`akr:kg`: the school's 3.10.3 situation ("?": ask it again); then 3.10.3 itself."""
    lay = layanan(context)
    if t.kode == "?":
        await ia.tanya_konteks(update, context, await akr.gambaran(lay, aktor, spmi=False))
        return
    await akr.simpan_konteks(lay, aktor, t.kode)
    pesan = lay.render.label("akreditasi.konteks_tersimpan")
    await tampilan.butir(update, context, aktor, akr.INDIKATOR_KONTEKS, pesan)


@tombol(tb.Lanjutkan, "akreditasi")
async def lanjutkan(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:ln`: resume at the first indicator not assessed yet."""
    await jawab_tombol(update)
    g = await akr.gambaran(layanan(context), aktor, spmi=False)
    kode = g.berikutnya_belum() if g.inst.per_indikator else None
    if kode is None:
        raise Ditolak("tombol_usang")
    await tampilan.butir(update, context, aktor, kode)
    return END


@_per_instrumen(tb.Dka)
async def dka(update: Update, context: Konteks, aktor: Aktor, t: tb.Dka) -> None:
    """`akr:dka`: a butir's DKA narrative."""
    g = await akr.gambaran(layanan(context), aktor, spmi=False)
    await ia.dka(update, context, aktor, g, t.kode)


@_per_instrumen(tb.DkaDraf)
async def dka_draf(update: Update, context: Konteks, aktor: Aktor, t: tb.DkaDraf) -> None:
    """`akr:dkd`: the bot drafts the narrative from the school's data; nothing is stored
    until a person accepts or edits it."""
    lay = layanan(context)
    g = await akr.gambaran(lay, aktor, spmi=False)
    usulan = await akr.bahan_dka(lay, aktor, g, t.kode)
    await draf.simpan(
        lay, aktor.pengguna_id, DRAF, {"langkah": "usulan_dka", "kode": t.kode, "teks": usulan}
    )
    await ia.dka(update, context, aktor, g, t.kode, usulan=usulan)


@_per_instrumen(tb.DkaTerima)
async def dka_terima(update: Update, context: Konteks, aktor: Aktor, t: tb.DkaTerima) -> None:
    """`akr:dkt`: accept the bot's draft as shown (kept as a draft for the kepala)."""
    lay = layanan(context)
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    if isi.get("langkah") != "usulan_dka" or isi.get("kode") != t.kode:
        raise Ditolak("tombol_usang")
    await akr.simpan_dka(lay, aktor, t.kode, isi["teks"])
    await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
    g = await akr.gambaran(lay, aktor, spmi=False)
    await ia.dka(
        update, context, aktor, g, t.kode, pesan_atas=lay.render.label("akreditasi.dka_tersimpan")
    )


@tombol(tb.DkaUbah, "akreditasi")
async def dka_ubah(update: Update, context: Konteks, aktor: Aktor, t: tb.DkaUbah) -> int | str:
    """`akr:dku`: type (or paste an edited) narrative in the chat."""
    lay = layanan(context)
    await jawab_tombol(update)
    if t.inst != await akr.instrumen_sekolah(lay, aktor):
        raise Ditolak("tombol_usang")
    inst, _ = await akr.instrumen(lay, aktor)
    if inst.kelompok_butir(t.kode) is None:
        raise Ditolak("tombol_usang")
    await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": "dka", "kode": t.kode})
    await balas(
        update, context, lay.render.pesan("akreditasi/minta_dka", nomor=t.kode, maks=akr.MAKS_DKA)
    )
    return MENUNGGU


@_per_instrumen(tb.DkaSetujui)
async def dka_setujui(update: Update, context: Konteks, aktor: Aktor, t: tb.DkaSetujui) -> None:
    """`akr:dks`: the kepala sekolah approves the narrative."""
    lay = layanan(context)
    await akr.setujui_dka(lay, aktor, t.kode)
    g = await akr.gambaran(lay, aktor, spmi=False)
    await ia.dka(
        update, context, aktor, g, t.kode, pesan_atas=lay.render.label("akreditasi.dka_disetujui")
    )


@tombol(tb.Celah, "akreditasi")
async def celah(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:cl`: IA2024 readiness gaps."""
    await jawab_tombol(update)
    await ia.celah(update, context, await akr.gambaran(layanan(context), aktor))
    return END


@tombol(tb.Penjelasan, "akreditasi")
async def penjelasan(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:pj`: visit or automatic?"""
    await jawab_tombol(update)
    await ia.penjelasan(update, context)
    return END


@tombol(tb.DrafLama, "akreditasi")
async def draf_lama(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int:
    """`akr:dl`: the old 10-butir IA2024 draft, read-only."""
    await jawab_tombol(update)
    await ia.draf_lama(update, context, aktor)
    return END


@akses("akreditasi")
async def usang(update: Update, context: Konteks, aktor: Aktor) -> int:
    """An `akr:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


TOMBOL = (
    pilih_instrumen,
    ganti_instrumen,
    panel,
    komponen,
    butir,
    level,
    kurang,
    tawaran,
    tautkan,
    lepas,
    unggah_butir,
    dokumen,
    dokumen_satu,
    status_dokumen,
    unggah_dokumen,
    tautan_dokumen,
    kesenjangan,
    latihan,
    undang_wawancara,
    mulai_observasi,
    observasi,
    laporan,
    bundel,
    kelompok,
    tidak_berlaku,
    konteks_gender,
    lanjutkan,
    dka,
    dka_draf,
    dka_terima,
    dka_ubah,
    dka_setujui,
    celah,
    penjelasan,
    draf_lama,
)


async def _wawancara(
    update: Update, context: Konteks, aktor: Aktor, pesan_atas: str | None
) -> int | str:
    lay = layanan(context)
    r = lay.render
    p, terjawab, jumlah = await latihan_visitasi.wawancara_berikutnya(lay, aktor)
    if p is None:
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await balas(
            update,
            context,
            r.pesan("akreditasi/wawancara_selesai", pesan_atas=pesan_atas, jumlah=jumlah),
        )
        return END
    await draf.simpan(lay, aktor.pengguna_id, DRAF, {"langkah": "wawancara", "kode": p.kode})
    teks = r.pesan(
        "akreditasi/wawancara_tanya", pesan_atas=pesan_atas, p=p, nomor=terjawab + 1, jumlah=jumlah
    )
    await balas(update, context, teks)
    return MENUNGGU


@tombol(tb.Wawancara, "akreditasi_wawancara")
async def tombol_wawancara(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int | str:
    """`akw:m`: the member's interview practice, question by question."""
    await jawab_tombol(update)
    return await _wawancara(update, context, aktor, None)


async def _tanya_lagi(context: Konteks, aktor: Aktor) -> int | str:
    """After a refusal of typed input or a file: the question again, still waiting."""
    lay = layanan(context)
    r = lay.render
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    langkah = isi.get("langkah")
    if langkah == "tautan_dokumen":
        teks = r.pesan("akreditasi/minta_tautan", untuk=isi["untuk"], galat=None)
    elif langkah in ("berkas_butir", "berkas_dokumen"):
        inst, _ = await akr.instrumen(lay, aktor)
        teks = r.pesan(
            "akreditasi/minta_berkas", untuk=isi["untuk"], galat=None, maks_mb=inst.format_maks_mb
        )
    elif langkah == "dka":
        teks = r.pesan("akreditasi/minta_dka", nomor=isi["kode"], maks=akr.MAKS_DKA)
    else:
        return END
    await context.bot.send_message(aktor.pengguna_id, teks)
    return MENUNGGU


@akses("akreditasi_wawancara", ditolak=_tanya_lagi)
async def teks(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """Typed input: an interview answer, a document's link, or a DKA narrative."""
    lay = layanan(context)
    r = lay.render
    assert update.message is not None and update.message.text is not None
    masukan = " ".join(update.message.text.split())
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    if isi.get("langkah") == "wawancara":
        if not masukan:
            await galat(update, context, "teks_kosong")
            return MENUNGGU
        await latihan_visitasi.jawab_wawancara(lay, aktor, isi["kode"], masukan)
        return await _wawancara(update, context, aktor, r.label("notifikasi.tersimpan"))
    if isi.get("langkah") == "dka":
        # The narrative keeps its paragraphs: only the ends are trimmed.
        await akr.simpan_dka(lay, aktor, isi["kode"], update.message.text)
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        g = await akr.gambaran(lay, aktor, spmi=False)
        await ia.dka(
            update, context, aktor, g, isi["kode"], pesan_atas=r.label("akreditasi.dka_tersimpan")
        )
        return END
    if isi.get("langkah") == "tautan_dokumen":
        await akr.tautan_dokumen(lay, aktor, isi["kode"], masukan)
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await tampilan.dokumen_satu(
            update, context, aktor, isi["kode"], r.label("notifikasi.tersimpan")
        )
        return END
    if isi.get("langkah") in ("berkas_butir", "berkas_dokumen"):
        inst, _ = await akr.instrumen(lay, aktor)
        pesan = r.pesan(
            "akreditasi/minta_berkas",
            untuk=isi["untuk"],
            galat=r.label("galat.perlu_bukti"),
            maks_mb=inst.format_maks_mb,
        )
        await balas(update, context, pesan)
        return MENUNGGU
    await galat(update, context, "pakai_tombol")
    return END


@akses("akreditasi_wawancara", ditolak=_tanya_lagi)
async def berkas(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A photo or document for a butir or a checklist document."""
    lay = layanan(context)
    r = lay.render
    assert update.message is not None
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF)
    langkah = isi.get("langkah")
    if langkah not in ("berkas_butir", "berkas_dokumen"):
        await galat(update, context, "bukan_bukti")
        return MENUNGGU if langkah else END
    masuk = await unduh_berkas(update.message)
    if langkah == "berkas_butir":
        await akr.unggah_butir(lay, aktor, isi["kode"], masuk)
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await tampilan.butir(
            update, context, aktor, isi["kode"], r.label("akreditasi.bukti_tersimpan")
        )
    else:
        await akr.unggah_dokumen(lay, aktor, isi["kode"], masuk)
        await draf.simpan(lay, aktor.pengguna_id, DRAF, None)
        await tampilan.dokumen_satu(
            update, context, aktor, isi["kode"], r.label("akreditasi.berkas_tersimpan")
        )
    return END


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/akreditasi, its buttons, and the interview practice."""
    # One handler per kind of button; an `akr:` button of no kind (an old message) is stale.
    tombol_h = [penangan_tombol(f) for f in (*TOMBOL, tombol_wawancara)]
    tombol_h.append(CallbackQueryHandler(usang, pattern=r"^akr:"))
    return [
        percakapan(
            entry_points=[CommandHandler("akreditasi", tampil, filters=PRIBADI), *tombol_h],
            states={
                MENUNGGU: [
                    *tombol_h,
                    MessageHandler(PRIBADI & (filters.PHOTO | filters.Document.ALL), berkas),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks),
                ]
            },
            fallbacks=[
                batal.fallback(),
                penangan_sela("akreditasi_wawancara", "akreditasi", MENUNGGU),
            ],
            name="akreditasi",
            persistent=True,
            allow_reentry=True,
        )
    ]
