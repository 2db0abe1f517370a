"""Instrument versions, each kept whole as the cycles that used it saw it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import instrumen


async def ambil(conn: AsyncConnection, versi: str) -> Row | None:
    """The stored instrument of that version, or None."""
    hasil = await conn.execute(select(instrumen).where(instrumen.c.versi == versi))
    return hasil.first()


async def daftarkan(
    conn: AsyncConnection, versi: str, isi: str, sha256: str, waktu: datetime
) -> None:
    """Store a version seen for the first time."""
    await conn.execute(
        insert(instrumen).values(versi=versi, isi=isi, sha256=sha256, didaftarkan_pada=waktu)
    )
