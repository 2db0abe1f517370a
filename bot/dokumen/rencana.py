"""The plan document (Rencana Pemenuhan Mutu) as PDF and as an editable DOCX.

Both formats are built from the same prepared texts (`_isi`), so they say the same thing; the
words come from `templat/dokumen/label_dokumen.yaml`, the PDF layout from `rencana.html`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from docx.document import Document as DokumenWord
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Cell

from bot.dokumen import docx as word
from bot.dokumen.pdf import (
    label,
    nama_ascii,
    pdf_dari_templat,
    per_masalah,
    rentang_sama,
    skor,
    tanda_tangan_sekolah,
    tanggal_panjang,
    tanggal_pendek,
    waktu_dibuat,
)
from bot.render import rupiah

# Landscape A4 less 15 mm margins leaves 267 mm; both formats share these widths.
LEBAR_KOLOM_MM = (8, 33, 30, 26, 34, 25, 20, 20, 22, 35, 14)
KOLOM = (
    "no", "masalah", "akar_masalah", "program", "kegiatan", "pic", "mulai", "selesai",
    "anggaran", "indikator_keberhasilan", "target",
)  # fmt: skip
_KOLOM_ANGGARAN = KOLOM.index("anggaran")


@dataclass(frozen=True)
class BarisKegiatan:
    """One planned activity, with the priority problem (masalah) it answers."""

    nomor_masalah: int
    masalah: str  # "5.1 Ketersediaan dan kompetensi guru sesuai ketentuan"
    skor_awal: float | None  # the indicator's score from the mapping (0..7)
    akar_masalah: str
    program: str
    kegiatan: str
    pic: str  # person in charge
    mulai: date
    selesai: date
    anggaran: int  # rupiah
    indikator_keberhasilan: str
    target_skor: float | None


@dataclass(frozen=True)
class DokumenRencana:
    """Everything the plan document shows."""

    sekolah_nama: str
    npsn: str
    kabupaten: str
    provinsi: str
    tahun_ajaran: str  # "2026/2027"
    versi: int
    status: str  # "Disetujui" or "Draf"
    disetujui_pada: date | None
    baris: tuple[BarisKegiatan, ...]
    kepala_sekolah: str
    ketua_tpmps: str
    tempat: str  # the place written before the date of signing
    tanggal: date
    dibuat_pada: datetime  # the school's local time, shown small in the footer


@dataclass(frozen=True)
class _Baris:
    """A table row as text. A span is the number of rows a merged cell covers, on its first
    row; 0 on the rows it covers."""

    rentang_masalah: int
    rentang_akar: int
    nomor: str
    masalah: str
    skor_awal: str
    akar_masalah: str
    program: str
    kegiatan: str
    pic: str
    mulai: str
    selesai: str
    anggaran: str
    indikator_keberhasilan: str
    target: str


@dataclass(frozen=True)
class _Isi:
    baris_kop: tuple[str, ...]
    sub_judul: tuple[str, ...]
    identitas: tuple[tuple[str, str], ...]
    kolom: tuple[str, ...]
    baris: tuple[_Baris, ...]
    jumlah: str
    penutup: str
    tanda_tangan: tuple[word.BlokTandaTangan, ...]
    catatan_kaki: str


def total_anggaran(d: DokumenRencana) -> int:
    """The sum of the budgets of all activities, in rupiah."""
    return sum(b.anggaran for b in d.baris)


def nama_berkas(d: DokumenRencana, akhiran: str) -> str:
    """'Rencana-Pemenuhan-Mutu_SMP-Negeri-1-Sleman_2026-12-07.pdf': ASCII, no spaces.

    `akhiran` is the extension, with or without its dot ("pdf", ".docx")."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    return f"{label('rencana.nama_berkas')}_{sekolah}_{d.tanggal.isoformat()}.{akhiran.lstrip('.')}"


def _baris(d: DokumenRencana) -> tuple[_Baris, ...]:
    """Rows grouped by masalah in order of first appearance; within a masalah, a root cause
    shared by consecutive activities is written once."""
    hasil = []
    for anggota in per_masalah(d.baris):
        rentang_akar = rentang_sama([b.akar_masalah for b in anggota])
        for i, (b, akar) in enumerate(zip(anggota, rentang_akar, strict=True)):
            hasil.append(
                _Baris(
                    rentang_masalah=len(anggota) if i == 0 else 0,
                    rentang_akar=akar,
                    nomor=str(b.nomor_masalah),
                    masalah=b.masalah,
                    skor_awal=label("rencana.skor_awal", skor=skor(b.skor_awal)),
                    akar_masalah=b.akar_masalah,
                    program=b.program,
                    kegiatan=b.kegiatan,
                    pic=b.pic,
                    mulai=tanggal_pendek(b.mulai),
                    selesai=tanggal_pendek(b.selesai),
                    anggaran=rupiah(b.anggaran),
                    indikator_keberhasilan=b.indikator_keberhasilan,
                    target=skor(b.target_skor),
                )
            )
    return tuple(hasil)


def _isi(d: DokumenRencana) -> _Isi:
    status = d.status
    if d.disetujui_pada is not None:
        status = label(
            "rencana.status_pada", status=d.status, tanggal=tanggal_panjang(d.disetujui_pada)
        )
    return _Isi(
        baris_kop=(
            label("umum.npsn", npsn=d.npsn),
            label("umum.alamat", kabupaten=d.kabupaten, provinsi=d.provinsi),
        ),
        sub_judul=(
            label("rencana.tahun_ajaran", tahun=d.tahun_ajaran),
            label("rencana.versi", versi=d.versi, status=status),
        ),
        identitas=tuple(
            (label(f"rencana.identitas.{k}"), v)
            for k, v in (
                ("nama", d.sekolah_nama),
                ("npsn", d.npsn),
                ("kabupaten", d.kabupaten),
                ("provinsi", d.provinsi),
            )
        ),
        kolom=tuple(label(f"rencana.kolom.{k}") for k in KOLOM),
        baris=_baris(d),
        jumlah=rupiah(total_anggaran(d)),
        penutup=label("rencana.penutup", tahun=d.tahun_ajaran),
        tanda_tangan=tanda_tangan_sekolah(
            "rencana", d.tempat, d.tanggal, d.kepala_sekolah, d.ketua_tpmps
        ),
        catatan_kaki=label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
    )


def buat_pdf(d: DokumenRencana) -> bytes:
    """The plan as a landscape A4 PDF. CPU work: call it through `asyncio.to_thread`."""
    return pdf_dari_templat(
        "rencana",
        d=d,
        isi=_isi(d),
        lebar_kolom=LEBAR_KOLOM_MM,
        kolom_anggaran=_KOLOM_ANGGARAN,
    )


def _tabel_kegiatan(dokumen: DokumenWord, isi: _Isi) -> None:
    tengah, kanan = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    rata = [tengah, None, None, None, None, None, tengah, tengah, kanan, None, tengah]
    tabel = word.tabel_berbingkai(dokumen, isi.kolom, LEBAR_KOLOM_MM)
    sel: list[list[_Cell]] = []
    gabung: list[tuple[int, int, int]] = []  # (column, first row, rows); after all rows exist
    for i, b in enumerate(isi.baris):
        # Covered cells stay empty so that merging keeps only the top cell's text.
        masalah = b.rentang_masalah > 0
        nilai = [
            b.nomor if masalah else "",
            [b.masalah, b.skor_awal] if masalah else "",
            b.akar_masalah if b.rentang_akar else "",
            b.program,
            b.kegiatan,
            b.pic,
            b.mulai,
            b.selesai,
            b.anggaran,
            b.indikator_keberhasilan,
            b.target,
        ]
        sel.append(word.tambah_baris(tabel, nilai, rata=rata))
        gabung += [(kolom, i, b.rentang_masalah) for kolom in (0, 1)]
        gabung.append((2, i, b.rentang_akar))
    for kolom, dari, rentang in gabung:
        if rentang > 1:
            word.gabung(sel[dari][kolom], sel[dari + rentang - 1][kolom])
    kosong = [""] * (len(KOLOM) - _KOLOM_ANGGARAN - 1)
    jumlah = [label("rencana.jumlah_anggaran")] + [""] * (_KOLOM_ANGGARAN - 1)
    total = word.tambah_baris(tabel, [*jumlah, isi.jumlah, *kosong], tebal=True, rata=kanan)
    word.gabung(total[0], total[_KOLOM_ANGGARAN - 1])
    word.gabung(total[_KOLOM_ANGGARAN + 1], total[-1])


def buat_docx(d: DokumenRencana) -> bytes:
    """The plan as an editable landscape A4 Word document (real tables, not pictures)."""
    isi = _isi(d)
    judul = label("rencana.judul_berkas", sekolah=d.sekolah_nama, tahun=d.tahun_ajaran)
    dokumen = word.dokumen_baru(judul, label("umum.pembuat"), d.dibuat_pada, mendatar=True)
    word.kop(dokumen, d.sekolah_nama, isi.baris_kop)
    word.judul(dokumen, label("rencana.judul"), *isi.sub_judul)

    word.judul_bagian(dokumen, 1, label("rencana.bagian_identitas"))
    identitas = word.tabel_polos(dokumen, (45, 120))
    for nama, nilai in isi.identitas:
        word.tambah_baris(identitas, [nama, f": {nilai}"], ukuran=Pt(10))

    word.judul_bagian(dokumen, 2, label("rencana.bagian_kegiatan"))
    if isi.baris:
        word.paragraf(dokumen, label("rencana.pengantar_kegiatan"), jarak_setelah=Pt(4))
        _tabel_kegiatan(dokumen, isi)
    else:
        word.paragraf(dokumen, label("rencana.kosong"), miring=True)

    word.judul_bagian(dokumen, 3, label("rencana.bagian_penutup"))
    # The closing stays on the page of the signatures.
    word.paragraf(dokumen, isi.penutup).paragraph_format.keep_with_next = True
    word.tanda_tangan(dokumen, isi.tanda_tangan, lebar_mm=200)
    word.kaki_halaman(dokumen, isi.catatan_kaki, label("umum.halaman"), label("umum.dari"))
    return word.simpan(dokumen)
