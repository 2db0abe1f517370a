"""The reminder outbox at size: 100,000 planned rows, the due query, and 3,000 due reminders
dispatched to a fake Bot API that enforces Telegram's limits (30 messages a second overall,
one a second per chat, 429 with retry_after beyond). The fake runs in a second process.

    python -m bench.pengingat [--baris 100000] [--jatuh-tempo 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert, text

from bot.app import buat_aplikasi
from bot.config import Settings
from bot.layanan import Layanan
from bot.pengingat import Pengirim
from db import pengingat as db_pengingat
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from db.tabel import pengingat
from tests.fakes.bot_api import TOKEN, FakeBotApi

SEKARANG = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


async def isi(url: str, jumlah: int, jatuh_tempo: int) -> None:
    """`jumlah` planned rows over the next 60 days, of which `jatuh_tempo` are due now (each
    to its own chat); some sent and cancelled rows too, as a live table has."""
    mesin = buat_mesin(url)
    konteks = {
        "jenis": "h-1",
        "kegiatan": "Kegiatan uji",
        "selesai": "Selasa",
        "status": "berjalan",
        "terlambat": 0,
    }
    baris = []
    for i in range(jumlah):
        due = i < jatuh_tempo
        baris.append(
            {
                "kunci": f"uji:{i}",
                "pengguna_id": 200_000 + i,
                "jenis": "komitmen",
                "rujukan": f"komitmen:{i}",
                "isi": {"templat": "pengingat/komitmen", "konteks": konteks},
                "jatuh_tempo": SEKARANG - timedelta(minutes=1)
                if due
                else SEKARANG + timedelta(minutes=1 + (i * 37) % 86_400),
                "status": "direncanakan" if due or i % 10 else ("terkirim" if i % 20 else "batal"),
                "dibuat_pada": SEKARANG,
            }
        )
    async with mesin.begin() as conn:
        for awal in range(0, len(baris), 5000):
            await conn.execute(insert(pengingat), baris[awal : awal + 5000])
    await mesin.dispose()


async def ukur_kueri(url: str, ulang: int = 50) -> tuple[float, float, list[str]]:
    """Median and p95 of the due query (200 rows), and SQLite's plan for it."""
    mesin = buat_mesin(url)
    async with mesin.connect() as conn:
        await db_pengingat.jatuh_tempo(conn, SEKARANG, 200)  # warm the page cache
        waktu = []
        for _ in range(ulang):
            mulai = time.perf_counter()
            await db_pengingat.jatuh_tempo(conn, SEKARANG, 200)
            waktu.append((time.perf_counter() - mulai) * 1000)
        kueri = db_pengingat._jatuh_tempo(SEKARANG, 200).compile(
            mesin.sync_engine, compile_kwargs={"literal_binds": True}
        )
        rencana = [str(r[-1]) for r in await conn.execute(text(f"EXPLAIN QUERY PLAN {kueri}"))]
    await mesin.dispose()
    return statistics.median(waktu), sorted(waktu)[int(0.95 * len(waktu)) - 1], rencana


def pengemudi(keluar: Any, masuk: Any) -> None:
    """The second process: a fake Bot API enforcing Telegram's limits."""
    asyncio.run(_pengemudi(keluar, masuk))


async def _pengemudi(keluar: Any, masuk: Any) -> None:
    async with FakeBotApi() as api:
        api.enforce_limits(overall_per_second=30, per_chat_per_second=1)
        keluar.put((api.base_url, api.base_file_url))
        await asyncio.to_thread(masuk.get)
        terkirim = sum(1 for c in api.calls_to("sendMessage") if c.error is None)
        keluar.put((terkirim, api.rejected_429))


async def ukur_kirim(url: str, folder: Path, jumlah: int) -> dict[str, float]:
    """Dispatch every due row through the real bot and dispatcher; messages per second."""
    ctx = multiprocessing.get_context("spawn")
    keluar, masuk = ctx.Queue(), ctx.Queue()
    proses = ctx.Process(target=pengemudi, args=(keluar, masuk))
    proses.start()
    base_url, file_url = await asyncio.to_thread(keluar.get, True, 60)
    settings = Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        database_url=url,
        telegram_api_url=base_url,
        telegram_file_url=file_url,
        data_dir=folder / "data",
    )
    app = buat_aplikasi(settings, jam=lambda: SEKARANG)
    async with app:
        lay: Layanan = app.bot_data["layanan"]
        pengirim = Pengirim(lay, app.bot)
        mulai = time.perf_counter()
        total = 0
        while total < jumlah:
            dikirim = await pengirim.putaran()
            if not dikirim:
                break
            total += dikirim
        lama = time.perf_counter() - mulai
    masuk.put("selesai")
    terkirim, ditolak = await asyncio.to_thread(keluar.get, True, 60)
    await asyncio.to_thread(proses.join, 30)
    return {"terkirim": terkirim, "detik": lama, "per_detik": total / lama, "429": ditolak}


async def utama(jumlah: int, jatuh_tempo: int) -> None:
    with tempfile.TemporaryDirectory() as nama:
        folder = Path(nama)
        url = f"sqlite+aiosqlite:///{folder / 'bench.db'}"
        tingkatkan(url)
        mulai = time.perf_counter()
        await isi(url, jumlah, jatuh_tempo)
        print(f"planned {jumlah} rows ({jatuh_tempo} due) in {time.perf_counter() - mulai:.1f} s")
        p50, p95, rencana = await ukur_kueri(url)
        print(
            f"due query (200 rows out of {jumlah}): median {p50:.2f} ms, p95 {p95:.2f} ms "
            "(target < 10 ms)"
        )
        for langkah in rencana:
            print(f"  plan: {langkah}")
        hasil = await ukur_kirim(url, folder, jatuh_tempo)
    print(
        f"dispatched {hasil['terkirim']:.0f} reminders in {hasil['detik']:.1f} s = "
        f"{hasil['per_detik']:.1f} messages/s (target >= 28), "
        f"429 responses: {hasil['429']:.0f} (target 0)"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--baris", type=int, default=100_000)
    p.add_argument("--jatuh-tempo", type=int, default=3_000)
    args = p.parse_args()
    asyncio.run(utama(args.baris, args.jatuh_tempo))


if __name__ == "__main__":
    main()
