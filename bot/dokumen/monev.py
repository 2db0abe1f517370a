"""The monitoring and evaluation report (Laporan Monitoring dan Evaluasi) as PDF.

The texts are prepared here (`_isi`) and laid out by `templat/dokumen/monev.html`; the words
come from `templat/dokumen/label_dokumen.yaml` (`monev:`), the formats from the plan document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.dokumen import docx as word
from bot.dokumen.pdf import (
    label,
    nama_ascii,
    pdf_dari_templat,
    per_masalah,
    rentang_sama,
    tanda_tangan_sekolah,
    tanggal_pendek,
    waktu_dibuat,
)
from bot.render import angka

# Landscape A4 less 15 mm margins leaves 267 mm.
LEBAR_KOLOM_MM = (8, 44, 36, 51, 30, 20, 22, 18, 14, 24)
KOLOM = (
    "no", "masalah", "program", "kegiatan", "pic", "tenggat", "status", "kemajuan", "bukti",
    "laporan_terakhir",
)  # fmt: skip
LEBAR_KOLOM_EVALUASI_MM = (50, 40, 22, 55, 70, 30)
KOLOM_EVALUASI = (
    "masalah", "program", "target_tercapai", "capaian", "alasan", "tindak_lanjut",
)  # fmt: skip

# In the order the summary lists them.
STATUS = ("selesai", "sesuai_jadwal", "terlambat", "terkendala", "belum_mulai")
TARGET_TERCAPAI = ("ya", "sebagian", "tidak")
TINDAK_LANJUT = ("lanjutkan", "ubah", "hentikan")


def _pilihan(nama: str, nilai: str, pilihan: tuple[str, ...]) -> None:
    if nilai not in pilihan:
        raise ValueError(f"{nama} {nilai!r} is not one of {', '.join(pilihan)}")


@dataclass(frozen=True)
class BarisMonev:
    """One planned activity and where it stands, with the priority problem it answers."""

    nomor_masalah: int
    masalah: str  # "5.1 Ketersediaan dan kompetensi guru sesuai ketentuan"
    program: str
    kegiatan: str
    pic: str  # person in charge
    selesai: date  # the due date
    status: str  # one of STATUS
    persen: int  # 0..100
    jumlah_bukti: int
    laporan_terakhir: date | None  # the PIC's latest report; None before the first

    def __post_init__(self) -> None:
        _pilihan("status", self.status, STATUS)
        if not 0 <= self.persen <= 100:
            raise ValueError(f"persen {self.persen} is not within 0..100")
        if self.jumlah_bukti < 0:
            raise ValueError(f"jumlah_bukti {self.jumlah_bukti} is negative")


@dataclass(frozen=True)
class EvaluasiProgram:
    """The evaluation of one program: was its target reached, and what happens next."""

    masalah: str
    program: str
    target_tercapai: str  # one of TARGET_TERCAPAI
    capaian: str  # the achieved value as typed: "Skor indikator 4,2; 80% guru ikut"
    alasan: str
    tindak_lanjut: str  # one of TINDAK_LANJUT

    def __post_init__(self) -> None:
        _pilihan("target_tercapai", self.target_tercapai, TARGET_TERCAPAI)
        _pilihan("tindak_lanjut", self.tindak_lanjut, TINDAK_LANJUT)


@dataclass(frozen=True)
class DokumenMonev:
    """Everything the report shows."""

    sekolah_nama: str
    npsn: str
    kabupaten: str
    provinsi: str
    tahun_ajaran: str  # "2026/2027"
    periode: str  # "Semester Ganjil 2026/2027" or "per 7 Desember 2026"
    baris: tuple[BarisMonev, ...]
    evaluasi: tuple[EvaluasiProgram, ...]
    belum_melapor: tuple[str, ...]  # names of the PICs with no report yet
    kepala_sekolah: str
    ketua_tpmps: str
    tempat: str  # the place written before the date of signing
    tanggal: date
    dibuat_pada: datetime  # the school's local time, shown small in the footer


@dataclass(frozen=True)
class _Baris:
    """A row of the activity table as text. A span is the number of rows a merged cell
    covers, on its first row; 0 on the rows it covers."""

    rentang_masalah: int
    rentang_program: int
    nomor: str
    masalah: str
    program: str
    kegiatan: str
    pic: str
    tenggat: str
    status: str
    kemajuan: str
    bukti: str
    laporan_terakhir: str


@dataclass(frozen=True)
class EvaluasiCetak:
    """A row of the evaluation table as printed (macro `tabel_evaluasi` of _dasar.html)."""

    masalah: str
    program: str
    target_tercapai: str
    capaian: str
    alasan: str
    tindak_lanjut: str


def evaluasi_cetak(evaluasi: tuple[EvaluasiProgram, ...]) -> tuple[EvaluasiCetak, ...]:
    """The program evaluations with their choices in words, for the Laporan Monev and the
    Laporan Siklus SPMI."""
    return tuple(
        EvaluasiCetak(
            masalah=e.masalah,
            program=e.program,
            target_tercapai=label(f"monev.target_tercapai.{e.target_tercapai}"),
            capaian=e.capaian,
            alasan=e.alasan,
            tindak_lanjut=label(f"monev.tindak_lanjut.{e.tindak_lanjut}"),
        )
        for e in evaluasi
    )


@dataclass(frozen=True)
class _Isi:
    baris_kop: tuple[str, ...]
    sub_judul: tuple[str, ...]
    identitas: tuple[tuple[str, str], ...]
    ringkasan: tuple[tuple[str, str], ...]  # (heading, value): each status, then the totals
    kolom: tuple[str, ...]
    baris: tuple[_Baris, ...]
    kolom_evaluasi: tuple[str, ...]
    evaluasi: tuple[EvaluasiCetak, ...]
    belum_melapor: str  # "" when every PIC has reported
    tanda_tangan: tuple[word.BlokTandaTangan, ...]
    catatan_kaki: str


def ringkasan_status(d: DokumenMonev) -> dict[str, int]:
    """How many activities are in each status; every status is a key, in STATUS order."""
    hitungan = dict.fromkeys(STATUS, 0)
    for b in d.baris:
        hitungan[b.status] += 1
    return hitungan


def nama_berkas(d: DokumenMonev) -> str:
    """'Laporan-Monev_SMP-Negeri-1-Sleman_2026-12-07.pdf': ASCII, no spaces."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    return f"{label('monev.nama_berkas')}_{sekolah}_{d.tanggal.isoformat()}.pdf"


def _persen(nilai: int) -> str:
    return label("monev.persen", nilai=angka(nilai))


def _baris(d: DokumenMonev) -> tuple[_Baris, ...]:
    """Rows grouped by masalah in order of first appearance; within a masalah, a program
    shared by consecutive activities is written once."""
    hasil = []
    for anggota in per_masalah(d.baris):
        rentang_program = rentang_sama([b.program for b in anggota])
        for i, (b, program) in enumerate(zip(anggota, rentang_program, strict=True)):
            hasil.append(
                _Baris(
                    rentang_masalah=len(anggota) if i == 0 else 0,
                    rentang_program=program,
                    nomor=str(b.nomor_masalah),
                    masalah=b.masalah,
                    program=b.program,
                    kegiatan=b.kegiatan,
                    pic=b.pic,
                    tenggat=tanggal_pendek(b.selesai),
                    status=label(f"monev.status.{b.status}"),
                    kemajuan=_persen(b.persen),
                    bukti=angka(b.jumlah_bukti),
                    laporan_terakhir=(
                        label("umum.tanpa_nilai")
                        if b.laporan_terakhir is None
                        else tanggal_pendek(b.laporan_terakhir)
                    ),
                )
            )
    return tuple(hasil)


def _ringkasan(d: DokumenMonev) -> tuple[tuple[str, str], ...]:
    """The count of each status, then the number of activities, the share done and the
    evidence kept."""
    hitungan = ringkasan_status(d)
    total = len(d.baris)
    # Rounded down: 199 of 200 done is 99%, never a 100% that is not yet true.
    persen = _persen(100 * hitungan["selesai"] // total) if total else label("umum.tanpa_nilai")
    return (
        *((label(f"monev.status.{s}"), angka(n)) for s, n in hitungan.items()),
        (label("monev.ringkasan.jumlah_kegiatan"), angka(total)),
        (label("monev.ringkasan.persen_selesai"), persen),
        (label("monev.ringkasan.jumlah_bukti"), angka(sum(b.jumlah_bukti for b in d.baris))),
    )


def _isi(d: DokumenMonev) -> _Isi:
    return _Isi(
        baris_kop=(
            label("umum.npsn", npsn=d.npsn),
            label("umum.alamat", kabupaten=d.kabupaten, provinsi=d.provinsi),
        ),
        sub_judul=(
            label("monev.tahun_ajaran", tahun=d.tahun_ajaran),
            label("monev.periode", periode=d.periode),
        ),
        identitas=tuple(
            (label(f"monev.identitas.{k}"), v)
            for k, v in (
                ("nama", d.sekolah_nama),
                ("npsn", d.npsn),
                ("kabupaten", d.kabupaten),
                ("provinsi", d.provinsi),
            )
        ),
        ringkasan=_ringkasan(d),
        kolom=tuple(label(f"monev.kolom.{k}") for k in KOLOM),
        baris=_baris(d),
        kolom_evaluasi=tuple(label(f"monev.kolom_evaluasi.{k}") for k in KOLOM_EVALUASI),
        evaluasi=evaluasi_cetak(d.evaluasi),
        belum_melapor=", ".join(d.belum_melapor),
        tanda_tangan=tanda_tangan_sekolah(
            "monev", d.tempat, d.tanggal, d.kepala_sekolah, d.ketua_tpmps
        ),
        catatan_kaki=label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
    )


def buat_pdf(d: DokumenMonev) -> bytes:
    """The report as a landscape A4 PDF. CPU work: call it through `asyncio.to_thread`."""
    return pdf_dari_templat(
        "monev",
        d=d,
        isi=_isi(d),
        lebar_kolom=LEBAR_KOLOM_MM,
        lebar_kolom_evaluasi=LEBAR_KOLOM_EVALUASI_MM,
    )
