"""db/mesin.py: every SQLite connection runs in WAL mode with synchronous=FULL, so a committed
answer is on disk before the bot confirms it (it survives a power loss, not only a crash)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from db.mesin import buat_mesin

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


async def test_sqlite_wal_dan_synchronous_full_di_setiap_koneksi(tmp_path: Path) -> None:
    mesin = buat_mesin(f"sqlite+aiosqlite:///{tmp_path / 'data' / 'mutu.db'}")
    try:
        for _ in range(2):  # a connection made again (after dispose) is set up the same way
            async with mesin.connect() as conn:
                assert (await conn.execute(text("PRAGMA synchronous"))).scalar() == FULL
                assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
                assert (await conn.execute(text("PRAGMA foreign_keys"))).scalar() == 1
            await mesin.dispose()
    finally:
        await mesin.dispose()
