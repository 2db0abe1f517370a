"""Users, keyed by their Telegram id."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import case, literal, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import pengguna
from db.upsert import upsert


async def catat_kunjungan(
    conn: AsyncConnection,
    pengguna_id: int,
    nama: str,
    username: str | None,
    waktu: datetime,
    *,
    pribadi: bool = True,
) -> None:
    """Create the user on first contact, or refresh name and last activity; writing again in
    the private chat also makes a user who had blocked the bot active again (a command in a
    group says nothing about whether the private chat is open). A name the user chose with
    /nama is kept: Telegram's name replaces only the one taken from Telegram."""
    await upsert(
        conn,
        pengguna,
        {
            "id": pengguna_id,
            "nama": nama,
            "username": username,
            "aktif": True,
            "dibuat_pada": waktu,
            "terakhir_aktif": waktu,
        },
        kunci=("id",),
        perbarui=("username", "aktif", "terakhir_aktif")
        if pribadi
        else ("username", "terakhir_aktif"),
        # In the same statement: Telegram's name, unless the existing row's name was chosen.
        setel_ulang={
            "nama": case((pengguna.c.nama_dipilih.is_(True), pengguna.c.nama), else_=literal(nama))
        },
    )


async def pilih_nama(conn: AsyncConnection, pengguna_id: int, nama: str) -> None:
    """The name the user wants the bot to show (kept over Telegram's from now on)."""
    await conn.execute(
        update(pengguna).where(pengguna.c.id == pengguna_id).values(nama=nama, nama_dipilih=True)
    )


async def ambil(conn: AsyncConnection, pengguna_id: int) -> Row | None:
    """One user, or None."""
    hasil = await conn.execute(select(pengguna).where(pengguna.c.id == pengguna_id))
    return hasil.first()


async def pilih_sekolah_aktif(
    conn: AsyncConnection, pengguna_id: int, sekolah_id: int | None
) -> None:
    """Set the school the user is working in now."""
    await conn.execute(
        update(pengguna).where(pengguna.c.id == pengguna_id).values(sekolah_aktif_id=sekolah_id)
    )


async def nonaktifkan(conn: AsyncConnection, pengguna_id: int) -> bool:
    """The user blocked the bot; False when they were inactive already."""
    hasil = await conn.execute(
        update(pengguna)
        .where(pengguna.c.id == pengguna_id, pengguna.c.aktif.is_(True))
        .values(aktif=False)
    )
    return hasil.rowcount == 1


async def nama(conn: AsyncConnection, ids: list[int]) -> dict[int, str]:
    """Names of several users at once."""
    if not ids:
        return {}
    hasil = await conn.execute(select(pengguna.c.id, pengguna.c.nama).where(pengguna.c.id.in_(ids)))
    return {uid: n for uid, n in hasil}


# --- leave (cuti): non-urgent reminders wait until it is over ----------------------------------


async def cuti_sampai(conn: AsyncConnection, pengguna_id: int) -> date | None:
    """The last day of the user's leave, if they set one."""
    hasil = await conn.execute(select(pengguna.c.cuti_sampai).where(pengguna.c.id == pengguna_id))
    return hasil.scalar()


async def cuti_banyak(conn: AsyncConnection, ids: list[int]) -> dict[int, date | None]:
    """The last day of leave of each of these users (None: no leave)."""
    hasil = await conn.execute(
        select(pengguna.c.id, pengguna.c.cuti_sampai).where(pengguna.c.id.in_(ids))
    )
    return {uid: sampai for uid, sampai in hasil}


async def atur_cuti(conn: AsyncConnection, pengguna_id: int, sampai: date | None) -> None:
    """Set (or, with None, end) the user's leave."""
    await conn.execute(
        update(pengguna).where(pengguna.c.id == pengguna_id).values(cuti_sampai=sampai)
    )
