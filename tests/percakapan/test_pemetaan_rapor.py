"""Stage 1 on Rapor Pendidikan over HTTP: a koordinator closes stage 1 on the school's
Rapor Pendidikan alone (the edition of the cycle, not an older one), the quality map shows the
report's labels first (red, yellow, green, with change and rank), and the Profil Mutu Sekolah
reads back with the report's indicators; with the school's own evaluation (Evaluasi Diri
Sekolah) too, the map and the document hold both parts, the star categories with the note
that they are unofficial. Refusals change nothing."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from typing import Any

from pypdf import PdfReader
from sqlalchemy import select, update

from bot.akses import KUNCI_LAYANAN
from db import instrumen as db_instrumen
from db import rapor as db_rapor
from db.berkas_instrumen import INSTRUMEN_ARSIP
from db.tabel import audit, jawaban, rapor_impor, siklus
from tests import rapor_contoh as contoh
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NPSN = "20512345"  # the school daftarkan_sekolah registers
TUTUP_RP = "Tutup tahap 1 dengan Rapor Pendidikan"
PROFIL = "Profil Mutu Sekolah (PDF)"


async def _siklus(app: Any) -> Any:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (c,) = list(await conn.execute(select(siklus)))
    return c


async def _sekolah(orang: Callable[[str], Pengguna]) -> tuple[Pengguna, Pengguna, Pengguna]:
    kepala, koor, guru = orang("Pak Budi"), orang("Bu Rina"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await gabung(guru, await undang(kepala, "Guru"))
    await kepala.api.idle()
    for p in (kepala, koor, guru):
        await p.semua_balasan()
    return kepala, koor, guru


async def _impor(p: Pengguna, isi: bytes, nama: str) -> None:
    await p.kirim("/rapor")
    await p.balasan_berisi("Kirim berkas Excel")
    await p.kirim_dokumen(isi, nama, XLSX)
    await p.tekan("Simpan", await p.balasan_berisi("Periksa dulu"))
    await p.balasan_berisi("Tersimpan.")


def _teks_pdf(isi: bytes | None) -> str:
    halaman = PdfReader(io.BytesIO(isi or b"")).pages
    return " ".join(" ".join(h.extract_text() for h in halaman).split())


async def _profil(p: Pengguna) -> str:
    await p.kirim("/laporan")
    daftar = await p.balasan_berisi("Dokumen")
    await p.tekan(PROFIL, daftar)
    while True:
        pesan = await p.balasan()
        if pesan.dokumen_nama:
            assert pesan.dokumen_nama.startswith("Profil-Mutu_")
            return _teks_pdf(pesan.dokumen)


async def test_tahap1_ditutup_dengan_rapor_pendidikan_saja(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, guru = await _sekolah(orang)
    await koor.kirim("/pemetaan")
    panel = await koor.balasan_berisi("Pemetaan mutu")
    assert "Rapor Pendidikan untuk siklus ini belum tersimpan" in panel.teks
    assert TUTUP_RP not in panel.tombol_datar
    # A crafted close (or its confirmation) before any report: refused, nothing changes.
    for data in ("pmk:tutup", "pmk:tutup_ya"):
        qid = await koor.tekan_data(data, panel)
        teks = (await koor.jawaban_callback(qid)).params["text"]
        assert "Rapor Pendidikan 2026 atau 2025" in teks, data
    assert "Pemetaan mutu" in koor.pesan(panel.message_id).teks  # the panel stays
    assert (await _siklus(bot)).tahap == 1

    # An older edition does not describe this school year: still no close.
    await _impor(koor, contoh.buku_2023(npsn=NPSN), "RAPOR-PBD.xlsx")
    await koor.kirim("/pemetaan")
    panel = await koor.balasan_berisi("Pemetaan mutu")
    assert TUTUP_RP not in panel.tombol_datar
    qid = await koor.tekan_data("pmk:tutup_ya", panel)
    assert "Rapor Pendidikan 2026" in (await koor.jawaban_callback(qid)).params["text"]
    assert (await _siklus(bot)).tahap == 1

    # The 2025 edition serves the cycle 2026/2027.
    await _impor(koor, contoh.buku_2025(npsn=NPSN), "RAPOR-PBD-2025.xlsx")
    await koor.kirim("/pemetaan")
    panel = await koor.balasan_berisi("Pemetaan mutu")
    assert "Rapor Pendidikan 2025 tersimpan" in panel.teks
    # A teacher's crafted press is refused by role; nothing changes.
    await guru.kirim("/pemetaan")
    qid = await guru.tekan_data("pmk:tutup_ya", await guru.balasan())
    assert (await guru.jawaban_callback(qid)).params["text"].startswith("Maaf")
    await guru.balasan_berisi("hanya untuk Kepala Sekolah dan Koordinator")
    assert (await _siklus(bot)).tahap == 1

    await koor.tekan(TUTUP_RP, panel)
    await koor.api.idle()
    konfirmasi = koor.pesan(panel.message_id)
    assert "Rapor Pendidikan 2025" in konfirmasi.teks
    assert "Evaluasi Diri Sekolah tidak dijalankan" in konfirmasi.teks
    await koor.tekan("Ya, tutup tahap 1", konfirmasi)
    await koor.api.idle()
    peta = koor.pesan(panel.message_id).teks
    # The report's labels first: the priority indicators red, then yellow, then green.
    assert peta.startswith("Peta Mutu SMP Negeri 1 Sleman · 2026/2027")
    baris = peta.split("Indikator prioritas")[1].split("Indikator lain")[0]
    urutan = [baris.index(k) for k in ("🔴 D.4 ", "🔴 A.1 ", "🟡 D.1 ", "🟡 A.2 ", "🟢 A.3 ")]
    assert urutan == sorted(urutan), baris
    # Within red: the lower rank group first, then the larger drop.
    assert "🔴 D.4 Iklim keamanan satuan pendidikan: Kurang · 44,00 · Turun 8,00" in peta
    assert "🔴 A.1 Kemampuan literasi: Kurang · 38,50% · Turun 5,20 · nasional" in peta
    assert "D.2 Refleksi dan perbaikan pembelajaran oleh guru" in peta.split("Indikator lain")[1]
    assert "Evaluasi Diri Sekolah (8 SNP) tidak dijalankan" in peta
    assert "Menuju SNP" not in peta and "Skor sekolah" not in peta
    assert "Siklus pindah ke tahap 2" in peta
    assert len(peta) <= 4096
    await koor.tidak_ada_balasan()  # no radar chart without answers
    # The kepala, another manager, gets the map too.
    assert "🔴 A.1 Kemampuan literasi" in (await kepala.balasan_berisi("Peta Mutu")).teks

    c = await _siklus(bot)
    assert c.tahap == 2 and c.pemetaan_dibuka_pada is None and c.instrumen_versi is not None
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        (a,) = list(await conn.execute(select(audit).where(audit.c.aksi == "pemetaan.tutup")))
    assert a.rincian == {"rapor_edisi": "Rapor Pendidikan 2025", "eds": False}

    # A doubled press changes nothing; the teacher has no questionnaire to answer.
    qid = await koor.tekan_data("pmk:tutup_ya", konfirmasi)
    assert "sudah ditutup" in (await koor.jawaban_callback(qid)).params["text"]
    await guru.kirim("/lanjut")
    assert "sudah ditutup" in (await guru.balasan()).teks
    assert c.rapor_edisi == "Rapor Pendidikan 2025"
    # A newer edition imported later does not change the map stage 1 closed on.
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        await db_rapor.simpan_impor(
            conn,
            sekolah_id=c.sekolah_id,
            edisi="Rapor Pendidikan 2026",
            sumber="ketik",
            katalog_versi="uji",
            pengguna_id=koor.id,
            waktu=lay.sekarang(),
            capaian=[{"kode": "A.1", "label": "baik", "nilai": 80.0}],
        )
    # /pemetaan now shows the map again.
    await koor.kirim("/pemetaan")
    lagi = (await koor.balasan_berisi("Peta Mutu")).teks
    assert "1. Rapor Pendidikan · Rapor Pendidikan 2025" in lagi and "🔴 A.1" in lagi

    teks = await _profil(koor)
    assert "PROFIL MUTU SEKOLAH" in teks and "RAPOR MUTU" not in teks
    assert "2. Rapor Pendidikan" in teks and "Rapor Pendidikan 2025" in teks
    assert "A.1 Kemampuan literasi (prioritas) Kurang 38,50% Turun 5,20" in teks
    assert teks.index("D.4 Iklim keamanan") < teks.index("A.2 Kemampuan numerasi")
    assert teks.index("A.2 Kemampuan numerasi") < teks.index("A.3 Karakter")
    assert "Evaluasi Diri Sekolah (8 SNP) tidak dijalankan pada siklus ini" in teks
    assert "Menuju SNP" not in teks


async def test_peta_dan_profil_memuat_kedua_bagian(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, guru = await _sekolah(orang)
    await _impor(koor, contoh.buku_2025(npsn=NPSN), "RAPOR-PBD-2025.xlsx")
    await koor.kirim("/pemetaan")
    panel = await koor.balasan_berisi("Pemetaan mutu")
    await koor.tekan("Kirim Evaluasi Diri Sekolah (opsional)", panel)
    undangan = await guru.balasan_berisi("Evaluasi Diri Sekolah")
    await guru.tekan("Mulai isi evaluasi diri", undangan)
    soal: Pesan = await guru.balasan_berisi("pertanyaan 1 dari")
    await guru.tekan("Sering", soal)
    await guru.balasan_berisi("pertanyaan 2 dari")

    await koor.kirim("/pemetaan")
    panel = await koor.balasan_berisi("Sedang mengisi (1)")
    assert "Rapor Pendidikan 2025 tersimpan" in panel.teks
    await koor.tekan("Tutup tahap 1", panel)
    await koor.api.idle()
    konfirmasi = koor.pesan(panel.message_id)
    assert "Yang belum selesai menjawab" in konfirmasi.teks
    await koor.tekan("Ya, tutup tahap 1", konfirmasi)
    foto = await koor.balasan()
    assert foto.foto is not None  # the 8-standard chart, since the evaluation ran
    peta = koor.pesan(panel.message_id).teks
    assert peta.index("1. Rapor Pendidikan") < peta.index("🔴 A.1")
    assert peta.index("🔴 A.1") < peta.index("2. Evaluasi Diri Sekolah · profil 8 SNP")
    assert "Menuju SNP" in peta and "Kategori ini tidak resmi" in peta
    assert len(peta) <= 4096

    teks = await _profil(koor)
    assert teks.index("2. Rapor Pendidikan") < teks.index("3. Ringkasan Evaluasi Diri Sekolah")
    assert "A.1 Kemampuan literasi (prioritas) Kurang" in teks
    assert "Standar Kompetensi Lulusan" in teks
    # Wherever a star category stands, the note says it is unofficial.
    assert "Menuju SNP" in teks
    assert teks.count("Kategori ini tidak resmi") >= 2


async def test_siklus_berjalan_dengan_versi_lama_tetap_memakai_versi_itu(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    """A school mid-way in a cycle sent out with the earlier instrument (PMP-era wording)
    finishes it on that version: the questions, the answers and the map read it, nothing is
    converted to the new version."""
    kepala, koor, guru = await _sekolah(orang)
    lay = bot.bot_data[KUNCI_LAYANAN]
    teks_lama = INSTRUMEN_ARSIP["2026.11-1"].read_text(encoding="utf-8")
    async with lay.mesin.begin() as conn:
        await db_instrumen.daftarkan(
            conn,
            "2026.11-1",
            teks_lama,
            hashlib.sha256(teks_lama.encode()).hexdigest(),
            lay.sekarang(),
        )
        await conn.execute(
            update(siklus).values(instrumen_versi="2026.11-1", pemetaan_dibuka_pada=lay.sekarang())
        )
    await kepala.kirim("/lanjut")
    soal = await kepala.balasan_berisi("pertanyaan 1 dari")
    assert "Apakah sekolah menjalankan program pembiasaan karakter" in soal.teks
    await kepala.kirim("/lanjut")  # the same question again, to answer below
    await guru.kirim("/lanjut")
    soal = await guru.balasan_berisi("pertanyaan 1 dari")
    # The old wording, as the cycle asked it.
    assert "Seberapa sering siswa di kelas Bapak/Ibu" in soal.teks
    await guru.tekan("Sering", soal)
    await guru.balasan_berisi("pertanyaan 2 dari")
    # The kepala's question the new version dropped is still asked in this cycle.
    await kepala.tekan("Ya", await kepala.balasan_berisi("pertanyaan 1 dari"))
    await kepala.balasan_berisi("Berapa persen siswa yang tuntas")
    await kepala.kirim("72")
    assert "label capaian literasi" in (await kepala.balasan_berisi("pertanyaan 3 dari")).teks
    async with lay.mesin.connect() as conn:
        kode = {b.pertanyaan_kode for b in await conn.execute(select(jawaban))}
    assert kode == {"1.1-01", "1.1-03", "1.2-01"}
    await koor.kirim("/pemetaan")
    panel = await koor.balasan_berisi("Sedang mengisi (2)")
    await koor.tekan("Tutup tahap 1", panel)
    await koor.api.idle()
    await koor.tekan("Ya, tutup tahap 1", koor.pesan(panel.message_id))
    await koor.balasan()  # the chart
    peta = koor.pesan(panel.message_id).teks
    assert "2. Evaluasi Diri Sekolah · profil 8 SNP" in peta
    # 1.1: "Sering" 4,67 and "Ya" 7 -> 5,83; 1.2: 72% of 7 = 5,04; the standard 5,44.
    assert "Standar Kompetensi Lulusan: 5,44" in peta  # "Sering" = 2/3 of 7, the old way
    c = await _siklus(bot)
    assert c.tahap == 2 and c.instrumen_versi == "2026.11-1"


async def test_tombol_rapor_rakitan_atau_usang_ditolak_tanpa_perubahan(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    """Typed /rapor buttons: a label that does not exist, another indicator's button, a rank
    group out of range, a step's button out of turn: each gets the stale-button message and
    the step in front of the user still works."""
    kepala = orang("Bu Ani")
    await daftarkan_sekolah(kepala, npsn="20599999", nama="SMP Negeri 2 Depok")
    await kepala.kirim("/rapor")
    await kepala.balasan_berisi("Belum ada Rapor Pendidikan")
    await kepala.tekan("Ketik sendiri")
    await kepala.tekan("Rapor Pendidikan 2026", await kepala.balasan_berisi("6 indikator"))
    soal = await kepala.balasan_berisi("A.1")
    for data in ("rpr:kl:A.1:ungu", "rpr:kl:A.2:kurang", "rpr:kp:A.1:9", "rpr:y", "rpr:ke:2020"):
        await kepala.tekan_data(data, soal)
        assert "sudah tidak berlaku" in (await kepala.balasan()).teks, data
    await kepala.tekan("Kurang", soal)
    await kepala.balasan_berisi("Ketik")
    await kepala.kirim("38,5")
    await kepala.balasan_berisi("perubahannya")
    async with bot.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        assert list(await conn.execute(select(rapor_impor))) == []
