"""/pemetaan for the kepala_sekolah and koordinator: close stage 1 on the school's Rapor
Pendidikan, or send the school's own evaluation (Evaluasi Diri Sekolah) out, follow who has
answered, nudge, send one answer back with a comment, and close it into the quality map."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import Update
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import BaseHandler, ConversationHandler

from bot.akses import akses, tombol
from bot.dokumen import grafik
from bot.layanan import Ditolak, anggota, draf, pemetaan
from bot.layanan.aktor import Aktor
from bot.layanan.pemetaan import PetaSekolah
from bot.pengingat import kirim_segera
from percakapan import pemetaan_tombol as tb
from percakapan._umum import (
    Konteks,
    TombolPapan,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
    ubah,
)
from percakapan.pemetaan_tampil import (
    MAKS_NAMA,
    tampilan_panel,
    tampilan_pilih_responden,
    tampilan_responden,
)

log = logging.getLogger(__name__)
KOMENTAR = "komentar"
END = ConversationHandler.END
DRAF_KEMBALIKAN = "kembalikan"


async def panel(update: Update, context: Konteks, aktor: Aktor) -> None:
    """The stage-1 panel; after stage 1, the quality map again."""
    lay = layanan(context)
    k = await pemetaan.kemajuan(lay, aktor)
    if k.tahap != 1:
        assert update.effective_chat is not None
        ps = await pemetaan.peta_siklus(lay, k.siklus_id)
        await kirim_peta(context, update.effective_chat.id, ps, lanjut=False)
        return
    await balas(update, context, *tampilan_panel(lay, k))


async def kirim_peta(context: Konteks, chat_id: int, ps: PetaSekolah, *, lanjut: bool) -> None:
    """The quality map as a message, then (when the school's own evaluation ran) as a radar
    chart."""
    teks = layanan(context).render.pesan("pemetaan/peta", ps=ps, lanjut=lanjut)
    await context.bot.send_message(chat_id, teks)
    await kirim_grafik(context, chat_id, ps)


async def kirim_grafik(context: Konteks, chat_id: int, ps: PetaSekolah) -> None:
    """The radar chart of the 8 standards, drawn off the event loop; none without answers."""
    if not ps.eds:
        return
    r = layanan(context).render
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_PHOTO)
    png = await asyncio.to_thread(
        grafik.radar,
        [r.label(f"standar_pendek.{s.kode}") for s in ps.peta.standar],
        [s.skor for s in ps.peta.standar],
        r.label("grafik.judul_peta", sekolah=ps.sekolah_nama, tahun=ps.tahun_ajaran),
    )
    keterangan = r.label_html(
        "grafik.keterangan_peta", sekolah=ps.sekolah_nama, tahun=ps.tahun_ajaran
    )
    await context.bot.send_photo(chat_id, png, caption=keterangan)


@tombol(tb.Buka, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def buka(update: Update, context: Konteks, aktor: Aktor, t: tb.Buka) -> None:
    """Send the school's own evaluation out and tell every respondent, once."""
    lay = layanan(context)
    await pemetaan.buka(lay, aktor)  # the invitations are in the outbox with it
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    await ubah(update, *tampilan_panel(lay, k))
    kirim_segera(context.application)


@tombol(tb.Ingatkan, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def ingatkan(update: Update, context: Konteks, aktor: Aktor, t: tb.Ingatkan) -> None:
    """Nudge everyone who has not started; a doubled press nudges nobody twice."""
    lay = layanan(context)
    query = update.callback_query
    assert query is not None and query.message is not None
    kunci = f"{query.message.chat.id}:{query.message.message_id}"
    terkirim = await pemetaan.ingatkan(lay, aktor, kunci)  # into the outbox, once
    if terkirim is None:
        raise Ditolak("tombol_usang")
    kirim_segera(context.application)
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    await ubah(update, *tampilan_panel(lay, k))
    await balas(update, context, lay.render.pesan("pemetaan/nudge_terkirim", jumlah=terkirim))


@tombol(tb.PilihResponden, "pemetaan_kelola", ditolak=None)
async def pilih_responden(
    update: Update, context: Konteks, aktor: Aktor, t: tb.PilihResponden
) -> None:
    """Whose answer to send back; another page in place."""
    lay = layanan(context)
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    if t.halaman is not None:
        await ubah(update, *tampilan_pilih_responden(lay, k, t.halaman))
        return
    await balas(update, context, *tampilan_pilih_responden(lay, k, 0))


@tombol(tb.DaftarResponden, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def responden(update: Update, context: Konteks, aktor: Aktor, t: tb.DaftarResponden) -> None:
    """Every respondent's progress, a page at a time, in place of the panel."""
    lay = layanan(context)
    k = await pemetaan.kemajuan(lay, aktor)
    await jawab_tombol(update)
    await ubah(update, *tampilan_responden(lay, k, t.halaman))


@tombol(tb.JawabanResponden, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def pilih_jawaban(
    update: Update, context: Konteks, aktor: Aktor, t: tb.JawabanResponden
) -> None:
    """A respondent's answers, one standard at a time, each with a button."""
    lay = layanan(context)
    nama, per_standar = await pemetaan.jawaban_responden(lay, aktor, t.pengguna_id)
    await jawab_tombol(update)
    if t.standar is None:  # choose the standard first
        tombol_st: list[list[TombolPapan]] = [
            [
                (
                    lay.render.label(
                        "tombol.standar_baris",
                        nomor=i,
                        nama=lay.render.label(f"standar_pendek.{kode}"),
                    ),
                    tb.JawabanResponden(t.pengguna_id, kode),
                )
            ]
            for i, (kode, _) in enumerate(per_standar, 1)
        ]
        await ubah(update, lay.render.pesan("pemetaan/pilih_responden"), papan(tombol_st))
        return
    daftar = dict(per_standar).get(t.standar, [])
    tombol_p: list[list[TombolPapan]] = [
        [(p.kode, tb.Kembalikan(t.pengguna_id, p.kode)) for p, _ in daftar[i : i + 4]]
        for i in range(0, len(daftar), 4)
    ]
    teks = lay.render.pesan("pemetaan/pilih_jawaban", nama=nama, daftar=daftar)
    await ubah(update, teks, papan(tombol_p))


@tombol(tb.Kembalikan, "pemetaan_kelola", di_tombol=True)
async def minta_komentar(
    update: Update, context: Konteks, aktor: Aktor, t: tb.Kembalikan
) -> str | int:
    """Ask the coordinator for the comment that goes with the returned answer."""
    lay = layanan(context)
    nama, per_standar = await pemetaan.jawaban_responden(lay, aktor, t.pengguna_id)
    p = next((p for _, daftar in per_standar for p, _ in daftar if p.kode == t.kode), None)
    if p is None:
        raise Ditolak("tombol_usang")
    await jawab_tombol(update)
    await draf.simpan(
        lay, aktor.pengguna_id, DRAF_KEMBALIKAN, {"pengguna_id": t.pengguna_id, "kode": t.kode}
    )
    await balas(update, context, lay.render.pesan("pemetaan/tanya_komentar", nama=nama, p=p))
    return KOMENTAR


@akses("pemetaan_kelola")
async def terima_komentar(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Send the answer back with the comment, and tell the respondent."""
    lay = layanan(context)
    assert update.message is not None and update.message.text is not None
    komentar = " ".join(update.message.text.split())[:500]
    isi = await draf.ambil(lay, aktor.pengguna_id, DRAF_KEMBALIKAN)
    if not isi:
        await galat(update, context, "draf_hilang")
        return END
    if not komentar:
        await galat(update, context, "komentar_kosong")
        return KOMENTAR
    nama, per_standar = await pemetaan.jawaban_responden(lay, aktor, isi["pengguna_id"])
    await pemetaan.kembalikan(lay, aktor, isi["pengguna_id"], isi["kode"], komentar)
    await draf.simpan(lay, aktor.pengguna_id, DRAF_KEMBALIKAN, None)
    p, tampil = next(
        (p, t) for _, daftar in per_standar for p, t in daftar if p.kode == isi["kode"]
    )
    kirim_segera(context.application)  # the respondent's notice, planned with the return
    await balas(update, context, lay.render.pesan("pemetaan/kembalikan_terkirim", p=p, nama=nama))
    return END


@tombol(tb.KonfirmasiTutup, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def konfirmasi_tutup(
    update: Update, context: Konteks, aktor: Aktor, t: tb.KonfirmasiTutup
) -> None:
    """Say what stage 1 closes on (the Rapor Pendidikan edition, who has not answered)."""
    lay = layanan(context)
    k = await pemetaan.kemajuan(lay, aktor)
    pemetaan.periksa_bisa_ditutup(k)
    await jawab_tombol(update)
    r = lay.render
    tombol_ya = papan(
        [
            [(r.label("tombol.ya_tutup_tahap1"), tb.Tutup())],
            [(r.label("tombol.batal"), tb.Panel())],
        ]
    )
    await ubah(update, r.pesan("pemetaan/konfirmasi_tutup", k=k, maks=MAKS_NAMA), tombol_ya)


@tombol(tb.Tutup, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def tutup(update: Update, context: Konteks, aktor: Aktor, t: tb.Tutup) -> None:
    """Close stage 1: the quality map to every manager of the school; on to stage 2."""
    lay = layanan(context)
    ps = await pemetaan.tutup(lay, aktor)
    await jawab_tombol(update)
    await ubah(update, lay.render.pesan("pemetaan/peta", ps=ps, lanjut=True))
    for uid in await anggota.pengelola_sekolah(lay, aktor.sekolah_id or 0):
        if uid != aktor.pengguna_id:
            try:
                await kirim_peta(context, uid, ps, lanjut=True)
            except TelegramError as exc:
                log.warning("quality map to %s not sent: %s", uid, exc)
    assert update.effective_chat is not None
    await kirim_grafik(context, update.effective_chat.id, ps)


@tombol(tb.Panel, "pemetaan_kelola", ditolak=None, di_tombol=True)
async def kembali_ke_panel(update: Update, context: Konteks, aktor: Aktor, t: tb.Panel) -> None:
    """Back from a confirmation to the panel."""
    lay = layanan(context)
    await jawab_tombol(update)
    k = await pemetaan.kemajuan(lay, aktor)
    await ubah(update, *tampilan_panel(lay, k))


TOMBOL = (
    buka,
    ingatkan,
    pilih_responden,
    responden,
    pilih_jawaban,
    konfirmasi_tutup,
    tutup,
    kembali_ke_panel,
)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The coordinator's buttons (the comment step lives in the /pemetaan conversation)."""
    return [penangan_tombol(f) for f in TOMBOL]
