"""Scoring a school's answers into a quality map: indicators, standards, school, priorities.

Scores stay unrounded inside; `bulat` is for display. Categories are looked up on the rounded
score, so a school shown as "2,04" is never put in the class above 2,04.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean

from bot.mutu.instrumen import (
    Indikator,
    Instrumen,
    Kategori,
    Pertanyaan,
    Standar,
    berlaku,
    skor_jawaban,
)


@dataclass(frozen=True, slots=True)
class Jawaban:
    """One stored answer: a person (`pengguna_id`) answering as a respondent group."""

    pertanyaan: str
    responden: str
    pengguna_id: int
    nilai: str


@dataclass(frozen=True, slots=True)
class HasilIndikator:
    """An indicator's score (None: no scored answer yet) and what it rests on."""

    kode: str
    nama: str
    standar_kode: str
    skor: float | None
    jumlah_jawaban: int
    jumlah_responden: int
    confirmed: bool


@dataclass(frozen=True, slots=True)
class HasilStandar:
    """A standard's score: the plain mean of its scored indicators."""

    kode: str
    nomor: int
    nama: str
    skor: float | None
    kategori: Kategori | None
    indikator: tuple[HasilIndikator, ...]


@dataclass(frozen=True, slots=True)
class PetaMutu:
    """The school's quality map: per standard, overall, and the weakest indicators."""

    skor_sekolah: float | None
    kategori: Kategori | None
    standar: tuple[HasilStandar, ...]
    prioritas: tuple[HasilIndikator, ...]


@dataclass(slots=True)
class _Tumpukan:
    """The weighted answers gathered for one indicator."""

    jumlah_bobot_skor: float = 0.0
    jumlah_bobot: float = 0.0
    jumlah_jawaban: int = 0
    pengguna: set[int] = field(default_factory=set)


def hitung(instrumen: Instrumen, jawaban: Iterable[Jawaban], jumlah_prioritas: int = 5) -> PetaMutu:
    """The quality map of one school from all its stored answers.

    An indicator's score is the mean of its scored answers, each weighted by its respondent
    group's weight; a standard's the plain mean of its scored indicators; the school's the plain
    mean of its scored standards. Unanswered questions do not count as zero, and answers to
    questions that no longer apply (their `jika` fails) are left out.
    """
    tumpukan = _kumpulkan(instrumen, jawaban)
    standar = tuple(_hasil_standar(instrumen, s, tumpukan) for s in instrumen.standar)
    skor = _rerata([s.skor for s in standar])
    return PetaMutu(
        skor_sekolah=skor,
        kategori=_kategori(instrumen, skor),
        standar=standar,
        prioritas=_prioritas(standar, jumlah_prioritas),
    )


def bulat(skor: float) -> float:
    """A score rounded to 2 decimals, half up as people round (2.045 -> 2.05)."""
    # str() gives the shortest decimal for the float, so 2.045 is not treated as 2.04499...
    return float(Decimal(str(skor)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _kumpulkan(instrumen: Instrumen, jawaban: Iterable[Jawaban]) -> dict[str, _Tumpukan]:
    """Weighted scores per indicator code, from the answers that count."""
    per_orang: dict[tuple[int, str], dict[str, str]] = defaultdict(dict)
    for j in jawaban:
        per_orang[(j.pengguna_id, j.responden)][j.pertanyaan] = j.nilai  # the last one wins
    tumpukan: dict[str, _Tumpukan] = defaultdict(_Tumpukan)
    for (pengguna_id, responden), milik in per_orang.items():
        bobot = instrumen.bobot_responden.get(responden, 0.0)
        for kode, nilai in milik.items():
            p = _pertanyaan_yang_dihitung(instrumen, kode, responden, milik)
            if p is None or bobot <= 0:
                continue
            skor = skor_jawaban(p, nilai, skala=(instrumen.skala_min, instrumen.skala_maks))
            if skor is None:  # not reached: only scored questions get here
                continue
            t = tumpukan[p.indikator_kode]
            t.jumlah_bobot_skor += bobot * skor
            t.jumlah_bobot += bobot
            t.jumlah_jawaban += 1
            t.pengguna.add(pengguna_id)
    return tumpukan


def _pertanyaan_yang_dihitung(
    instrumen: Instrumen, kode: str, responden: str, milik: Mapping[str, str]
) -> Pertanyaan | None:
    """The question an answer scores, or None when the answer does not count.

    Answers to codes not in this instrument, from a group the question is not asked of, to
    unscored questions, or to questions that do not apply are left out.
    """
    try:
        p = instrumen.pertanyaan(kode)
    except KeyError:
        return None
    if responden not in p.responden or not p.dinilai:
        return None
    return p if _berlaku_berantai(instrumen, p, milik) else None


def _berlaku_berantai(instrumen: Instrumen, p: Pertanyaan, milik: Mapping[str, str]) -> bool:
    """berlaku, also for the question a `jika` refers to: an answer left behind under a
    question that no longer applies must not open the questions that depend on it."""
    while p.jika is not None:
        if not berlaku(p, milik):
            return False
        p = instrumen.pertanyaan(p.jika.pertanyaan)
    return True


def _hasil_indikator(indikator: Indikator, tumpukan: Mapping[str, _Tumpukan]) -> HasilIndikator:
    t = tumpukan.get(indikator.kode, _Tumpukan())
    skor = t.jumlah_bobot_skor / t.jumlah_bobot if t.jumlah_bobot else None
    return HasilIndikator(
        kode=indikator.kode,
        nama=indikator.nama,
        standar_kode=indikator.standar_kode,
        skor=skor,
        jumlah_jawaban=t.jumlah_jawaban,
        jumlah_responden=len(t.pengguna),
        confirmed=indikator.confirmed,
    )


def _hasil_standar(
    instrumen: Instrumen, standar: Standar, tumpukan: Mapping[str, _Tumpukan]
) -> HasilStandar:
    indikator = tuple(_hasil_indikator(i, tumpukan) for i in standar.indikator)
    skor = _rerata([i.skor for i in indikator])
    return HasilStandar(
        kode=standar.kode,
        nomor=standar.nomor,
        nama=standar.nama,
        skor=skor,
        kategori=_kategori(instrumen, skor),
        indikator=indikator,
    )


def _prioritas(standar: tuple[HasilStandar, ...], jumlah: int) -> tuple[HasilIndikator, ...]:
    """The weakest scored indicators first; ties go to the weaker standard, then to the
    indicator with fewer answers (its score rests on less), then to code order."""
    calon = [(i, s.skor) for s in standar for i in s.indikator if i.skor is not None]
    calon.sort(key=lambda c: (c[0].skor, c[1], c[0].jumlah_jawaban, _urutan_alami(c[0].kode)))
    return tuple(i for i, _ in calon[:jumlah])


def _urutan_alami(kode: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that puts "1.9" before "1.10" (numbers compared as numbers)."""
    return tuple((0, int(b)) if b.isdigit() else (1, b) for b in re.findall(r"\d+|\D+", kode))


def _rerata(skor: Iterable[float | None]) -> float | None:
    ada = [s for s in skor if s is not None]
    return fmean(ada) if ada else None


def _kategori(instrumen: Instrumen, skor: float | None) -> Kategori | None:
    return instrumen.kategori_untuk(bulat(skor)) if skor is not None else None
