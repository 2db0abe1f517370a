"""Invite codes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import undangan


async def buat(
    conn: AsyncConnection,
    *,
    kode: str,
    sekolah_id: int,
    peran: str,
    dibuat_oleh: int,
    waktu: datetime,
    kedaluwarsa_pada: datetime,
    maks_pakai: int,
    kunci_idem: str | None = None,
) -> int:
    """Insert an invite and return its id."""
    hasil = await conn.execute(
        insert(undangan)
        .values(
            kode=kode,
            sekolah_id=sekolah_id,
            peran=peran,
            dibuat_oleh=dibuat_oleh,
            dibuat_pada=waktu,
            kedaluwarsa_pada=kedaluwarsa_pada,
            maks_pakai=maks_pakai,
            kunci_idem=kunci_idem,
        )
        .returning(undangan.c.id)
    )
    return int(hasil.scalar_one())


async def cari(conn: AsyncConnection, kode: str) -> Row | None:
    """The invite with this code, whatever its state."""
    hasil = await conn.execute(select(undangan).where(undangan.c.kode == kode))
    return hasil.first()


async def dari_kunci_idem(conn: AsyncConnection, kunci_idem: str) -> Row | None:
    """The invite a button press already created, or None."""
    hasil = await conn.execute(select(undangan).where(undangan.c.kunci_idem == kunci_idem))
    return hasil.first()


async def ambil(conn: AsyncConnection, undangan_id: int) -> Row | None:
    """The invite with this id."""
    hasil = await conn.execute(select(undangan).where(undangan.c.id == undangan_id))
    return hasil.first()


async def pakai(conn: AsyncConnection, undangan_id: int, waktu: datetime) -> bool:
    """Count one use, atomically; False when it is revoked, expired or used up meanwhile."""
    hasil = await conn.execute(
        update(undangan)
        .where(
            undangan.c.id == undangan_id,
            undangan.c.dicabut_pada.is_(None),
            undangan.c.kedaluwarsa_pada > waktu,
            undangan.c.dipakai < undangan.c.maks_pakai,
        )
        .values(dipakai=undangan.c.dipakai + 1)
    )
    return hasil.rowcount == 1


async def cabut(conn: AsyncConnection, undangan_id: int, sekolah_id: int, waktu: datetime) -> bool:
    """Revoke an invite of this school; False when it was not open."""
    hasil = await conn.execute(
        update(undangan)
        .where(
            undangan.c.id == undangan_id,
            undangan.c.sekolah_id == sekolah_id,
            undangan.c.dicabut_pada.is_(None),
        )
        .values(dicabut_pada=waktu)
    )
    return hasil.rowcount == 1


async def aktif_sekolah(conn: AsyncConnection, sekolah_id: int, waktu: datetime) -> list[Row]:
    """The school's invites that can still be used, newest first."""
    hasil = await conn.execute(
        select(undangan)
        .where(
            undangan.c.sekolah_id == sekolah_id,
            undangan.c.dicabut_pada.is_(None),
            undangan.c.kedaluwarsa_pada > waktu,
            undangan.c.dipakai < undangan.c.maks_pakai,
        )
        .order_by(undangan.c.id.desc())
    )
    return list(hasil)


async def cabut_buatan(
    conn: AsyncConnection, sekolah_id: int, dibuat_oleh: int, waktu: datetime
) -> list[int]:
    """Revoke every open invite one person made for this school; the ids revoked."""
    hasil = await conn.execute(
        update(undangan)
        .where(
            undangan.c.sekolah_id == sekolah_id,
            undangan.c.dibuat_oleh == dibuat_oleh,
            undangan.c.dicabut_pada.is_(None),
        )
        .values(dicabut_pada=waktu)
        .returning(undangan.c.id)
    )
    return sorted(hasil.scalars())
