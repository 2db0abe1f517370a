"""Schools."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import sekolah


async def npsn_terdaftar(conn: AsyncConnection, npsn: str) -> bool:
    """Whether a school with this NPSN is registered already."""
    hasil = await conn.execute(select(sekolah.c.id).where(sekolah.c.npsn == npsn))
    return hasil.first() is not None


async def buat(
    conn: AsyncConnection,
    *,
    npsn: str,
    nama: str,
    jenjang: str,
    kabupaten: str,
    provinsi: str,
    zona_waktu: str,
    waktu: datetime,
) -> int:
    """Insert a school and return its id."""
    hasil = await conn.execute(
        insert(sekolah)
        .values(
            npsn=npsn,
            nama=nama,
            jenjang=jenjang,
            kabupaten=kabupaten,
            provinsi=provinsi,
            zona_waktu=zona_waktu,
            dibuat_pada=waktu,
        )
        .returning(sekolah.c.id)
    )
    return int(hasil.scalar_one())


async def ambil(conn: AsyncConnection, sekolah_id: int) -> Row | None:
    """One school, or None."""
    hasil = await conn.execute(select(sekolah).where(sekolah.c.id == sekolah_id))
    return hasil.first()


async def kunci_keanggotaan(conn: AsyncConnection, sekolah_id: int) -> None:
    """Hold the school's row until the transaction ends, so changes to its members are made
    one after another (on PostgreSQL a row lock; SQLite's one writer already serialises). The
    lock is FOR NO KEY UPDATE, so rows that merely refer to the school are not held up."""
    await conn.execute(
        select(sekolah.c.id).where(sekolah.c.id == sekolah_id).with_for_update(key_share=True)
    )
