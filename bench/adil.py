"""Fair processing: does one user's flood delay another user's answer?

The real Application runs against the fake Bot API with a database on disk. One user keeps a
backlog of 100 messages waiting; another user sends `/bantuan` one message at a time and waits
for each answer. Prints the other user's answer time (push to answer received) p50/p95 without
and with the flood, for the current processor (a user's turn before a slot) and for the
previous one (a slot before the user's turn), with Telegram's overall rate limit raised so the
figures are the processor's own; then once more with the default 30 messages a second, whose
shared queue is a limit of Telegram's and not of the processor.

    python -m bench.adil [--pesan 40] [--antrean 100]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

import bot.app
from bench.umum import bot_berjalan, persentil
from bot.app import buat_aplikasi
from bot.config import Settings
from bot.pemroses import PemrosesPerPengguna, kunci_urutan
from db.migrasi_api import tingkatkan
from tests.fakes.bot_api import TOKEN, FakeBotApi
from tests.fakes.pengguna import Pengguna


class PemrosesLama(PemrosesPerPengguna):
    """The processor before the fix: PTB's slot first, then the user's lock inside it."""

    async def process_update(self, update: object, coroutine: Awaitable[Any]) -> None:  # type: ignore[misc]
        async with self._semaphore:
            await self.do_process_update(update, coroutine)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        kunci = kunci_urutan(update)
        if kunci is None:
            await coroutine
            return
        gembok = self._kunci.setdefault(kunci, asyncio.Lock())
        self._antre[kunci] = self._antre.get(kunci, 0) + 1
        try:
            async with gembok:
                await coroutine
        finally:
            self._antre[kunci] -= 1
            if not self._antre[kunci]:
                del self._antre[kunci]
                del self._kunci[kunci]


async def sekali(
    folder: Path,
    pemroses: type[PemrosesPerPengguna],
    banjir: bool,
    pesan: int,
    antrean: int,
    batas: int,
) -> list[float]:
    """The other user's answer times in milliseconds for one configuration."""
    url = f"sqlite+aiosqlite:///{folder / f'{pemroses.__name__}-{banjir}-{batas}.db'}"
    await asyncio.to_thread(tingkatkan, url)
    asli = bot.app.PemrosesPerPengguna
    bot.app.PemrosesPerPengguna = pemroses  # type: ignore[misc]
    try:
        async with FakeBotApi() as api:
            settings = Settings(
                _env_file=None,
                telegram_bot_token=TOKEN,
                database_url=url,
                telegram_api_url=api.base_url,
                telegram_file_url=api.base_file_url,
                data_dir=folder / "data",
                rate_limit_per_second=batas,
            )
            app = buat_aplikasi(settings)
            penyerbu = Pengguna(api, 50_001, "Penyerbu")
            lain = Pengguna(api, 50_002, "Lain")
            dikirim = 0
            waktu = []
            async with bot_berjalan(app):
                await api.idle()
                for _ in range(pesan):
                    if banjir:  # keep `antrean` of the flooder's messages waiting
                        dijawab = len(api.bot_messages(penyerbu.chat_id))
                        for _ in range(antrean - (dikirim - dijawab)):
                            await penyerbu.kirim("halo")
                            dikirim += 1
                    mulai = time.perf_counter()
                    await lain.kirim("/bantuan")
                    await lain.balasan(timeout=60)
                    waktu.append((time.perf_counter() - mulai) * 1000)
                await api.idle(timeout=120)
            return waktu
    finally:
        bot.app.PemrosesPerPengguna = asli  # type: ignore[misc]


async def utama(pesan: int, antrean: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"other user's answer time, ms ({pesan} messages; flood = {antrean} waiting)")
        for batas, judul in ((100_000, "rate limit raised"), (30, "rate limit 30/s")):
            for pemroses in (PemrosesLama, PemrosesPerPengguna):
                if batas == 30 and pemroses is PemrosesLama:
                    continue
                for banjir in (False, True):
                    w = await sekali(folder, pemroses, banjir, pesan, antrean, batas)
                    print(
                        f"{judul:17} {pemroses.__name__:19} "
                        f"{'flood' if banjir else 'quiet':5}  "
                        f"p50 {persentil(w, 50):7.1f}  p95 {persentil(w, 95):7.1f}"
                    )


def main() -> None:
    """Command line entry."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pesan", type=int, default=40)
    parser.add_argument("--antrean", type=int, default=100)
    args = parser.parse_args()
    asyncio.run(utama(args.pesan, args.antrean))


if __name__ == "__main__":
    main()
