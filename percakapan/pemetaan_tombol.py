"""The buttons of /pemetaan, typed (bot/tombol.py). The respondent's kinds keep the data of
the buttons sent before (`pm:mulai`, `pm:j:<kode>:<masukan>`, `pm:u:<kode>`), so invitations
and returned answers already in chats still work; bot/layanan/pemetaan.py writes those two
into the outbox in the same form."""

from __future__ import annotations

from dataclasses import dataclass

from bot.tombol import Tombol

# --- the respondent ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Mulai(Tombol, awalan="pm:mulai"):
    """Start (or resume) one's questionnaire."""


@dataclass(frozen=True)
class Jawab(Tombol, awalan="pm:j"):
    """A choice for the question `kode`: "ya"/"tidak" or the index of a label."""

    kode: str
    masukan: str


@dataclass(frozen=True)
class BukaPertanyaan(Tombol, awalan="pm:u"):
    """Put one question in front of the respondent again."""

    kode: str


@dataclass(frozen=True)
class Standar(Tombol, awalan="pm:s"):
    """One's answers of one standard."""

    kode: str


# --- the kepala sekolah and koordinator -------------------------------------------------------


@dataclass(frozen=True)
class Buka(Tombol, awalan="pmk:buka"):
    """Send the school's own evaluation out."""


@dataclass(frozen=True)
class Ingatkan(Tombol, awalan="pmk:ingat"):
    """Nudge who has not started."""


@dataclass(frozen=True)
class DaftarResponden(Tombol, awalan="pmk:d"):
    """Every respondent's progress, one page."""

    halaman: int


@dataclass(frozen=True)
class PilihResponden(Tombol, awalan="pmk:kr"):
    """Whose answer to send back; with a page, that page in place."""

    halaman: int | None = None


@dataclass(frozen=True)
class JawabanResponden(Tombol, awalan="pmk:ja"):
    """A respondent's answers: first the standards, then (with `standar`) its questions."""

    pengguna_id: int
    standar: str | None = None


@dataclass(frozen=True)
class Kembalikan(Tombol, awalan="pmk:kj"):
    """Send this answer back with a comment."""

    pengguna_id: int
    kode: str


@dataclass(frozen=True)
class KonfirmasiTutup(Tombol, awalan="pmk:tutup"):
    """Ask before closing stage 1."""


@dataclass(frozen=True)
class Tutup(Tombol, awalan="pmk:tutup_ya"):
    """Close stage 1 (on Rapor Pendidikan, the school's own evaluation, or both)."""


@dataclass(frozen=True)
class Panel(Tombol, awalan="pmk:panel"):
    """Back to the stage-1 panel."""
