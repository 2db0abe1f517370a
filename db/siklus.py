"""SPMI cycles: one open cycle per school, in one stage at a time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import siklus


async def buka(
    conn: AsyncConnection, *, sekolah_id: int, tahun_ajaran: str, waktu: datetime, tahap: int = 1
) -> int:
    """Open a cycle; the database refuses a second open cycle for the school."""
    hasil = await conn.execute(
        insert(siklus)
        .values(sekolah_id=sekolah_id, tahun_ajaran=tahun_ajaran, tahap=tahap, dibuka_pada=waktu)
        .returning(siklus.c.id)
    )
    return int(hasil.scalar_one())


async def terbuka(conn: AsyncConnection, sekolah_id: int) -> Row | None:
    """The school's open cycle, or None."""
    hasil = await conn.execute(
        select(siklus).where(siklus.c.sekolah_id == sekolah_id, siklus.c.status == "terbuka")
    )
    return hasil.first()
