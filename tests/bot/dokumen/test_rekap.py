"""The Rekap data workbook read back with openpyxl: sheets, headers, frozen panes, filters,
real date, rupiah and percentage cells, and answers by role unless names were asked for."""

import io
from datetime import date, datetime

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from bot.dokumen.rekap import (
    FORMAT_PERSEN,
    FORMAT_RUPIAH,
    FORMAT_TANGGAL,
    BarisBukti,
    BarisJawaban,
    BarisKomitmen,
    BarisLaporan,
    BarisRencana,
    BarisSekolah,
    BarisSkor,
    DataRekap,
    buat_xlsx,
    nama_berkas,
)

SLEMAN = "SMP Negeri 1 Sleman (20400123)"
BANTUL = "SMP Negeri 2 Bantul (20400456)"
DEPOK = "SD Negeri 3 Depok (20400789)"


def _data(lintas: bool = False, nama: bool = False) -> DataRekap:
    sekolah = (SLEMAN, BANTUL, DEPOK) if lintas else (SLEMAN,)
    return DataRekap(
        judul="Pak Pengawas" if lintas else "SMP Negeri 1 Sleman",
        tanggal=date(2026, 12, 7),
        lintas_sekolah=lintas,
        dengan_nama=nama,
        sekolah=tuple(
            BarisSekolah(s, s[-9:-1], "Sleman", "DI Yogyakarta", "2026/2027", 3, 3.5,
                         "Menuju SNP 2", 0.75, 2, 4, 1_500_000, 0.25)
            for s in sekolah
        ),
        jawaban=(
            BarisJawaban(s, "Guru", "Bu Sari", "1.1", "1.1-01", "Seberapa sering?", "Sering",
                         4.67, "Sah", date(2026, 11, 25))
            for s in sekolah
        ),
        skor=[
            BarisSkor(SLEMAN, "Standar", "SKL", "Standar Kompetensi Lulusan", 3.5,
                      "Menuju SNP 2", None, None, ""),
            BarisSkor(SLEMAN, "Indikator", "6.3", "Sarana", None, None, 0, 0,
                      "Nama indikator belum terkonfirmasi"),
        ],
        rencana=[
            BarisRencana(SLEMAN, 1, "Disetujui", "5.1 Guru", 2.1, "SDM - belum dilatih",
                         "Pelatihan", "Lokakarya", "Bu Sari", date(2027, 1, 10),
                         date(2027, 1, 20), 1_500_000, "Modul ada", 4.0)
        ],
        komitmen=[
            BarisKomitmen(SLEMAN, "5.1 Guru", "Lokakarya", "Bu Sari", date(2027, 1, 20),
                          "berkomitmen", "Berjalan", 0.5, "", date(2026, 12, 1))
        ],
        laporan=[
            BarisLaporan(SLEMAN, date(2026, 12, 1), "Lokakarya", "Bu Sari", "Berjalan", 0.5,
                         "Separuh guru ikut", "Ya")
        ],
        bukti=[
            BarisBukti(SLEMAN, date(2026, 12, 1), "Komitmen: Lokakarya", "Bu Sari", "foto.jpg",
                       "image/jpeg", 20480, "ab" * 32)
        ],
    )  # fmt: skip


def _buka(d: DataRekap) -> Workbook:
    return load_workbook(io.BytesIO(buat_xlsx(d)))


def test_nama_berkas() -> None:
    assert nama_berkas(_data()) == "Rekap-Data_SMP-Negeri-1-Sleman_2026-12-07.xlsx"


def test_lembar_kepala_panel_dan_filter() -> None:
    wb = _buka(_data())
    assert wb.sheetnames == ["Jawaban", "Skor", "Rencana", "Komitmen", "Laporan Kemajuan", "Bukti"]
    kepala = {ws.title: [c.value for c in ws[1]] for ws in wb.worksheets}
    assert kepala["Jawaban"] == [
        "Responden", "Indikator", "Kode Pertanyaan", "Pertanyaan", "Jawaban", "Skor", "Status",
        "Tanggal",
    ]  # fmt: skip
    assert kepala["Rencana"][:3] == ["Versi", "Status", "Masalah (Indikator)"]
    assert "Anggaran" in kepala["Rencana"] and "Tenggat" in kepala["Komitmen"]
    assert kepala["Bukti"] == [
        "Tanggal", "Bukti untuk", "Pengirim", "Nama Berkas", "Jenis", "Ukuran (bita)", "SHA-256",
    ]  # fmt: skip
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws[1][0].font.b, ws.title
        kolom = len(kepala[ws.title])
        akhir = chr(ord("A") + kolom - 1)
        assert ws.auto_filter.ref == f"A1:{akhir}{ws.max_row}", ws.title
    assert wb["Skor"].auto_filter.ref == "A1:H3"


def test_jenis_sel_tanggal_uang_persen() -> None:
    wb = _buka(_data())
    rencana = {c.value: i for i, c in enumerate(wb["Rencana"][1])}
    baris = wb["Rencana"][2]
    mulai, anggaran = baris[rencana["Mulai"]], baris[rencana["Anggaran"]]
    assert isinstance(mulai.value, datetime) and mulai.value.date() == date(2027, 1, 10)
    assert mulai.is_date and mulai.number_format == FORMAT_TANGGAL
    assert type(anggaran.value) is int and anggaran.value == 1_500_000
    assert anggaran.number_format == FORMAT_RUPIAH
    komitmen = {c.value: i for i, c in enumerate(wb["Komitmen"][1])}
    persen = wb["Komitmen"][2][komitmen["Persentase"]]
    assert persen.value == 0.5 and persen.number_format == FORMAT_PERSEN
    skor = wb["Skor"]
    assert skor["D2"].value == 3.5 and skor["D3"].value is None
    assert skor["H3"].value == "Nama indikator belum terkonfirmasi"
    assert wb["Bukti"]["F2"].value == 20480
    jawaban = wb["Jawaban"]
    assert jawaban["A2"].value == "Guru" and jawaban["H2"].is_date


def test_nama_responden_hanya_bila_diminta() -> None:
    tanpa = _buka(_data())["Jawaban"]
    isi = [c.value for r in tanpa.iter_rows() for c in r]
    assert "Bu Sari" not in isi and "Nama" not in isi
    dengan = _buka(_data(nama=True))["Jawaban"]
    assert [c.value for c in dengan[1]][:2] == ["Responden", "Nama"]
    assert [c.value for c in dengan[2]][:2] == ["Guru", "Bu Sari"]
    assert dengan.auto_filter.ref == "A1:I2"


def test_lintas_sekolah_ringkasan_dan_kolom_sekolah() -> None:
    wb = _buka(_data(lintas=True))
    assert wb.sheetnames[0] == "Sekolah" and len(wb.sheetnames) == 7
    ringkas = wb["Sekolah"]
    assert [c.value for c in ringkas[1]][:3] == ["Sekolah", "NPSN", "Kabupaten/Kota"]
    assert [r[0].value for r in ringkas.iter_rows(min_row=2)] == [SLEMAN, BANTUL, DEPOK]
    assert ringkas["I2"].value == 0.75 and ringkas["I2"].number_format == FORMAT_PERSEN
    assert ringkas["L2"].value == 1_500_000 and ringkas["L2"].number_format == FORMAT_RUPIAH
    for ws in wb.worksheets:
        assert ws["A1"].value == "Sekolah", ws.title
        assert ws.freeze_panes == "A2"
    assert [r[0].value for r in wb["Jawaban"].iter_rows(min_row=2)] == [SLEMAN, BANTUL, DEPOK]
    assert wb["Jawaban"].auto_filter.ref == "A1:I4"
    assert wb["Rencana"]["A2"].value == SLEMAN and wb["Bukti"]["A2"].value == SLEMAN
