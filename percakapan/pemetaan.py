"""/pemetaan for respondents: one question at a time, answers stored before the next one.

The conversation state only routes updates; which question is current lives in the database
(`posisi_kuesioner`), so /lanjut after a restart, a crash or days away resumes correctly."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.akses import akses
from bot.layanan import Ditolak, kuesioner
from bot.layanan.aktor import Aktor
from bot.layanan.kuesioner import Langkah, Sesi
from bot.mutu.instrumen import JenisJawaban, Pertanyaan
from bot.mutu.peran import PENGELOLA
from percakapan import batal, pemetaan_kelola
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    percakapan,
    ubah,
    unduh_berkas,
)

MENJAWAB = "menjawab"
END = ConversationHandler.END


def _papan_jawaban(p: Pertanyaan) -> InlineKeyboardMarkup | None:
    if p.jenis is JenisJawaban.YA_TIDAK:
        # The instrument's own labels, the same words the answer is shown with later.
        ya, tidak = p.label
        return papan([[(ya, f"pm:j:{p.kode}:ya"), (tidak, f"pm:j:{p.kode}:tidak")]])
    if p.jenis in (JenisJawaban.SKALA, JenisJawaban.PILIHAN):
        return papan([[(label, f"pm:j:{p.kode}:{i}")] for i, label in enumerate(p.label)])
    return None


def _contoh(p: Pertanyaan) -> str:
    if p.angka is None:
        return "10"
    return f"{round((p.angka.min + p.angka.maks) / 2):d}"


async def kirim_langkah(
    update: Update, context: Konteks, lk: Langkah, tolak: Ditolak | None = None
) -> str | int:
    """Show the step: the question with its buttons, or the closing words."""
    r = layanan(context).render
    if lk.pertanyaan is None:
        await balas(update, context, r.pesan("pemetaan/selesai", l=lk))
        return END
    teks_galat = r.label(f"galat.{tolak.alasan}", **tolak.rincian) if tolak else None
    teks = r.pesan(
        "pemetaan/pertanyaan",
        l=lk,
        p=lk.pertanyaan,
        galat=teks_galat,
        contoh=_contoh(lk.pertanyaan),
    )
    await balas(update, context, teks, _papan_jawaban(lk.pertanyaan))
    return MENJAWAB


async def _sesi(update: Update, context: Konteks, aktor: Aktor) -> Sesi | None:
    try:
        return await kuesioner.buka_sesi(layanan(context), aktor)
    except Ditolak as tolak:
        await jawab_tombol(update)
        await galat(update, context, tolak.alasan)
        return None


async def _ulang(update: Update, context: Konteks, sesi: Sesi, tolak: Ditolak) -> str | int:
    """The same question again, with why the input was not taken."""
    return await kirim_langkah(
        update, context, await kuesioner.lanjut(layanan(context), sesi), tolak
    )


@akses("pemetaan")
async def pemetaan(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Managers get the stage-1 panel; respondents their questionnaire."""
    if aktor.peran in PENGELOLA:
        await pemetaan_kelola.panel(update, context, aktor)
        return END
    return await _mulai(update, context, aktor)


@akses("lanjut")
async def lanjut(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Resume at the first unanswered question."""
    await jawab_tombol(update)
    return await _mulai(update, context, aktor)


async def _mulai(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    return await kirim_langkah(update, context, await kuesioner.lanjut(layanan(context), sesi))


@akses("pemetaan")
async def tombol_jawab(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A choice pressed; the question message then shows the answer, without buttons."""
    query = update.callback_query
    assert query is not None and query.data is not None
    _, _, kode, masukan = query.data.split(":", 3)
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    lay = layanan(context)
    try:
        hasil = await kuesioner.jawab(lay, sesi, kode, masukan)
    except Ditolak as tolak:
        teks = "galat.tombol_usang_pertanyaan" if tolak.alasan == "tombol_usang" else None
        await jawab_tombol(update, lay.render.label(teks or "notifikasi.tombol_usang"))
        return MENJAWAB
    await jawab_tombol(update)
    teks = lay.render.pesan(
        "pemetaan/terjawab", l=hasil.soal, p=hasil.soal.pertanyaan, tampil=hasil.tampil
    )
    await ubah(update, teks)
    return await kirim_langkah(update, context, hasil.berikut)


@akses("pemetaan")
async def teks_jawab(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A typed answer: a number, a percentage, a short text, or a label typed out."""
    assert update.message is not None and update.message.text is not None
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    try:
        lk = (await kuesioner.jawab(layanan(context), sesi, None, update.message.text)).berikut
    except Ditolak as tolak:
        if tolak.alasan == "tombol_usang":  # nothing in front of the respondent
            return await _mulai(update, context, aktor)
        return await _ulang(update, context, sesi, tolak)
    return await kirim_langkah(update, context, lk)


@akses("pemetaan")
async def berkas_jawab(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A photo or a document as evidence for a `bukti` question."""
    pesan = update.message
    assert pesan is not None
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    try:
        hasil = await kuesioner.simpan_bukti(layanan(context), sesi, await unduh_berkas(pesan))
    except Ditolak as tolak:
        return await _ulang(update, context, sesi, tolak)
    return await kirim_langkah(update, context, hasil.berikut)


@akses("lewati")
async def lewati(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Skip the current question."""
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    try:
        lk = await kuesioner.lewati(layanan(context), sesi)
    except Ditolak:
        return await _mulai(update, context, aktor)
    return await kirim_langkah(update, context, lk)


@akses("kembali")
async def kembali(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Back to the previous question."""
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    try:
        lk = await kuesioner.kembali(layanan(context), sesi)
    except Ditolak as tolak:
        return await _ulang(update, context, sesi, tolak)
    return await kirim_langkah(update, context, lk)


@akses("jawaban")
async def jawaban(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """One's answers per standard, with buttons to look closer."""
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    r = layanan(context).render
    rekap = await kuesioner.rekap(layanan(context), sesi)
    tombol = [
        [(r.label("tombol.standar_baris", nomor=st.nomor, nama=st.nama), f"pm:s:{kode}")]
        for kode, _ in rekap
        for st in [sesi.instrumen.standar(kode)]
    ]
    await balas(
        update, context, r.pesan("pemetaan/rekap", rekap=rekap, inst=sesi.instrumen), papan(tombol)
    )
    return MENJAWAB


@akses("jawaban")
async def jawaban_standar(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """The answers of one standard; each question number opens it for a new answer."""
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    await jawab_tombol(update)
    assert update.callback_query is not None and update.callback_query.data is not None
    kode_st = update.callback_query.data.split(":", 2)[2]
    daftar = dict(await kuesioner.rekap(layanan(context), sesi)).get(kode_st, [])
    st = sesi.instrumen.standar(kode_st)
    nomor = [(str(i), f"pm:u:{p.kode}") for i, (p, _) in enumerate(daftar, 1)]
    tombol = papan([nomor[i : i + 5] for i in range(0, len(nomor), 5)])
    await balas(
        update,
        context,
        layanan(context).render.pesan("pemetaan/rekap_standar", st=st, daftar=daftar),
        tombol,
    )
    return MENJAWAB


@akses("jawaban")
async def buka_pertanyaan(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Put a question in front of the respondent again, to change (or re-check) its answer."""
    sesi = await _sesi(update, context, aktor)
    if sesi is None:
        return END
    assert update.callback_query is not None and update.callback_query.data is not None
    try:
        lk = await kuesioner.buka_pertanyaan(
            layanan(context), sesi, update.callback_query.data.split(":", 2)[2]
        )
    except Ditolak:
        await jawab_tombol(update, layanan(context).render.label("notifikasi.tombol_usang"))
        return MENJAWAB
    await jawab_tombol(update)
    return await kirim_langkah(update, context, lk)


@akses("pemetaan")
async def sela(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Another command in the middle of the questionnaire."""
    r = layanan(context).render
    await balas(update, context, r.pesan("sela", kegiatan=r.label("kegiatan.pemetaan")))
    return await _mulai(update, context, aktor)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """The persistent /pemetaan conversation (with the coordinator's comment step) and the
    coordinator's buttons."""
    jawab_tombol_h = CallbackQueryHandler(tombol_jawab, pattern=r"^pm:j:")
    buka_h = CallbackQueryHandler(buka_pertanyaan, pattern=r"^pm:u:")
    komentar_h = CallbackQueryHandler(pemetaan_kelola.minta_komentar, pattern=r"^pmk:kj:")
    return [
        percakapan(
            entry_points=[
                CommandHandler("pemetaan", pemetaan, filters=PRIBADI),
                CommandHandler("lanjut", lanjut, filters=PRIBADI),
                CommandHandler("jawaban", jawaban, filters=PRIBADI),
                CommandHandler("lewati", lewati, filters=PRIBADI),
                CommandHandler("kembali", kembali, filters=PRIBADI),
                CallbackQueryHandler(lanjut, pattern=r"^pm:mulai$"),
                jawab_tombol_h,
                buka_h,
                komentar_h,
            ],
            states={
                MENJAWAB: [
                    jawab_tombol_h,
                    buka_h,
                    CallbackQueryHandler(jawaban_standar, pattern=r"^pm:s:"),
                    CommandHandler("lewati", lewati, filters=PRIBADI),
                    CommandHandler("kembali", kembali, filters=PRIBADI),
                    CommandHandler("jawaban", jawaban, filters=PRIBADI),
                    CommandHandler("lanjut", lanjut, filters=PRIBADI),
                    CommandHandler("pemetaan", pemetaan, filters=PRIBADI),
                    MessageHandler(PRIBADI & filters.TEXT & ~filters.COMMAND, teks_jawab),
                    MessageHandler(PRIBADI & (filters.PHOTO | filters.Document.ALL), berkas_jawab),
                ],
                pemetaan_kelola.KOMENTAR: [
                    MessageHandler(
                        PRIBADI & filters.TEXT & ~filters.COMMAND, pemetaan_kelola.terima_komentar
                    ),
                ],
            },
            fallbacks=[
                batal.fallback(),
                komentar_h,
                MessageHandler(PRIBADI & filters.COMMAND, sela),
            ],
            name="pemetaan",
            persistent=True,
            allow_reentry=True,
        ),
        CallbackQueryHandler(jawaban_standar, pattern=r"^pm:s:"),
        *pemetaan_kelola.penangan(),
    ]
