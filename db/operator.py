"""What the operator's command line reads and changes about a school (bot/operator.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import grup_sekolah, keanggotaan, pengingat, sekolah, siklus


async def sekolah_npsn(conn: AsyncConnection, npsn: str) -> Row | None:
    """One school by its NPSN, or None."""
    return (await conn.execute(select(sekolah).where(sekolah.c.npsn == npsn))).first()


async def jumlah_per_peran(conn: AsyncConnection, sekolah_id: int) -> dict[str, int]:
    """Active members of the school by role."""
    hasil = await conn.execute(
        select(keanggotaan.c.peran, func.count())
        .where(keanggotaan.c.sekolah_id == sekolah_id, keanggotaan.c.aktif.is_(True))
        .group_by(keanggotaan.c.peran)
    )
    return {peran: int(n) for peran, n in hasil}


async def kepala(conn: AsyncConnection, sekolah_id: int) -> list[int]:
    """Telegram ids of the school's active kepala sekolah."""
    hasil = await conn.execute(
        select(keanggotaan.c.pengguna_id).where(
            keanggotaan.c.sekolah_id == sekolah_id,
            keanggotaan.c.peran == "kepala_sekolah",
            keanggotaan.c.aktif.is_(True),
        )
    )
    return [i for (i,) in hasil]


async def siklus_terakhir(conn: AsyncConnection, sekolah_id: int) -> Row | None:
    """The school's newest cycle: year, stage and status."""
    hasil = await conn.execute(
        select(siklus.c.tahun_ajaran, siklus.c.tahap, siklus.c.status)
        .where(siklus.c.sekolah_id == sekolah_id)
        .order_by(siklus.c.id.desc())
        .limit(1)
    )
    return hasil.first()


async def keluarkan_kepala(conn: AsyncConnection, sekolah_id: int, waktu: datetime) -> None:
    """Every active kepala sekolah of the school leaves it."""
    await conn.execute(
        update(keanggotaan)
        .where(
            keanggotaan.c.sekolah_id == sekolah_id,
            keanggotaan.c.peran == "kepala_sekolah",
            keanggotaan.c.aktif.is_(True),
        )
        .values(aktif=False, keluar_pada=waktu)
    )


async def nonaktifkan(conn: AsyncConnection, sekolah_id: int, waktu: datetime) -> list[int]:
    """Every member leaves, the group link goes and planned reminders are cancelled; the
    school's records stay. Returns the ids of the members who left."""
    hasil = await conn.execute(
        select(keanggotaan.c.pengguna_id).where(
            keanggotaan.c.sekolah_id == sekolah_id, keanggotaan.c.aktif.is_(True)
        )
    )
    ids = [i for (i,) in hasil]
    await conn.execute(
        update(keanggotaan)
        .where(keanggotaan.c.sekolah_id == sekolah_id, keanggotaan.c.aktif.is_(True))
        .values(aktif=False, keluar_pada=waktu)
    )
    await conn.execute(
        update(pengingat)
        .where(pengingat.c.sekolah_id == sekolah_id, pengingat.c.status == "direncanakan")
        .values(status="batal")
    )
    await conn.execute(grup_sekolah.delete().where(grup_sekolah.c.sekolah_id == sekolah_id))
    return ids
