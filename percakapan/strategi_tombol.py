"""The buttons of /strategi, typed (bot/tombol.py)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.mutu.rapor import Label
from bot.tombol import Tombol


@dataclass(frozen=True)
class Buka(Tombol, awalan="stg:buka"):
    """Open stage 5; `tetap` ("ya") once the managers confirmed despite unevaluated programs."""

    tetap: str | None = None


@dataclass(frozen=True)
class Panel(Tombol, awalan="stg:panel"):
    pass


@dataclass(frozen=True)
class Bawaan(Tombol, awalan="stg:bw"):
    """The carry-over candidates; with a page, that page in place of the list."""

    halaman: int | None = None


@dataclass(frozen=True)
class PilihBawaan(Tombol, awalan="stg:bwp"):
    """Carry an activity over or not; the page keeps the list where it was."""

    kunci: str
    dibawa: bool
    halaman: int


@dataclass(frozen=True)
class Target(Tombol, awalan="stg:tg"):
    pass


@dataclass(frozen=True)
class TargetStandar(Tombol, awalan="stg:ts"):
    kode: str


@dataclass(frozen=True)
class NilaiTarget(Tombol, awalan="stg:tv"):
    kode: str
    nilai: str  # as offered ("5.5"); the use-case checks it


@dataclass(frozen=True)
class Tutup(Tombol, awalan="stg:tutup"):
    """Close the cycle: first press asks; the confirmation ("ya") carries the cycle."""

    ya: str | None = None
    siklus_id: int | None = None


@dataclass(frozen=True)
class TargetRapor(Tombol, awalan="stg:tr"):
    """Ask for one Rapor Pendidikan indicator's next target label."""

    kode: str


@dataclass(frozen=True)
class LabelTargetRapor(Tombol, awalan="stg:tl"):
    """An indicator's next target label; the cycle it was offered in (the use-case checks the
    cycle, the indicator and that the label is not below the school's own)."""

    siklus_id: int
    kode: str
    label: Label
