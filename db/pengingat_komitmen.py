"""What the commitment reminders read of the outbox: the ones a postponement overtakes, and
how many overdue reminders went out since the last report (the escalation ladder)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import laporan, pengingat


async def menunggu_sebelum(conn: AsyncConnection, rujukan: str, saat: datetime) -> list[int]:
    """The ids of the waiting reminders about `rujukan` due before `saat`."""
    hasil = await conn.execute(
        select(pengingat.c.id).where(
            pengingat.c.rujukan == rujukan,
            pengingat.c.status == "direncanakan",
            pengingat.c.jatuh_tempo < saat,
        )
    )
    return [pid for (pid,) in hasil]


async def laporan_terakhir(conn: AsyncConnection, komitmen_id: int) -> datetime | None:
    """When the commitment was last reported on."""
    hasil = await conn.execute(
        select(func.max(laporan.c.dibuat_pada)).where(laporan.c.komitmen_id == komitmen_id)
    )
    return hasil.scalar()


async def terkirim_sejak(
    conn: AsyncConnection, rujukan: str, jenis: str, sejak: datetime | None
) -> int:
    """How many reminders of `jenis` about `rujukan` went out (after `sejak`, when given)."""
    syarat = [
        pengingat.c.rujukan == rujukan,
        pengingat.c.jenis == jenis,
        pengingat.c.status == "terkirim",
    ]
    if sejak is not None:
        syarat.append(pengingat.c.dikirim_pada > sejak)
    hasil = await conn.execute(select(func.count()).where(and_(*syarat)))
    return int(hasil.scalar_one())
