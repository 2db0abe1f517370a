"""db/upsert.py on SQLite: an upsert updates the listed columns; an insert-once keeps the
first row and changes nothing on a repeat."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Column, Integer, MetaData, String, Table, UniqueConstraint, select
from sqlalchemy.ext.asyncio import create_async_engine

from db.upsert import sisipkan_sekali, upsert

metadata = MetaData()
contoh = Table(
    "contoh",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("a", Integer, nullable=False),
    Column("b", Integer, nullable=False),
    Column("isi", String(20), nullable=False),
    UniqueConstraint("a", "b"),
)


async def test_sisipkan_sekali_dan_upsert(tmp_path: Path) -> None:
    mesin = create_async_engine(f"sqlite+aiosqlite:///{tmp_path / 'u.db'}")
    try:
        async with mesin.begin() as conn:
            await conn.run_sync(metadata.create_all)
            await sisipkan_sekali(conn, contoh, {"a": 1, "b": 2, "isi": "pertama"}, ("a", "b"))
            await sisipkan_sekali(conn, contoh, {"a": 1, "b": 2, "isi": "kedua"}, ("a", "b"))
            await sisipkan_sekali(conn, contoh, {"a": 1, "b": 3, "isi": "lain"}, ("a", "b"))
            baris = [tuple(r) for r in await conn.execute(select(contoh).order_by(contoh.c.id))]
            assert baris == [(1, 1, 2, "pertama"), (2, 1, 3, "lain")]
            await upsert(conn, contoh, {"a": 1, "b": 2, "isi": "baru"}, ("a", "b"), ("isi",))
            isi = (await conn.execute(select(contoh.c.isi).where(contoh.c.id == 1))).scalar()
            assert isi == "baru"
    finally:
        await mesin.dispose()
