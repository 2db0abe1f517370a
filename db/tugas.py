"""The document queue of the worker processes, and their heartbeats."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import pekerja, tugas_dokumen
from db.upsert import upsert

BERJALAN = ("menunggu", "dikerjakan")


async def detak(conn: AsyncConnection, nama: str, waktu: datetime) -> None:
    """A worker says it is alive."""
    await upsert(
        conn, pekerja, {"nama": nama, "detak_terakhir": waktu}, ("nama",), ("detak_terakhir",)
    )


async def lepas_pekerja(conn: AsyncConnection, nama: str) -> None:
    """A worker that stops in order leaves at once (the chat process builds again)."""
    await conn.execute(pekerja.delete().where(pekerja.c.nama == nama))


async def ada_pekerja(conn: AsyncConnection, sejak: datetime) -> bool:
    """Whether a worker has beaten since `sejak`."""
    hasil = await conn.scalar(
        select(func.count()).select_from(pekerja).where(pekerja.c.detak_terakhir >= sejak)
    )
    return bool(hasil)


async def sedang_berjalan(
    conn: AsyncConnection, pengguna_id: int, sekolah_id: int, kunci: str
) -> bool:
    """Whether this user's request for this document is still queued or being built."""
    hasil = await conn.scalar(
        select(func.count())
        .select_from(tugas_dokumen)
        .where(
            tugas_dokumen.c.pengguna_id == pengguna_id,
            tugas_dokumen.c.sekolah_id == sekolah_id,
            tugas_dokumen.c.kunci == kunci,
            tugas_dokumen.c.status.in_(BERJALAN),
        )
    )
    return bool(hasil)


async def antrekan(
    conn: AsyncConnection,
    *,
    pengguna_id: int,
    sekolah_id: int,
    chat_id: int,
    kunci: str,
    waktu: datetime,
) -> int:
    """Queue one document request; returns its id."""
    hasil = await conn.execute(
        insert(tugas_dokumen)
        .values(
            pengguna_id=pengguna_id,
            sekolah_id=sekolah_id,
            chat_id=chat_id,
            kunci=kunci,
            dibuat_pada=waktu,
        )
        .returning(tugas_dokumen.c.id)
    )
    return int(hasil.scalar_one())


async def klaim(conn: AsyncConnection, sekarang: datetime, sewa_sampai: datetime) -> Row | None:
    """Take the oldest queued request (or one whose worker's lease ran out) until
    `sewa_sampai`; None when there is none. On PostgreSQL rows another worker is taking are
    skipped (FOR UPDATE SKIP LOCKED), so workers never wait for each other."""
    calon = (
        select(tugas_dokumen.c.id)
        .where(
            (tugas_dokumen.c.status == "menunggu")
            | ((tugas_dokumen.c.status == "dikerjakan") & (tugas_dokumen.c.sewa_sampai <= sekarang))
        )
        .order_by(tugas_dokumen.c.dibuat_pada, tugas_dokumen.c.id)
        .limit(1)
    )
    if conn.dialect.name == "postgresql":
        calon = calon.with_for_update(skip_locked=True)
    hasil = await conn.execute(
        update(tugas_dokumen)
        .where(
            tugas_dokumen.c.id.in_(calon.scalar_subquery()),
            # Re-checked in the UPDATE itself: another worker may have taken it meanwhile.
            (tugas_dokumen.c.status == "menunggu")
            | (
                (tugas_dokumen.c.status == "dikerjakan") & (tugas_dokumen.c.sewa_sampai <= sekarang)
            ),
        )
        .values(
            status="dikerjakan",
            sewa_sampai=sewa_sampai,
            percobaan=tugas_dokumen.c.percobaan + 1,
        )
        .returning(*tugas_dokumen.c)
    )
    return hasil.first()


async def akhiri(
    conn: AsyncConnection,
    tugas_id: int,
    sewa_sampai: datetime,
    status: str,
    waktu: datetime,
    galat: str | None = None,
) -> bool:
    """Record the outcome (`menunggu` puts it back in the queue), only while this worker's
    lease (`sewa_sampai`) still holds the row: a worker whose lease ran out and was taken over
    cannot mark it. False then."""
    hasil = await conn.execute(
        update(tugas_dokumen)
        .where(
            tugas_dokumen.c.id == tugas_id,
            tugas_dokumen.c.status == "dikerjakan",
            tugas_dokumen.c.sewa_sampai == sewa_sampai,
        )
        .values(
            status=status,
            selesai_pada=None if status == "menunggu" else waktu,
            galat_terakhir=galat,
            sewa_sampai=None,
        )
    )
    return hasil.rowcount == 1


async def ambil(conn: AsyncConnection, tugas_id: int) -> Row | None:
    """One request as stored."""
    return (await conn.execute(select(tugas_dokumen).where(tugas_dokumen.c.id == tugas_id))).first()
