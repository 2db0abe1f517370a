"""Stage 5 rules, pure: comparing two quality maps, the school's target per standard for the
next cycle (penetapan standar mutu baru), the next school year, and which activities carry
over into the next plan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.mutu.angka import baca_angka
from bot.mutu.instrumen import Kategori
from bot.mutu.skor import PetaMutu, bulat

# The step above the current score a school that already meets SNP gets as its default target.
LANGKAH_TARGET = 0.25
NAIK, TURUN, TETAP, BARU, TANPA_DATA = "naik", "turun", "tetap", "baru", "tanpa_data"


@dataclass(frozen=True, slots=True)
class Perubahan:
    """One indicator or standard in two cycles."""

    kode: str
    nama: str
    sebelum: float | None
    sesudah: float | None

    @property
    def selisih(self) -> float | None:
        """This cycle less the previous one, on the rounded scores people see."""
        if self.sebelum is None or self.sesudah is None:
            return None
        return round(bulat(self.sesudah) - bulat(self.sebelum), 2)

    @property
    def arah(self) -> str:
        """naik, turun, tetap; baru (no previous score) or tanpa_data (no score now)."""
        if self.sesudah is None:
            return TANPA_DATA
        if self.sebelum is None:
            return BARU
        selisih = self.selisih or 0.0
        return NAIK if selisih > 0 else TURUN if selisih < 0 else TETAP


@dataclass(frozen=True, slots=True)
class PerbandinganStandar:
    """A standard in two cycles, with its indicators."""

    nomor: int
    standar: Perubahan
    indikator: tuple[Perubahan, ...]


def bandingkan(sebelum: PetaMutu | None, sesudah: PetaMutu) -> tuple[PerbandinganStandar, ...]:
    """Each standard and indicator of `sesudah` beside the same code in `sebelum` (None: a
    first cycle, every score is 'baru'). Codes are matched, so an instrument version that
    added an indicator shows it as new."""
    lama_standar = {s.kode: s for s in sebelum.standar} if sebelum else {}
    lama_indikator = (
        {i.kode: i.skor for s in sebelum.standar for i in s.indikator} if sebelum else {}
    )
    hasil = []
    for s in sesudah.standar:
        lama = lama_standar.get(s.kode)
        hasil.append(
            PerbandinganStandar(
                s.nomor,
                Perubahan(s.kode, s.nama, lama.skor if lama else None, s.skor),
                tuple(
                    Perubahan(i.kode, i.nama, lama_indikator.get(i.kode), i.skor)
                    for i in s.indikator
                ),
            )
        )
    return tuple(hasil)


def ambang_snp(kategori: Sequence[Kategori]) -> float:
    """The lowest score (2 decimals) in the SNP class: the class without an upper bound
    starts just above the last bound (6,66 -> 6,67)."""
    batas = [k.batas_atas for k in kategori if k.batas_atas is not None]
    if not batas:
        raise ValueError("the categories have no bounded class")
    return round(max(batas) + 0.01, 2)


def target_minimum(skor: float | None, ambang: float | None) -> float:
    """The lowest target a school may set for a standard: the SNP threshold, or its current
    score where it is already above that (a target never sets the school back). Without a
    threshold (ambang None: the school plans from Rapor Pendidikan, and the PMP threshold is
    unconfirmed) it is the school's own score, or 0 when nothing measured it."""
    if ambang is None:
        return bulat(skor) if skor is not None else 0.0
    if skor is None:
        return ambang
    return max(ambang, bulat(skor))


def target_bawaan(skor: float | None, ambang: float | None, maks: float) -> float | None:
    """The suggested target: the SNP threshold where the school is below it (or has no
    score); where it already meets it, a step above the current score, capped at `maks`.
    Without a threshold: a step above the school's own score, or None when no source
    measured the standard (nothing to propose)."""
    if ambang is None:
        return None if skor is None else min(maks, round(bulat(skor) + LANGKAH_TARGET, 2))
    if skor is None or bulat(skor) < ambang:
        return ambang
    return min(maks, round(bulat(skor) + LANGKAH_TARGET, 2))


class TargetSalah(ValueError):
    """A typed target that cannot be used; `alasan` is bukan_angka, di_bawah or di_atas."""

    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


def baca_target(teks: str, minimum: float, maks: float) -> float:
    """A typed target ("6,8", "6.8", "7"), rounded to 2 decimals, within minimum..maks."""
    nilai = baca_angka(teks)
    if nilai is None:
        raise TargetSalah("bukan_angka")
    nilai = bulat(nilai)
    if nilai < minimum:
        raise TargetSalah("di_bawah")
    if nilai > maks:
        raise TargetSalah("di_atas")
    return nilai


_TAHUN_AJARAN = re.compile(r"^(\d{4})/(\d{4})$")


def tahun_ajaran_berikut(tahun_ajaran: str) -> str:
    """'2026/2027' -> '2027/2028'."""
    cocok = _TAHUN_AJARAN.match(tahun_ajaran)
    if cocok is None or int(cocok[2]) != int(cocok[1]) + 1:
        raise ValueError(f"{tahun_ajaran!r} is not a school year like 2026/2027")
    awal = int(cocok[2])
    return f"{awal}/{awal + 1}"


@dataclass(frozen=True, slots=True)
class KegiatanSiklus:
    """An activity of the approved plan with where its commitment ended."""

    kunci: str
    indikator_kode: str
    program_urutan: int
    kemajuan: str  # belum_mulai, berjalan, selesai, terkendala
    verifikasi: str | None  # the coordinator's word on a reported 'selesai'


BELUM_SELESAI, TARGET_TIDAK, TARGET_SEBAGIAN = "belum_selesai", "target_tidak", "target_sebagian"


def selesai(k: KegiatanSiklus) -> bool:
    """Done: reported finished and not sent back by the coordinator."""
    return k.kemajuan == "selesai" and k.verifikasi != "dikembalikan"


def calon_bawaan(
    kegiatan: Iterable[KegiatanSiklus], evaluasi: Mapping[tuple[str, int], tuple[str, str]]
) -> list[tuple[KegiatanSiklus, str]]:
    """Activities that may carry over, with why: not done (belum_selesai), or in a program
    whose evaluation says the target was not met (target_tidak) or partly (target_sebagian).
    A program marked 'hentikan' carries nothing. `evaluasi` maps (indicator, program number)
    to (target_tercapai, tindak_lanjut)."""
    hasil = []
    for k in kegiatan:
        tercapai, tindak = evaluasi.get((k.indikator_kode, k.program_urutan), (None, None))
        if tindak == "hentikan":
            continue
        if not selesai(k):
            hasil.append((k, BELUM_SELESAI))
        elif tercapai == "tidak":
            hasil.append((k, TARGET_TIDAK))
        elif tercapai == "sebagian":
            hasil.append((k, TARGET_SEBAGIAN))
    return hasil
