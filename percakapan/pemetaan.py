"""/pemetaan for respondents: the school's own evaluation (Evaluasi Diri Sekolah), one question
at a time, answers stored before the next one.

The conversation state only routes updates; which question is current lives in the database
(`posisi_kuesioner`), so /lanjut after a restart, a crash or days away resumes correctly.
Input that is not taken comes back from the use-case as the question again with why
(`Langkah.galat`); refusals (no questionnaire, a stale button) are told by `@akses`."""

from __future__ import annotations

from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.akses import akses, tombol
from bot.layanan import kuesioner
from bot.layanan.aktor import Aktor
from bot.layanan.kuesioner import Langkah
from bot.mutu.instrumen import JenisJawaban, Pertanyaan
from bot.mutu.peran import PENGELOLA
from percakapan import batal, pemetaan_kelola
from percakapan import pemetaan_tombol as tb
from percakapan._umum import (
    PRIBADI,
    Konteks,
    TombolPapan,
    balas,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
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
        return papan([[(ya, tb.Jawab(p.kode, "ya")), (tidak, tb.Jawab(p.kode, "tidak"))]])
    if p.jenis in (JenisJawaban.SKALA, JenisJawaban.PILIHAN):
        return papan([[(label, tb.Jawab(p.kode, str(i)))] for i, label in enumerate(p.label)])
    return None


def _contoh(p: Pertanyaan) -> str:
    if p.angka is None:
        return "10"
    return f"{round((p.angka.min + p.angka.maks) / 2):d}"


async def kirim_langkah(update: Update, context: Konteks, lk: Langkah) -> str | int:
    """Show the step: the question with its buttons (and why the last input was not taken),
    or the closing words."""
    r = layanan(context).render
    if lk.pertanyaan is None:
        await balas(update, context, r.pesan("pemetaan/selesai", l=lk))
        return END
    teks_galat = r.label(f"galat.{lk.galat}", **lk.rincian) if lk.galat else None
    teks = r.pesan(
        "pemetaan/pertanyaan",
        l=lk,
        p=lk.pertanyaan,
        galat=teks_galat,
        contoh=_contoh(lk.pertanyaan),
    )
    await balas(update, context, teks, _papan_jawaban(lk.pertanyaan))
    return MENJAWAB


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
    return await _mulai(update, context, aktor)


@tombol(tb.Mulai, "lanjut")
async def mulai(update: Update, context: Konteks, aktor: Aktor, t: tb.Mulai) -> str | int:
    """The invitation's button: start or resume."""
    await jawab_tombol(update)
    return await _mulai(update, context, aktor)


async def _mulai(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    return await kirim_langkah(update, context, await kuesioner.lanjut(lay, sesi))


@tombol(tb.Jawab, "pemetaan")
async def tombol_jawab(update: Update, context: Konteks, aktor: Aktor, t: tb.Jawab) -> str | int:
    """A choice pressed; the question message then shows the answer, without buttons. A
    button of another question changes nothing (told in the button's answer alone)."""
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    hasil = await kuesioner.jawab_tombol(lay, sesi, t.kode, t.masukan)
    if isinstance(hasil, str):
        await jawab_tombol(update, lay.render.label(hasil))
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
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    return await kirim_langkah(
        update, context, await kuesioner.jawab_ketikan(lay, sesi, update.message.text)
    )


@akses("pemetaan")
async def berkas_jawab(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """A photo or a document as evidence for a `bukti` question."""
    pesan = update.message
    assert pesan is not None
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    # The download is checked by the use-case too: a file too big is the question again.
    lk = await kuesioner.jawab_berkas(lay, sesi, unduh_berkas(pesan))
    return await kirim_langkah(update, context, lk)


@akses("lewati")
async def lewati(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Skip the current question."""
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    return await kirim_langkah(update, context, await kuesioner.lewati_atau_lanjut(lay, sesi))


@akses("kembali")
async def kembali(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """Back to the previous question."""
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    return await kirim_langkah(update, context, await kuesioner.kembali_atau_ulang(lay, sesi))


@akses("jawaban")
async def jawaban(update: Update, context: Konteks, aktor: Aktor) -> str | int:
    """One's answers per standard, with buttons to look closer."""
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    r = lay.render
    rekap = await kuesioner.rekap(lay, sesi)
    baris: list[list[TombolPapan]] = [
        [(r.label("tombol.standar_baris", nomor=st.nomor, nama=st.nama), tb.Standar(kode))]
        for kode, _ in rekap
        for st in [sesi.instrumen.standar(kode)]
    ]
    await balas(
        update, context, r.pesan("pemetaan/rekap", rekap=rekap, inst=sesi.instrumen), papan(baris)
    )
    return MENJAWAB


@tombol(tb.Standar, "jawaban")
async def jawaban_standar(
    update: Update, context: Konteks, aktor: Aktor, t: tb.Standar
) -> str | int:
    """The answers of one standard; each question number opens it for a new answer."""
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    await jawab_tombol(update)
    daftar = dict(await kuesioner.rekap(lay, sesi)).get(t.kode, [])
    st = sesi.instrumen.standar(t.kode)
    nomor: list[TombolPapan] = [
        (str(i), tb.BukaPertanyaan(p.kode)) for i, (p, _) in enumerate(daftar, 1)
    ]
    await balas(
        update,
        context,
        lay.render.pesan("pemetaan/rekap_standar", st=st, daftar=daftar),
        papan([nomor[i : i + 5] for i in range(0, len(nomor), 5)]),
    )
    return MENJAWAB


@tombol(tb.BukaPertanyaan, "jawaban", ditolak=MENJAWAB, di_tombol=True)
async def buka_pertanyaan(
    update: Update, context: Konteks, aktor: Aktor, t: tb.BukaPertanyaan
) -> str | int:
    """Put a question in front of the respondent again, to change (or re-check) its answer."""
    lay = layanan(context)
    sesi = await kuesioner.buka_sesi(lay, aktor)
    lk = await kuesioner.buka_pertanyaan(lay, sesi, t.kode)
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
    jawab_tombol_h = penangan_tombol(tombol_jawab)
    buka_h = penangan_tombol(buka_pertanyaan)
    komentar_h = penangan_tombol(pemetaan_kelola.minta_komentar)
    return [
        percakapan(
            entry_points=[
                CommandHandler("pemetaan", pemetaan, filters=PRIBADI),
                CommandHandler("lanjut", lanjut, filters=PRIBADI),
                CommandHandler("jawaban", jawaban, filters=PRIBADI),
                CommandHandler("lewati", lewati, filters=PRIBADI),
                CommandHandler("kembali", kembali, filters=PRIBADI),
                penangan_tombol(mulai),
                jawab_tombol_h,
                buka_h,
                komentar_h,
            ],
            states={
                MENJAWAB: [
                    jawab_tombol_h,
                    buka_h,
                    penangan_tombol(jawaban_standar),
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
        penangan_tombol(jawaban_standar),
        *pemetaan_kelola.penangan(),
    ]
