"""Stage-3 commitments and the progress reports on them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import komitmen, laporan, pengguna, siklus


async def per_kunci(conn: AsyncConnection, siklus_id: int) -> dict[str, Row]:
    """The cycle's commitments by activity key."""
    hasil = await conn.execute(select(komitmen).where(komitmen.c.siklus_id == siklus_id))
    return {b.kegiatan_kunci: b for b in hasil}


async def buat(
    conn: AsyncConnection,
    *,
    siklus_id: int,
    kegiatan_kunci: str,
    pengguna_id: int,
    indikator_kode: str,
    waktu: datetime,
) -> int:
    """A new commitment waiting for its person in charge."""
    hasil = await conn.execute(
        insert(komitmen)
        .values(
            siklus_id=siklus_id,
            kegiatan_kunci=kegiatan_kunci,
            pengguna_id=pengguna_id,
            indikator_kode=indikator_kode,
            dibuat_pada=waktu,
        )
        .returning(komitmen.c.id)
    )
    return int(hasil.scalar_one())


async def ubah(conn: AsyncConnection, komitmen_id: int, **nilai: object) -> None:
    """Change fields of one commitment."""
    await conn.execute(update(komitmen).where(komitmen.c.id == komitmen_id).values(**nilai))


async def ambil(conn: AsyncConnection, komitmen_id: int) -> Row | None:
    """One commitment."""
    hasil = await conn.execute(select(komitmen).where(komitmen.c.id == komitmen_id))
    return hasil.first()


async def jawab(
    conn: AsyncConnection, komitmen_id: int, respons: str, alasan: str | None, waktu: datetime
) -> bool:
    """Record the PIC's answer; False when they had answered already (a doubled press)."""
    hasil = await conn.execute(
        update(komitmen)
        .where(komitmen.c.id == komitmen_id, komitmen.c.respons == "menunggu")
        .values(respons=respons, alasan=alasan, direspons_pada=waktu)
    )
    return hasil.rowcount == 1


async def siklus_semua(conn: AsyncConnection, siklus_id: int) -> list[Row]:
    """Active commitments of a cycle with the PIC's name."""
    hasil = await conn.execute(
        select(komitmen, pengguna.c.nama.label("pic_nama"))
        .join(pengguna, pengguna.c.id == komitmen.c.pengguna_id)
        .where(komitmen.c.siklus_id == siklus_id, komitmen.c.aktif.is_(True))
        .order_by(pengguna.c.nama, komitmen.c.id)
    )
    return list(hasil)


async def jumlah_terbuka(conn: AsyncConnection, sekolah_id: int, pengguna_id: int) -> int:
    """How many active, unfinished commitments the user holds in the school's open cycle."""
    hasil = await conn.execute(
        select(func.count())
        .select_from(komitmen.join(siklus, siklus.c.id == komitmen.c.siklus_id))
        .where(
            siklus.c.sekolah_id == sekolah_id,
            siklus.c.status == "terbuka",
            komitmen.c.pengguna_id == pengguna_id,
            komitmen.c.aktif.is_(True),
            komitmen.c.kemajuan != "selesai",
        )
    )
    return int(hasil.scalar_one())


async def tambah_laporan(
    conn: AsyncConnection,
    *,
    komitmen_id: int,
    pengguna_id: int,
    status: str,
    persen: int,
    catatan: str | None,
    bukti_id: int | None,
    waktu: datetime,
) -> int:
    """Store a progress report and carry its status onto the commitment."""
    hasil = await conn.execute(
        insert(laporan)
        .values(
            komitmen_id=komitmen_id,
            pengguna_id=pengguna_id,
            status=status,
            persen=persen,
            catatan=catatan,
            bukti_id=bukti_id,
            dibuat_pada=waktu,
        )
        .returning(laporan.c.id)
    )
    await conn.execute(
        update(komitmen)
        .where(komitmen.c.id == komitmen_id)
        .values(kemajuan=status, persen=persen, verifikasi=None, komentar_verifikasi=None)
    )
    return int(hasil.scalar_one())
