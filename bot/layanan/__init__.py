"""Use-cases over `db/`: what the conversations call. No Telegram types here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.config import Settings
from bot.render import Render
from db.jenis import AsyncEngine


def _sekarang() -> datetime:
    return datetime.now(UTC)


@dataclass
class Layanan:
    """What every use-case needs: the database, settings, templates and a clock."""

    mesin: AsyncEngine
    settings: Settings
    render: Render = field(default_factory=Render)
    jam: Callable[[], datetime] = _sekarang
    # Recently resolved actors (see bot.layanan.aktor.kenali), by Telegram user id.
    aktor_terbaru: dict[int, Any] = field(default_factory=dict)
    # Counts forgotten actors: an actor read from the database while someone was forgotten
    # may predate that change (a removal committed mid-read), so it is not kept.
    generasi_aktor: int = 0
    # School summaries built for the weekly messages, by school: the kepala_sekolah, the
    # koordinator and the group of one school get the same one (see bot.layanan.ringkasan).
    ringkasan_terbaru: dict[int, Any] = field(default_factory=dict)

    def sekarang(self) -> datetime:
        """Now, in UTC (tests move this clock)."""
        return self.jam()

    def lupakan_aktor(self, pengguna_id: int) -> None:
        """A user's memberships, role or active school changed: resolve them afresh."""
        self.aktor_terbaru.pop(pengguna_id, None)
        self.generasi_aktor += 1


class Ditolak(Exception):
    """A use-case refused an action; `alasan` names a message template key."""

    def __init__(self, alasan: str, **rincian: object) -> None:
        super().__init__(alasan)
        self.alasan = alasan
        self.rincian = rincian
