"""The data workbook (Rekap data) as XLSX, for the coordinator or, across schools, a pengawas.

One sheet per kind of record, each with Indonesian headers, a frozen header row and a filter;
dates are date cells, money whole rupiah with a rupiah format, shares are fractions shown as
percentages, so the school can sort, sum and chart them in Excel. Rows are streamed, so a
workbook of many schools stays small in memory.

Answers carry the respondent's role; the name column exists only when `dengan_nama` (the
kepala_sekolah asked for it). A workbook across schools (`lintas_sekolah`) starts with a summary
sheet and puts the school (name and NPSN) first on every sheet. The file itself is written by
`bot/dokumen/xlsx.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import NamedTuple

from bot.dokumen import xlsx
from bot.dokumen.pdf import label, nama_ascii
from bot.dokumen.xlsx import Kolom, Lembar

FORMAT_TANGGAL = "dd/mm/yyyy"
FORMAT_RUPIAH = '"Rp"#,##0'
FORMAT_PERSEN = "0%"
FORMAT_SKOR = "0.00"
FORMAT_BILANGAN = "#,##0"


class BarisSekolah(NamedTuple):
    """One school in the summary sheet."""

    sekolah: str  # "SMP Negeri 1 Sleman (20512345)"
    npsn: str
    kabupaten: str
    provinsi: str
    tahun_ajaran: str | None  # None: no open cycle
    tahap: int | None
    skor: float | None
    kategori: str | None
    respons: float | None  # share of respondents who finished, 0..1
    jumlah_masalah: int
    jumlah_kegiatan: int
    anggaran: int  # rupiah
    kegiatan_selesai: float | None  # share of commitments done, 0..1


class BarisJawaban(NamedTuple):
    """One stored answer."""

    sekolah: str
    responden: str  # the respondent group as people say it ("Guru")
    nama: str  # shown only when the kepala_sekolah asked for names
    indikator: str  # "1.1"
    kode: str  # "1.1-01"
    pertanyaan: str
    jawaban: str  # as people read it ("Sering", "75%")
    skor: float | None
    status: str
    tanggal: date


class BarisSkor(NamedTuple):
    """A standard's or an indicator's score."""

    sekolah: str
    tingkat: str  # "Standar" or "Indikator"
    kode: str
    nama: str
    skor: float | None
    kategori: str | None
    jumlah_jawaban: int | None
    jumlah_responden: int | None
    keterangan: str


class BarisRencana(NamedTuple):
    """One planned activity with its problem and program."""

    sekolah: str
    versi: int
    status: str
    masalah: str  # "5.1 Ketersediaan ..."
    skor_awal: float | None
    akar_masalah: str
    program: str
    kegiatan: str
    pic: str
    mulai: date
    selesai: date
    anggaran: int
    indikator_keberhasilan: str
    target_skor: float


class BarisKomitmen(NamedTuple):
    """A commitment and where it stands."""

    sekolah: str
    masalah: str
    kegiatan: str
    pic: str
    tenggat: date
    tanggapan: str
    kemajuan: str
    persen: float  # 0..1
    verifikasi: str
    laporan_terakhir: date | None


class BarisLaporan(NamedTuple):
    """One progress report."""

    sekolah: str
    tanggal: date
    kegiatan: str
    pic: str
    status: str
    persen: float  # 0..1
    catatan: str
    bukti: str  # "Ya" / "Tidak"


class BarisBukti(NamedTuple):
    """One evidence file."""

    sekolah: str
    tanggal: date
    untuk: str  # what it proves
    pengirim: str
    nama_berkas: str
    jenis: str
    ukuran: int  # bytes
    sha256: str


class BarisRapor(NamedTuple):
    """One priority indicator of one Rapor Pendidikan edition of a school (the report's own
    label, never recomputed)."""

    sekolah: str
    edisi: str
    kode: str
    indikator: str
    label: str
    nilai: float | None
    perubahan: str
    peringkat_daerah: str
    peringkat_nasional: str


@dataclass(frozen=True)
class DataRekap:
    """Everything the workbook holds. The row collections may be generators: each is read
    once, in sheet order, while the file is written."""

    judul: str  # the school, or the pengawas for a workbook across schools
    tanggal: date
    lintas_sekolah: bool
    dengan_nama: bool
    sekolah: Iterable[BarisSekolah]
    jawaban: Iterable[BarisJawaban]
    skor: Iterable[BarisSkor]
    rencana: Iterable[BarisRencana]
    komitmen: Iterable[BarisKomitmen]
    laporan: Iterable[BarisLaporan]
    bukti: Iterable[BarisBukti]
    rapor: Iterable[BarisRapor] | None = None  # the pengawas workbook's Rapor Pendidikan sheet


@dataclass(frozen=True)
class _Kolom:
    kunci: str
    format: str | None  # a number format; None for text
    lebar: float


def _k(kunci: str, lebar: float, format: str | None = None) -> _Kolom:
    return _Kolom(kunci, format, lebar)


# Per sheet: its key and columns, in the order of the row's fields.
LEMBAR: dict[str, tuple[_Kolom, ...]] = {
    "sekolah": (
        _k("sekolah", 40), _k("npsn", 11), _k("kabupaten", 22), _k("provinsi", 22),
        _k("tahun_ajaran", 12), _k("tahap", 7, FORMAT_BILANGAN), _k("skor", 8, FORMAT_SKOR),
        _k("kategori", 14), _k("respons", 11, FORMAT_PERSEN),
        _k("jumlah_masalah", 10, FORMAT_BILANGAN), _k("jumlah_kegiatan", 10, FORMAT_BILANGAN),
        _k("anggaran", 16, FORMAT_RUPIAH), _k("kegiatan_selesai", 11, FORMAT_PERSEN),
    ),
    "jawaban": (
        _k("sekolah", 36), _k("responden", 20), _k("nama", 24), _k("indikator", 9),
        _k("kode", 10), _k("pertanyaan", 60), _k("jawaban", 22), _k("skor", 7, FORMAT_SKOR),
        _k("status", 13), _k("tanggal", 12, FORMAT_TANGGAL),
    ),
    "skor": (
        _k("sekolah", 36), _k("tingkat", 10), _k("kode", 12), _k("nama", 60),
        _k("skor", 8, FORMAT_SKOR), _k("kategori", 14),
        _k("jumlah_jawaban", 10, FORMAT_BILANGAN), _k("jumlah_responden", 11, FORMAT_BILANGAN),
        _k("keterangan", 30),
    ),
    "rencana": (
        _k("sekolah", 36), _k("versi", 7, FORMAT_BILANGAN), _k("status", 11), _k("masalah", 40),
        _k("skor_awal", 9, FORMAT_SKOR), _k("akar_masalah", 36), _k("program", 30),
        _k("kegiatan", 36), _k("pic", 22), _k("mulai", 12, FORMAT_TANGGAL),
        _k("selesai", 12, FORMAT_TANGGAL), _k("anggaran", 16, FORMAT_RUPIAH),
        _k("indikator_keberhasilan", 36), _k("target_skor", 9, FORMAT_SKOR),
    ),
    "komitmen": (
        _k("sekolah", 36), _k("masalah", 36), _k("kegiatan", 36), _k("pic", 22),
        _k("tenggat", 12, FORMAT_TANGGAL), _k("tanggapan", 18), _k("kemajuan", 13),
        _k("persen", 10, FORMAT_PERSEN), _k("verifikasi", 22),
        _k("laporan_terakhir", 14, FORMAT_TANGGAL),
    ),
    "laporan": (
        _k("sekolah", 36), _k("tanggal", 12, FORMAT_TANGGAL), _k("kegiatan", 36), _k("pic", 22),
        _k("status", 13), _k("persen", 10, FORMAT_PERSEN), _k("catatan", 50), _k("bukti", 8),
    ),
    "rapor": (
        _k("sekolah", 36), _k("edisi", 22), _k("kode", 8), _k("indikator", 40),
        _k("label", 14), _k("nilai", 9, FORMAT_SKOR), _k("perubahan", 16),
        _k("peringkat_daerah", 22), _k("peringkat_nasional", 22),
    ),
    "bukti": (
        _k("sekolah", 36), _k("tanggal", 12, FORMAT_TANGGAL), _k("untuk", 40),
        _k("pengirim", 22), _k("nama_berkas", 30), _k("jenis", 18),
        _k("ukuran", 12, FORMAT_BILANGAN), _k("sha256", 20),
    ),
}  # fmt: skip


def nama_berkas(d: DataRekap) -> str:
    """'Rekap-Data_SMP-Negeri-1-Sleman_2026-12-07.xlsx': ASCII, no spaces."""
    return f"{label('rekap.nama_berkas')}_{nama_ascii(d.judul) or '-'}_{d.tanggal.isoformat()}.xlsx"


def nama_lembar(kunci: str) -> str:
    """The sheet's name as shown on its tab."""
    return label(f"rekap.lembar.{kunci}")


def _lembar(kunci: str, baris: Iterable[tuple[object, ...]], buang: frozenset[str]) -> Lembar:
    """One sheet with the columns not in `buang`."""
    semua = LEMBAR[kunci]
    indeks = [i for i, k in enumerate(semua) if k.kunci not in buang]
    kolom = [
        Kolom(label(f"rekap.kolom.{kunci}.{semua[i].kunci}"), semua[i].lebar, semua[i].format)
        for i in indeks
    ]
    return Lembar(nama_lembar(kunci), kolom, baris, indeks)


def buat_xlsx(d: DataRekap) -> bytes:
    """The workbook as bytes. CPU work: call it through `asyncio.to_thread`."""
    tanpa_sekolah: frozenset[str] = frozenset() if d.lintas_sekolah else frozenset({"sekolah"})
    buang_nama = tanpa_sekolah if d.dengan_nama else tanpa_sekolah | {"nama"}
    lembar = [
        _lembar("jawaban", d.jawaban, buang_nama),
        _lembar("skor", d.skor, tanpa_sekolah),
        _lembar("rencana", d.rencana, tanpa_sekolah),
        _lembar("komitmen", d.komitmen, tanpa_sekolah),
        _lembar("laporan", d.laporan, tanpa_sekolah),
        _lembar("bukti", d.bukti, tanpa_sekolah),
    ]
    if d.lintas_sekolah:
        lembar.insert(0, _lembar("sekolah", d.sekolah, frozenset()))
    if d.rapor is not None:
        lembar.append(_lembar("rapor", d.rapor, tanpa_sekolah))
    return xlsx.buat(
        lembar,
        judul=label("rekap.judul_berkas", judul=d.judul),
        pembuat=label("umum.pembuat"),
        dibuat=datetime.combine(d.tanggal, datetime.min.time(), tzinfo=UTC),
    )
