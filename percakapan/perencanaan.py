"""/perencanaan: the coordinator builds the plan problem by problem (identifikasi, refleksi,
benahi), the kepala_sekolah approves it, the pengawas marks it reviewed.

Every typed step is kept in a draft in the database; a problem, program or activity becomes
part of the plan only when it is complete, so nothing half-typed is saved as final."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.akses import akses, tombol
from bot.layanan import (
    Ditolak,
    Layanan,
    bawaan,
    draf,
    komitmen,
    pengingat_rencana,
    rencana,
)
from bot.layanan.aktor import Aktor
from bot.layanan.rencana import Kegiatan, Masalah, Rencana
from bot.layanan.waktu import hari_ini, zona_sekolah
from bot.mutu import bahasa, pbd
from bot.mutu import wizard_rencana as wz
from bot.mutu.peran import PENGELOLA, Peran
from bot.pengingat import kirim_segera
from bot.tombol import Tombol
from percakapan import batal, dokumen_rencana
from percakapan import perencanaan_tombol as tb
from percakapan._umum import (
    PER_HALAMAN,
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
from percakapan.daftar import ganti_tombol, papan_pilihan

SUSUN = "susun"
END = -1
DRAF = "rencana"


async def _status(lay: Layanan, aktor: Aktor) -> int | str:
    return SUSUN if wz.Draf.dari(await _isi(lay, aktor)).langkah in wz.KETIK else END


async def _isi(lay: Layanan, aktor: Aktor) -> dict[str, Any]:
    return await draf.ambil(lay, aktor.pengguna_id, DRAF)


async def _simpan(lay: Layanan, aktor: Aktor, isi: dict[str, Any] | None) -> None:
    await draf.simpan(lay, aktor.pengguna_id, DRAF, isi)


def _papan_rencana(
    lay: Layanan, aktor: Aktor, r: Rencana | None, jumlah_bawaan: int = 0
) -> InlineKeyboardMarkup:
    t = lay.render.label
    baris: list[list[TombolPapan]] = []
    if aktor.peran is Peran.PENGAWAS:
        return papan([[(t("tombol.tandai_ditinjau"), tb.Tinjau())]] if r else [])
    if jumlah_bawaan:
        baris.append([(t("strategi.tombol.bawaan_rencana", jumlah=jumlah_bawaan), tb.Bawaan())])
    baris.append([(t("tombol.tambah_masalah"), tb.TambahMasalah())])
    for m in r.masalah if r else ():
        baris.append(
            [
                (
                    t("tombol.tambah_program", kode=m.indikator_kode),
                    tb.TambahProgram(m.indikator_kode),
                )
            ]
        )
        for p in m.program:
            baris.append(
                [
                    (
                        t("tombol.tambah_kegiatan", kode=m.indikator_kode, nomor=p.urutan),
                        tb.TambahKegiatan(m.indikator_kode, p.urutan),
                    )
                ]
            )
    if r and r.masalah:
        baris.append([(t("tombol.ubah_bagian"), tb.PilihBagian())])
    if r and r.semua_kegiatan():
        baris.append([(t("tombol.ubah_kegiatan"), tb.PilihKegiatan())])
        if aktor.peran is Peran.KEPALA_SEKOLAH and r.status == "draf":
            baris.append([(t("tombol.setujui_rencana"), tb.Setujui())])
        baris.append([(t("tombol.kirim_dokumen"), tb.KirimDokumen())])
    return papan(baris)


async def tampilkan_rencana(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The whole plan as it stands, with what can be done next."""
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    zona = await zona_sekolah(lay, aktor.sekolah_id or 0)
    sekolah = aktor.aktif.sekolah_nama if aktor.aktif else ""
    siklus = await rencana.siklus_rencana(lay, aktor)
    bagian = lay.render.pesan_panjang(
        "perencanaan/rencana", r=r, sekolah=sekolah, tahun=siklus.tahun_ajaran, zona=zona
    )
    for teks in bagian[:-1]:
        await balas(update, context, teks)
    jumlah = len(await bawaan.menunggu(lay, aktor)) if aktor.peran in PENGELOLA else 0
    await balas(update, context, bagian[-1], _papan_rencana(lay, aktor, r, jumlah))


@akses("perencanaan")
async def perencanaan(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """The plan view (managers: with buttons to build it; pengawas: to review it)."""
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    await _simpan(lay, aktor, None)
    if r is None and aktor.peran in PENGELOLA:
        await _calon(update, context, aktor)
        return END
    await tampilkan_rencana(update, context, aktor)
    return END


async def _calon(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    calon = await rencana.calon_masalah(lay, aktor)
    inst = (await rencana.siklus_rencana(lay, aktor)).instrumen
    edisi = await rencana.edisi_rapor(lay, aktor)
    teks = lay.render.pesan(
        "perencanaan/calon",
        calon=calon,
        edisi=edisi,
        maks=rencana.MAKS_MASALAH,
        kategori=lambda s: inst.kategori_untuk(s).nama,
        standar=lambda k: inst.standar(k).nama,
    )
    baris: list[list[TombolPapan]] = [
        [(f"{i.kode} {i.nama}"[:60], tb.PilihMasalah(i.kode))] for i in calon
    ]
    jumlah = len(await bawaan.menunggu(lay, aktor))
    if jumlah:
        t = lay.render.label
        baris.insert(0, [(t("strategi.tombol.bawaan_rencana", jumlah=jumlah), tb.Bawaan())])
    await balas(update, context, teks, papan(baris))


async def _status_setelah_tolak(context: Konteks, aktor: Aktor) -> int | str:
    return await _status(layanan(context), aktor)


PenanganSusun = Callable[[Update, Konteks, Aktor, Any], Awaitable[None]]


def _susun(jenis: type[Tombol]) -> Callable[[PenanganSusun], Callable[[Update, Konteks], Any]]:
    """`@tombol` for a building button: answered first; the conversation then holds the chat
    only while a typed step waits, also after a refusal."""

    def hias(fungsi: PenanganSusun) -> Callable[[Update, Konteks], Any]:
        @tombol(jenis, "rencana_susun", ditolak=_status_setelah_tolak)
        @functools.wraps(fungsi)
        async def bungkus(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int | str:
            await jawab_tombol(update)
            await fungsi(update, context, aktor, t)
            return await _status(layanan(context), aktor)

        return bungkus

    return hias


async def _tekan(update: Update, context: Konteks, aktor: Aktor, masukan: wz.Masukan) -> None:
    """A button of the wizard: the rule says what follows (a button of another step: stale)."""
    lay = layanan(context)
    draf = wz.Draf.dari(await _isi(lay, aktor))
    await _jalankan(update, context, aktor, draf, wz.langkah(draf, masukan, _KONTEKS_TOMBOL))


@_susun(tb.TambahMasalah)
async def tambah_masalah(update: Update, context: Konteks, aktor: Aktor, t: Any) -> None:
    """The problems that can still be chosen."""
    await _calon(update, context, aktor)


@_susun(tb.PilihMasalah)
async def pilih_masalah(update: Update, context: Konteks, aktor: Aktor, t: tb.PilihMasalah) -> None:
    """A problem chosen: for a Rapor Pendidikan one, the bot's root-cause suggestions (Refleksi);
    else the category of its root cause."""
    lay = layanan(context)
    calon = await _calon_dipilih(lay, aktor, t.indikator)
    if calon.rapor:
        await _lanjut(update, context, aktor, wz.mulai_masalah(t.indikator).isi())
        return
    inst_ind = (await rencana.siklus_rencana(lay, aktor)).instrumen.indikator(t.indikator)
    await _simpan(lay, aktor, {"langkah": "akar_kategori", "indikator": t.indikator})
    tombol = papan([[(lay.render.label(f"akar.{a}"), tb.Akar(a))] for a in rencana.AKAR_MASALAH])
    await ubah(update, lay.render.pesan("perencanaan/akar", ind=inst_ind), tombol)


@_susun(tb.AkarKode)
async def akar_kode(update: Update, context: Konteks, aktor: Aktor, t: tb.AkarKode) -> None:
    """A suggested root-cause indicator picked (or none, to write it): ask the coarse tag."""
    lay = layanan(context)
    draf = wz.Draf.dari(await _isi(lay, aktor))
    if t.kode is not None and t.kode not in {
        s.kode for s in await rencana.saran_akar(lay, aktor, draf.indikator or "")
    }:
        raise Ditolak("tombol_usang")
    await _tekan(update, context, aktor, wz.PilihAkarKode(t.kode))


@_susun(tb.Biaya)
async def biaya(update: Update, context: Konteks, aktor: Aktor, t: tb.Biaya) -> None:
    """Benahi: does the activity need money? Yes: its ARKAS activity; no: no budget."""
    await _tekan(update, context, aktor, wz.PilihBiaya(t.ya))


@_susun(tb.Arkas)
async def arkas(update: Update, context: Konteks, aktor: Aktor, t: tb.Arkas) -> None:
    """Benahi: an ARKAS activity of the short list; then the budget."""
    pilihan = rencana.daftar_arkas().cari(t.kode)
    if pilihan is None:
        raise Ditolak("tombol_usang")
    await _tekan(update, context, aktor, wz.PilihArkas(pilihan.kode, pilihan.nama))


async def _tekan_ubah(
    update: Update, context: Konteks, aktor: Aktor, kunci: str, masukan: wz.Masukan
) -> None:
    """A button of a saved activity's change: for the activity whose change waits and that is
    still in the plan, else stale."""
    lay = layanan(context)
    draf = wz.Draf.dari(await _isi(lay, aktor))
    if draf.ubah is None or draf.ubah.get("kunci") != kunci:
        raise Ditolak("tombol_usang")
    await _kegiatan(lay, aktor, kunci)
    await _jalankan(update, context, aktor, draf, wz.langkah(draf, masukan, _KONTEKS_TOMBOL))


@_susun(tb.UbahBiaya)
async def ubah_biaya(update: Update, context: Konteks, aktor: Aktor, t: tb.UbahBiaya) -> None:
    """A saved activity's "butuh biaya": yes asks its ARKAS activity; no stores it at once."""
    await _tekan_ubah(update, context, aktor, t.kunci, wz.PilihBiaya(t.ya))


@_susun(tb.UbahArkas)
async def ubah_arkas(update: Update, context: Konteks, aktor: Aktor, t: tb.UbahArkas) -> None:
    """A saved activity's ARKAS activity, of the short list."""
    pilihan = rencana.daftar_arkas().cari(t.kode)
    if pilihan is None:
        raise Ditolak("tombol_usang")
    await _tekan_ubah(update, context, aktor, t.kunci, wz.PilihArkas(pilihan.kode, pilihan.nama))


@_susun(tb.Akar)
async def akar(update: Update, context: Konteks, aktor: Aktor, t: tb.Akar) -> None:
    """The root cause's category: ask for its text."""
    await _tekan(update, context, aktor, wz.PilihAkar(t.akar))


@_susun(tb.TambahProgram)
async def tambah_program(
    update: Update, context: Konteks, aktor: Aktor, t: tb.TambahProgram
) -> None:
    """Ask for a new program's name under a problem."""
    await _lanjut(update, context, aktor, {"langkah": "program", "indikator": t.indikator})


@_susun(tb.TambahKegiatan)
async def tambah_kegiatan(
    update: Update, context: Konteks, aktor: Aktor, t: tb.TambahKegiatan
) -> None:
    """Start a new activity under a program."""
    nama = await _nama_program(layanan(context), aktor, t.indikator, t.program)
    isi = {
        "langkah": "k_deskripsi",
        "indikator": t.indikator,
        "program": t.program,
        "program_nama": nama,
        "k": {},
    }
    await _lanjut(update, context, aktor, isi)


@_susun(tb.Pic)
async def pic(update: Update, context: Konteks, aktor: Aktor, t: tb.Pic) -> None:
    """The new activity's PIC, who must still be an active member."""
    lay = layanan(context)
    if wz.Draf.dari(await _isi(lay, aktor)).langkah is not wz.Langkah.K_PIC:
        raise Ditolak("tombol_usang")
    if t.pengguna_id not in await rencana.anggota_aktif(lay, aktor):
        raise Ditolak("pic_keluar")
    await _tekan(update, context, aktor, wz.PilihPic(t.pengguna_id))


@_susun(tb.Tanggal)
async def tanggal(update: Update, context: Konteks, aktor: Aktor, t: tb.Tanggal) -> None:
    """A date as read confirmed, or to be typed again."""
    await _tekan(update, context, aktor, wz.KonfirmasiTanggal(t.jawab == "ya"))


@_susun(tb.Lagi)
async def lagi(update: Update, context: Konteks, aktor: Aktor, t: tb.Lagi) -> None:
    """After an activity: another activity, program or problem."""
    await _tekan(update, context, aktor, wz.Lagi(t.apa))


@_susun(tb.Lihat)
async def lihat(update: Update, context: Konteks, aktor: Aktor, t: Any) -> None:
    """The plan as it stands."""
    await tampilkan_rencana(update, context, aktor)


@_susun(tb.PilihKegiatan)
async def pilih_kegiatan(
    update: Update, context: Konteks, aktor: Aktor, t: tb.PilihKegiatan
) -> None:
    """Choose an activity to change (a page button turns the page in place)."""
    await _pilih_kegiatan(update, context, aktor, t.halaman)


@_susun(tb.HalamanPic)
async def halaman_pic(update: Update, context: Konteks, aktor: Aktor, t: tb.HalamanPic) -> None:
    """Another page of the PIC chooser, under the same question."""
    lay = layanan(context)
    jenis: type[tb.Pic] | type[tb.UbahPic] = tb.UbahPic if t.ubah else tb.Pic
    staf = await rencana.anggota_aktif(lay, aktor)
    awalan = f"{tb.HalamanPic.awalan}:{t.ubah}:"
    await ganti_tombol(
        update, papan_pilihan(lay.render, _pilihan_pic(staf, jenis), t.halaman, awalan)
    )


def _pilihan_pic(staf: dict[int, str], jenis: type[tb.Pic] | type[tb.UbahPic]) -> list[Any]:
    return [(nama[:60], jenis(uid)) for uid, nama in staf.items()]


@_susun(tb.PilihBagian)
async def pilih_bagian(update: Update, context: Konteks, aktor: Aktor, t: Any) -> None:
    """Choose a root cause or program name to change."""
    await _pilih_bagian(update, context, aktor)


@_susun(tb.UbahBagian)
async def ubah_bagian(update: Update, context: Konteks, aktor: Aktor, t: tb.UbahBagian) -> None:
    """Ask for the new root cause or program name."""
    isi = {"langkah": "ubah_bagian", "indikator": t.indikator, "program": t.program}
    await _lanjut(update, context, aktor, isi)


@_susun(tb.PilihBidang)
async def pilih_bidang(update: Update, context: Konteks, aktor: Aktor, t: tb.PilihBidang) -> None:
    """Choose the field of an activity to change."""
    await _pilih_bidang(update, context, aktor, t.kunci)


@_susun(tb.UbahBidang)
async def ubah_bidang(update: Update, context: Konteks, aktor: Aktor, t: tb.UbahBidang) -> None:
    """Ask for a field's new value, or delete the activity."""
    await _ubah_bidang(update, context, aktor, t.kunci, t.bidang)


@_susun(tb.UbahPic)
async def ubah_pic(update: Update, context: Konteks, aktor: Aktor, t: tb.UbahPic) -> None:
    """An activity's new PIC."""
    lay = layanan(context)
    draf = wz.Draf.dari(await _isi(lay, aktor))
    if draf.langkah is not wz.Langkah.UBAH_PIC or draf.ubah is None:
        raise Ditolak("tombol_usang")
    await rencana.ubah_kegiatan(lay, aktor, draf.ubah["kunci"], "pic_id", t.pengguna_id)
    await _simpan(lay, aktor, None)
    await tampilkan_rencana(update, context, aktor)


@_susun(tb.Bawaan)
async def daftar_bawaan(update: Update, context: Konteks, aktor: Aktor, t: tb.Bawaan) -> None:
    """The activities carried from the previous cycle; a page button moves the list in place."""
    await _halaman_bawaan(update, context, aktor, t.halaman or 0, di_tempat=t.halaman is not None)


@_susun(tb.AmbilBawaan)
async def ambil_bawaan(update: Update, context: Konteks, aktor: Aktor, t: tb.AmbilBawaan) -> None:
    """Take a carried activity in: its dates and, when its PIC left, the PIC are asked again."""
    lay = layanan(context)
    b = await bawaan.ambil(lay, aktor, t.bawaan_id)
    k: dict[str, Any] = {
        "deskripsi": b.deskripsi,
        "anggaran": b.anggaran,
        "indikator_keberhasilan": b.indikator_keberhasilan,
        "target_skor": b.target_skor,
    }
    if b.pic_aktif:
        k["pic_id"] = b.pic_id
    isi = {
        "langkah": "k_mulai" if b.pic_aktif else "k_pic",
        "indikator": b.indikator_kode,
        "program_nama": b.program_nama,
        "bawaan": b.id,
        "k": k,
    }
    await balas(update, context, lay.render.pesan("perencanaan/bawaan_ambil", b=b))
    await _lanjut(update, context, aktor, isi)


@_susun(tb.LewatiBawaan)
async def lewati_bawaan(update: Update, context: Konteks, aktor: Aktor, t: tb.LewatiBawaan) -> None:
    """Drop a carried activity; the list follows."""
    await bawaan.lewati(layanan(context), aktor, t.bawaan_id)
    await _halaman_bawaan(update, context, aktor, t.halaman, di_tempat=False)


@akses("rencana_susun", ditolak=_status_setelah_tolak)
async def usang(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """An `rcn:` button of no kind this version makes (an old message): stale."""
    raise Ditolak("tombol_usang")


TOMBOL_SUSUN = (
    tambah_masalah,
    pilih_masalah,
    akar_kode,
    akar,
    biaya,
    arkas,
    tambah_program,
    tambah_kegiatan,
    pic,
    halaman_pic,
    tanggal,
    lagi,
    lihat,
    pilih_kegiatan,
    pilih_bagian,
    ubah_bagian,
    pilih_bidang,
    ubah_bidang,
    ubah_pic,
    ubah_biaya,
    ubah_arkas,
    daftar_bawaan,
    ambil_bawaan,
    lewati_bawaan,
)


async def _calon_dipilih(lay: Layanan, aktor: Aktor, kode: str) -> pbd.CalonMasalah:
    calon = next((i for i in await rencana.calon_masalah(lay, aktor) if i.kode == kode), None)
    if calon is None:
        raise Ditolak("tombol_usang")
    return calon


async def _nama_program(lay: Layanan, aktor: Aktor, kode: str, urutan: int) -> str:
    r = await rencana.lihat(lay, aktor)
    for m in r.masalah if r else ():
        for p in m.program:
            if m.indikator_kode == kode and p.urutan == urutan:
                return p.nama
    raise Ditolak("tombol_usang")


async def _lanjut(
    update: Update,
    context: Konteks,
    aktor: Aktor,
    isi: dict[str, Any],
    tolak: Ditolak | None = None,
    **lain: Any,
) -> None:
    """Keep the draft and ask its step's question."""
    lay = layanan(context)
    await _simpan(lay, aktor, isi)
    r = lay.render
    teks_galat = r.label(f"galat.{tolak.alasan}", **tolak.rincian) if tolak else None
    if isi["langkah"] in ("akar_kode", "akar_kategori") and "indikator" in isi:
        await _tanya_refleksi(update, context, aktor, isi, teks_galat)
        return
    rapor = pbd.adalah_kode_rapor(str(isi.get("indikator", "")))
    arkas = rencana.daftar_arkas()
    pilihan_arkas = (
        arkas.untuk(isi.get("indikator")) if isi["langkah"] in ("k_arkas", "ubah_arkas") else ()
    )
    skor_awal = ""
    if isi["langkah"] == "k_target":
        rc = await rencana.lihat(lay, aktor)
        m = (
            next((m for m in rc.masalah if m.indikator_kode == isi["indikator"]), None)
            if rc
            else None
        )
        skor_awal = r.env.filters["skor"](m.skor_awal) if m and m.skor_awal is not None else "-"
    teks = r.pesan(
        "perencanaan/tanya",
        langkah=isi["langkah"],
        isi=isi,
        galat=teks_galat,
        contoh_tanggal=", ".join(bahasa.contoh_tanggal()),
        contoh_rupiah=", ".join(bahasa.contoh_rupiah()),
        skor_awal=skor_awal,
        tahun=lain.get("tahun", ""),
        tanggal_dibaca=lain.get("tanggal"),
        di_luar_tahun=lain.get("di_luar_tahun", False),
        rapor=rapor,
        arkas=pilihan_arkas,
        arkas_sumber=arkas.sumber,
    )
    tombol = None
    if isi["langkah"] in ("k_pic", "ubah_pic"):
        jenis = tb.Pic if isi["langkah"] == "k_pic" else tb.UbahPic
        staf = await rencana.anggota_aktif(lay, aktor)
        ubah_ = int(jenis is tb.UbahPic)
        tombol = papan_pilihan(r, _pilihan_pic(staf, jenis), 0, f"{tb.HalamanPic.awalan}:{ubah_}:")
    elif isi["langkah"] == "k_biaya":
        t = r.label
        tombol = papan(
            [[(t("tombol.biaya_ya"), tb.Biaya(True)), (t("tombol.biaya_tidak"), tb.Biaya(False))]]
        )
    elif isi["langkah"] == "k_arkas":
        tombol = papan(
            [[(f"{a.kode} {a.nama}"[:60], tb.Arkas(str(a.kode)))] for a in pilihan_arkas]
        )
    elif isi["langkah"] == "ubah_biaya":
        kunci = isi["ubah"]["kunci"]
        tombol = papan(
            [
                [
                    (r.label("tombol.biaya_ya"), tb.UbahBiaya(kunci, True)),
                    (r.label("tombol.biaya_tidak"), tb.UbahBiaya(kunci, False)),
                ]
            ]
        )
    elif isi["langkah"] == "ubah_arkas":
        kunci = isi["ubah"]["kunci"]
        tombol = papan(
            [[(f"{a.kode} {a.nama}"[:60], tb.UbahArkas(kunci, str(a.kode)))] for a in pilihan_arkas]
        )
    elif isi["langkah"] in ("k_mulai_ok", "k_selesai_ok"):
        ya = r.label("tombol.tetap_pakai" if lain.get("di_luar_tahun") else "tombol.ya_benar")
        tombol = papan(
            [[(ya, tb.Tanggal("ya")), (r.label("tombol.ubah_tanggal"), tb.Tanggal("ubah"))]]
        )
    await balas(update, context, teks, tombol)


async def _tanya_refleksi(
    update: Update, context: Konteks, aktor: Aktor, isi: dict[str, Any], galat_: str | None
) -> None:
    """Refleksi of a Rapor Pendidikan problem: the bot's suggestions to pick from (akar_kode),
    then the coarse category of the cause picked (akar_kategori)."""
    lay = layanan(context)
    r = lay.render
    kode = isi["indikator"]
    saran = await rencana.saran_akar(lay, aktor, kode)
    if isi["langkah"] == "akar_kode":
        calon = await _calon_dipilih(lay, aktor, kode)
        teks = r.pesan("perencanaan/refleksi", calon=calon, saran=saran, galat=galat_)
        baris: list[list[TombolPapan]] = [
            [(f"{s.kode} {s.nama}"[:60], tb.AkarKode(s.kode))] for s in saran
        ]
        baris.append([(r.label("tombol.akar_sendiri"), tb.AkarKode())])
    else:
        nama = next((s.nama for s in saran if s.kode == isi.get("akar_kode")), "")
        teks = r.pesan("perencanaan/akar_rapor", isi=isi, nama_akar=nama, galat=galat_)
        baris = [[(r.label(f"akar.{a}"), tb.Akar(a))] for a in rencana.AKAR_MASALAH]
    await balas(update, context, teks, papan(baris))


@akses("perencanaan", ditolak=_status_setelah_tolak)
async def teks_susun(update: Update, context: Konteks, aktor: Aktor) -> int | str:
    """A typed step: a cause, a name, a date, an amount, a target."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    draf = wz.Draf.dari(await _isi(lay, aktor))
    kt = await _konteks(lay, aktor, draf)
    await _jalankan(
        update, context, aktor, draf, wz.langkah(draf, wz.Teks(update.message.text), kt)
    )
    return await _status(lay, aktor)


# Buttons need no date nor school year: any context serves.
_KONTEKS_TOMBOL = wz.Konteks(date.min, (date.min, date.max))


async def _konteks(lay: Layanan, aktor: Aktor, draf: wz.Draf) -> wz.Konteks:
    """What the rule needs from outside, read only for the steps that use it."""
    if draf.langkah in (wz.Langkah.K_MULAI, wz.Langkah.K_SELESAI):
        siklus = await rencana.siklus_rencana(lay, aktor)
        hari = await hari_ini(lay, aktor.sekolah_id or 0)
        return wz.Konteks(hari, siklus.rentang, siklus.tahun_ajaran)
    if draf.langkah is wz.Langkah.UBAH_NILAI and draf.ubah is not None:
        r = await rencana.lihat(lay, aktor)
        kode = next(
            (
                m.indikator_kode
                for m, _, k in (r.semua_kegiatan() if r else ())
                if k.kunci == draf.ubah["kunci"]
            ),
            "",
        )
        hari = await hari_ini(lay, aktor.sekolah_id or 0)
        return wz.Konteks(hari, (date.min, date.max), ubah_rapor=pbd.adalah_kode_rapor(kode))
    return _KONTEKS_TOMBOL


async def _jalankan(
    update: Update, context: Konteks, aktor: Aktor, draf: wz.Draf, hasil: wz.Hasil
) -> None:
    """Carry out what the wizard's rule said: ask, ask again, or store and go on."""
    lay = layanan(context)
    match hasil:
        case wz.Usang():
            raise Ditolak("tombol_usang")
        case wz.Lanjut(draf=berikut, tanggal=tanggal, di_luar_tahun=luar):
            tahun = ""
            if tanggal is not None:
                tahun = (await rencana.siklus_rencana(lay, aktor)).tahun_ajaran
            await _lanjut(
                update,
                context,
                aktor,
                berikut.isi(),
                tanggal=tanggal,
                di_luar_tahun=luar,
                tahun=tahun,
            )
        case wz.Salah(draf=sama, alasan=alasan, rincian=rincian):
            await _lanjut(update, context, aktor, sama.isi(), Ditolak(alasan, **rincian))
        case wz.PakaiTombol():
            await galat(update, context, "pakai_tombol")
        case wz.LihatRencana():
            await tampilkan_rencana(update, context, aktor)
        case wz.PilihMasalahLain():
            await _calon(update, context, aktor)
        case wz.SimpanMasalah():
            await rencana.tambah_masalah(
                lay, aktor, hasil.indikator, hasil.akar, hasil.penjelasan, hasil.akar_kode
            )
            await _lanjut(update, context, aktor, hasil.berikut.isi())
        case wz.SimpanProgram():
            nomor = await rencana.tambah_program(lay, aktor, hasil.indikator, hasil.nama)
            berikut = wz.setelah_program(hasil.draf, nomor, hasil.nama)
            await _lanjut(update, context, aktor, berikut.isi())
        case wz.SimpanKegiatan():
            await _simpan_kegiatan(update, context, aktor, hasil)
        case wz.SimpanUbahan():
            await rencana.ubah_kegiatan(lay, aktor, hasil.kunci, hasil.bidang, hasil.nilai)
            await _simpan(lay, aktor, None)
            await tampilkan_rencana(update, context, aktor)
        case wz.SimpanBiaya():
            anggaran = await rencana.ubah_biaya(
                lay, aktor, hasil.kunci, hasil.butuh_biaya, hasil.arkas_kode, hasil.arkas_nama
            )
            anggaran_kosong = wz.setelah_ubah_biaya(hasil, anggaran)
            if anggaran_kosong is not None:  # it needs money now: its budget next
                await _lanjut(update, context, aktor, anggaran_kosong.isi())
                return
            await _simpan(lay, aktor, None)
            await tampilkan_rencana(update, context, aktor)
        case wz.SimpanBagian():
            await rencana.ubah_bagian(lay, aktor, hasil.indikator, hasil.program, hasil.teks)
            await _simpan(lay, aktor, None)
            await tampilkan_rencana(update, context, aktor)
        case wz.SimpanTinjauan():
            await _simpan_tinjauan(update, context, aktor, hasil.komentar)


async def _simpan_kegiatan(
    update: Update, context: Konteks, aktor: Aktor, hasil: wz.SimpanKegiatan
) -> None:
    """Store a complete activity (or a carried one), then offer what comes next."""
    lay = layanan(context)
    baru = hasil.kegiatan
    draf = hasil.draf
    t = lay.render.label
    if draf.bawaan is not None:
        await bawaan.masukkan(lay, aktor, draf.bawaan, baru)
        await _simpan(lay, aktor, None)
        baris: list[list[TombolPapan]] = [[(t("tombol.lihat_rencana"), tb.Lihat())]]
        sisa = len(await bawaan.menunggu(lay, aktor))
        if sisa:
            baris.insert(0, [(t("strategi.tombol.bawaan_rencana", jumlah=sisa), tb.Bawaan())])
    else:
        assert draf.indikator is not None and draf.program is not None
        await rencana.tambah_kegiatan(lay, aktor, draf.indikator, draf.program, baru)
        await _simpan(lay, aktor, hasil.berikut.isi() if hasil.berikut else None)
        baris = [
            [(t("tombol.kegiatan_lain"), tb.Lagi("k"))],
            [(t("tombol.program_lain"), tb.Lagi("p"))],
            [(t("tombol.masalah_lain"), tb.Lagi("m"))],
            [(t("tombol.lihat_rencana"), tb.Lihat())],
        ]
    staf = await rencana.anggota_aktif(lay, aktor)
    teks = lay.render.pesan("perencanaan/kegiatan_tersimpan", k=baru, pic=staf.get(baru.pic_id, ""))
    await balas(update, context, teks, papan(baris))


async def _halaman_bawaan(
    update: Update, context: Konteks, aktor: Aktor, nomor: int, di_tempat: bool
) -> None:
    lay = layanan(context)
    teks, tombol = _daftar_bawaan(lay, await bawaan.menunggu(lay, aktor), nomor)
    if di_tempat:
        await ubah(update, teks, tombol)
    else:
        await balas(update, context, teks, tombol)


def _daftar_bawaan(
    lay: Layanan, semua: list[bawaan.Bawaan], nomor: int
) -> tuple[str, InlineKeyboardMarkup]:
    """One page of the waiting carried activities, with Ambil/Lewati per activity."""
    t = lay.render.label
    daftar, nomor, jumlah = halaman(semua, nomor)
    baris: list[list[TombolPapan]] = [
        [
            (t("strategi.tombol.ambil", kegiatan=b.deskripsi)[:60], tb.AmbilBawaan(b.id)),
            (t("strategi.tombol.lewati"), tb.LewatiBawaan(b.id, nomor)),
        ]
        for b in daftar
    ]
    navigasi = navigasi_halaman(
        t("tombol.halaman_sebelum"),
        t("tombol.halaman_berikut"),
        nomor,
        jumlah,
        tb.Bawaan.awalan + ":",
    )
    if navigasi:
        baris.append(list[TombolPapan](navigasi))
    baris.append([(t("tombol.lihat_rencana"), tb.Lihat())])
    teks = lay.render.pesan(
        "perencanaan/bawaan",
        daftar=daftar,
        awal=nomor * PER_HALAMAN,
        halaman=nomor,
        jumlah_halaman=jumlah,
    )
    return teks, papan(baris)


async def _pilih_kegiatan(
    update: Update, context: Konteks, aktor: Aktor, nomor: int | None = None
) -> None:
    """Which activity to change, a page at a time ("rcn:uk:<page>" turns the page)."""
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    pilihan = [
        (k.deskripsi[:60], tb.PilihBidang(k.kunci)) for _, _, k in (r.semua_kegiatan() if r else [])
    ]
    tombol = papan_pilihan(lay.render, pilihan, nomor or 0, f"{tb.PilihKegiatan.awalan}:")
    if nomor is not None:
        await ganti_tombol(update, tombol)
        return
    await balas(update, context, lay.render.pesan("perencanaan/pilih_kegiatan"), tombol)


async def _pilih_bagian(update: Update, context: Konteks, aktor: Aktor) -> None:
    lay = layanan(context)
    r = await rencana.lihat(lay, aktor)
    t = lay.render.label
    baris: list[list[TombolPapan]] = []
    for m in r.masalah if r else ():
        baris.append(
            [(t("tombol.ubah_akar", kode=m.indikator_kode), tb.UbahBagian(m.indikator_kode))]
        )
        for p in m.program:
            label = t("tombol.ubah_program", kode=m.indikator_kode, nama=p.nama)[:60]
            baris.append([(label, tb.UbahBagian(m.indikator_kode, p.urutan))])
    await balas(update, context, lay.render.pesan("perencanaan/pilih_bagian"), papan(baris))


async def _kegiatan(lay: Layanan, aktor: Aktor, kunci: str) -> tuple[Masalah, Kegiatan]:
    """A saved activity of the plan with its problem; stale when it is no longer there."""
    r = await rencana.lihat(lay, aktor)
    ada = next(((m, k) for m, _, k in (r.semua_kegiatan() if r else []) if k.kunci == kunci), None)
    if ada is None:
        raise Ditolak("tombol_usang")
    return ada


async def _pilih_bidang(update: Update, context: Konteks, aktor: Aktor, kunci: str) -> None:
    lay = layanan(context)
    m, k = await _kegiatan(lay, aktor, kunci)
    t = lay.render.label
    baris: list[list[TombolPapan]] = [
        [(t(f"bidang.{b}").capitalize(), tb.UbahBidang(kunci, b))] for b in rencana.BIDANG_KEGIATAN
    ]
    if m.rapor:  # Benahi asked these: they can be corrected
        baris.append([(t("tombol.ubah_biaya"), tb.UbahBidang(kunci, "butuh_biaya"))])
        baris.append([(t("tombol.ubah_arkas"), tb.UbahBidang(kunci, "arkas"))])
    baris.append([(t("tombol.hapus_kegiatan"), tb.UbahBidang(kunci, "hapus"))])
    teks = lay.render.pesan("perencanaan/pilih_bidang", k=k, rapor=m.rapor)
    await balas(update, context, teks, papan(baris))


async def _ubah_bidang(
    update: Update, context: Konteks, aktor: Aktor, kunci: str, bidang: str
) -> None:
    lay = layanan(context)
    if bidang == "hapus":
        await rencana.hapus_kegiatan(lay, aktor, kunci)
        await tampilkan_rencana(update, context, aktor)
        return
    if bidang in ("butuh_biaya", "arkas"):
        m, _ = await _kegiatan(lay, aktor, kunci)
        if not m.rapor:
            raise Ditolak("tombol_usang")
        await _lanjut(
            update, context, aktor, wz.mulai_ubah_biaya(kunci, m.indikator_kode, bidang).isi()
        )
        return
    langkah = "ubah_pic" if bidang == "pic_id" else "ubah_nilai"
    await _lanjut(
        update, context, aktor, {"langkah": langkah, "ubah": {"kunci": kunci, "bidang": bidang}}
    )


@tombol(tb.Setujui, "rencana_setujui")
async def setujui(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int | str:
    """Approve: lock the version, ask every PIC, send the documents."""
    lay = layanan(context)
    hasil = await komitmen.setujui(lay, aktor)
    await jawab_tombol(update)
    await ubah(
        update,
        lay.render.pesan(
            "perencanaan/disetujui",
            r=hasil.rencana,
            jumlah=len(hasil.rencana.semua_kegiatan()),
            bawaan=hasil.bawaan_menunggu,
        ),
    )
    kirim_segera(context.application)  # the PICs' requests, planned with the approval
    await pengingat_rencana.rencanakan_semua(lay, aktor)  # moved dates and new PICs follow
    await dokumen_rencana.kirim(
        context, aktor, update.effective_chat.id if update.effective_chat else 0
    )
    return END


@tombol(tb.KirimDokumen, "perencanaan", ditolak=_status_setelah_tolak)
async def kirim_dokumen(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int | str:
    """The plan as DOCX and PDF."""
    await jawab_tombol(update)
    await dokumen_rencana.kirim(
        context, aktor, update.effective_chat.id if update.effective_chat else 0
    )
    return await _status(layanan(context), aktor)


@tombol(tb.Tinjau, "rencana_tinjau")
async def minta_tinjauan(update: Update, context: Konteks, aktor: Aktor, t: Any) -> int | str:
    """The pengawas writes a review comment."""
    await jawab_tombol(update)
    await _lanjut(update, context, aktor, {"langkah": "tinjau_komentar"})
    return SUSUN


async def _simpan_tinjauan(update: Update, context: Konteks, aktor: Aktor, teks: str) -> None:
    lay = layanan(context)
    await rencana.tinjau(lay, aktor, teks)
    await _simpan(lay, aktor, None)
    await balas(
        update, context, lay.render.pesan("perencanaan/ditinjau", nama=aktor.nama, komentar=teks)
    )
    kirim_segera(context.application)  # the managers' notice, planned with the review


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The persistent /perencanaan conversation."""
    # One handler per kind of button; an `rcn:` button of no kind (an old message) is stale.
    tombol_h = [penangan_tombol(f) for f in (*TOMBOL_SUSUN, setujui, kirim_dokumen, minta_tinjauan)]
    tombol_h.append(CallbackQueryHandler(usang, pattern=r"^rcn:"))
    return [
        percakapan(
            entry_points=[CommandHandler("perencanaan", perencanaan, filters=PRIBADI), *tombol_h],
            states={
                SUSUN: [
                    *tombol_h,
                    CommandHandler("perencanaan", perencanaan, filters=PRIBADI),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks_susun),
                ]
            },
            fallbacks=[batal.fallback(), penangan_sela("perencanaan", "perencanaan", SUSUN)],
            name="perencanaan",
            persistent=True,
            allow_reentry=True,
        )
    ]
