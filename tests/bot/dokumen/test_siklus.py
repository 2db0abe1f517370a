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

from bot.dokumen import grafik
from bot.dokumen.monev import EvaluasiProgram
from bot.dokumen.siklus import (
    BarisBawaan,
    BarisMasalah,
    BarisStandar,
    DokumenSiklus,
    buat_pdf,
    nama_berkas,
)

ARTEFAK = Path(__file__).resolve().parents[2] / "artefak"
NAMA = (
    ("Standar Kompetensi Lulusan", "SKL"),
    ("Standar Isi", "Isi"),
    ("Standar Proses", "Proses"),
    ("Standar Penilaian Pendidikan", "Penilaian"),
    ("Standar Pendidik dan Tenaga Kependidikan", "PTK"),
    ("Standar Sarana dan Prasarana", "Sarpras"),
    ("Standar Pengelolaan", "Pengelolaan"),
    ("Standar Pembiayaan", "Pembiayaan"),
)
SKOR = (5.12, 6.71, 4.4, 3.95, 2.8, None, 6.0, 5.5)
LALU = (4.8, 6.9, 4.4, 3.0, 2.5, 3.1, None, 5.0)
TARGET = (6.67, 6.96, 6.67, 6.67, 6.67, 6.67, 6.67, 6.67)
GURU = "5.1 Ketersediaan dan kompetensi guru sesuai ketentuan"


def _dokumen(**isian: object) -> DokumenSiklus:
    dasar: dict[str, object] = dict(
        sekolah_nama="SMP Negeri 1 Sleman",
        npsn="20400123",
        kabupaten="Sleman",
        provinsi="Daerah Istimewa Yogyakarta",
        tahun_ajaran="2026/2027",
        tahun_ajaran_berikut="2027/2028",
        tahun_ajaran_lalu="2025/2026",
        tahap=(
            (1, date(2026, 7, 20)),
            (2, date(2026, 8, 30)),
            (3, date(2026, 10, 1)),
            (4, date(2027, 3, 2)),
            (5, date(2027, 6, 10)),
        ),
        ditutup=date(2027, 6, 20),
        skor_sekolah=4.93,
        kategori_sekolah="Menuju SNP 3",
        skor_sekolah_lalu=4.24,
        standar=tuple(
            BarisStandar(i, nama, pendek, s, "Menuju SNP 3" if s else None, lalu, t)
            for i, ((nama, pendek), s, lalu, t) in enumerate(
                zip(NAMA, SKOR, LALU, TARGET, strict=True), 1
            )
        ),
        ambang_snp=6.67,
        masalah=(
            BarisMasalah(
                GURU, 2.8, "SDM - Guru belum dilatih <asesmen>", ("Pelatihan",), 1_500_000
            ),
            BarisMasalah(
                "4.2 Penilaian autentik", 3.1, "Kebijakan - Belum ada SOP", ("SOP", "KKG"), 0
            ),
        ),
        komitmen={"selesai": 3, "berjalan": 1, "terkendala": 1, "belum_mulai": 2},
        jumlah_bukti=4,
        evaluasi=(
            EvaluasiProgram(GURU, "Pelatihan", "sebagian", "Skor 3,5", "Jadwal bentrok", "ubah"),
        ),
        bawaan=(
            BarisBawaan(
                GURU, "Pelatihan", "Lokakarya & modul", "Bu Sari", 500_000, "belum_selesai"
            ),
            BarisBawaan(GURU, "Pelatihan", "Supervisi kelas", "Pak Agus", 0, "target_sebagian"),
        ),
        kepala_sekolah="Drs. H. Ahmad Fauzi, M.Pd.",
        ketua_tpmps="Siti Nurhaliza, S.Pd.",
        tempat="Sleman",
        tanggal=date(2027, 6, 20),
        dibuat_pada=datetime(2027, 6, 20, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta")),
    )
    dasar.update(isian)
    return DokumenSiklus(**dasar)  # type: ignore[arg-type]


def _teks(pdf: bytes) -> str:
    return " ".join(" ".join(h.extract_text() for h in PdfReader(io.BytesIO(pdf)).pages).split())


def _pdf(d: DokumenSiklus, caplog: pytest.LogCaptureFixture) -> bytes:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = buat_pdf(d)
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert pdf.startswith(b"%PDF")
    return pdf


def test_pdf_memuat_seluruh_bagian(caplog: pytest.LogCaptureFixture) -> None:
    teks = _teks(_pdf(_dokumen(), caplog))
    for isi in (
        "SMP Negeri 1 Sleman",
        "NPSN 20400123",
        "LAPORAN SIKLUS SPMI",
        "Tahun Ajaran 2026/2027",
        "1. Identitas Siklus",
        "Ditutup 20 Juni 2027",
        "5 Penetapan standar mutu baru 10 Juni 2027",
        "2. Peta Mutu",
        "Skor sekolah: 4,93 (Menuju SNP 3)",
        "1 Standar Kompetensi Lulusan 5,12 Menuju SNP 3",
        "3. Perbandingan dengan Siklus Sebelumnya",
        "Skor per standar tahun ajaran 2025/2026 dan 2026/2027",
        # SKL 5,12 - 4,80 = +0,32; Isi 6,71 - 6,90 = -0,19; no score on either side: "-".
        "1 Standar Kompetensi Lulusan 4,80 5,12 +0,32",
        "2 Standar Isi 6,90 6,71 -0,19",
        "3 Standar Proses 4,40 4,40 0,00",
        "6 Standar Sarana dan Prasarana 3,10 - -",
        "4. Rencana Pemenuhan Mutu",
        "SDM - Guru belum dilatih <asesmen>",
        "SOP; KKG",
        "Jumlah anggaran Rp1.500.000",
        "5. Pelaksanaan",
        "Selesai Berjalan Terkendala Belum mulai Jumlah kegiatan Persentase selesai Jumlah bukti "
        "3 1 1 2 7 42% 4",
        "6. Monitoring dan Evaluasi Program",
        "Sebagian Skor 3,5 Jadwal bentrok Ubah",
        "7. Standar Mutu Baru (Target per Standar)",
        "tahun ajaran 2027/2028",
        "ambang SNP (6,67)",
        "2 Standar Isi 6,71 6,96",
        "8. Kegiatan yang Dilanjutkan ke Siklus Berikutnya",
        "Lokakarya & modul Bu Sari Rp500.000 Belum selesai",
        "Target program tercapai sebagian",
        "Kepala Sekolah",
        "Koordinator/Ketua TPMPS",
        "Sleman, 20 Juni 2027",
        "Drs. H. Ahmad Fauzi, M.Pd.",
        "Siti Nurhaliza, S.Pd.",
    ):
        assert isi in teks, isi


def test_siklus_pertama_dan_kosong(caplog: pytest.LogCaptureFixture) -> None:
    d = _dokumen(
        tahun_ajaran_lalu=None,
        ditutup=None,
        masalah=(),
        komitmen={},
        evaluasi=(),
        bawaan=(),
        skor_sekolah=None,
    )
    teks = _teks(_pdf(d, caplog))
    assert "Ini siklus pertama sekolah di Asisten Mutu" in teks
    assert "Sebelumnya Sekarang Perubahan" not in teks
    for isi in (
        "Masih berjalan",
        "Skor sekolah belum ada.",
        "Rencana belum disetujui.",
        "Evaluasi program belum diisi.",
        "Tidak ada kegiatan yang dilanjutkan.",
    ):
        assert isi in teks, isi


def test_nama_berkas_dan_nilai_salah() -> None:
    assert (
        nama_berkas(_dokumen())
        == "Laporan-Siklus-SPMI_SMP-Negeri-1-Sleman_2026-2027_2027-06-20.pdf"
    )
    with pytest.raises(ValueError):
        BarisBawaan("m", "p", "k", "pic", 0, "lupa")
    assert _dokumen().persen_selesai == 42  # 3 of 7, rounded down
    assert replace(_dokumen(), komitmen={}).persen_selesai is None


def test_grafik_batang_png() -> None:
    png = grafik.batang_kelompok(
        ["A", "B"], [1.0, None], [2.0, 3.5], "Judul", "2025/2026", "2026/2027"
    )
    assert png.startswith(b"\x89PNG")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_halaman_pertama_jadi_gambar(tmp_path: Path) -> None:
    """Leaves tests/artefak/siklus.png for a person to look at."""
    berkas = tmp_path / "siklus.pdf"
    berkas.write_bytes(buat_pdf(_dokumen()))
    ARTEFAK.mkdir(exist_ok=True)
    perintah = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*perintah, str(berkas), str(ARTEFAK / "siklus")], check=True)
    assert (ARTEFAK / "siklus.png").read_bytes().startswith(b"\x89PNG")
