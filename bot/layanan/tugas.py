"""Documents built by worker processes: whether one is running, and queueing a request.

With a worker running (`asisten-mutu pekerja`, its heartbeat recent) the chat process only
queues; without one (the embedded default) it builds the document itself, as it always did."""

from __future__ import annotations

from datetime import timedelta
from enum import Enum

from bot.layanan import Layanan
from bot.layanan.aktor import Aktor
from db import tugas as db_tugas

# A worker beats every few seconds; one silent for this long is taken for gone.
UMUR_DETAK = timedelta(seconds=30)


class Antrean(Enum):
    """What became of a document request."""

    DIANTREKAN = "diantrekan"  # a worker will build and send it
    SEDANG = "sedang"  # the same request is queued or being built already
    TANPA_PEKERJA = "tanpa_pekerja"  # no worker: the chat process builds it


async def antrekan(lay: Layanan, aktor: Aktor, kunci: str, chat_id: int) -> Antrean:
    """Queue the document `kunci` for the actor's active school when a worker runs."""
    assert aktor.sekolah_id is not None
    sekarang = lay.sekarang()
    async with lay.mesin.begin() as conn:
        if not await db_tugas.ada_pekerja(conn, sekarang - UMUR_DETAK):
            return Antrean.TANPA_PEKERJA
        if await db_tugas.sedang_berjalan(conn, aktor.pengguna_id, aktor.sekolah_id, kunci):
            return Antrean.SEDANG
        await db_tugas.antrekan(
            conn,
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            chat_id=chat_id,
            kunci=kunci,
            waktu=sekarang,
        )
    return Antrean.DIANTREKAN
