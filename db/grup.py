"""A school's linked Telegram group."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import grup_sekolah


async def hubungkan(
    conn: AsyncConnection, *, sekolah_id: int, chat_id: int, judul: str, oleh: int, waktu: datetime
) -> int | None:
    """Link the group to the school (one group per school, one school per group); returns the
    chat id of the group linked before, when another one is replaced."""
    lama = await untuk_sekolah(conn, sekolah_id)
    await conn.execute(delete(grup_sekolah).where(grup_sekolah.c.chat_id == chat_id))
    await conn.execute(delete(grup_sekolah).where(grup_sekolah.c.sekolah_id == sekolah_id))
    await conn.execute(
        grup_sekolah.insert().values(
            sekolah_id=sekolah_id,
            chat_id=chat_id,
            judul=judul,
            dihubungkan_oleh=oleh,
            dihubungkan_pada=waktu,
        )
    )
    return lama.chat_id if lama is not None and lama.chat_id != chat_id else None


async def untuk_sekolah(conn: AsyncConnection, sekolah_id: int) -> Row | None:
    """The school's linked group, or None."""
    hasil = await conn.execute(select(grup_sekolah).where(grup_sekolah.c.sekolah_id == sekolah_id))
    return hasil.first()


async def untuk_chat(conn: AsyncConnection, chat_id: int) -> Row | None:
    """The link of a group chat, or None."""
    hasil = await conn.execute(select(grup_sekolah).where(grup_sekolah.c.chat_id == chat_id))
    return hasil.first()


async def putuskan(conn: AsyncConnection, chat_id: int) -> int | None:
    """Unlink the group; returns the school it served, or None when it was not linked."""
    hasil = await conn.execute(
        delete(grup_sekolah)
        .where(grup_sekolah.c.chat_id == chat_id)
        .returning(grup_sekolah.c.sekolah_id)
    )
    return hasil.scalar_one_or_none()


async def semua(conn: AsyncConnection) -> list[Row]:
    """Every linked group."""
    return list(await conn.execute(select(grup_sekolah)))


async def pindah(conn: AsyncConnection, lama: int, baru: int) -> bool:
    """A linked group became a supergroup with a new chat id; False when it was not linked."""
    hasil = await conn.execute(
        update(grup_sekolah).where(grup_sekolah.c.chat_id == lama).values(chat_id=baru)
    )
    return hasil.rowcount == 1
