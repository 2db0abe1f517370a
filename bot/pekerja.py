"""`asisten-mutu pekerja`: a worker process that builds documents and sends them.

Building a PDF, a workbook or a chart is CPU work; in the chat process it competes with every
user's answers. With one or more workers running, the chat process only queues the request
(bot/layanan/tugas.py) and a worker does the rest: it claims the oldest request under a lease
(workers skip each other's rows on PostgreSQL), reads what the document needs as the user who
asked (their role in that school now, so a request from before a change of role is refused
as the chat would refuse it), builds it in a thread, sends the files to the chat, and records
the outcome under its lease.

Delivery: a worker that dies after sending but before recording leaves the request to be
taken again when its lease runs out, and the files are sent once more. For a document the user
asked for, twice is better than never. A worker that stops in order removes its heartbeat, so
the chat process builds documents itself again at once."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Row
from telegram import Bot
from telegram.constants import ChatAction
from telegram.error import Forbidden, RetryAfter, TelegramError

from bot.config import Settings
from bot.layanan import Ditolak, Layanan, laporan
from bot.layanan.aktor import baca
from bot.layanan.instrumen import daftarkan_bawaan
from bot.render import Render
from db import tugas as db_tugas
from db.mesin import buat_mesin

log = logging.getLogger(__name__)

SEWA = timedelta(minutes=5)  # a build longer than this is taken for dead
JEDA_KOSONG = 1.0  # seconds between looks at an empty queue
JEDA_DETAK = 5.0  # seconds between heartbeats
MAKS_PERCOBAAN = 3


class Pekerja:
    """One worker: `jalan()` until `berhenti` is set."""

    def __init__(self, lay: Layanan, bot: Bot, nama: str | None = None) -> None:
        self.lay = lay
        self.bot = bot
        self.nama = nama or f"{socket.gethostname()}:{os.getpid()}"

    async def jalan(self, berhenti: asyncio.Event) -> None:
        """Take requests one at a time, beating the heartbeat, until `berhenti` is set."""
        detak = asyncio.create_task(self._berdetak(berhenti))
        try:
            while not berhenti.is_set():
                if not await self.satu():
                    try:
                        await asyncio.wait_for(berhenti.wait(), JEDA_KOSONG)
                    except TimeoutError:
                        pass
        finally:
            detak.cancel()
            async with self.lay.mesin.begin() as conn:
                await db_tugas.lepas_pekerja(conn, self.nama)

    async def _berdetak(self, berhenti: asyncio.Event) -> None:
        while not berhenti.is_set():
            async with self.lay.mesin.begin() as conn:
                await db_tugas.detak(conn, self.nama, self.lay.sekarang())
            await asyncio.sleep(JEDA_DETAK)

    async def satu(self) -> bool:
        """Take and finish one request; False when the queue is empty."""
        sekarang = self.lay.sekarang()
        async with self.lay.mesin.begin() as conn:
            tugas = await db_tugas.klaim(conn, sekarang, sekarang + SEWA)
        if tugas is None:
            return False
        status, galat = await self._kerjakan(tugas)
        async with self.lay.mesin.begin() as conn:
            if not await db_tugas.akhiri(
                conn, tugas.id, tugas.sewa_sampai, status, self.lay.sekarang(), galat
            ):
                log.warning("document request %s: lease lost before its outcome", tugas.id)
        return True

    async def _kerjakan(self, tugas: Row) -> tuple[str, str | None]:
        r = self.lay.render
        try:
            await self.bot.send_chat_action(tugas.chat_id, ChatAction.UPLOAD_DOCUMENT)
            aktor = await baca(self.lay, tugas.pengguna_id, tugas.sekolah_id)
            pembuat = await laporan.siapkan(self.lay, aktor, tugas.kunci)
            dibuat = laporan.hasil(await asyncio.to_thread(pembuat))
            for nama, isi in dibuat.berkas:
                await self._kirim(tugas.chat_id, isi, nama)
            if dibuat.pesan:  # after the files (a bundle's summary)
                await self._kirim(tugas.chat_id, dibuat.pesan)
        except Ditolak as tolak:
            teks = r.pesan("galat", galat=r.label(f"galat.{tolak.alasan}"))
            await self._coba(lambda: self.bot.send_message(tugas.chat_id, teks))
            return "ditolak", tolak.alasan
        except Forbidden:
            return "gagal", "forbidden"  # the user blocked the bot: nothing more to do
        except Exception as exc:  # noqa: BLE001 - one bad request must not stop the worker
            log.exception("document request %s failed", tugas.id)
            if tugas.percobaan < MAKS_PERCOBAAN:
                return "menunggu", type(exc).__name__  # taken again by the next claim
            teks = r.pesan("kesalahan")
            await self._coba(lambda: self.bot.send_message(tugas.chat_id, teks))
            return "gagal", type(exc).__name__
        return "selesai", None

    async def _kirim(self, chat_id: int, isi: bytes | str, nama: str | None = None) -> None:
        """A file (or, given text, a message), waiting out Telegram's flood control."""
        while True:
            try:
                if isinstance(isi, str):
                    await self.bot.send_message(chat_id, isi)
                else:
                    await self.bot.send_document(chat_id, isi, filename=nama)
                return
            except RetryAfter as tunggu:
                jeda = tunggu.retry_after
                await asyncio.sleep(jeda if isinstance(jeda, int | float) else jeda.total_seconds())

    async def _coba(self, kirim: Callable[[], object]) -> None:
        try:
            await kirim()  # type: ignore[misc]
        except TelegramError as exc:
            log.info("worker could not tell the user: %s", type(exc).__name__)


async def jalankan(
    settings: Settings, berhenti: asyncio.Event, jam: Callable[[], datetime] | None = None
) -> None:
    """Run one worker on the settings' database and Bot API until `berhenti` is set."""
    mesin = buat_mesin(settings.database_url)
    lay = Layanan(
        mesin=mesin, settings=settings, render=Render(), jam=jam or (lambda: datetime.now(UTC))
    )
    bot = Bot(
        settings.token(),
        base_url=settings.telegram_api_url,
        base_file_url=settings.telegram_file_url,
    )
    try:
        await daftarkan_bawaan(lay)
        async with bot:
            log.info("worker %s building documents", socket.gethostname())
            await Pekerja(lay, bot).jalan(berhenti)
    finally:
        await mesin.dispose()
