"""The cycle report (Laporan Siklus SPMI) as PDF: what a cycle measured, planned, did and
decided, and what it hands to the next cycle.

The texts are prepared here (`_isi`) and laid out by `templat/dokumen/siklus.html`; the words
come from `templat/dokumen/label_dokumen.yaml` (`siklus:`)."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.dokumen import grafik
from bot.dokumen.monev import EvaluasiProgram, evaluasi_cetak
from bot.dokumen.pdf import (
    label,
    nama_ascii,
    pdf_dari_templat,
    rentang_sama,
    semua_label,
    skor,
    tanda_tangan_sekolah,
    tanggal_panjang,
    waktu_dibuat,
)
from bot.render import angka, rupiah

STATUS_KOMITMEN = ("selesai", "berjalan", "terkendala", "belum_mulai")
ALASAN_BAWAAN = ("belum_selesai", "target_tidak", "target_sebagian")


@dataclass(frozen=True)
class BarisStandar:
    """A standard: its score and category in this cycle and the one before, and the target
    set for the next cycle."""

    nomor: int
    nama: str
    nama_pendek: str  # for the charts: "SKL", "Sarpras"
    skor: float | None
    kategori: str | None
    skor_lalu: float | None
    target: float | None


@dataclass(frozen=True)
class BarisRapor:
    """A Rapor Pendidikan indicator in the baseline and the newer edition (labels as the
    report gives them: baik, sedang, kurang, tidak_tersedia), with its next target."""

    kode: str
    nama: str
    label_awal: str | None
    nilai_awal: float | None
    label_akhir: str | None
    nilai_akhir: float | None
    target: str | None  # the label aimed at next; None: not measured by any source
    target_nilai: float | None


@dataclass(frozen=True)
class BarisMasalah:
    """A priority problem of the approved plan."""

    masalah: str  # "5.1 Ketersediaan dan kompetensi guru"
    skor_awal: float | None
    akar_masalah: str
    program: tuple[str, ...]
    anggaran: int


@dataclass(frozen=True)
class BarisBawaan:
    """An activity carried into the next cycle's plan."""

    masalah: str
    program: str
    kegiatan: str
    pic: str
    anggaran: int
    alasan: str  # one of ALASAN_BAWAAN

    def __post_init__(self) -> None:
        if self.alasan not in ALASAN_BAWAAN:
            raise ValueError(f"alasan {self.alasan!r} is not one of {', '.join(ALASAN_BAWAAN)}")


@dataclass(frozen=True)
class DokumenSiklus:
    """Everything the cycle report shows."""

    sekolah_nama: str
    npsn: str
    kabupaten: str
    provinsi: str
    tahun_ajaran: str  # "2026/2027"
    tahun_ajaran_berikut: str
    tahun_ajaran_lalu: str | None  # None on a first cycle
    tahap: tuple[tuple[int, date | None], ...]  # (stage 1..5, the day it began)
    ditutup: date | None
    skor_sekolah: float | None
    kategori_sekolah: str | None
    skor_sekolah_lalu: float | None
    standar: tuple[BarisStandar, ...]
    ambang_snp: float | None  # None: targets are the school's own (it has Rapor Pendidikan)
    masalah: tuple[BarisMasalah, ...]
    komitmen: dict[str, int]  # status -> how many (keys of STATUS_KOMITMEN)
    jumlah_bukti: int
    evaluasi: tuple[EvaluasiProgram, ...]
    bawaan: tuple[BarisBawaan, ...]
    kepala_sekolah: str
    ketua_tpmps: str
    tempat: str
    tanggal: date
    dibuat_pada: datetime  # the school's local time
    rapor: tuple[BarisRapor, ...] = ()
    edisi_awal: str | None = None  # the baseline edition of Rapor Pendidikan
    edisi_akhir: str | None = None  # the newer edition compared with it, if imported

    @property
    def total_anggaran(self) -> int:
        """The plan's budget in rupiah."""
        return sum(m.anggaran for m in self.masalah)

    @property
    def persen_selesai(self) -> int | None:
        """Share of commitments done, rounded down; None without commitments."""
        total = sum(self.komitmen.values())
        return 100 * self.komitmen.get("selesai", 0) // total if total else None


def nama_berkas(d: DokumenSiklus) -> str:
    """'Laporan-Siklus-SPMI_SMP-Negeri-1-Sleman_2026-2027_2027-06-20.pdf'."""
    sekolah = nama_ascii(d.sekolah_nama) or nama_ascii(d.npsn) or "-"
    tahun = d.tahun_ajaran.replace("/", "-")
    return f"{label('siklus.nama_berkas')}_{sekolah}_{tahun}_{d.tanggal.isoformat()}.pdf"


def kolom(kunci: str) -> tuple[str, ...]:
    """The column headings of one table (`siklus.kolom_<kunci>` in the document labels)."""
    nilai = semua_label()["siklus"][f"kolom_{kunci}"]
    if not isinstance(nilai, list):
        raise KeyError(f"siklus.kolom_{kunci} is not a list")
    return tuple(str(v) for v in nilai)


def _selisih(b: BarisStandar) -> str:
    if b.skor is None or b.skor_lalu is None:
        return label("umum.tanpa_nilai")
    nilai = round(round(b.skor, 2) - round(b.skor_lalu, 2), 2)
    return ("+" if nilai > 0 else "") + angka(nilai, 2)


def _gambar(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def _grafik(d: DokumenSiklus) -> tuple[str, str | None]:
    nama = [s.nama_pendek for s in d.standar]
    kini = [s.skor for s in d.standar]
    radar = grafik.radar(
        nama,
        kini,
        label("siklus.grafik.judul_radar", tahun=d.tahun_ajaran),
        pembanding=[s.target for s in d.standar] if any(s.target for s in d.standar) else None,
        label_pembanding=label("siklus.grafik.target"),
        label_skor=label("siklus.grafik.skor", tahun=d.tahun_ajaran),
    )
    if d.tahun_ajaran_lalu is None:
        return _gambar(radar), None
    batang = grafik.batang_kelompok(
        nama,
        [s.skor_lalu for s in d.standar],
        kini,
        label("siklus.grafik.judul_banding"),
        label_a=d.tahun_ajaran_lalu,
        label_b=d.tahun_ajaran,
    )
    return _gambar(radar), _gambar(batang)


def grafik_rapor(d: DokumenSiklus) -> bytes | None:
    """The comparison chart of the two editions, or None with fewer than two."""
    return grafik_banding_rapor(d.rapor, d.edisi_awal, d.edisi_akhir)


def grafik_banding_rapor(
    rapor: Sequence[BarisRapor], awal: str | None, akhir: str | None
) -> bytes | None:
    """Each indicator's value in the baseline and the newer edition (PNG), or None without
    two editions. CPU work: call it through `asyncio.to_thread`."""
    if not rapor or awal is None or akhir is None:
        return None
    return grafik.banding_rapor(
        [r.kode for r in rapor],
        [r.nilai_awal for r in rapor],
        [r.nilai_akhir for r in rapor],
        [r.label_akhir for r in rapor],
        label("siklus.rapor.judul_grafik"),
        awal,
        akhir,
    )


def _nilai_rapor(kode: str, lbl: str | None, nilai: float | None) -> str:
    if lbl is None:
        return label("umum.tanpa_nilai")
    teks = label(f"siklus.rapor.label.{lbl}")
    if nilai is not None:
        teks += f" ({angka(nilai, 2)}{'%' if kode in ('A.1', 'A.2') else ''})"
    return teks


def _target_rapor(r: BarisRapor) -> str:
    if r.target is None:
        return label("siklus.rapor.tidak_diukur")
    teks = label(f"siklus.rapor.label.{r.target}")
    if r.target_nilai is not None:
        minimum = angka(r.target_nilai, 2) + ("%" if r.kode in ("A.1", "A.2") else "")
        teks += " · " + label("siklus.rapor.nilai_minimum", nilai=minimum)
    return teks


def _isi(d: DokumenSiklus) -> dict[str, object]:
    """The texts of the report, by section in the order the template shows them."""
    return {
        **_isi_identitas(d),
        **_isi_skor(d),
        **_isi_rencana(d),
        **_isi_target(d),
        **_isi_penutup(d),
    }


def _isi_identitas(d: DokumenSiklus) -> dict[str, object]:
    """The letterhead, the school's identity and when each stage began."""
    kosong = label("umum.tanpa_nilai")
    return {
        "baris_kop": (
            label("umum.npsn", npsn=d.npsn),
            label("umum.alamat", kabupaten=d.kabupaten, provinsi=d.provinsi),
        ),
        "identitas": (
            (label("siklus.identitas.nama"), d.sekolah_nama),
            (label("siklus.identitas.npsn"), d.npsn),
            (label("siklus.identitas.tahun_ajaran"), d.tahun_ajaran),
            (
                label("siklus.identitas.status"),
                label("siklus.ditutup_pada", tanggal=tanggal_panjang(d.ditutup))
                if d.ditutup
                else label("siklus.masih_terbuka"),
            ),
        ),
        "tahap": tuple(
            (
                str(t),
                label(f"siklus.tahap.{t}"),
                tanggal_panjang(mulai) if mulai else kosong,
            )
            for t, mulai in d.tahap
        ),
    }


def _isi_skor(d: DokumenSiklus) -> dict[str, object]:
    """The scores of this cycle, their charts and the comparison with the cycle before."""
    radar, batang = _grafik(d)
    kosong = label("umum.tanpa_nilai")
    return {
        "skor_sekolah": (
            label(
                "siklus.skor_sekolah",
                skor=skor(d.skor_sekolah),
                kategori=d.kategori_sekolah or kosong,
            )
            if d.skor_sekolah is not None
            else label("siklus.skor_sekolah_kosong")
        ),
        "standar": tuple(
            (str(s.nomor), s.nama, skor(s.skor), s.kategori or kosong) for s in d.standar
        ),
        "radar": radar,
        "batang": batang,
        "banding": tuple(
            (str(s.nomor), s.nama, skor(s.skor_lalu), skor(s.skor), _selisih(s)) for s in d.standar
        ),
        "banding_pengantar": (
            label("siklus.pengantar_banding", lalu=d.tahun_ajaran_lalu, kini=d.tahun_ajaran)
            if d.tahun_ajaran_lalu
            else label("siklus.siklus_pertama")
        ),
    }


def _isi_rencana(d: DokumenSiklus) -> dict[str, object]:
    """The plan's priority problems and budget, how its commitments went, and its review."""
    kosong = label("umum.tanpa_nilai")
    hitung = {s: d.komitmen.get(s, 0) for s in STATUS_KOMITMEN}
    persen = d.persen_selesai
    return {
        "masalah": tuple(
            (
                str(i),
                m.masalah,
                skor(m.skor_awal),
                m.akar_masalah,
                "; ".join(m.program),
                rupiah(m.anggaran),
            )
            for i, m in enumerate(d.masalah, 1)
        ),
        "total_anggaran": rupiah(d.total_anggaran),
        "pelaksanaan": (
            *((label(f"siklus.status.{s}"), angka(n)) for s, n in hitung.items()),
            (label("siklus.jumlah_kegiatan"), angka(sum(hitung.values()))),
            (
                label("siklus.persen_selesai"),
                label("siklus.persen", nilai=angka(persen)) if persen is not None else kosong,
            ),
            (label("siklus.jumlah_bukti"), angka(d.jumlah_bukti)),
        ),
        "evaluasi": evaluasi_cetak(d.evaluasi),
    }


def _isi_target(d: DokumenSiklus) -> dict[str, object]:
    """The targets of the next cycle, with the Rapor Pendidikan indicators between."""
    return {
        "target_pengantar": (
            label(
                "siklus.pengantar_target",
                tahun=d.tahun_ajaran_berikut,
                ambang=angka(d.ambang_snp, 2),
            )
            if d.ambang_snp is not None
            else label("siklus.pengantar_target_sendiri", tahun=d.tahun_ajaran_berikut)
        ),
        **_isi_rapor(d),
        "target": tuple(
            (
                str(s.nomor),
                s.nama,
                skor(s.skor),
                skor(s.target) if s.target is not None else label("siklus.rapor.tidak_diukur"),
            )
            for s in d.standar
        ),
    }


def _isi_rapor(d: DokumenSiklus) -> dict[str, object]:
    """The Rapor Pendidikan indicators in the two editions, their targets and chart."""
    png_rapor = grafik_rapor(d)
    return {
        "rapor": tuple(
            (
                f"{r.kode} {r.nama}",
                _nilai_rapor(r.kode, r.label_awal, r.nilai_awal),
                _nilai_rapor(r.kode, r.label_akhir, r.nilai_akhir),
                _target_rapor(r),
            )
            for r in d.rapor
        ),
        "rapor_pengantar": (
            label("siklus.rapor.pengantar_dua", awal=d.edisi_awal, akhir=d.edisi_akhir)
            if d.edisi_akhir
            else label("siklus.rapor.pengantar_satu", awal=d.edisi_awal)
        ),
        "rapor_kolom": (
            label("siklus.rapor.kolom_indikator"),
            d.edisi_awal or "",
            d.edisi_akhir or label("siklus.rapor.belum_ada_edisi"),
            label("siklus.rapor.kolom_target"),
        ),
        "grafik_rapor": _gambar(png_rapor) if png_rapor else None,
    }


def _isi_penutup(d: DokumenSiklus) -> dict[str, object]:
    """What the next cycle carries over, the signatures and the footer."""
    return {
        "bawaan": tuple(
            (
                b.masalah,
                b.program,
                b.kegiatan,
                b.pic,
                rupiah(b.anggaran),
                label(f"siklus.alasan_bawaan.{b.alasan}"),
            )
            for b in d.bawaan
        ),
        "rentang_bawaan": rentang_sama([b.masalah for b in d.bawaan]),
        "tanda_tangan": tanda_tangan_sekolah(
            "siklus", d.tempat, d.tanggal, d.kepala_sekolah, d.ketua_tpmps
        ),
        "catatan_kaki": label("umum.dibuat_oleh", waktu=waktu_dibuat(d.dibuat_pada)),
    }


def buat_pdf(d: DokumenSiklus) -> bytes:
    """The report as an A4 portrait PDF. CPU work: call it through `asyncio.to_thread`."""
    return pdf_dari_templat("siklus", d=d, isi=_isi(d), kolom=kolom)
