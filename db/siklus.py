"""SPMI cycles: one open cycle per school, in one stage at a time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
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


async def ambil(conn: AsyncConnection, siklus_id: int) -> Row | None:
    """One cycle."""
    hasil = await conn.execute(select(siklus).where(siklus.c.id == siklus_id))
    return hasil.first()


async def buka_pemetaan(
    conn: AsyncConnection, siklus_id: int, instrumen_versi: str, waktu: datetime
) -> bool:
    """Send stage 1 out with this instrument version; False when it was already open."""
    hasil = await conn.execute(
        update(siklus)
        .where(siklus.c.id == siklus_id, siklus.c.pemetaan_dibuka_pada.is_(None))
        .values(instrumen_versi=instrumen_versi, pemetaan_dibuka_pada=waktu)
    )
    return hasil.rowcount == 1


async def pindah_tahap(conn: AsyncConnection, siklus_id: int, dari: int, ke: int) -> bool:
    """Move the cycle forward one explicit step; False when it was not at `dari` any more."""
    hasil = await conn.execute(
        update(siklus)
        .where(siklus.c.id == siklus_id, siklus.c.tahap == dari, siklus.c.status == "terbuka")
        .values(tahap=ke)
    )
    return hasil.rowcount == 1


async def simpan_peta(conn: AsyncConnection, siklus_id: int, peta: dict[str, object]) -> None:
    """Keep the quality map's summary as it stood when stage 1 closed."""
    await conn.execute(update(siklus).where(siklus.c.id == siklus_id).values(peta=peta))


async def catat_rapor_edisi(conn: AsyncConnection, siklus_id: int, edisi: str | None) -> None:
    """Keep the Rapor Pendidikan edition stage 1 closed on: the map reads that edition later,
    whatever the school imports afterwards."""
    await conn.execute(update(siklus).where(siklus.c.id == siklus_id).values(rapor_edisi=edisi))


async def tetapkan_instrumen(conn: AsyncConnection, siklus_id: int, instrumen_versi: str) -> None:
    """Fix the cycle's instrument version when stage 1 closes without the questionnaire (on
    Rapor Pendidikan alone): later stages read the 8-standard frame from it. A version fixed
    before is kept."""
    await conn.execute(
        update(siklus)
        .where(siklus.c.id == siklus_id, siklus.c.instrumen_versi.is_(None))
        .values(instrumen_versi=instrumen_versi)
    )
