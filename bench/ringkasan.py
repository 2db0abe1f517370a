"""/ringkasan for a pengawas with many schools of full data: the bot's own time to read the
schools, apply the summary rules and render the first page with its buttons (no network).

    python -m bench.ringkasan [--sekolah 500] [--ulang 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from bench.data_sekolah import PENGAWAS, SEKARANG, isi
from bot.config import Settings
from bot.layanan import Layanan, ringkasan
from bot.render import Render
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from percakapan.ringkasan import _papan_pengawas
from tests.fakes.bot_api import TOKEN


async def sekali(lay: Layanan) -> tuple[float, float, int]:
    """One /ringkasan worth of work: (read and rules ms, render ms, characters)."""
    mulai = time.perf_counter()
    r = await ringkasan.susun_pengawas(lay, PENGAWAS)
    tengah = time.perf_counter()
    teks = lay.render.pesan("ringkasan/pengawas", r=r, halaman=0, mingguan=False)
    _papan_pengawas(lay.render, r, 0)
    akhir = time.perf_counter()
    return (tengah - mulai) * 1000, (akhir - tengah) * 1000, len(teks)


async def utama(jumlah: int, ulang: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        tingkatkan(url)
        settings = Settings(_env_file=None, telegram_bot_token=TOKEN, database_url=url)
        mesin = buat_mesin(url)
        lay = Layanan(mesin=mesin, settings=settings, render=Render(), jam=lambda: SEKARANG)
        mulai = time.perf_counter()
        await isi(lay, jumlah)
        print(f"data: {jumlah} schools written in {time.perf_counter() - mulai:.1f} s")
        dingin = await sekali(lay)
        hangat = [await sekali(lay) for _ in range(ulang)]
        total = sorted(a + b for a, b, _ in hangat)
        baca = statistics.median(a for a, _, _ in hangat)
        render = statistics.median(b for _, b, _ in hangat)
        print(f"first call (cold caches): {dingin[0] + dingin[1]:.0f} ms")
        print(
            f"warm, {ulang} runs: median {statistics.median(total):.0f} ms, "
            f"max {total[-1]:.0f} ms (read and rules {baca:.0f} ms, render {render:.1f} ms); "
            f"first page {dingin[2]} characters"
        )
        await mesin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sekolah", type=int, default=500)
    parser.add_argument("--ulang", type=int, default=20)
    args = parser.parse_args()
    asyncio.run(utama(args.sekolah, args.ulang))


if __name__ == "__main__":
    main()
