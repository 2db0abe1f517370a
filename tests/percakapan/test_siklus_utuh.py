"""One school through a whole SPMI cycle over HTTP, stage 1 to stage 5 and into the next
cycle, asking /ringkasan at every stage and reading back every document /laporan gives."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from bot.akses import KUNCI_LAYANAN
from bot.layanan import monev as layanan_monev
from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah, gabung, undang
from tests.percakapan.test_rencana_komitmen import (
    _isi_jawaban_kepala,
    _ke_tahap_2,
    _tutup_tahap_1,
)
from tests.percakapan.test_strategi import (
    LOKAKARYA,
    SUPERVISI,
    _aktor,
    _rencana_dua_program,
    _setujui,
)

PNG_KECIL = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _teks_pdf(isi: bytes | None) -> str:
    return " ".join(
        " ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi or b"")).pages).split()
    )


async def _ringkasan(p: Pengguna, tahap: str) -> str:
    await p.kirim("/ringkasan")
    pesan = await p.balasan_berisi("Ringkasan SPMI")
    assert tahap in pesan.teks, pesan.teks
    await p.semua_balasan(diam=0.3)  # the chart, when there is one
    return pesan.teks


async def _laporan(p: Pengguna) -> Pesan:
    await p.kirim("/laporan")
    return await p.balasan_berisi("Dokumen")


async def _unduh(p: Pengguna, daftar: Pesan, tombol: str, jumlah: int = 1) -> list[Pesan]:
    """Press a document button and collect the files it sends."""
    await p.tekan(tombol, daftar)
    berkas: list[Pesan] = []
    while len(berkas) < jumlah:
        pesan = await p.balasan()
        if pesan.dokumen_nama:
            berkas.append(pesan)
    return berkas


async def test_satu_siklus_penuh_lalu_siklus_berikut(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, sari = orang("Pak Budi"), orang("Bu Koor"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await gabung(sari, await undang(kepala, "Guru"))
    await koor.semua_balasan()
    teks = await _ringkasan(koor, "Tahap 1 · Pemetaan mutu")
    assert "Simpan Rapor Pendidikan sekolah lewat /rapor" in teks

    # Stage 1: the questionnaire goes out, the principal answers, stage 1 closes.
    await _ke_tahap_2(kepala)
    await _isi_jawaban_kepala(bot, kepala)
    await _tutup_tahap_1(kepala)
    teks = await _ringkasan(koor, "Tahap 2 · Perencanaan")
    assert "Skor 8 standar" in teks and "Susun rencana pemenuhan mutu" in teks
    daftar = await _laporan(koor)
    (rapor,) = await _unduh(koor, daftar, "Profil Mutu Sekolah (PDF)")
    isi = _teks_pdf(rapor.dokumen)
    assert "PROFIL MUTU SEKOLAH" in isi and "Standar Kompetensi Lulusan" in isi

    # Stage 2: a plan of two programs, approved by the principal; stage 3: commitments.
    await _rencana_dua_program(bot, koor, sari)
    await _setujui(kepala, sari, 2)
    await koor.semua_balasan()
    teks = await _ringkasan(koor, "Tahap 3 · Pelaksanaan")
    assert "Rencana: 2 kegiatan · 0% selesai" in teks
    docx, pdf = await _unduh(koor, await _laporan(koor), "Rencana Pemenuhan Mutu (DOCX dan PDF)", 2)
    sel = [c.text for t in Document(io.BytesIO(docx.dokumen or b"")).tables for c in t._cells]
    assert LOKAKARYA in sel and SUPERVISI in sel
    assert LOKAKARYA in _teks_pdf(pdf.dokumen)

    # The PIC reports one activity done, with a photo; the coordinator accepts it.
    await sari.kirim("/lapor")
    await sari.tekan(LOKAKARYA, await sari.balasan_berisi("Komitmen mana"))
    await sari.api.idle()
    await sari.tekan("Selesai")
    await sari.balasan_berisi("Tulis catatan singkat")
    await sari.kirim("Semua guru sudah ikut lokakarya.")
    await sari.balasan_berisi("Kirim foto")
    await sari.kirim_foto(PNG_KECIL)
    assert "Selesai 100%" in (await sari.balasan()).teks
    await koor.tekan("Terima selesai", await koor.balasan_berisi("Laporan komitmen: Selesai"))
    teks = await _ringkasan(koor, "Tahap 3 · Pelaksanaan")
    assert "Rencana: 2 kegiatan · 50% selesai" in teks and "Bukti terkumpul: 1 berkas" in teks

    # Stage 4: both programs evaluated.
    lay = bot.bot_data[KUNCI_LAYANAN]
    aktor = await _aktor(bot, koor)
    kode = (await layanan_monev.lihat(lay, aktor)).program[0][0]
    await layanan_monev.evaluasi(lay, aktor, kode, 1, "ya", "Skor naik", "Semua ikut", "lanjutkan")
    await layanan_monev.evaluasi(lay, aktor, kode, 2, "tidak", "Belum", "Jadwal padat", "ubah")
    teks = await _ringkasan(koor, "Tahap 4 · Monitoring dan evaluasi")
    assert "lanjutkan ke tahap 5 dengan /strategi" in teks
    (monev,) = await _unduh(koor, await _laporan(koor), "Laporan Monev (PDF)")
    isi = _teks_pdf(monev.dokumen)
    assert LOKAKARYA in isi and "Jadwal padat" in isi

    # Stage 5: the coordinator opens it; the principal closes the cycle.
    await koor.kirim("/strategi")
    await koor.tekan("Buka tahap 5 (strategi)", await koor.balasan_berisi("sedang di tahap 4"))
    await koor.balasan_berisi("Strategi dan standar baru")
    teks = await _ringkasan(koor, "Tahap 5 · Penetapan standar mutu baru")
    await kepala.semua_balasan()
    await kepala.kirim("/strategi")
    await kepala.tekan("Tutup siklus 2026/2027", await kepala.balasan_berisi("Langkah tahap 5"))
    await kepala.tekan("Ya, tutup siklus", await kepala.balasan_berisi("Tutup siklus 2026/2027?"))
    dikirim = [m for m in await kepala.semua_balasan(diam=1.0) if m.dokumen_nama]
    assert [m.dokumen_nama for m in dikirim] == [
        "Laporan-Siklus-SPMI_SMP-Negeri-1-Sleman_2026-2027_2026-11-23.pdf"
    ]
    await koor.semua_balasan(diam=0.5)

    # The next cycle is open at stage 1; the closed cycle's report stays in /laporan.
    teks = await _ringkasan(koor, "Tahap 1 · Pemetaan mutu")
    assert "Siklus 2027/2028" in teks
    daftar = await _laporan(koor)
    assert "Laporan Siklus SPMI (PDF)" in daftar.tombol_datar
    # Until the new cycle has its own map, the last cycle's Profil Mutu stays at hand.
    assert "Profil Mutu Sekolah (PDF)" not in daftar.tombol_datar
    (rapor_lalu,) = await _unduh(koor, daftar, "Profil Mutu siklus lalu (PDF)")
    isi = _teks_pdf(rapor_lalu.dokumen)
    assert "Tahun Ajaran 2026/2027" in isi and "Standar Kompetensi Lulusan" in isi
    (siklus,) = await _unduh(koor, daftar, "Laporan Siklus SPMI (PDF)")
    isi = _teks_pdf(siklus.dokumen)
    for bagian in (
        "LAPORAN SIKLUS SPMI",
        "Tahun Ajaran 2026/2027",
        "Pelatihan; Supervisi Rp1.000.000",  # the plan
        "1 0 0 1 2 50% 1",  # done, ongoing, stuck, not started, total, percent, evidence
        "Supervisi Tidak Belum Jadwal padat Ubah",  # monev
        "untuk siklus tahun ajaran 2027/2028",  # the new targets
        f"Supervisi {SUPERVISI} Bu Sari Rp500.000 Belum selesai",  # carried over
    ):
        assert bagian in isi, bagian
    (rekap,) = await _unduh(koor, daftar, "Rekap data (XLSX)")
    wb = load_workbook(io.BytesIO(rekap.dokumen or b""))
    assert wb.sheetnames == ["Jawaban", "Skor", "Rencana", "Komitmen", "Laporan Kemajuan", "Bukti"]
    assert wb["Jawaban"].freeze_panes == "A2"
