"""The chat's answer time while 200 principals ask for their Rapor Mutu PDF at once: documents
built in the bot's own process, against the same with 2 worker processes (`asisten-mutu
pekerja`) building them.

200 schools of full data (bench.dokumen's) on a SQLite file; the fake Bot API, the 200
principals and one more user who sends /bantuan every 0.2 s run in a second process, which
times each /bantuan from sending to its answer. Printed: that user's p50/p95 while the
documents are built, and the time until the last document arrived.

    python -m bench.pekerja [--sekolah 200] [--pekerja 2]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.dokumen import isi_basis_data
from bench.umum import FakeBerwaktu, bot_berjalan, persentil
from bot.app import buat_aplikasi
from bot.config import Settings
from tests.fakes.bot_api import TOKEN
from tests.fakes.pengguna import Pengguna

RAPOR = "Rapor Mutu Sekolah (PDF)"
PENGUKUR = 7_000_000


def kepala(s: int) -> int:
    """The kepala sekolah of school `s` in bench.dokumen's data."""
    return s * 100 + 1


async def minta_rapor(orang: Pengguna) -> None:
    await orang.kirim("/laporan")
    daftar = await orang.balasan(timeout=600)
    await orang.tekan(RAPOR, daftar)
    while not (await orang.balasan(timeout=600)).dokumen_nama:
        pass


async def ukur_bantuan(orang: Pengguna, selesai: asyncio.Event) -> list[float]:
    """/bantuan every 0.2 s until `selesai`; the answer times in ms."""
    waktu = []
    while not selesai.is_set():
        mulai = time.monotonic()
        await orang.kirim("/bantuan")
        await orang.balasan(timeout=600)
        waktu.append((time.monotonic() - mulai) * 1000)
        await asyncio.sleep(0.2)
    return waktu


def pengemudi(keluar: Any, masuk: Any, jumlah: int) -> None:
    """The second process: the fake Bot API, the principals and the measuring user."""
    asyncio.run(_pengemudi(keluar, masuk, jumlah))


async def _pengemudi(keluar: Any, masuk: Any, jumlah: int) -> None:
    async with FakeBerwaktu() as api:
        keluar.put((api.base_url, api.base_file_url))
        await asyncio.to_thread(masuk.get)  # the bot and its workers are up
        pengukur = Pengguna(api, PENGUKUR, "Pengukur")
        semua = [Pengguna(api, kepala(s), f"Kepala {s}") for s in range(1, jumlah + 1)]
        sebelum = await ukur_sebentar(pengukur)
        selesai = asyncio.Event()
        ukur = asyncio.create_task(ukur_bantuan(pengukur, selesai))
        mulai = time.monotonic()
        await asyncio.gather(*(minta_rapor(o) for o in semua))
        lama = time.monotonic() - mulai
        selesai.set()
        keluar.put((sebelum, await ukur, lama))
        await asyncio.to_thread(masuk.get)  # the bot has stopped; now the fake may go


async def ukur_sebentar(orang: Pengguna) -> list[float]:
    selesai = asyncio.Event()
    tugas = asyncio.create_task(ukur_bantuan(orang, selesai))
    await asyncio.sleep(3)
    selesai.set()
    return await tugas


async def satu_putaran(folder: Path, url: str, jumlah: int, pekerja: int) -> dict[str, float]:
    ctx = multiprocessing.get_context("spawn")
    keluar, masuk = ctx.Queue(), ctx.Queue()
    proses = ctx.Process(target=pengemudi, args=(keluar, masuk, jumlah))
    proses.start()
    base_url, file_url = await asyncio.to_thread(keluar.get, True, 60)
    lingkungan = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_URL": url,
        "TELEGRAM_API_URL": base_url,
        "TELEGRAM_FILE_URL": file_url,
        "DATA_DIR": str(folder / "data"),
    }
    para_pekerja = [
        subprocess.Popen(  # noqa: ASYNC220 (started once, before anything is measured)
            [sys.executable, "-m", "bot.cli", "pekerja"], env=lingkungan
        )
        for _ in range(pekerja)
    ]
    settings = Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        database_url=url,
        telegram_api_url=base_url,
        telegram_file_url=file_url,
        data_dir=folder / "data",
        rate_limit_per_second=100_000,  # what the bot carries, not Telegram's cap
    )
    try:
        await asyncio.sleep(5 if pekerja else 0)  # the workers' first heartbeat
        async with bot_berjalan(buat_aplikasi(settings)):
            masuk.put("mulai")
            sebelum, selama, lama = await asyncio.to_thread(keluar.get, True, 3600)
    finally:
        for p in para_pekerja:
            p.terminate()
            p.wait(30)
    masuk.put("selesai")
    await asyncio.to_thread(proses.join, 30)
    return {
        "p50_tenang": persentil(sebelum, 50),
        "p95_tenang": persentil(sebelum, 95),
        "p50": persentil(selama, 50),
        "p95": persentil(selama, 95),
        "lama": lama,
    }


async def utama(jumlah: int, pekerja: int) -> None:
    hasil = {}
    for n in (0, pekerja):
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
            await asyncio.to_thread(isi_basis_data, url, jumlah)
            hasil[n] = await satu_putaran(Path(folder), url, jumlah, n)
    print(f"{jumlah} principals ask for their Rapor Mutu PDF at once; another user sends /bantuan")
    for n, h in hasil.items():
        tempat = "in the bot's process" if n == 0 else f"by {n} worker processes"
        print(
            f"documents built {tempat}: /bantuan answered in p50 {h['p50']:.0f} ms, "
            f"p95 {h['p95']:.0f} ms (quiet before: p50 {h['p50_tenang']:.0f} ms, "
            f"p95 {h['p95_tenang']:.0f} ms); last document after {h['lama']:.1f} s"
        )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sekolah", type=int, default=200)
    p.add_argument("--pekerja", type=int, default=2)
    args = p.parse_args()
    asyncio.run(utama(args.sekolah, args.pekerja))


if __name__ == "__main__":
    main()
