"""Stage 4 (monev): what the overview of the activities reads."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import bukti, evaluasi_program, laporan
from db.upsert import upsert


async def jumlah_bukti_per_sumber(conn: AsyncConnection, siklus_id: int) -> dict[str, int]:
    """How many evidence files the cycle holds per source ("komitmen:12", a question code)."""
    hasil = await conn.execute(
        select(bukti.c.sumber, func.count())
        .where(bukti.c.siklus_id == siklus_id)
        .group_by(bukti.c.sumber)
    )
    return {sumber: jumlah for sumber, jumlah in hasil}


async def laporan_terakhir(conn: AsyncConnection, komitmen_ids: list[int]) -> dict[int, datetime]:
    """When each of these commitments was last reported on (absent: never)."""
    hasil = await conn.execute(
        select(laporan.c.komitmen_id, func.max(laporan.c.dibuat_pada))
        .where(laporan.c.komitmen_id.in_(komitmen_ids))
        .group_by(laporan.c.komitmen_id)
    )
    return {kid: waktu for kid, waktu in hasil}


async def evaluasi_siklus(conn: AsyncConnection, siklus_id: int) -> list[Row]:
    """The cycle's program evaluations, by indicator and program."""
    hasil = await conn.execute(
        select(evaluasi_program)
        .where(evaluasi_program.c.siklus_id == siklus_id)
        .order_by(evaluasi_program.c.indikator_kode, evaluasi_program.c.program_urutan)
    )
    return list(hasil)


async def simpan_evaluasi(conn: AsyncConnection, nilai: dict[str, object]) -> None:
    """Store a program's evaluation, or change the one stored for the same cycle, indicator
    and program."""
    await upsert(
        conn,
        evaluasi_program,
        nilai,
        kunci=("siklus_id", "indikator_kode", "program_urutan"),
        perbarui=(
            "program_nama",
            "target_tercapai",
            "capaian",
            "alasan",
            "tindak_lanjut",
            "dinilai_oleh",
            "dinilai_pada",
        ),
    )
