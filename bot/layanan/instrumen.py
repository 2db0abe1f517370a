"""Which instrument a cycle uses: the shipped file is registered once per version, and a
cycle reads the version it started with, even after the file has changed."""

from __future__ import annotations

import asyncio
import hashlib

from bot.config import berkas_instrumen
from bot.layanan import Layanan
from bot.mutu.instrumen import Instrumen, InstrumenRusak
from bot.mutu.instrumen_muat import muat_teks
from db import instrumen as db_instrumen
from db.jenis import AsyncConnection

_CACHE: dict[str, Instrumen] = {}


def _sha(teks: str) -> str:
    return hashlib.sha256(teks.encode("utf-8")).hexdigest()


async def daftarkan_bawaan(lay: Layanan) -> Instrumen:
    """Load and validate the deployment's instrument and store its version. A version number
    that was stored before with other content is refused: old answers would change meaning."""
    path = berkas_instrumen(lay.settings)
    teks = await asyncio.to_thread(path.read_text, encoding="utf-8")
    inst = muat_teks(teks, path.name)
    async with lay.mesin.begin() as conn:
        lama = await db_instrumen.ambil(conn, inst.versi)
        if lama is None:
            await db_instrumen.daftarkan(conn, inst.versi, teks, _sha(teks), lay.sekarang())
        elif lama.sha256 != _sha(teks):
            raise InstrumenRusak(
                [
                    f"{path.name}: meta.versi {inst.versi!r} is already stored with other "
                    "content; raise meta.versi when questions change"
                ]
            )
    _CACHE[inst.versi] = inst
    return inst


async def untuk_versi(lay: Layanan, versi: str, conn: AsyncConnection | None = None) -> Instrumen:
    """The instrument a cycle used. Pass the connection you hold, if any: the SQLite pool has
    one, and opening a second while holding it would wait forever."""
    if versi not in _CACHE:
        if conn is not None:
            baris = await db_instrumen.ambil(conn, versi)
        else:
            async with lay.mesin.connect() as sendiri:
                baris = await db_instrumen.ambil(sendiri, versi)
        if baris is None:
            raise InstrumenRusak([f"instrument version {versi!r} is not stored"])
        _CACHE[versi] = muat_teks(baris.isi, f"instrumen {versi}")
    return _CACHE[versi]
