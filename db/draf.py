"""Half-finished multi-step input, kept per user and kind until it is saved or cancelled."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import draf
from db.upsert import upsert


async def ambil(conn: AsyncConnection, pengguna_id: int, jenis: str) -> dict[str, Any] | None:
    """The draft of this kind, or None."""
    hasil = await conn.execute(
        select(draf.c.isi).where(draf.c.pengguna_id == pengguna_id, draf.c.jenis == jenis)
    )
    return hasil.scalar_one_or_none()


async def simpan(
    conn: AsyncConnection, pengguna_id: int, jenis: str, isi: dict[str, Any], waktu: datetime
) -> None:
    """Create or replace the draft."""
    await upsert(
        conn,
        draf,
        {"pengguna_id": pengguna_id, "jenis": jenis, "isi": isi, "diperbarui_pada": waktu},
        kunci=("pengguna_id", "jenis"),
        perbarui=("isi", "diperbarui_pada"),
    )


async def hapus(conn: AsyncConnection, pengguna_id: int, jenis: str | None = None) -> int:
    """Throw a draft away (all of the user's drafts when no kind is given)."""
    stmt = delete(draf).where(draf.c.pengguna_id == pengguna_id)
    if jenis is not None:
        stmt = stmt.where(draf.c.jenis == jenis)
    return (await conn.execute(stmt)).rowcount
