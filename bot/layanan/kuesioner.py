"""Stage 1 for one respondent: which question comes next, storing answers, skipping, going
back, changing an answer. The database is the truth: every answer is committed before the
next question is chosen, and the next question is always derived from stored answers."""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot.layanan import Ditolak, Layanan, bukti
from bot.layanan.aktor import Aktor
from bot.layanan.bukti import Berkas
from bot.layanan.instrumen import untuk_versi
from bot.mutu import instrumen as mi
from bot.mutu.instrumen import Instrumen, JenisJawaban, Pertanyaan
from bot.mutu.peran import RESPONDEN
from db import jawaban as db_jawaban
from db import siklus as db_siklus
from db.jenis import AsyncConnection


@dataclass(frozen=True)
class Sesi:
    """A respondent in the open stage-1 questionnaire of their active school."""

    siklus_id: int
    sekolah_id: int
    pengguna_id: int
    responden: str
    instrumen: Instrumen


@dataclass(frozen=True)
class Keadaan:
    """One respondent's stored answers, skips and returned answers."""

    jawaban: dict[str, str]
    dikembalikan: dict[str, str | None]
    lewatan: dict[str, datetime]


@dataclass(frozen=True)
class Langkah:
    """What to show the respondent now."""

    pertanyaan: Pertanyaan | None
    nomor_standar: int = 0
    nama_standar: str = ""
    urutan: int = 0
    jumlah_di_standar: int = 0
    jawaban_lama: str | None = None
    pernah_dilewati: bool = False
    komentar: str | None = None
    terjawab: int = 0
    total: int = 0
    sisa_lewatan: int = 0
    # Why the input just sent was not taken (a key of galat.*), shown above the question.
    galat: str | None = None
    rincian: dict[str, Any] = field(default_factory=dict)

    @property
    def selesai(self) -> bool:
        """Everything answered."""
        return self.pertanyaan is None and self.sisa_lewatan == 0


async def buka_sesi(lay: Layanan, aktor: Aktor) -> Sesi:
    """The respondent's questionnaire, or `Ditolak` saying why there is none to answer."""
    if aktor.aktif is None or aktor.peran not in RESPONDEN:
        raise Ditolak("bukan_responden")
    async with lay.mesin.connect() as conn:
        siklus = await db_siklus.terbuka(conn, aktor.aktif.sekolah_id)
    if siklus is not None and siklus.tahap != 1:  # closed, with or without the questionnaire
        raise Ditolak("pemetaan_ditutup")
    if siklus is None or siklus.pemetaan_dibuka_pada is None:
        raise Ditolak("pemetaan_belum_dibuka")
    if siklus.instrumen_versi is None:
        raise Ditolak("pemetaan_ditutup")
    inst = await untuk_versi(lay, siklus.instrumen_versi)
    return Sesi(siklus.id, siklus.sekolah_id, aktor.pengguna_id, RESPONDEN[aktor.peran], inst)


async def _keadaan(conn: AsyncConnection, sesi: Sesi) -> Keadaan:
    baris = await db_jawaban.milik(conn, sesi.siklus_id, sesi.pengguna_id)
    lewat = await db_jawaban.lewatan_milik(conn, sesi.siklus_id, sesi.pengguna_id)
    return Keadaan(
        jawaban={b.pertanyaan_kode: b.nilai for b in baris},
        dikembalikan={b.pertanyaan_kode: b.komentar for b in baris if b.status == "dikembalikan"},
        lewatan=lewat,
    )


def daftar_pertanyaan(sesi: Sesi, keadaan: Keadaan) -> list[Pertanyaan]:
    """The respondent's questions that apply given their answers so far, in order."""
    semua = sesi.instrumen.pertanyaan_untuk(sesi.responden)
    return [p for p in semua if mi.berlaku(p, keadaan.jawaban)]


def pilih_berikut(
    soal: list[Pertanyaan], keadaan: Keadaan, *, ulang_lewatan: bool
) -> Pertanyaan | None:
    """Returned answers first, then the first question neither answered nor skipped, then
    (when allowed) the question skipped longest ago."""
    for p in soal:
        if p.kode in keadaan.dikembalikan:
            return p
    for p in soal:
        if p.kode not in keadaan.jawaban and p.kode not in keadaan.lewatan:
            return p
    if ulang_lewatan:
        dilewati = [p for p in soal if p.kode in keadaan.lewatan and p.kode not in keadaan.jawaban]
        if dilewati:
            return min(dilewati, key=lambda p: keadaan.lewatan[p.kode])
    return None


def susun_langkah(sesi: Sesi, keadaan: Keadaan, p: Pertanyaan | None) -> Langkah:
    """Header figures and the current answer for showing `p`."""
    soal = daftar_pertanyaan(sesi, keadaan)
    terjawab = sum(1 for q in soal if q.kode in keadaan.jawaban)
    sisa = sum(1 for q in soal if q.kode in keadaan.lewatan and q.kode not in keadaan.jawaban)
    if p is None:
        return Langkah(None, terjawab=terjawab, total=len(soal), sisa_lewatan=sisa)
    sestandar = [q for q in soal if q.standar_kode == p.standar_kode]
    standar = sesi.instrumen.standar(p.standar_kode)
    lama = keadaan.jawaban.get(p.kode)
    return Langkah(
        pertanyaan=p,
        nomor_standar=standar.nomor,
        nama_standar=standar.nama,
        urutan=next((i for i, q in enumerate(sestandar, 1) if q.kode == p.kode), 1),
        jumlah_di_standar=len(sestandar),
        jawaban_lama=mi.tampil_jawaban(p, lama) if lama is not None else None,
        pernah_dilewati=p.kode in keadaan.lewatan,
        komentar=keadaan.dikembalikan.get(p.kode),
        terjawab=terjawab,
        total=len(soal),
        sisa_lewatan=sisa,
    )


async def _tampilkan(
    conn: AsyncConnection, lay: Layanan, sesi: Sesi, p: Pertanyaan | None, keadaan: Keadaan
) -> Langkah:
    if p is None:
        await db_jawaban.hapus_posisi(conn, sesi.siklus_id, sesi.pengguna_id)
    else:
        await db_jawaban.atur_posisi(conn, sesi.siklus_id, sesi.pengguna_id, p.kode, lay.sekarang())
    return susun_langkah(sesi, keadaan, p)


async def lanjut(lay: Layanan, sesi: Sesi) -> Langkah:
    """The next question to answer (skipped ones again at the end)."""
    async with lay.mesin.begin() as conn:
        return (await _lanjut(conn, lay, sesi))[1]


async def _lanjut(conn: AsyncConnection, lay: Layanan, sesi: Sesi) -> tuple[Keadaan, Langkah]:
    keadaan = await _keadaan(conn, sesi)
    p = pilih_berikut(daftar_pertanyaan(sesi, keadaan), keadaan, ulang_lewatan=True)
    return keadaan, await _tampilkan(conn, lay, sesi, p, keadaan)


@dataclass(frozen=True)
class Terjawab:
    """A stored answer: how it reads, the header of its question, and what comes next."""

    tampil: str
    soal: Langkah
    berikut: Langkah


async def _simpan_lalu_lanjut(
    conn: AsyncConnection, lay: Layanan, sesi: Sesi, p: Pertanyaan, nilai: str
) -> Terjawab:
    """Store the answer, then choose the next question from the state as it now is (kept in
    memory rather than read back: one transaction, few statements, on every answer)."""
    lama = await _keadaan(conn, sesi)
    await db_jawaban.simpan(
        conn,
        siklus_id=sesi.siklus_id,
        pengguna_id=sesi.pengguna_id,
        responden=sesi.responden,
        pertanyaan_kode=p.kode,
        nilai=nilai,
        waktu=lay.sekarang(),
        dilewati=p.kode in lama.lewatan,
    )
    keadaan = Keadaan(
        jawaban={**lama.jawaban, p.kode: nilai},
        dikembalikan={k: v for k, v in lama.dikembalikan.items() if k != p.kode},
        lewatan={k: v for k, v in lama.lewatan.items() if k != p.kode},
    )
    berikut = pilih_berikut(daftar_pertanyaan(sesi, keadaan), keadaan, ulang_lewatan=True)
    langkah = await _tampilkan(conn, lay, sesi, berikut, keadaan)
    return Terjawab(mi.tampil_jawaban(p, nilai), susun_langkah(sesi, keadaan, p), langkah)


async def _pertanyaan_sekarang(conn: AsyncConnection, sesi: Sesi, kode: str | None) -> Pertanyaan:
    # Checked again inside the writing transaction: stage 1 may have closed a moment ago.
    siklus = await db_siklus.ambil(conn, sesi.siklus_id)
    if siklus is None or siklus.tahap != 1 or siklus.status != "terbuka":
        raise Ditolak("pemetaan_ditutup")
    posisi = await db_jawaban.posisi(conn, sesi.siklus_id, sesi.pengguna_id)
    if posisi is None:
        raise Ditolak("tombol_usang")
    if kode is not None and kode != posisi:
        raise Ditolak("tombol_usang_pertanyaan")
    return sesi.instrumen.pertanyaan(posisi)


async def jawab(lay: Layanan, sesi: Sesi, kode: str | None, masukan: str) -> Terjawab:
    """Store an answer to the current question (`kode` from a button must be the current one;
    None for typed text); a doubled press finds the question moved on and changes nothing."""
    async with lay.mesin.begin() as conn:
        p = await _pertanyaan_sekarang(conn, sesi, kode)
        if p.jenis is JenisJawaban.BUKTI:
            raise Ditolak("perlu_bukti")
        try:
            nilai = mi.normalisasi(p, masukan)
        except mi.JawabanTidakSah as salah:
            raise Ditolak(
                f"jawaban_{salah.alasan}", contoh=salah.contoh or "", **_rentang(salah)
            ) from None
        return await _simpan_lalu_lanjut(conn, lay, sesi, p, nilai)


def _rentang(salah: mi.JawabanTidakSah) -> dict[str, object]:
    return {k: getattr(salah, k) for k in ("min", "maks") if getattr(salah, k, None) is not None}


async def simpan_bukti(lay: Layanan, sesi: Sesi, berkas: Berkas) -> Terjawab:
    """Store an evidence file for the current `bukti` question, and the answer pointing at
    it, in one transaction."""
    bukti.periksa(berkas)
    async with lay.mesin.begin() as conn:
        p = await _pertanyaan_sekarang(conn, sesi, None)
        if p.jenis is not JenisJawaban.BUKTI:
            raise Ditolak("bukan_bukti")
        bukti_id = await bukti.simpan(
            conn,
            lay,
            berkas,
            sekolah_id=sesi.sekolah_id,
            siklus_id=sesi.siklus_id,
            pengguna_id=sesi.pengguna_id,
            sumber=f"pertanyaan:{p.kode}",
        )
        return await _simpan_lalu_lanjut(conn, lay, sesi, p, f"bukti:{bukti_id}")


async def lewati(lay: Layanan, sesi: Sesi) -> Langkah:
    """Skip the current question; when only skipped questions remain, stop asking."""
    async with lay.mesin.begin() as conn:
        p = await _pertanyaan_sekarang(conn, sesi, None)
        await db_jawaban.lewati(conn, sesi.siklus_id, sesi.pengguna_id, p.kode, lay.sekarang())
        keadaan = await _keadaan(conn, sesi)
        berikut = pilih_berikut(daftar_pertanyaan(sesi, keadaan), keadaan, ulang_lewatan=False)
        return await _tampilkan(conn, lay, sesi, berikut, keadaan)


async def kembali(lay: Layanan, sesi: Sesi) -> Langkah:
    """Show the question before the current one (or the last one when all are done)."""
    async with lay.mesin.begin() as conn:
        keadaan = await _keadaan(conn, sesi)
        posisi = await db_jawaban.posisi(conn, sesi.siklus_id, sesi.pengguna_id)
        soal = daftar_pertanyaan(sesi, keadaan)
        kode = [p.kode for p in soal]
        i = kode.index(posisi) if posisi in kode else len(soal)
        if i == 0:
            raise Ditolak("sudah_pertama")
        return await _tampilkan(conn, lay, sesi, soal[i - 1], keadaan)


async def buka_pertanyaan(lay: Layanan, sesi: Sesi, kode: str) -> Langkah:
    """Put one of the respondent's questions in front of them again (to change an answer)."""
    async with lay.mesin.begin() as conn:
        keadaan = await _keadaan(conn, sesi)
        p = next((q for q in daftar_pertanyaan(sesi, keadaan) if q.kode == kode), None)
        if p is None:
            raise Ditolak("tombol_usang")
        return await _tampilkan(conn, lay, sesi, p, keadaan)


async def rekap(lay: Layanan, sesi: Sesi) -> list[tuple[str, list[tuple[Pertanyaan, str | None]]]]:
    """The respondent's questions per standard, each with its answer as shown (or None)."""
    async with lay.mesin.connect() as conn:
        keadaan = await _keadaan(conn, sesi)
    hasil: dict[str, list[tuple[Pertanyaan, str | None]]] = {}
    for p in daftar_pertanyaan(sesi, keadaan):
        nilai = keadaan.jawaban.get(p.kode)
        tampil = mi.tampil_jawaban(p, nilai) if nilai is not None else None
        hasil.setdefault(p.standar_kode, []).append((p, tampil))
    return list(hasil.items())


# --- typed input: what was not taken comes back as the question again, with why ---------


async def _lagi(lay: Layanan, sesi: Sesi, tolak: Ditolak) -> Langkah:
    """The current question again with why the input was not taken; with nothing in front
    of the respondent, simply the next question."""
    lk = await lanjut(lay, sesi)
    if tolak.alasan == "tombol_usang":
        return lk
    return replace(lk, galat=tolak.alasan, rincian=dict(tolak.rincian))


async def jawab_ketikan(lay: Layanan, sesi: Sesi, masukan: str) -> Langkah:
    """A typed answer to the current question: the next step once stored, or the question
    again with why the text was not taken (nothing stored)."""
    try:
        return (await jawab(lay, sesi, None, masukan)).berikut
    except Ditolak as tolak:
        return await _lagi(lay, sesi, tolak)


async def jawab_berkas(lay: Layanan, sesi: Sesi, unduhan: Awaitable[Berkas]) -> Langkah:
    """An evidence file for the current question, as its download (refused when too big):
    the next step once stored, or the question again with why the file was not taken
    (nothing stored)."""
    try:
        return (await simpan_bukti(lay, sesi, await unduhan)).berikut
    except Ditolak as tolak:
        return await _lagi(lay, sesi, tolak)


async def lewati_atau_lanjut(lay: Layanan, sesi: Sesi) -> Langkah:
    """Skip the current question; with none in front of the respondent, the next one."""
    try:
        return await lewati(lay, sesi)
    except Ditolak:
        return await lanjut(lay, sesi)


async def kembali_atau_ulang(lay: Layanan, sesi: Sesi) -> Langkah:
    """The question before; at the first, that question again saying so."""
    try:
        return await kembali(lay, sesi)
    except Ditolak as tolak:
        return await _lagi(lay, sesi, tolak)


async def jawab_tombol(lay: Layanan, sesi: Sesi, kode: str, masukan: str) -> Terjawab | str:
    """A pressed choice for question `kode`: the stored answer, or (a button of another
    question, or pressed twice) the key of the short notice to answer the press with; nothing
    is stored then."""
    try:
        return await jawab(lay, sesi, kode, masukan)
    except Ditolak as tolak:
        if tolak.alasan in ("tombol_usang", "tombol_usang_pertanyaan"):
            return f"galat.{tolak.alasan}"
        raise
