"""Storage behind the bot's conversation persistence: one row per (handler, chat/user key)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import status_percakapan
from db.upsert import upsert


async def semua(conn: AsyncConnection, nama: str) -> dict[str, str]:
    """Every stored state of one conversation handler: JSON key -> JSON state."""
    hasil = await conn.execute(
        select(status_percakapan.c.kunci, status_percakapan.c.status).where(
            status_percakapan.c.nama == nama
        )
    )
    return {kunci: status for kunci, status in hasil}


async def simpan(
    conn: AsyncConnection, nama: str, kunci: str, status: str | None, waktu: datetime
) -> None:
    """Store one state; None (the conversation ended) deletes the row."""
    if status is None:
        await conn.execute(
            delete(status_percakapan).where(
                status_percakapan.c.nama == nama, status_percakapan.c.kunci == kunci
            )
        )
        return
    await upsert(
        conn,
        status_percakapan,
        {"nama": nama, "kunci": kunci, "status": status, "diperbarui_pada": waktu},
        kunci=("nama", "kunci"),
        perbarui=("status", "diperbarui_pada"),
    )
