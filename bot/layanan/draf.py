"""Half-typed multi-step input of one user, kept in the database between updates."""

from __future__ import annotations

from typing import Any

from bot.layanan import Layanan
from db import draf as db_draf


async def ambil(lay: Layanan, pengguna_id: int, jenis: str) -> dict[str, Any]:
    """The draft of this kind, or an empty one."""
    async with lay.mesin.connect() as conn:
        return await db_draf.ambil(conn, pengguna_id, jenis) or {}


async def simpan(lay: Layanan, pengguna_id: int, jenis: str, isi: dict[str, Any] | None) -> None:
    """Keep the draft; None throws it away."""
    async with lay.mesin.begin() as conn:
        if isi is None:
            await db_draf.hapus(conn, pengguna_id, jenis)
        else:
            await db_draf.simpan(conn, pengguna_id, jenis, isi, lay.sekarang())
