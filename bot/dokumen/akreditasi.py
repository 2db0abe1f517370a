"""SPME readiness documents: the readiness report (PDF) and the evidence bundle (ZIP of the
evidence files by component and butir, with an index PDF in each part).

Pure: data in, bytes out (the bundle reads the evidence files from their local copies). Words
come from `templat/dokumen/label_dokumen.yaml` (`akreditasi:`)."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from bot.dokumen.pdf import label, nama_ascii, pdf_dari_templat, waktu_dibuat
from bot.mutu.akreditasi import bagi_bagian
from bot.render import angka

BATAS_TELEGRAM = 50 * 1024 * 1024  # what a bot may upload
CADANGAN_INDEKS = 1024 * 1024  # room kept in each part for its index PDF and ZIP records


@dataclass(frozen=True)
class BuktiDok:
    """One evidence file of a butir (or of a checklist document)."""

    nama: str  # as shown: "Pemetaan 2.2-02 · ksp.pdf"
    nama_file: str  # the file's name inside the bundle
    ukuran: int
    path: str
    masalah: tuple[str, ...] = ()  # upload problems: jenis_salah, terlalu_besar


@dataclass(frozen=True)
class ButirDok:
    """One butir as the report shows it."""

    kode: str
    teks: str
    confirmed: bool
    level_diri: int | None
    level_dihitung: int | None
    kurang: bool
    bukti: tuple[BuktiDok, ...]
    wawancara: int  # interview answers kept for it
    kelompok: str | None = None  # IA2024: the indicator's butir (1-14)
    na: bool = False  # IA2024: not applicable (not counted)
    level_nama: str | None = None  # IA2024: Kurang .. Sangat Baik


@dataclass(frozen=True)
class ButirIaDok:
    """An IA2024 butir with its DKA narrative; its indicators are in the component."""

    nomor: str
    komponen: str
    teks: str
    dka: str | None
    dka_status: str | None  # draf, disetujui
    dinilai: int
    jumlah: int
    na: int


@dataclass(frozen=True)
class KelompokDok:
    """A component (or the IPR part) with its score."""

    kode: str
    nama: str
    bobot: float
    skor: float | None
    dinilai: int
    jumlah: int
    butir: tuple[ButirDok, ...]
    spmi: float | None = None  # mean stage-1 score (0-7) of the crosswalked indicators


@dataclass(frozen=True)
class DokumenWajibDok:
    """A document of the pre-visit checklist."""

    kode: str
    nama: str
    status: str  # ada, belum, tidak_sesuai
    bukti: BuktiDok | None
    tautan: str | None


@dataclass(frozen=True)
class JawabanWawancara:
    """An interview-practice answer."""

    butir: str
    pertanyaan: str
    nama: str
    jawaban: str


@dataclass(frozen=True)
class HasilObservasi:
    """A line of the class-observation checklist and what was seen."""

    teks: str
    butir: tuple[str, ...]
    terlihat: bool | None  # None: not observed yet


@dataclass(frozen=True)
class DokumenAkreditasi:
    """Everything the readiness report and the bundle show."""

    sekolah_nama: str
    npsn: str
    kabupaten: str
    provinsi: str
    jenjang: str
    instrumen: str  # "IASP 2020"
    instrumen_lengkap: str
    kelompok: tuple[KelompokDok, ...]
    nilai_akhir: float | None
    peringkat: str | None
    peringkat_terkonfirmasi: bool
    kesenjangan: tuple[str, ...]  # one sentence each
    dokumen: tuple[DokumenWajibDok, ...]
    belum_terkonfirmasi: tuple[str, ...]
    tanggal: date
    dibuat_pada: datetime
    wawancara: tuple[JawabanWawancara, ...] = ()
    observasi: tuple[HasilObservasi, ...] = ()
    # IA2024: the 14 butir and the gaps; no score, no grade (`kelompok` skor and nilai_akhir
    # stay None).
    butir_ia: tuple[ButirIaDok, ...] = ()
    celah: tuple[str, ...] = ()


def nama_berkas(d: DokumenAkreditasi) -> str:
    """'Kesiapan-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23.pdf'."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    return f"{label('akreditasi.nama_berkas')}_{sekolah}_{d.tanggal.isoformat()}.pdf"


def nama_bundel(d: DokumenAkreditasi, bagian: int, jumlah: int) -> str:
    """'Bukti-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23.zip' (with '_bagian-2-dari-3')."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    akhir = f"_bagian-{bagian}-dari-{jumlah}" if jumlah > 1 else ""
    return f"{label('akreditasi.nama_bundel')}_{sekolah}_{d.tanggal.isoformat()}{akhir}.zip"


def _level(nilai: int | None) -> str:
    return label("umum.tanpa_nilai") if nilai is None else str(nilai)


def _skor(nilai: float | None) -> str:
    return label("umum.tanpa_nilai") if nilai is None else angka(nilai, 2)


def buat_pdf(d: DokumenAkreditasi) -> bytes:
    """The readiness report as an A4 PDF. CPU work: call it through `asyncio.to_thread`."""
    return pdf_dari_templat(
        "akreditasi_ia2024" if d.butir_ia else "akreditasi",
        d=d,
        level=_level,
        skor=_skor,
        catatan_kaki=label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
    )


@dataclass(frozen=True)
class Isian:
    """A file placed in the bundle: where, and what it proves."""

    jalur: str  # path inside the ZIP
    untuk: str  # "ML · Butir 1" or "Dokumen wajib · KSP"
    bukti: BuktiDok


def isian_bundel(d: DokumenAkreditasi) -> list[Isian]:
    """Every evidence file once per place: components and butir in order, then the
    checklist documents. Folders: '<kode komponen>_<nama>/Butir-<kode>/<nn>_<file>'."""
    hasil = []
    for k in d.kelompok:
        folder_k = f"{k.kode}_{nama_ascii(k.nama)}"
        if d.butir_ia:  # IA2024: Komponen-1_<nama>/Butir-01/1.1.1/01_<file>
            folder_k = f"Komponen-{k.kode}_{nama_ascii(k.nama)[:60]}"
        for b in k.butir:
            folder_b = f"Butir-{nama_ascii(b.kode)}"
            if b.kelompok is not None:
                folder_b = f"Butir-{int(b.kelompok):02d}/{b.kode}"
            for n, bukti in enumerate(b.bukti, 1):
                hasil.append(
                    Isian(
                        f"{folder_k}/{folder_b}/{n:02d}_{bukti.nama_file}",
                        label("akreditasi.untuk_butir", komponen=k.kode, butir=b.kode),
                        bukti,
                    )
                )
    for dok in d.dokumen:
        if dok.bukti is not None:
            hasil.append(
                Isian(
                    f"{label('akreditasi.folder_dokumen')}/{dok.kode}_{dok.bukti.nama_file}",
                    label("akreditasi.untuk_dokumen", dokumen=dok.nama),
                    dok.bukti,
                )
            )
    return hasil


def buat_indeks_pdf(
    d: DokumenAkreditasi, bagian: int, jumlah: int, isi: list[Isian], tertinggal: list[Isian]
) -> bytes:
    """The index of one bundle part: what is inside, and what was left out (too large)."""
    return pdf_dari_templat(
        "akreditasi_indeks",
        d=d,
        bagian=bagian,
        jumlah=jumlah,
        isi=isi,
        tertinggal=tertinggal,
        ukuran=lambda n: angka(n / 1024 / 1024, 2) + " MB",
        catatan_kaki=label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
    )


def _zip(
    d: DokumenAkreditasi, bagian: int, jumlah: int, isi: list[Isian], tertinggal: list[Isian]
) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            label("akreditasi.nama_indeks"), buat_indeks_pdf(d, bagian, jumlah, isi, tertinggal)
        )
        for i in isi:
            z.writestr(i.jalur, Path(i.bukti.path).read_bytes())
    return keluaran.getvalue()


def buat_bundel(
    d: DokumenAkreditasi, batas: int = BATAS_TELEGRAM, cadangan: int = CADANGAN_INDEKS
) -> tuple[list[tuple[str, bytes]], list[Isian]]:
    """The bundle as ZIP parts each under `batas` bytes, and the files left out because
    one alone does not fit. Blocking (reads files, builds PDFs): use `asyncio.to_thread`."""
    semua = isian_bundel(d)
    rencana, luar = bagi_bagian([i.bukti.ukuran for i in semua], batas, cadangan)
    tertinggal = [semua[i] for i in luar]
    kelompok = [[semua[i] for i in r] for r in rencana] or [[]]
    jumlah = len(kelompok)
    hasil = []
    for n, isi in enumerate(kelompok, 1):
        data = _zip(d, n, jumlah, isi, tertinggal)
        if len(data) > batas:
            raise ValueError(f"bundle part {n} is {len(data)} bytes; raise `cadangan`")
        hasil.append((nama_bundel(d, n, jumlah), data))
    return hasil, tertinggal
