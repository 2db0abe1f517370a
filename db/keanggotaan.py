"""Who belongs to which school, in which role."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import keanggotaan, pengguna, sekolah
from db.upsert import upsert


async def tambah(
    conn: AsyncConnection, *, pengguna_id: int, sekolah_id: int, peran: str, waktu: datetime
) -> None:
    """Make the user an active member in this role (a former member comes back)."""
    await upsert(
        conn,
        keanggotaan,
        {
            "pengguna_id": pengguna_id,
            "sekolah_id": sekolah_id,
            "peran": peran,
            "aktif": True,
            "dibuat_pada": waktu,
            "keluar_pada": None,
            "dikeluarkan": False,
        },
        kunci=("pengguna_id", "sekolah_id"),
        perbarui=("peran", "aktif", "dibuat_pada", "keluar_pada", "dikeluarkan"),
    )


async def sekolah_pengguna(conn: AsyncConnection, pengguna_id: int) -> list[Row]:
    """The user's active memberships with the school's name, oldest first."""
    hasil = await conn.execute(
        select(
            keanggotaan.c.id,
            keanggotaan.c.sekolah_id,
            keanggotaan.c.peran,
            sekolah.c.nama.label("sekolah_nama"),
            sekolah.c.npsn,
        )
        .join(sekolah, sekolah.c.id == keanggotaan.c.sekolah_id)
        .where(keanggotaan.c.pengguna_id == pengguna_id, keanggotaan.c.aktif.is_(True))
        .order_by(keanggotaan.c.id)
    )
    return list(hasil)


async def peran_di(conn: AsyncConnection, pengguna_id: int, sekolah_id: int) -> str | None:
    """The user's role in that school, or None when not an active member."""
    hasil = await conn.execute(
        select(keanggotaan.c.peran).where(
            keanggotaan.c.pengguna_id == pengguna_id,
            keanggotaan.c.sekolah_id == sekolah_id,
            keanggotaan.c.aktif.is_(True),
        )
    )
    return hasil.scalar_one_or_none()


async def anggota_sekolah(conn: AsyncConnection, sekolah_id: int) -> list[Row]:
    """Active members of a school with their names, by role then name."""
    hasil = await conn.execute(
        select(
            keanggotaan.c.id,
            keanggotaan.c.pengguna_id,
            keanggotaan.c.peran,
            pengguna.c.nama,
            pengguna.c.username,
        )
        .join(pengguna, pengguna.c.id == keanggotaan.c.pengguna_id)
        .where(keanggotaan.c.sekolah_id == sekolah_id, keanggotaan.c.aktif.is_(True))
        .order_by(keanggotaan.c.peran, pengguna.c.nama)
    )
    return list(hasil)


async def ambil(conn: AsyncConnection, keanggotaan_id: int) -> Row | None:
    """One membership with the member's name, or None."""
    hasil = await conn.execute(
        select(keanggotaan, pengguna.c.nama)
        .join(pengguna, pengguna.c.id == keanggotaan.c.pengguna_id)
        .where(keanggotaan.c.id == keanggotaan_id)
    )
    return hasil.first()


async def jumlah_peran(conn: AsyncConnection, sekolah_id: int, peran: str) -> int:
    """How many active members of the school hold the role."""
    hasil = await conn.execute(
        select(func.count()).where(
            and_(
                keanggotaan.c.sekolah_id == sekolah_id,
                keanggotaan.c.peran == peran,
                keanggotaan.c.aktif.is_(True),
            )
        )
    )
    return int(hasil.scalar_one())


async def ubah_peran(conn: AsyncConnection, keanggotaan_id: int, peran: str) -> None:
    """Give an active member another role."""
    await conn.execute(
        update(keanggotaan)
        .where(keanggotaan.c.id == keanggotaan_id, keanggotaan.c.aktif.is_(True))
        .values(peran=peran)
    )


async def keluarkan(conn: AsyncConnection, keanggotaan_id: int, waktu: datetime) -> bool:
    """End an active membership and keep the person out until re-admitted; the row stays so
    the history keeps its names. False when it had already ended (a doubled press)."""
    hasil = await conn.execute(
        update(keanggotaan)
        .where(keanggotaan.c.id == keanggotaan_id, keanggotaan.c.aktif.is_(True))
        .values(aktif=False, keluar_pada=waktu, dikeluarkan=True)
    )
    return hasil.rowcount == 1


async def di_sekolah(conn: AsyncConnection, pengguna_id: int, sekolah_id: int) -> Row | None:
    """The user's membership row in that school, whatever its state, or None."""
    hasil = await conn.execute(
        select(keanggotaan).where(
            keanggotaan.c.pengguna_id == pengguna_id, keanggotaan.c.sekolah_id == sekolah_id
        )
    )
    return hasil.first()


async def izinkan_kembali(conn: AsyncConnection, keanggotaan_id: int) -> bool:
    """Let a removed member join again with a valid code; False when they were not held out
    (already re-admitted, or back in the school)."""
    hasil = await conn.execute(
        update(keanggotaan)
        .where(
            keanggotaan.c.id == keanggotaan_id,
            keanggotaan.c.aktif.is_(False),
            keanggotaan.c.dikeluarkan.is_(True),
        )
        .values(dikeluarkan=False)
    )
    return hasil.rowcount == 1


async def pemegang_peran(conn: AsyncConnection, sekolah_id: int, peran: str) -> list[int]:
    """The user ids of the school's active members in the role, oldest membership first."""
    hasil = await conn.execute(
        select(keanggotaan.c.pengguna_id)
        .where(
            keanggotaan.c.sekolah_id == sekolah_id,
            keanggotaan.c.peran == peran,
            keanggotaan.c.aktif.is_(True),
        )
        .order_by(keanggotaan.c.id)
    )
    return list(hasil.scalars())
