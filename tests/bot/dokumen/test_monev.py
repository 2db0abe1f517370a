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

from bot.dokumen.monev import (
    BarisMonev,
    DokumenMonev,
    EvaluasiProgram,
    buat_pdf,
    nama_berkas,
    ringkasan_status,
)

ARTEFAK = Path(__file__).resolve().parents[2] / "artefak"

GURU = "5.1 Ketersediaan dan kompetensi guru sesuai ketentuan"
LITERASI = "2.3 Pembelajaran mengembangkan literasi peserta didik"
PROGRAM_GURU = "Peningkatan kompetensi guru"


def _kegiatan(**isian: object) -> BarisMonev:
    dasar: dict[str, object] = dict(
        nomor_masalah=1,
        masalah=GURU,
        program=PROGRAM_GURU,
        kegiatan="Workshop <b>asesmen</b> & formatif",
        pic="Dra. Sri Wahyuningsih",
        selesai=date(2027, 1, 15),
        status="selesai",
        persen=100,
        jumlah_bukti=3,
        laporan_terakhir=date(2027, 1, 14),
    )
    dasar.update(isian)
    return BarisMonev(**dasar)  # type: ignore[arg-type]


def _laporan(**isian: object) -> DokumenMonev:
    # The second masalah sits between the first one's activities: the report groups them.
    baris = (
        _kegiatan(),
        _kegiatan(
            nomor_masalah=2,
            masalah=LITERASI,
            program="Gerakan literasi sekolah",
            kegiatan="Pengadaan pojok baca kelas VII",
            pic="Yohanes Kristianto",
            selesai=date(2027, 5, 31),
            status="terkendala",
            persen=20,
            jumlah_bukti=1,
            laporan_terakhir=date(2027, 2, 3),
        ),
        _kegiatan(
            kegiatan="Pendampingan penyusunan asesmen di MGMP",
            pic="Bambang Supriyadi, S.Pd.",
            selesai=date(2027, 4, 30),
            status="sesuai_jadwal",
            persen=50,
            jumlah_bukti=2,
            laporan_terakhir=date(2027, 2, 10),
        ),
        _kegiatan(
            kegiatan="Supervisi akademik kelas",
            pic="Agus Salim",
            selesai=date(2027, 2, 1),
            status="terlambat",
            persen=0,
            jumlah_bukti=0,
            laporan_terakhir=None,
        ),
    )
    evaluasi = (
        EvaluasiProgram(
            masalah=LITERASI,
            program="Gerakan literasi sekolah",
            target_tercapai="sebagian",
            capaian="Skor indikator 4,2; 80% guru ikut",
            alasan="Buku datang terlambat <i>dari penerbit</i> & rak belum ada",
            tindak_lanjut="ubah",
        ),
    )
    dasar: dict[str, object] = dict(
        sekolah_nama="SMP Negeri 1 Sleman",
        npsn="20400123",
        kabupaten="Sleman",
        provinsi="Daerah Istimewa Yogyakarta",
        tahun_ajaran="2026/2027",
        periode="Semester Genap 2026/2027",
        baris=baris,
        evaluasi=evaluasi,
        belum_melapor=("Agus Salim",),
        kepala_sekolah="Drs. H. Ahmad Fauzi, M.Pd.",
        ketua_tpmps="Siti Nurhaliza, S.Pd.",
        tempat="Sleman",
        tanggal=date(2027, 2, 15),
        dibuat_pada=datetime(2027, 2, 15, 9, 5, tzinfo=ZoneInfo("Asia/Jakarta")),
    )
    dasar.update(isian)
    return DokumenMonev(**dasar)  # type: ignore[arg-type]


def _rapat(teks: str) -> str:
    """Text with every run of whitespace made one space: table cells wrap their lines."""
    return " ".join(teks.split())


def _teks_pdf(pdf: bytes) -> str:
    halaman = PdfReader(io.BytesIO(pdf)).pages
    return _rapat(" ".join(h.extract_text() for h in halaman))


def _buat_pdf_tanpa_peringatan(d: DokumenMonev, caplog: pytest.LogCaptureFixture) -> bytes:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = buat_pdf(d)
    # WeasyPrint logs, rather than raises, what it skips: unknown CSS, a missing font library.
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert pdf.startswith(b"%PDF")
    return pdf


ISI_WAJIB = (
    "SMP Negeri 1 Sleman",
    "NPSN 20400123",
    "Sleman, Daerah Istimewa Yogyakarta",
    "LAPORAN MONITORING DAN EVALUASI",
    "Tahun Ajaran 2026/2027",
    "Periode: Semester Genap 2026/2027",
    "1. Identitas Sekolah",
    "2. Ringkasan",
    "3. Pelaksanaan Kegiatan",
    "4. Evaluasi Program",
    "5. Belum Melapor",
    GURU,
    LITERASI,
    PROGRAM_GURU,
    # The activities with their PIC, due date, status, progress, evidence and last report.
    "Workshop <b>asesmen</b> & formatif Dra. Sri Wahyuningsih 15 Jan 2027 "
    "Selesai 100% 3 14 Jan 2027",
    "Pengadaan pojok baca kelas VII Yohanes Kristianto 31 Mei 2027 Terkendala 20% 1 3 Feb 2027",
    "Pendampingan penyusunan asesmen di MGMP Bambang Supriyadi, S.Pd. 30 Apr 2027 "
    "Sesuai jadwal 50% 2 10 Feb 2027",
    "Supervisi akademik kelas Agus Salim 1 Feb 2027 Terlambat 0% 0 -",
    # The evaluation.
    "Target Tercapai",
    "Tindak Lanjut",
    "Sebagian",
    "Skor indikator 4,2; 80% guru ikut",
    "Buku datang terlambat <i>dari penerbit</i> & rak belum ada",
    "Ubah",
    "PIC yang belum menyampaikan laporan kemajuan: Agus Salim",
    "Mengetahui, Kepala Sekolah",
    "Sleman, 15 Februari 2027 Ketua TPMPS",
    "Drs. H. Ahmad Fauzi, M.Pd.",
    "Siti Nurhaliza, S.Pd.",
    "Dibuat oleh Asisten Mutu pada Senin, 15 Februari 2027 pukul 09.05 WIB",
)

# The headings of the summary's one row, then their numbers.
JUDUL_RINGKASAN = (
    "Selesai Sesuai jadwal Terlambat Terkendala Belum mulai Jumlah kegiatan Persentase "
    "selesai Jumlah bukti"
)
RINGKASAN = f"{JUDUL_RINGKASAN} 1 1 1 1 0 4 25% 6"


def test_ringkasan_status_semua_kunci() -> None:
    assert ringkasan_status(_laporan()) == {
        "selesai": 1,
        "sesuai_jadwal": 1,
        "terlambat": 1,
        "terkendala": 1,
        "belum_mulai": 0,
    }
    kosong = ringkasan_status(_laporan(baris=()))
    assert list(kosong) == ["selesai", "sesuai_jadwal", "terlambat", "terkendala", "belum_mulai"]
    assert set(kosong.values()) == {0}


def test_nama_berkas_ascii_tanpa_spasi() -> None:
    d = _laporan()
    assert nama_berkas(d) == "Laporan-Monev_SMP-Negeri-1-Sleman_2027-02-15.pdf"
    aneh = replace(d, sekolah_nama="SD Ma'arif  Nurul Huda / Cikarang É")
    assert nama_berkas(aneh) == "Laporan-Monev_SD-Ma-arif-Nurul-Huda-Cikarang-E_2027-02-15.pdf"


def test_nilai_di_luar_pilihan_ditolak() -> None:
    with pytest.raises(ValueError, match="status"):
        _kegiatan(status="berjalan")
    with pytest.raises(ValueError, match="persen"):
        _kegiatan(persen=101)
    with pytest.raises(ValueError, match="jumlah_bukti"):
        _kegiatan(jumlah_bukti=-1)
    (evaluasi,) = _laporan().evaluasi
    with pytest.raises(ValueError, match="target_tercapai"):
        replace(evaluasi, target_tercapai="Ya")
    with pytest.raises(ValueError, match="tindak_lanjut"):
        replace(evaluasi, tindak_lanjut="ulang")


def test_pdf_memuat_seluruh_isi(caplog: pytest.LogCaptureFixture) -> None:
    teks = _teks_pdf(_buat_pdf_tanpa_peringatan(_laporan(), caplog))
    for bagian in ISI_WAJIB:
        assert bagian in teks, bagian
    assert RINGKASAN in teks
    assert "Halaman 1 dari" in teks
    # Markup typed by a user is shown as text, never applied.
    assert "<b>asesmen</b>" in teks and "&amp;" not in teks
    # Section 3 writes the masalah and its shared program once although it has three
    # activities (the evaluation names the other masalah, not this one).
    assert teks.count(GURU) == 1
    assert teks.count(PROGRAM_GURU) == 1
    assert "Evaluasi program belum diisi." not in teks
    assert "Semua PIC sudah melapor." not in teks


def test_pdf_a4_mendatar_dengan_judul() -> None:
    pdf = PdfReader(io.BytesIO(buat_pdf(_laporan())))
    assert pdf.metadata is not None
    assert pdf.metadata.title == (
        "Laporan Monitoring dan Evaluasi SMP Negeri 1 Sleman 2026/2027, Semester Genap 2026/2027"
    )
    halaman = pdf.pages[0]
    lebar, tinggi = float(halaman.mediabox.width), float(halaman.mediabox.height)
    assert (round(lebar), round(tinggi)) == (842, 595)  # A4 in points, landscape


def test_persen_selesai_dibulatkan_ke_bawah() -> None:
    # 2 of 3 done is 66% (not 67%): the summary never claims more than is done.
    d = _laporan()
    baris = (d.baris[0], replace(d.baris[2], status="selesai"), d.baris[3])
    teks = _teks_pdf(buat_pdf(replace(d, baris=baris)))
    assert f"{JUDUL_RINGKASAN} 2 0 1 0 0 3 66% 5" in teks


def test_laporan_kosong_tetap_dokumen_utuh(caplog: pytest.LogCaptureFixture) -> None:
    d = _laporan(baris=(), evaluasi=(), belum_melapor=())
    teks = _teks_pdf(_buat_pdf_tanpa_peringatan(d, caplog))
    assert "Belum ada kegiatan." in teks
    assert "Evaluasi program belum diisi." in teks
    assert "Semua PIC sudah melapor." in teks
    assert f"{JUDUL_RINGKASAN} 0 0 0 0 0 0 - 0" in teks
    assert "Tenggat" not in teks and "Tindak Lanjut" not in teks
    assert "Kepala Sekolah" in teks and "Ketua TPMPS" in teks


def test_belum_melapor_dipisah_koma() -> None:
    d = _laporan(belum_melapor=("Agus Salim", "Rina <Wati> & Co"))
    teks = _teks_pdf(buat_pdf(d))
    assert "laporan kemajuan: Agus Salim, Rina <Wati> & Co" in teks


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_halaman_pertama_jadi_gambar(tmp_path: Path) -> None:
    """Leaves tests/artefak/monev.png for a person to look at."""
    berkas = tmp_path / "monev.pdf"
    berkas.write_bytes(buat_pdf(_laporan()))
    ARTEFAK.mkdir(exist_ok=True)
    perintah = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*perintah, str(berkas), str(ARTEFAK / "monev")], check=True)
    assert (ARTEFAK / "monev.png").read_bytes().startswith(b"\x89PNG")
