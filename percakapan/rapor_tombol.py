"""The buttons of /rapor, typed (bot/tombol.py). Each carries what it acts on; the draft
"rapor" says which step is current, so a button of another step is stale."""

from __future__ import annotations

from dataclasses import dataclass

from bot.tombol import Tombol


@dataclass(frozen=True)
class Ketik(Tombol, awalan="rpr:k"):
    """Type the priority indicators instead of uploading."""


@dataclass(frozen=True)
class Edisi(Tombol, awalan="rpr:ke"):
    """The edition being typed (this year's or last year's)."""

    tahun: int


@dataclass(frozen=True)
class Label(Tombol, awalan="rpr:kl"):
    """The label of the indicator being typed."""

    kode: str
    label: str  # a value of bot.mutu.rapor.Label


@dataclass(frozen=True)
class Arah(Tombol, awalan="rpr:ka"):
    """The change from last year of the indicator being typed; None: skipped."""

    kode: str
    arah: str | None = None  # a value of bot.mutu.rapor.Arah


@dataclass(frozen=True)
class Peringkat(Tombol, awalan="rpr:kp"):
    """The national rank group (1 top .. 5 bottom) of the indicator being typed; None:
    skipped."""

    kode: str
    kelompok: int | None = None


@dataclass(frozen=True)
class Simpan(Tombol, awalan="rpr:y"):
    """Save what was read or typed."""


@dataclass(frozen=True)
class SimpanSekolahLain(Tombol, awalan="rpr:yb"):
    """Save another school's file for one's own school, confirmed."""


@dataclass(frozen=True)
class Batal(Tombol, awalan="rpr:n"):
    """Drop what was read or typed."""


@dataclass(frozen=True)
class Koreksi(Tombol, awalan="rpr:c"):
    """Choose an indicator of the latest import to correct."""


@dataclass(frozen=True)
class KoreksiPilih(Tombol, awalan="rpr:ck"):
    """The indicator to correct."""

    kode: str


@dataclass(frozen=True)
class KoreksiLabel(Tombol, awalan="rpr:cl"):
    """Its right label."""

    kode: str
    label: str
