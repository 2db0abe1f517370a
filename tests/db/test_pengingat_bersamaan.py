"""The outbox on PostgreSQL with two dispatchers claiming at the same moment (a standby that
just took over while the old process still finished a batch, or two processes by mistake):
every due reminder is claimed by exactly one of them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from db import pengguna
from db import pengingat as db_pengingat
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from db.tabel import pengingat

WAKTU = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


async def test_dua_pengirim_mengklaim_bersamaan_tiap_pengingat_sekali(url_postgresql: str) -> None:
    await asyncio.to_thread(tingkatkan, url_postgresql)
    mesin = buat_mesin(url_postgresql)
    try:
        async with mesin.begin() as conn:
            for uid in range(300):
                await pengguna.catat_kunjungan(conn, 1000 + uid, f"Guru {uid}", None, WAKTU)
                await db_pengingat.rencanakan(
                    conn,
                    kunci=f"uji:{uid}",
                    pengguna_id=1000 + uid,
                    jenis="teks",
                    isi={"teks": "halo"},
                    jatuh_tempo=WAKTU - timedelta(minutes=uid % 7),
                    waktu=WAKTU,
                )

        async def pengirim() -> list[int]:
            diklaim: list[int] = []
            while True:
                async with mesin.begin() as conn:
                    baris = await db_pengingat.klaim(
                        conn, WAKTU, WAKTU + timedelta(minutes=5), batas=25
                    )
                if not baris:
                    return diklaim
                diklaim += [b.id for b in baris]
                await asyncio.sleep(0)

        a, b = await asyncio.gather(pengirim(), pengirim())
        assert not set(a) & set(b)  # nobody's row taken twice
        assert len(a) + len(b) == 300 and a and b  # none left out, both did work
        async with mesin.connect() as conn:
            belum = await conn.scalar(
                select(func.count()).where(pengingat.c.status == "direncanakan")
            )
        assert belum == 0
    finally:
        await mesin.dispose()
