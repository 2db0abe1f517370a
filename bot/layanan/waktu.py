"""Dates at the school: 'today' is the school's today, in its own time zone."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from bot.layanan import Layanan
from db import sekolah as db_sekolah


async def zona_sekolah(lay: Layanan, sekolah_id: int) -> str:
    """The school's IANA zone (the deployment default when unknown)."""
    async with lay.mesin.connect() as conn:
        data = await db_sekolah.ambil(conn, sekolah_id)
    return data.zona_waktu if data else lay.settings.default_timezone


async def hari_ini(lay: Layanan, sekolah_id: int) -> date:
    """Today's date at the school."""
    return lay.sekarang().astimezone(ZoneInfo(await zona_sekolah(lay, sekolah_id))).date()
