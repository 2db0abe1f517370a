"""INSERT ... ON CONFLICT DO UPDATE / DO NOTHING for the dialect at hand (SQLite now,
PostgreSQL later)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection


async def upsert(
    conn: AsyncConnection,
    tabel: Table,
    nilai: dict[str, Any],
    kunci: Sequence[str],
    perbarui: Sequence[str],
    syarat: Any = None,
    setel_ulang: dict[str, Any] | None = None,
) -> None:
    """Insert the row, or update the `perbarui` columns (and set `setel_ulang`) of the row
    with the same `kunci`, only where `syarat` holds for the existing row."""
    modul = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = modul.insert(tabel).values(**nilai)
    await conn.execute(
        stmt.on_conflict_do_update(
            index_elements=[tabel.c[k] for k in kunci],
            set_={**{k: stmt.excluded[k] for k in perbarui}, **(setel_ulang or {})},
            where=syarat,
        )
    )


async def sisipkan_sekali(
    conn: AsyncConnection, tabel: Table, nilai: dict[str, Any], kunci: Sequence[str]
) -> None:
    """Insert the row unless a row with the same `kunci` exists (then nothing changes)."""
    modul = postgresql if conn.dialect.name == "postgresql" else sqlite
    await conn.execute(
        modul.insert(tabel)
        .values(**nilai)
        .on_conflict_do_nothing(index_elements=[tabel.c[k] for k in kunci])
    )
