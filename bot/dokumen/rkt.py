"""The Lembar Kerja RKT (PBD): one row per kegiatan, as XLSX and as an editable DOCX.

Its columns follow the school download's sheet "3. Lembar kerja RKT" as far as it is known
(RAPOR-PENDIDIKAN.md §2.4): only "Identifikasi" and "Akar Masalah" are confirmed; the other
headers are the wording apps built on the file converge on, so both formats mark them
unconfirmed (`KOLOM_TERKONFIRMASI`), and the columns Asisten Mutu adds (dates, budget) are
marked as its own. The words come from `templat/dokumen/label_dokumen.yaml` (`rkt.*`)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from bot.dokumen import docx as word
from bot.dokumen.pdf import label, nama_ascii, tanggal_pendek, waktu_dibuat
from bot.render import rupiah

KOLOM = (
    "no", "identifikasi", "capaian", "akar_masalah", "kegiatan_benahi", "penjelasan",
    "butuh_biaya", "kegiatan_arkas", "penanggung_jawab", "mulai", "selesai", "anggaran",
)  # fmt: skip
# Confirmed headers of the official sheet (§2.4 [1S]); the rest of the official ones are [INF].
KOLOM_TERKONFIRMASI = frozenset({"no", "identifikasi", "akar_masalah"})
# Not in the official sheet at all: what the bot's plan adds.
KOLOM_TAMBAHAN = frozenset({"mulai", "selesai", "anggaran"})
LEBAR_XLSX = (5, 28, 22, 34, 30, 34, 10, 34, 20, 12, 12, 16)
LEBAR_DOCX_MM = (8, 26, 20, 30, 28, 30, 13, 30, 20, 17, 17, 22)


@dataclass(frozen=True)
class BarisRkt:
    """One kegiatan of the plan, with its problem, as the RKT sheet shows it."""

    kode: str  # "A.1", or an SNP indicator code ("5.1") for a problem of the own evaluation
    nama: str  # "Kemampuan literasi"
    rapor: bool  # a Rapor Pendidikan problem (label and value) or an SNP one (0-7 score)
    capaian_label: str | None  # "Kurang"
    capaian_nilai: float | None
    persen: bool  # the value is a percentage (A.1, A.2)
    akar_kode: str | None  # "D.1", when picked from the bot's suggestions
    akar_nama: str | None
    akar_penjelasan: str
    akar_kategori: str  # the coarse tag ("Pembelajaran")
    program: str
    kegiatan: str
    indikator_keberhasilan: str
    butuh_biaya: bool | None
    arkas_kode: str | None
    arkas_nama: str | None
    penanggung_jawab: str
    mulai: date
    selesai: date
    anggaran: int


@dataclass(frozen=True)
class DokumenRkt:
    """Everything the Lembar Kerja RKT shows."""

    sekolah_nama: str
    npsn: str
    kabupaten: str
    provinsi: str
    tahun_ajaran: str
    edisi_rapor: str | None  # "Rapor Pendidikan 2025", None without an import
    versi: int
    status: str
    baris: tuple[BarisRkt, ...]
    tanggal: date
    dibuat_pada: datetime


def nama_berkas(d: DokumenRkt, akhiran: str) -> str:
    """'Lembar-Kerja-RKT_SD-Negeri-1_2026-12-07.xlsx': ASCII, no spaces."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    return f"{label('rkt.nama_berkas')}_{sekolah}_{d.tanggal.isoformat()}.{akhiran.lstrip('.')}"


def judul_kolom(kunci: str) -> str:
    """A column's header, with the mark of an unconfirmed or added column."""
    teks = label(f"rkt.kolom.{kunci}")
    if kunci in KOLOM_TAMBAHAN:
        return teks + label("rkt.tanda_tambahan")
    if kunci not in KOLOM_TERKONFIRMASI:
        return teks + label("rkt.tanda_belum")
    return teks


def _ya_tidak(nilai: bool | None) -> str:
    return "" if nilai is None else label("rkt.ya" if nilai else "rkt.tidak")


def _angka(nilai: float) -> str:
    return f"{nilai:.2f}".replace(".", ",")


def capaian(b: BarisRkt) -> str:
    """ "Kurang · 38,50%" for a Rapor Pendidikan problem, "Skor 2,50 (skala 0-7)" for SNP."""
    kosong = label("umum.tanpa_nilai")
    if not b.rapor:
        nilai = _angka(b.capaian_nilai) if b.capaian_nilai is not None else kosong
        return label("rkt.capaian_snp", skor=nilai)
    teks = label(f"rkt.label.{b.capaian_label}") if b.capaian_label else kosong
    if b.capaian_nilai is not None:
        teks += f" · {_angka(b.capaian_nilai)}{'%' if b.persen else ''}"
    return teks


def akar_masalah(b: BarisRkt) -> str:
    """The root cause: the indicator picked (if any), the explanation, the coarse tag."""
    if b.akar_kode:
        return label(
            "rkt.akar_kode",
            kode=b.akar_kode,
            nama=b.akar_nama or "",
            penjelasan=b.akar_penjelasan,
            kategori=b.akar_kategori,
        )
    return label("rkt.akar", penjelasan=b.akar_penjelasan, kategori=b.akar_kategori)


def kegiatan_arkas(b: BarisRkt) -> str:
    if not b.butuh_biaya or not b.arkas_nama:
        return ""
    return f"{b.arkas_kode} {b.arkas_nama}" if b.arkas_kode else b.arkas_nama


def nilai_baris(nomor: int, b: BarisRkt) -> list[str]:
    """A row's cells as text, in column order."""
    return [
        str(nomor),
        f"{b.kode} {b.nama}",
        capaian(b),
        akar_masalah(b),
        b.kegiatan,
        label("rkt.penjelasan", program=b.program, indikator=b.indikator_keberhasilan),
        _ya_tidak(b.butuh_biaya),
        kegiatan_arkas(b),
        b.penanggung_jawab,
        tanggal_pendek(b.mulai),
        tanggal_pendek(b.selesai),
        rupiah(b.anggaran),
    ]


def _kop(d: DokumenRkt) -> list[str]:
    return [
        label("rkt.judul"),
        d.sekolah_nama,
        label("rkt.identitas", npsn=d.npsn, kabupaten=d.kabupaten, provinsi=d.provinsi),
        label("rkt.tahun", tahun=d.tahun_ajaran, versi=d.versi, status=d.status),
        label("rkt.sumber", edisi=d.edisi_rapor or label("rkt.tanpa_rapor")),
    ]


def _catatan() -> list[str]:
    return [label("rkt.catatan_belum"), label("rkt.catatan_tambahan")]


def buat_xlsx(d: DokumenRkt) -> bytes:
    """The sheet as a workbook: the school header, the table, the notes on its columns."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = label("rkt.nama_lembar")
    for i, teks in enumerate(_kop(d), 1):
        ws.cell(row=i, column=1, value=teks).font = Font(bold=i <= 2, size=13 if i == 1 else 11)
    awal = len(_kop(d)) + 2
    isi = Font(bold=True)
    arsir = PatternFill("solid", fgColor="D9D9D9")
    for j, k in enumerate(KOLOM, 1):
        sel = ws.cell(row=awal, column=j, value=judul_kolom(k))
        sel.font, sel.fill = isi, arsir
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        ws.column_dimensions[get_column_letter(j)].width = LEBAR_XLSX[j - 1]
    for i, b in enumerate(d.baris, 1):
        nilai: list[str | int | date] = list(nilai_baris(i, b))
        nilai[0], nilai[9], nilai[10], nilai[11] = i, b.mulai, b.selesai, b.anggaran
        for j, v in enumerate(nilai, 1):
            sel = ws.cell(row=awal + i, column=j, value=v)
            sel.alignment = Alignment(wrap_text=True, vertical="top")
            if j in (10, 11):
                sel.number_format = "DD/MM/YYYY"
            elif j == 12:
                sel.number_format = "#,##0"
    bawah = awal + len(d.baris) + 2
    for i, teks in enumerate(_catatan()):
        ws.cell(row=bawah + i, column=1, value=teks).font = Font(italic=True, size=9)
    ws.freeze_panes = f"A{awal + 1}"
    wb.properties.title = label("rkt.judul_berkas", sekolah=d.sekolah_nama, tahun=d.tahun_ajaran)
    wb.properties.creator = label("umum.pembuat")
    keluar = io.BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def buat_docx(d: DokumenRkt) -> bytes:
    """The sheet as an editable landscape A4 Word document (a real table)."""
    judul = label("rkt.judul_berkas", sekolah=d.sekolah_nama, tahun=d.tahun_ajaran)
    dokumen = word.dokumen_baru(
        judul, label("umum.pembuat"), d.dibuat_pada, mendatar=True, tepi_mm=10
    )
    kop = _kop(d)
    word.kop(dokumen, d.sekolah_nama, kop[2:3])
    word.judul(dokumen, kop[0], *kop[3:])
    tabel = word.tabel_berbingkai(dokumen, [judul_kolom(k) for k in KOLOM], LEBAR_DOCX_MM)
    for i, b in enumerate(d.baris, 1):
        word.tambah_baris(tabel, nilai_baris(i, b))
    if not d.baris:
        word.paragraf(dokumen, label("rkt.kosong"), miring=True)
    for teks in _catatan():
        word.paragraf(dokumen, teks, miring=True)
    word.kaki_halaman(
        dokumen,
        label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
        label("umum.halaman"),
        label("umum.dari"),
    )
    return word.simpan(dokumen)
