"""The Profil Mutu Sekolah PDF read back: header, chart, scores and categories per standard and
indicator, priorities, response rates, and the method with the unconfirmed marks."""

import io
import logging
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from bot.dokumen.rapor import (
    DokumenRapor,
    IndikatorRapor,
    KategoriRapor,
    ResponsRapor,
    StandarRapor,
    buat_pdf,
    nama_berkas,
)

ARTEFAK = Path(__file__).resolve().parents[2] / "artefak"

NAMA = (
    ("Standar Kompetensi Lulusan", "SKL"),
    ("Standar Isi", "Isi"),
    ("Standar Proses", "Proses"),
    ("Standar Penilaian", "Penilaian"),
    ("Standar Pendidik dan Tenaga Kependidikan", "PTK"),
    ("Standar Sarana dan Prasarana", "Sarpras"),
    ("Standar Pengelolaan", "Pengelolaan"),
    ("Standar Pembiayaan", "Pembiayaan"),
)


def _indikator(nomor: int, urut: int, nilai: float | None, **isian: object) -> IndikatorRapor:
    dasar: dict[str, object] = dict(
        kode=f"{nomor}.{urut}",
        nama=f"Indikator contoh {nomor}.{urut} <b>mutu</b>",
        skor=nilai,
        kategori=None if nilai is None else ("Menuju SNP 2" if nilai < 3.7 else "Menuju SNP 4"),
        jumlah_jawaban=12,
        jumlah_responden=4,
        confirmed=True,
    )
    dasar.update(isian)
    return IndikatorRapor(**dasar)  # type: ignore[arg-type]


def _rapor(**isian: object) -> DokumenRapor:
    standar = []
    for n, (nama, pendek) in enumerate(NAMA, 1):
        ind = (
            _indikator(n, 1, 2.5 + n * 0.3),
            _indikator(n, 2, None if n == 8 else 3.0 + n * 0.2),
            _indikator(
                n,
                3,
                4.1,
                confirmed=n != 6,
                nama="Sarana lengkap dan layak" if n == 6 else f"Indikator {n}.3",
            ),
        )
        nilai = [i.skor for i in ind if i.skor is not None]
        rata = sum(nilai) / len(nilai)
        standar.append(
            StandarRapor(
                n, nama, pendek, rata, "Menuju SNP 3" if rata > 3.7 else "Menuju SNP 2", ind
            )
        )
    semua = sorted(
        (i for s in standar for i in s.indikator if i.skor is not None), key=lambda i: i.skor or 0
    )
    dasar: dict[str, object] = dict(
        sekolah_nama="SMP Negeri 1 Sleman",
        npsn="20400123",
        kabupaten="Sleman",
        provinsi="Daerah Istimewa Yogyakarta",
        tahun_ajaran="2026/2027",
        skor_sekolah=3.83,
        kategori_sekolah="Menuju SNP 3",
        standar=tuple(standar),
        prioritas=tuple(semua[:5]),
        respons=(
            ResponsRapor("Kepala Sekolah", 1, 0, 1),
            ResponsRapor("Guru", 18, 3, 24),
            ResponsRapor("Tenaga Kependidikan", 2, 1, 5),
        ),
        instrumen_nama="Instrumen Pemetaan Mutu 8 SNP (Asisten Mutu)",
        instrumen_versi="2026.11-1",
        skala_min=0.0,
        skala_maks=7.0,
        kategori=(
            KategoriRapor("Menuju SNP 1", 2.04),
            KategoriRapor("Menuju SNP 2", 3.70),
            KategoriRapor("Menuju SNP 3", 5.06),
            KategoriRapor("Menuju SNP 4", 6.66),
            KategoriRapor("SNP", None),
        ),
        kategori_confirmed=False,
        pertanyaan_confirmed=False,
        kepala_sekolah="Drs. H. Ahmad Fauzi, M.Pd.",
        ketua_tpmps="Siti Nurhaliza, S.Pd.",
        tempat="Sleman",
        tanggal=date(2026, 12, 7),
        dibuat_pada=datetime(2026, 12, 7, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta")),
    )
    dasar.update(isian)
    return DokumenRapor(**dasar)  # type: ignore[arg-type]


def _teks(pdf: bytes) -> str:
    halaman = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(h.extract_text() for h in halaman).split())


def test_nama_berkas() -> None:
    assert nama_berkas(_rapor()) == "Profil-Mutu_SMP-Negeri-1-Sleman_2026-12-07.pdf"


def test_pdf_memuat_seluruh_isi(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = buat_pdf(_rapor())
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    teks = _teks(pdf)
    for isi in (
        "SMP Negeri 1 Sleman",
        "NPSN 20400123",
        "Sleman, Daerah Istimewa Yogyakarta",
        "PROFIL MUTU SEKOLAH",
        "Hasil Pemetaan Mutu Tahun Ajaran 2026/2027",
        "1. Identitas Sekolah",
        "2. Rapor Pendidikan",
        "Rapor Pendidikan sekolah untuk siklus ini belum tersimpan.",
        "3. Ringkasan Evaluasi Diri Sekolah",
        "Skor mutu sekolah : 3,83",
        "Kategori : Menuju SNP 3*",
        # 21 of 30 respondents finished.
        "Tingkat respons : 70%",
        "4. Skor per Standar",
        "5. Skor per Indikator",
        "6. Indikator Prioritas",
        "7. Tingkat Respons",
        "8. Metode",
        # A standard with its score and category.
        "1 Standar Kompetensi Lulusan 3,37 Menuju SNP 2*",
        # An indicator row: code, name (user markup shown as text), score, category, basis.
        "1.1 Indikator contoh 1.1 <b>mutu</b> 2,80 Menuju SNP 2* 12 (4)",
        # A missing score says so.
        "8.2 Indikator contoh 8.2 <b>mutu</b> - - 12 (4)",
        # The unconfirmed indicator name is marked where it stands and explained.
        "6.3 Sarana lengkap dan layak* 4,10",
        "* Nama indikator 6.3 disusun ulang dari sumber sekunder dan belum terkonfirmasi",
        "* Ambang kategori (Menuju SNP 1-4, SNP) berasal dari sumber tidak resmi",
        # The star categories say they are unofficial where they appear.
        "Kategori ini tidak resmi",
        "bukan butir resmi kuesioner PMP",
        "Evaluasi Diri Sekolah: Instrumen Pemetaan Mutu 8 SNP (Asisten Mutu), versi 2026.11-1.",
        "Menuju SNP 1* 0,00 - 2,04",
        "Menuju SNP 2* di atas 2,04 - 3,70",
        "SNP* di atas 6,66",
        # Response rates per group.
        "Guru 18 3 24 75%",
        "Tenaga Kependidikan 2 1 5 40%",
        "Mengetahui, Kepala Sekolah",
        "Sleman, 7 Desember 2026 Ketua TPMPS",
        "Siti Nurhaliza, S.Pd.",
        "Drs. H. Ahmad Fauzi, M.Pd.",
        "Dibuat oleh Asisten Mutu pada Senin, 7 Desember 2026 pukul 09.05 WIB",
    ):
        assert isi in teks, isi
    # The priorities: the five weakest, weakest first.
    prioritas = teks.split("6. Indikator Prioritas")[1].split("7. Tingkat Respons")[0]
    assert "1 1.1 Indikator contoh 1.1 <b>mutu</b> 1. Standar Kompetensi Lulusan 2,80" in prioritas
    assert prioritas.index("1.1 ") < prioritas.index("2.1 ") < prioritas.index("1.2 ")


def test_pdf_ada_grafik_dan_a4_tegak() -> None:
    pdf = PdfReader(io.BytesIO(buat_pdf(_rapor())))
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Profil Mutu SMP Negeri 1 Sleman 2026/2027"
    halaman = pdf.pages[0]
    assert (round(float(halaman.mediabox.width)), round(float(halaman.mediabox.height))) == (
        595,
        842,
    )
    assert len(halaman.images) == 1  # the radar chart


def test_tanpa_tanda_bila_semua_terkonfirmasi() -> None:
    d = _rapor(kategori_confirmed=True, pertanyaan_confirmed=True)
    standar = tuple(
        replace(s, indikator=tuple(replace(i, confirmed=True) for i in s.indikator))
        for s in d.standar
    )
    teks = _teks(buat_pdf(replace(d, standar=standar)))
    assert "*" not in teks
    assert "belum terkonfirmasi" not in teks


def test_tanpa_jawaban_tetap_dokumen_utuh() -> None:
    d = _rapor(skor_sekolah=None, kategori_sekolah=None, prioritas=(), respons=())
    teks = _teks(buat_pdf(d))
    assert "Skor mutu sekolah : -" in teks
    assert "Tingkat respons : -" in teks
    assert "Belum ada indikator yang memiliki skor." in teks


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_halaman_pertama_jadi_gambar(tmp_path: Path) -> None:
    """Leaves tests/artefak/rapor.png for a person to look at."""
    berkas = tmp_path / "rapor.pdf"
    berkas.write_bytes(buat_pdf(_rapor()))
    ARTEFAK.mkdir(exist_ok=True)
    perintah = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*perintah, str(berkas), str(ARTEFAK / "rapor")], check=True)
    assert (ARTEFAK / "rapor.png").read_bytes().startswith(b"\x89PNG")
