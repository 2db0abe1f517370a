"""The school's quality profile of stage 1 (Profil Mutu Sekolah) as PDF: first the school's
Rapor Pendidikan indicators by label, then, when the school's own evaluation (Evaluasi Diri
Sekolah) ran, its 8-standard profile. The name is not the retired ministry "Rapor Mutu".

The texts are prepared here (`_isi`) and laid out by `templat/dokumen/rapor.html`; the words
come from `templat/dokumen/label_dokumen.yaml` (`rapor:`). What the instrument does not confirm
(an indicator name rebuilt from secondary sources, the category thresholds, questions written by
the team) is marked where it is shown and explained in the method section; the star categories
of the retired PMP thresholds carry the note that they are unofficial wherever they appear.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date, datetime

from bot.dokumen import docx as word
from bot.dokumen import grafik
from bot.dokumen.pdf import (
    label,
    nama_ascii,
    pdf_dari_templat,
    skor,
    tanda_tangan_sekolah,
    waktu_dibuat,
)
from bot.mutu.rapor import Arah, PetaRapor
from bot.render import angka

# The mark put after what the instrument does not confirm, explained in the method section.
TANDA = "*"


@dataclass(frozen=True)
class IndikatorRapor:
    """One indicator's result."""

    kode: str  # "5.1"
    nama: str
    skor: float | None
    kategori: str | None  # None when there is no score
    jumlah_jawaban: int
    jumlah_responden: int
    confirmed: bool  # False: the name is not from an official source


@dataclass(frozen=True)
class StandarRapor:
    """One of the 8 standards with its indicators."""

    nomor: int
    nama: str
    nama_pendek: str  # for the chart's axes
    skor: float | None
    kategori: str | None
    indikator: tuple[IndikatorRapor, ...]


@dataclass(frozen=True)
class ResponsRapor:
    """Response figures of one respondent group."""

    kelompok: str  # "Guru"
    selesai: int
    sebagian: int
    jumlah: int


@dataclass(frozen=True)
class KategoriRapor:
    """One category class; `batas_atas` None for the top class."""

    nama: str
    batas_atas: float | None


@dataclass(frozen=True)
class DokumenRapor:
    """Everything the Profil Mutu Sekolah shows."""

    sekolah_nama: str
    npsn: str
    kabupaten: str
    provinsi: str
    tahun_ajaran: str
    skor_sekolah: float | None
    kategori_sekolah: str | None
    standar: tuple[StandarRapor, ...]
    prioritas: tuple[IndikatorRapor, ...]
    respons: tuple[ResponsRapor, ...]
    instrumen_nama: str
    instrumen_versi: str
    skala_min: float
    skala_maks: float
    kategori: tuple[KategoriRapor, ...]
    kategori_confirmed: bool
    pertanyaan_confirmed: bool  # False when some question is not an official PMP item
    kepala_sekolah: str
    ketua_tpmps: str
    tempat: str
    tanggal: date
    dibuat_pada: datetime  # the school's local time
    # The Rapor Pendidikan part, shown first; None when the school holds no edition for it.
    rapor: PetaRapor | None = None
    # Whether the school's own evaluation ran (else the 8-standard part is left out).
    eds: bool = True


@dataclass(frozen=True)
class _BarisRapor:
    """A row of the Rapor Pendidikan table."""

    kode: str
    nama: str
    label: str
    warna: str  # baik, sedang, kurang, tidak_tersedia: the row's colour class
    nilai: str
    perubahan: str
    peringkat: str


@dataclass(frozen=True)
class _Baris:
    """A row of the indicator table; `rentang` > 0 on a standard's first row."""

    rentang: int
    standar: str
    kode: str
    nama: str
    skor: str
    kategori: str
    jawaban: str


@dataclass(frozen=True)
class _Isi:
    baris_kop: tuple[str, ...]
    sub_judul: tuple[str, ...]
    identitas: tuple[tuple[str, str], ...]
    ringkasan: tuple[tuple[str, str], ...]
    grafik: str  # data: URI of the radar chart
    standar: tuple[tuple[str, str, str, str], ...]  # no, name, score, category
    indikator: tuple[_Baris, ...]
    prioritas: tuple[tuple[str, str, str, str, str], ...]  # no, code, name, standard, score
    respons: tuple[tuple[str, str, str, str, str], ...]  # group, done, partly, total, percent
    metode: tuple[str, ...]
    kategori: tuple[tuple[str, str], ...]  # name, score range
    catatan_tanda: tuple[str, ...]  # what the mark means, each a sentence
    tanda_tangan: tuple[word.BlokTandaTangan, ...]
    catatan_kaki: str
    rapor_edisi: str | None
    rapor: tuple[_BarisRapor, ...]


def nama_berkas(d: DokumenRapor) -> str:
    """'Profil-Mutu_SMP-Negeri-1-Sleman_2026-12-07.pdf': ASCII, no spaces."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    return f"{label('rapor.nama_berkas')}_{sekolah}_{d.tanggal.isoformat()}.pdf"


def _tanda(teks: str, confirmed: bool) -> str:
    return teks if confirmed else f"{teks}{TANDA}"


def _kategori(nama: str | None, confirmed: bool) -> str:
    return label("umum.tanpa_nilai") if nama is None else _tanda(nama, confirmed)


def _persen(bagian: int, jumlah: int) -> str:
    if not jumlah:
        return label("umum.tanpa_nilai")
    return label("rapor.persen", nilai=angka(100 * bagian / jumlah, 0))


def _rentang_kategori(d: DokumenRapor) -> tuple[tuple[str, str], ...]:
    hasil = []
    bawah: float | None = None
    for k in d.kategori:
        if k.batas_atas is None:
            teks = label("rapor.kategori_di_atas", bawah=skor(bawah or d.skala_min))
        elif bawah is None:
            teks = label("rapor.kategori_sampai", bawah=skor(d.skala_min), atas=skor(k.batas_atas))
        else:
            teks = label("rapor.kategori_antara", bawah=skor(bawah), atas=skor(k.batas_atas))
        hasil.append((_tanda(k.nama, d.kategori_confirmed), teks))
        bawah = k.batas_atas
    return tuple(hasil)


def _grafik(d: DokumenRapor) -> str:
    if not d.eds:
        return ""
    png = grafik.radar(
        [s.nama_pendek for s in d.standar],
        [s.skor for s in d.standar],
        label("rapor.judul_grafik", sekolah=d.sekolah_nama, tahun=d.tahun_ajaran),
    )
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _indikator(d: DokumenRapor) -> tuple[_Baris, ...]:
    hasil = []
    for s in d.standar:
        for n, i in enumerate(s.indikator):
            hasil.append(
                _Baris(
                    rentang=len(s.indikator) if n == 0 else 0,
                    standar=f"{s.nomor}. {s.nama}",
                    kode=i.kode,
                    nama=_tanda(i.nama, i.confirmed),
                    skor=skor(i.skor),
                    kategori=_kategori(i.kategori, d.kategori_confirmed),
                    jawaban=label(
                        "rapor.jawaban_responden",
                        jawaban=angka(i.jumlah_jawaban),
                        responden=angka(i.jumlah_responden),
                    ),
                )
            )
    return tuple(hasil)


def _baris_rapor(p: PetaRapor | None) -> tuple[_BarisRapor, ...]:
    if p is None:
        return ()
    hasil = []
    for b in p.baris:
        c = b.capaian
        lab = c.label.value if c.label else "tidak_tersedia"
        nilai = "" if c.nilai is None else skor(c.nilai) + ("%" if b.kode in ("A.1", "A.2") else "")
        ubah = ""
        if c.arah is not None:
            ubah = label(f"rapor.rp.arah.{c.arah.value}")
            if c.perubahan is not None and c.arah is not Arah.TETAP:
                ubah = f"{ubah} {skor(c.perubahan)}"
        q = c.peringkat_nasional or c.peringkat_daerah
        peringkat = label(f"rapor.rp.peringkat.{q}") if q else ""
        nama = label("rapor.rp.prioritas", nama=b.nama) if b.prioritas else b.nama
        hasil.append(
            _BarisRapor(b.kode, nama, label(f"rapor.rp.label.{lab}"), lab, nilai, ubah, peringkat)
        )
    return tuple(hasil)


def _catatan_tanda(d: DokumenRapor) -> tuple[str, ...]:
    """One sentence per kind of unconfirmed item actually present in this report."""
    hasil = []
    nama = [i for s in d.standar for i in s.indikator if not i.confirmed]
    if nama:
        kode = ", ".join(i.kode for i in nama)
        hasil.append(label("rapor.tanda.indikator", kode=kode, tanda=TANDA))
    if not d.kategori_confirmed:
        hasil.append(label("rapor.tanda.kategori", tanda=TANDA))
    hasil.append(label("rapor.bintang_tidak_resmi"))
    if not d.pertanyaan_confirmed:
        hasil.append(label("rapor.tanda.pertanyaan"))
    return tuple(hasil)


def _isi(d: DokumenRapor) -> _Isi:
    nama_standar = {i.kode: f"{s.nomor}. {s.nama}" for s in d.standar for i in s.indikator}
    return _Isi(
        baris_kop=(
            label("umum.npsn", npsn=d.npsn),
            label("umum.alamat", kabupaten=d.kabupaten, provinsi=d.provinsi),
        ),
        sub_judul=(label("rapor.tahun_ajaran", tahun=d.tahun_ajaran),),
        identitas=tuple(
            (label(f"rapor.identitas.{k}"), v)
            for k, v in (
                ("nama", d.sekolah_nama),
                ("npsn", d.npsn),
                ("kabupaten", d.kabupaten),
                ("provinsi", d.provinsi),
                ("tahun_ajaran", d.tahun_ajaran),
            )
        ),
        ringkasan=(
            (label("rapor.ringkasan.skor"), skor(d.skor_sekolah)),
            (
                label("rapor.ringkasan.kategori"),
                _kategori(d.kategori_sekolah, d.kategori_confirmed),
            ),
            (
                label("rapor.ringkasan.respons"),
                _persen(sum(r.selesai for r in d.respons), sum(r.jumlah for r in d.respons)),
            ),
        ),
        grafik=_grafik(d),
        standar=tuple(
            (
                str(s.nomor),
                s.nama,
                skor(s.skor),
                _kategori(s.kategori, d.kategori_confirmed),
            )
            for s in d.standar
        ),
        indikator=_indikator(d),
        prioritas=tuple(
            (
                str(n),
                i.kode,
                _tanda(i.nama, i.confirmed),
                nama_standar.get(i.kode, ""),
                skor(i.skor),
            )
            for n, i in enumerate(d.prioritas, 1)
        ),
        respons=tuple(
            (
                r.kelompok,
                angka(r.selesai),
                angka(r.sebagian),
                angka(r.jumlah),
                _persen(r.selesai, r.jumlah),
            )
            for r in d.respons
        ),
        metode=(
            label("rapor.metode.instrumen", nama=d.instrumen_nama, versi=d.instrumen_versi),
            label("rapor.metode.skala", min=angka(d.skala_min), maks=angka(d.skala_maks)),
            label("rapor.metode.skor"),
            label("rapor.metode.prioritas"),
        ),
        kategori=_rentang_kategori(d),
        catatan_tanda=_catatan_tanda(d),
        tanda_tangan=tanda_tangan_sekolah(
            "rapor", d.tempat, d.tanggal, d.kepala_sekolah, d.ketua_tpmps
        ),
        catatan_kaki=label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
        rapor_edisi=d.rapor.edisi if d.rapor else None,
        rapor=_baris_rapor(d.rapor),
    )


def buat_pdf(d: DokumenRapor) -> bytes:
    """The Profil Mutu Sekolah as a portrait A4 PDF. CPU work: run it in a thread."""
    return pdf_dari_templat("rapor", d=d, isi=_isi(d))
