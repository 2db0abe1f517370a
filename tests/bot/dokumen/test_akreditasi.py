"""The readiness report and the evidence bundle, read back: PDF text, ZIP layout, parts under
the upload limit, and what was left out."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from bot.dokumen.akreditasi import (
    BuktiDok,
    ButirDok,
    DokumenAkreditasi,
    DokumenWajibDok,
    HasilObservasi,
    JawabanWawancara,
    KelompokDok,
    buat_bundel,
    buat_indeks_pdf,
    buat_pdf,
    isian_bundel,
    nama_berkas,
    nama_bundel,
)

ARTEFAK = Path(__file__).resolve().parents[2] / "artefak"
KB = 1024


def _teks(isi: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(isi)).pages).split())


def _bukti(tmp: Path, nama: str, ukuran: int, masalah: tuple[str, ...] = ()) -> BuktiDok:
    path = tmp / nama
    path.write_bytes(nama.encode() + b"\0" * (ukuran - len(nama)))
    return BuktiDok(f"Pemetaan 2.2-02 · {nama}", nama, ukuran, str(path), masalah)


def _dokumen(tmp: Path) -> DokumenAkreditasi:
    ksp = _bukti(tmp, "ksp.pdf", 300 * KB)
    foto = _bukti(tmp, "kelas.jpg", 200 * KB)
    besar = _bukti(tmp, "rkt.pdf", 900 * KB, ("terlalu_besar",))
    ml = KelompokDok(
        "ML",
        "Mutu Lulusan",
        30,
        75.0,
        2,
        11,
        (
            ButirDok("1", "Siswa disiplin <b>&</b> tertib.", False, 4, 4, False, (foto,), 1),
            ButirDok("2", "Siswa religius.", False, 3, 2, True, (), 0),
        ),
    )
    ms = KelompokDok(
        "MS",
        "Manajemen Sekolah/Madrasah",
        15,
        100.0,
        1,
        12,
        (ButirDok("24", "KSP disusun bersama.", False, 4, 4, False, (ksp,), 0),),
        spmi=5.126,
    )
    ipr = KelompokDok("IPR", "Indikator Pemenuhan Relatif (IPR)", 15, None, 0, 9, ())
    return DokumenAkreditasi(
        sekolah_nama="SMP Negeri 1 Sleman",
        npsn="20512345",
        kabupaten="Kabupaten Sleman",
        provinsi="DI Yogyakarta",
        jenjang="SMP",
        instrumen="IASP 2020",
        instrumen_lengkap="Instrumen Akreditasi Satuan Pendidikan 2020 (BAN-S/M)",
        kelompok=(ml, ms, ipr),
        nilai_akhir=None,
        peringkat=None,
        peringkat_terkonfirmasi=True,
        kesenjangan=("Indikator 1.1 dinilai tinggi, tetapi butir 4 belum punya bukti.",),
        dokumen=(
            DokumenWajibDok("RKT", "Rencana Kerja Tahunan (RKT)", "tidak_sesuai", besar, None),
            DokumenWajibDok("VIDEO", "Video lingkungan belajar", "ada", None, "https://youtu.be/x"),
            DokumenWajibDok("RKAS", "RKAS", "belum", None, None),
        ),
        belum_terkonfirmasi=("Bobot per komponen: belum ditemukan",),
        tanggal=date(2026, 11, 23),
        dibuat_pada=datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta")),
        wawancara=(
            JawabanWawancara(
                "1", "Bagaimana menangani siswa terlambat?", "Bu Sari", "Dicatat di buku piket."
            ),
        ),
        observasi=(
            HasilObservasi("Pelajaran dimulai tepat waktu.", ("1", "13"), True),
            HasilObservasi("Siswa bekerja dalam kelompok.", ("6",), None),
        ),
    )


def test_laporan_pdf_memuat_komponen_butir_kesenjangan_dan_catatan(tmp_path: Path) -> None:
    d = _dokumen(tmp_path)
    teks = _teks(buat_pdf(d))
    for isi in (
        "LAPORAN KESIAPAN AKREDITASI",
        "Mutu Lulusan",
        "75,00",
        "Pemetaan mutu (0-7)",
        "5,13",
        "Siswa disiplin <b>&</b> tertib.",  # user text is never markup
        "rumusan Asisten Mutu, bukan teks resmi",
        "Pemetaan 2.2-02 · kelas.jpg",
        "1 jawaban wawancara",
        "belum dapat diperkirakan",
        "Indikator 1.1 dinilai tinggi",
        "Tidak sesuai",
        "lebih dari 2 MB",
        "https://youtu.be/x",
        "Dicatat di buku piket.",
        "Terlihat",
        "Belum diamati",
        "Bobot per komponen: belum ditemukan",
        "Dibuat oleh Asisten Mutu pada",
    ):
        assert isi in teks, isi
    assert nama_berkas(d) == "Kesiapan-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23.pdf"


def test_bundel_satu_bagian_tersusun_per_komponen_dan_butir(tmp_path: Path) -> None:
    d = _dokumen(tmp_path)
    bagian, tertinggal = buat_bundel(d)
    assert tertinggal == [] and len(bagian) == 1
    nama, isi = bagian[0]
    assert nama == nama_bundel(d, 1, 1) == "Bukti-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23.zip"
    with zipfile.ZipFile(io.BytesIO(isi)) as z:
        assert z.namelist() == [
            "00_Indeks-Bukti.pdf",
            "ML_Mutu-Lulusan/Butir-1/01_kelas.jpg",
            "MS_Manajemen-Sekolah-Madrasah/Butir-24/01_ksp.pdf",
            "Dokumen-Wajib/RKT_rkt.pdf",
        ]
        assert z.read("ML_Mutu-Lulusan/Butir-1/01_kelas.jpg").startswith(b"kelas.jpg")
        indeks = _teks(z.read("00_Indeks-Bukti.pdf"))
    assert "Bagian 1 dari 1" in indeks and "ML · Butir 1" in indeks
    assert "Dokumen wajib · Rencana Kerja Tahunan (RKT)" in indeks
    assert "tidak disertakan" not in indeks


def test_bundel_dibagi_di_bawah_batas_dan_menyebut_yang_tertinggal(tmp_path: Path) -> None:
    d = _dokumen(tmp_path)
    batas, cadangan = 600 * KB, 150 * KB  # room for 450 KB of evidence per part
    bagian, tertinggal = buat_bundel(d, batas=batas, cadangan=cadangan)
    assert [t.bukti.nama_file for t in tertinggal] == ["rkt.pdf"]
    assert [n for n, _ in bagian] == [
        "Bukti-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23_bagian-1-dari-2.zip",
        "Bukti-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23_bagian-2-dari-2.zip",
    ]
    isi_bagian = []
    for _, isi in bagian:
        assert len(isi) <= batas
        with zipfile.ZipFile(io.BytesIO(isi)) as z:
            isi_bagian.append([n for n in z.namelist() if n != "00_Indeks-Bukti.pdf"])
            indeks = _teks(z.read("00_Indeks-Bukti.pdf"))
        assert "Berkas yang tidak disertakan" in indeks and "rkt.pdf" in indeks
    assert isi_bagian == [
        ["ML_Mutu-Lulusan/Butir-1/01_kelas.jpg"],
        ["MS_Manajemen-Sekolah-Madrasah/Butir-24/01_ksp.pdf"],
    ]
    assert len(isian_bundel(d)) == 3


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_halaman_pertama_jadi_gambar(tmp_path: Path) -> None:
    """Leaves tests/artefak/akreditasi.png and akreditasi_indeks.png for a person to see."""
    d = _dokumen(tmp_path)
    semua = isian_bundel(d)
    ARTEFAK.mkdir(exist_ok=True)
    perintah = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    for nama, pdf in (
        ("akreditasi", buat_pdf(d)),
        ("akreditasi_indeks", buat_indeks_pdf(d, 1, 2, semua[:2], semua[2:])),
    ):
        berkas = tmp_path / f"{nama}.pdf"
        berkas.write_bytes(pdf)
        subprocess.run([*perintah, str(berkas), str(ARTEFAK / nama)], check=True)
        assert (ARTEFAK / f"{nama}.png").read_bytes().startswith(b"\x89PNG")
