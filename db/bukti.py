"""Evidence files: a Telegram file id plus a local copy with its sha256."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import bukti


async def simpan(
    conn: AsyncConnection,
    *,
    sekolah_id: int,
    siklus_id: int,
    pengguna_id: int,
    sumber: str,
    file_id: str,
    file_unique_id: str,
    nama_file: str | None,
    mime: str,
    ukuran: int,
    sha256: str,
    path: str,
    waktu: datetime,
) -> int:
    """Record one evidence file and return its id."""
    hasil = await conn.execute(
        insert(bukti)
        .values(
            sekolah_id=sekolah_id,
            siklus_id=siklus_id,
            pengguna_id=pengguna_id,
            sumber=sumber,
            file_id=file_id,
            file_unique_id=file_unique_id,
            nama_file=nama_file,
            mime=mime,
            ukuran=ukuran,
            sha256=sha256,
            path=path,
            dibuat_pada=waktu,
        )
        .returning(bukti.c.id)
    )
    return int(hasil.scalar_one())


async def ambil(conn: AsyncConnection, bukti_id: int) -> Row | None:
    """One evidence record."""
    hasil = await conn.execute(select(bukti).where(bukti.c.id == bukti_id))
    return hasil.first()


async def siklus_semua(conn: AsyncConnection, siklus_id: int) -> list[Row]:
    """Every evidence record of a cycle, oldest first."""
    hasil = await conn.execute(
        select(bukti).where(bukti.c.siklus_id == siklus_id).order_by(bukti.c.id)
    )
    return list(hasil)
