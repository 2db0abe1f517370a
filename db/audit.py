"""The audit trail: who changed what, and when."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import audit


async def catat(
    conn: AsyncConnection,
    *,
    waktu: datetime,
    aksi: str,
    pengguna_id: int | None,
    sekolah_id: int | None,
    objek: str | None = None,
    objek_id: object = None,
    rincian: dict[str, Any] | None = None,
) -> None:
    """Record one change, in the caller's transaction so it lands with the change itself."""
    await conn.execute(
        insert(audit).values(
            waktu=waktu,
            aksi=aksi,
            pengguna_id=pengguna_id,
            sekolah_id=sekolah_id,
            objek=objek,
            objek_id=None if objek_id is None else str(objek_id),
            rincian=rincian,
        )
    )


async def ada(conn: AsyncConnection, aksi: str, objek_id: str) -> bool:
    """Whether an action on this object was recorded already (an idempotency check)."""
    hasil = await conn.execute(
        select(audit.c.id).where(audit.c.aksi == aksi, audit.c.objek_id == objek_id).limit(1)
    )
    return hasil.first() is not None
