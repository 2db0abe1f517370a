"""Rapor Pendidikan read across the cycle: every edition of one or many schools with their
values, in two queries whatever the school count (the pengawas digest, the recap)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import rapor_capaian, rapor_impor


async def edisi_sekolah(
    conn: AsyncConnection, sekolah_ids: Sequence[int], kode: Sequence[str] | None = None
) -> dict[int, list[tuple[Row[Any], list[Row[Any]]]]]:
    """Per school, each import (oldest edition first) with its values (only the given codes
    when `kode` is given)."""
    if not sekolah_ids:
        return {}
    impor = list(
        await conn.execute(
            select(rapor_impor)
            .where(rapor_impor.c.sekolah_id.in_(list(sekolah_ids)))
            .order_by(rapor_impor.c.sekolah_id, rapor_impor.c.edisi)
        )
    )
    if not impor:
        return {}
    q = select(rapor_capaian).where(rapor_capaian.c.impor_id.in_([i.id for i in impor]))
    if kode is not None:
        q = q.where(rapor_capaian.c.kode.in_(list(kode)))
    per_impor: dict[int, list[Row[Any]]] = {}
    for b in await conn.execute(q.order_by(rapor_capaian.c.impor_id, rapor_capaian.c.kode)):
        per_impor.setdefault(b.impor_id, []).append(b)
    hasil: dict[int, list[tuple[Row[Any], list[Row[Any]]]]] = {}
    for i in impor:
        hasil.setdefault(i.sekolah_id, []).append((i, per_impor.get(i.id, [])))
    return hasil
