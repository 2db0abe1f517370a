import io
import logging
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.table import Table
from pypdf import PdfReader

from bot.dokumen.rencana import (
    BarisKegiatan,
    DokumenRencana,
    buat_docx,
    buat_pdf,
    nama_berkas,
    total_anggaran,
)

ARTEFAK = Path(__file__).resolve().parents[2] / "artefak"

GURU = "5.1 Ketersediaan dan kompetensi guru sesuai ketentuan"
LITERASI = "2.3 Pembelajaran mengembangkan literasi peserta didik"


def _kegiatan(**isian: object) -> BarisKegiatan:
    dasar: dict[str, object] = dict(
        nomor_masalah=1,
        masalah=GURU,
        skor_awal=2.7666,
        akar_masalah="SDM - Guru belum pernah ikut pelatihan asesmen",
        program="Peningkatan kompetensi guru",
        kegiatan="Workshop asesmen <b>diagnostik</b> & formatif",
        pic="Dra. Sri Wahyuningsih",
        mulai=date(2027, 1, 15),
        selesai=date(2027, 1, 20),
        anggaran=1_500_000,
        indikator_keberhasilan="80% guru menyusun asesmen diagnostik",
        target_skor=4.5,
    )
    dasar.update(isian)
    return BarisKegiatan(**dasar)  # type: ignore[arg-type]


def _rencana(**isian: object) -> DokumenRencana:
    # The second masalah sits between the first one's activities: the document groups them.
    baris = (
        _kegiatan(),
        _kegiatan(
            nomor_masalah=2,
            masalah=LITERASI,
            skor_awal=3.1,
            akar_masalah="Sarana - Pojok baca kelas belum ada <i>sama sekali</i>",
            program="Gerakan literasi sekolah",
            kegiatan="Pengadaan pojok baca kelas VII",
            pic="Yohanes Kristianto",
            mulai=date(2027, 3, 3),
            selesai=date(2027, 5, 31),
            anggaran=4_200_000,
            indikator_keberhasilan="Setiap kelas VII punya pojok baca",
            target_skor=5.0,
        ),
        _kegiatan(
            kegiatan="Pendampingan penyusunan asesmen di MGMP",
            pic="Bambang Supriyadi, S.Pd.",
            mulai=date(2027, 2, 1),
            selesai=date(2027, 4, 30),
            anggaran=2_750_000,
        ),
    )
    dasar: dict[str, object] = dict(
        sekolah_nama="SMP Negeri 1 Sleman",
        npsn="20400123",
        kabupaten="Sleman",
        provinsi="Daerah Istimewa Yogyakarta",
        tahun_ajaran="2026/2027",
        versi=2,
        status="Disetujui",
        disetujui_pada=date(2026, 12, 7),
        baris=baris,
        kepala_sekolah="Drs. H. Ahmad Fauzi, M.Pd.",
        ketua_tpmps="Siti Nurhaliza, S.Pd.",
        tempat="Sleman",
        tanggal=date(2026, 12, 7),
        dibuat_pada=datetime(2026, 12, 7, 14, 30, tzinfo=ZoneInfo("Asia/Jakarta")),
    )
    dasar.update(isian)
    return DokumenRencana(**dasar)  # type: ignore[arg-type]


def _rapat(teks: str) -> str:
    """Text with every run of whitespace made one space: table cells wrap their lines."""
    return " ".join(teks.split())


def _teks_pdf(pdf: bytes) -> str:
    halaman = PdfReader(io.BytesIO(pdf)).pages
    return _rapat(" ".join(h.extract_text() for h in halaman))


def _teks_docx(berkas: bytes) -> str:
    dokumen = Document(io.BytesIO(berkas))
    bagian = [p.text for p in dokumen.paragraphs]
    for tabel in dokumen.tables:
        for baris in tabel.rows:
            bagian.extend(sel.text for sel in baris.cells)
    bagian.extend(p.text for p in dokumen.sections[0].footer.paragraphs)
    return _rapat(" ".join(bagian))


ISI_WAJIB = (
    "SMP Negeri 1 Sleman",
    "20400123",
    "Daerah Istimewa Yogyakarta",
    "RENCANA PEMENUHAN MUTU",
    "Tahun Ajaran 2026/2027",
    "Versi 2 · Disetujui 7 Desember 2026",
    "Identitas Sekolah",
    GURU,
    LITERASI,
    "Skor awal: 2,77",
    "Skor awal: 3,10",
    "4,50",
    "SDM - Guru belum pernah ikut pelatihan asesmen",
    "Workshop asesmen <b>diagnostik</b> & formatif",
    "Pendampingan penyusunan asesmen di MGMP",
    "Pengadaan pojok baca kelas VII",
    "Sarana - Pojok baca kelas belum ada <i>sama sekali</i>",
    "Dra. Sri Wahyuningsih",
    "Bambang Supriyadi, S.Pd.",
    "Yohanes Kristianto",
    "Rp1.500.000",
    "Rp2.750.000",
    "Rp4.200.000",
    "Jumlah anggaran Rp8.450.000",
    "15 Jan 2027",
    "30 Apr 2027",
    "31 Mei 2027",
    "Sleman, 7 Desember 2026",
    "Kepala Sekolah",
    "Ketua TPMPS",
    "Drs. H. Ahmad Fauzi, M.Pd.",
    "Siti Nurhaliza, S.Pd.",
    "Dibuat oleh Asisten Mutu pada Senin, 7 Desember 2026 pukul 14.30 WIB",
)


def test_total_anggaran() -> None:
    assert total_anggaran(_rencana()) == 8_450_000
    assert total_anggaran(_rencana(baris=())) == 0


def test_nama_berkas_ascii_tanpa_spasi() -> None:
    d = _rencana()
    assert nama_berkas(d, "pdf") == "Rencana-Pemenuhan-Mutu_SMP-Negeri-1-Sleman_2026-12-07.pdf"
    assert nama_berkas(d, ".docx").endswith("_2026-12-07.docx")
    aneh = replace(d, sekolah_nama="SD Ma'arif  Nurul Huda / Cikarang É")
    assert nama_berkas(aneh, "pdf") == (
        "Rencana-Pemenuhan-Mutu_SD-Ma-arif-Nurul-Huda-Cikarang-E_2026-12-07.pdf"
    )


def test_pdf_memuat_seluruh_isi(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = buat_pdf(_rencana())
    # WeasyPrint logs, rather than raises, what it skips: unknown CSS, a missing font library.
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert pdf.startswith(b"%PDF")
    teks = _teks_pdf(pdf)
    for bagian in ISI_WAJIB:
        assert bagian in teks, bagian
    assert "Halaman 1 dari" in teks
    # The masalah is written once although it has two activities.
    assert teks.count(GURU) == 1
    assert teks.count("SDM - Guru belum pernah ikut pelatihan asesmen") == 1


def test_pdf_a4_mendatar_dengan_judul() -> None:
    pdf = PdfReader(io.BytesIO(buat_pdf(_rencana())))
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Rencana Pemenuhan Mutu SMP Negeri 1 Sleman 2026/2027"
    halaman = pdf.pages[0]
    lebar, tinggi = float(halaman.mediabox.width), float(halaman.mediabox.height)
    assert (round(lebar), round(tinggi)) == (842, 595)  # A4 in points, landscape


def test_pdf_draf_tanpa_tanggal_persetujuan() -> None:
    teks = _teks_pdf(buat_pdf(_rencana(status="Draf", disetujui_pada=None, versi=1)))
    assert "Versi 1 · Draf" in teks


def test_docx_memuat_seluruh_isi() -> None:
    berkas = buat_docx(_rencana())
    teks = _teks_docx(berkas)
    for bagian in ISI_WAJIB:
        assert bagian in teks, bagian
    dokumen = Document(io.BytesIO(berkas))
    assert dokumen.core_properties.author == "Asisten Mutu"
    assert dokumen.core_properties.title == "Rencana Pemenuhan Mutu SMP Negeri 1 Sleman 2026/2027"
    bagian = dokumen.sections[0]
    assert bagian.orientation == WD_ORIENT.LANDSCAPE
    assert bagian.page_width > bagian.page_height


def _tabel_kegiatan(berkas: bytes) -> Table:
    (tabel,) = [t for t in Document(io.BytesIO(berkas)).tables if len(t.columns) == 11]
    return tabel


def test_docx_masalah_digabung_di_atas_kegiatannya() -> None:
    tabel = _tabel_kegiatan(buat_docx(_rencana()))
    assert [sel.text for sel in tabel.rows[0].cells][:3] == [
        "No",
        "Masalah (Indikator)",
        "Akar Masalah",
    ]
    # header, masalah 1 (two activities), masalah 2 (one), the total
    assert len(tabel.rows) == 5
    for kolom in (0, 1, 2):
        assert tabel.cell(1, kolom)._tc is tabel.cell(2, kolom)._tc
        assert tabel.cell(2, kolom)._tc is not tabel.cell(3, kolom)._tc
    assert tabel.cell(1, 1).text == f"{GURU}\nSkor awal: 2,77"
    assert tabel.cell(3, 1).text == f"{LITERASI}\nSkor awal: 3,10"
    assert [tabel.cell(r, 4).text for r in (1, 2, 3)] == [
        "Workshop asesmen <b>diagnostik</b> & formatif",
        "Pendampingan penyusunan asesmen di MGMP",
        "Pengadaan pojok baca kelas VII",
    ]
    # In the XML: the first cell restarts a vertical merge, the next continues it (no value
    # means continue), and a masalah with one activity is not merged at all.
    gabung = [tabel.rows[r]._tr.tc_lst[1].tcPr.find(qn("w:vMerge")) for r in (1, 2, 3)]
    assert gabung[0] is not None and gabung[0].get(qn("w:val")) == "restart"
    assert gabung[1] is not None and gabung[1].get(qn("w:val"), "continue") == "continue"
    assert gabung[2] is None
    jumlah = [sel.text for sel in tabel.rows[4].cells]
    assert jumlah[0] == "Jumlah anggaran"
    assert jumlah[8] == "Rp8.450.000"


def test_docx_tabel_berbingkai() -> None:
    tabel = _tabel_kegiatan(buat_docx(_rencana()))
    batas = tabel._tbl.tblPr.find(qn("w:tblBorders"))
    assert batas is not None
    for sisi in ("top", "left", "bottom", "right", "insideH", "insideV"):
        garis = batas.find(qn(f"w:{sisi}"))
        assert garis is not None and garis.get(qn("w:val")) == "single", sisi
    # The header row repeats on every page.
    assert tabel.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_rencana_kosong_tetap_dokumen_utuh() -> None:
    d = _rencana(baris=())
    teks_pdf = _teks_pdf(buat_pdf(d))
    teks_docx = _teks_docx(buat_docx(d))
    for teks in (teks_pdf, teks_docx):
        assert "Belum ada kegiatan." in teks
        assert "Jumlah anggaran" not in teks
        assert "Kepala Sekolah" in teks and "Ketua TPMPS" in teks
    assert not [t for t in Document(io.BytesIO(buat_docx(d))).tables if len(t.columns) == 11]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_halaman_pertama_jadi_gambar(tmp_path: Path) -> None:
    """Leaves tests/artefak/rencana.png for a person to look at."""
    berkas = tmp_path / "rencana.pdf"
    berkas.write_bytes(buat_pdf(_rencana()))
    ARTEFAK.mkdir(exist_ok=True)
    perintah = ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*perintah, str(berkas), str(ARTEFAK / "rencana")], check=True)
    assert (ARTEFAK / "rencana.png").read_bytes().startswith(b"\x89PNG")
