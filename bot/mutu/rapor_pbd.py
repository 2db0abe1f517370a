"""PBD (Perencanaan Berbasis Data) on Rapor Pendidikan: the order of candidate problems
(Identifikasi) and the root-cause indicators the bot suggests (Refleksi).

The ordering rule (red before yellow; then the lower rank group; then the larger drop) comes
from secondary sources; no ministry text states the tie-breaks (RAPOR-PENDIDIKAN.md §3.2). The
root-cause map is the bot's suggestion, not the ministry's cards (§3.3): callers show it so."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot.mutu.rapor import Arah, Capaian, Katalog, Label, PetaAkar

MASALAH = (Label.KURANG, Label.SEDANG)  # red, then yellow
_URUT_ARAH = {Arah.TURUN: 0, Arah.TETAP: 1, None: 2, Arah.NAIK: 3}
BATAS_SUB_SENDIRI = 3


@dataclass(frozen=True)
class Kandidat:
    """A candidate problem: a priority indicator labelled Kurang or Sedang."""

    kode: str
    capaian: Capaian


@dataclass(frozen=True)
class Saran:
    """A root-cause indicator suggested by the bot, with the school's own values."""

    kode: str
    capaian: Capaian | None
    sub: tuple[tuple[str, Capaian | None], ...]
    saran_bot: bool = True  # never the ministry's card


def _kelompok(c: Capaian) -> int:
    """The rank quintile used for ordering: national, else regional; unknown sorts last."""
    return c.peringkat_nasional or c.peringkat_daerah or 0


def kunci_urut(c: Capaian, urutan_prioritas: int) -> tuple[int, int, int, float, int]:
    """The sort key of a candidate (smaller first)."""
    turun = (c.perubahan or 0.0) if c.arah == Arah.TURUN else 0.0
    return (
        MASALAH.index(c.label) if c.label in MASALAH else len(MASALAH),
        -_kelompok(c),
        _URUT_ARAH[c.arah],
        -turun,
        urutan_prioritas,
    )


def identifikasi(capaian: Mapping[str, Capaian], prioritas: Sequence[str]) -> list[Kandidat]:
    """The priority indicators labelled Kurang or Sedang, most pressing first."""
    calon = [
        (kunci_urut(c, i), Kandidat(kode, c))
        for i, kode in enumerate(prioritas)
        if (c := capaian.get(kode)) is not None and c.label in MASALAH
    ]
    return [k for _, k in sorted(calon, key=lambda x: x[0])]


def _sub_terlemah(kode: str, capaian: Mapping[str, Capaian]) -> list[tuple[str, Capaian]]:
    anak = [
        (k, c)
        for k, c in capaian.items()
        if k.startswith(kode + ".")
        and k.count(".") == kode.count(".") + 1
        and c.nilai is not None
        and not k.endswith(".skor")
    ]
    return sorted(anak, key=lambda x: x[1].nilai or 0.0)[:BATAS_SUB_SENDIRI]


def refleksi(
    kode: str, capaian: Mapping[str, Capaian], peta: PetaAkar, katalog: Katalog, jenjang: str
) -> list[Saran]:
    """The bot's root-cause suggestions for one priority indicator: first its own weakest
    sub-indicators (where the map says so), then the mapped D/C/E indicators with the
    sub-indicators to check, each with the school's values where the report has them."""
    hasil: list[Saran] = []
    if kode in peta.sendiri:
        for k, c in _sub_terlemah(kode, capaian):
            hasil.append(Saran(k, c, ()))
    for s in peta.saran.get(kode, ()):
        if katalog.cari(s.kode, jenjang) is None:
            continue  # an SMK-only indicator for a non-SMK school
        hasil.append(Saran(s.kode, capaian.get(s.kode), tuple((x, capaian.get(x)) for x in s.sub)))
    return hasil
