"""Stage 5: the next cycle's target per Rapor Pendidikan indicator (drafts while the cycle is
in stage 5, attached to the next cycle when it opens)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import target_rapor
from db.upsert import sisipkan_sekali, upsert


async def draf(conn: AsyncConnection, siklus_id: int) -> dict[str, Row]:
    """The targets set in this cycle's stage 5 (or written when it closed), by code."""
    hasil = await conn.execute(select(target_rapor).where(target_rapor.c.siklus_id == siklus_id))
    return {b.kode: b for b in hasil}


async def untuk(conn: AsyncConnection, siklus_id: int) -> dict[str, Row]:
    """The targets a cycle opened with (set by the cycle before it), by code."""
    hasil = await conn.execute(
        select(target_rapor).where(target_rapor.c.siklus_tujuan_id == siklus_id)
    )
    return {b.kode: b for b in hasil}


async def simpan(
    conn: AsyncConnection,
    *,
    siklus_id: int,
    kode: str,
    label: str,
    nilai_minimum: float | None,
    edisi: str,
    oleh: int | None,
    waktu: datetime,
    timpa: bool = True,
) -> None:
    """Set (or change) an indicator's target while the cycle is open; `timpa` False keeps a
    target already set (the proposal written at closing)."""
    nilai = {
        "siklus_id": siklus_id,
        "kode": kode,
        "label": label,
        "nilai_minimum": nilai_minimum,
        "edisi": edisi,
        "ditetapkan_oleh": oleh,
        "ditetapkan_pada": waktu,
    }
    if not timpa:
        await sisipkan_sekali(conn, target_rapor, nilai, kunci=("siklus_id", "kode"))
        return
    await upsert(
        conn,
        target_rapor,
        nilai,
        kunci=("siklus_id", "kode"),
        perbarui=("label", "nilai_minimum", "edisi", "ditetapkan_oleh", "ditetapkan_pada"),
        syarat=target_rapor.c.siklus_tujuan_id.is_(None),
    )


async def lampirkan(conn: AsyncConnection, lama: int, baru: int) -> int:
    """Attach the targets of cycle `lama` to cycle `baru` (at closing)."""
    hasil = await conn.execute(
        update(target_rapor).where(target_rapor.c.siklus_id == lama).values(siklus_tujuan_id=baru)
    )
    return hasil.rowcount
