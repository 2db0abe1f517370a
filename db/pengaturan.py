"""A school's sending settings: its row's hours and days, and its holidays (libur)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import libur, sekolah


async def sekolah_banyak(conn: AsyncConnection, sekolah_ids: Sequence[int]) -> list[Row]:
    """The rows of these schools (those not found are absent)."""
    return list(await conn.execute(select(sekolah).where(sekolah.c.id.in_(sekolah_ids))))


async def rentang_libur(
    conn: AsyncConnection, sekolah_ids: Sequence[int]
) -> dict[int, list[tuple[date, date]]]:
    """The holiday ranges (inclusive) of these schools, by school."""
    rentang: dict[int, list[tuple[date, date]]] = {}
    for sid, mulai, selesai in await conn.execute(
        select(libur.c.sekolah_id, libur.c.mulai, libur.c.selesai).where(
            libur.c.sekolah_id.in_(sekolah_ids)
        )
    ):
        rentang.setdefault(sid, []).append((mulai, selesai))
    return rentang


async def libur_sekolah(conn: AsyncConnection, sekolah_id: int) -> list[Row]:
    """A school's holidays, earliest first."""
    hasil = await conn.execute(
        select(libur).where(libur.c.sekolah_id == sekolah_id).order_by(libur.c.mulai)
    )
    return list(hasil)


async def ubah_sekolah(conn: AsyncConnection, sekolah_id: int, nilai: dict[str, object]) -> None:
    """Change these columns of a school's row."""
    await conn.execute(update(sekolah).where(sekolah.c.id == sekolah_id).values(**nilai))


async def tambah_libur(
    conn: AsyncConnection, sekolah_id: int, mulai: date, selesai: date, keterangan: str
) -> None:
    """Add a holiday range to a school."""
    await conn.execute(
        insert(libur).values(
            sekolah_id=sekolah_id, mulai=mulai, selesai=selesai, keterangan=keterangan
        )
    )


async def hapus_libur(conn: AsyncConnection, sekolah_id: int, libur_id: int) -> bool:
    """Remove a holiday of this school; False when there is no such one (any more)."""
    hasil = await conn.execute(
        delete(libur).where(libur.c.id == libur_id, libur.c.sekolah_id == sekolah_id)
    )
    return hasil.rowcount == 1
