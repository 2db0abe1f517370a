"""/ringkasan for a pengawas with many schools of full data: the bot's own time to read the
schools, apply the summary rules and render the first page with its buttons (no network).

The schools are those of bench.dokumen (one pengawas over all of them), spread over the
stages with the map summary a closed stage 1 keeps, and commitments in every state.

    python -m bench.ringkasan [--sekolah 500] [--ulang 20]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, select, update

from bench.dokumen import PENGAWAS, isi_basis_data
from bot.config import Settings
from bot.layanan import Layanan, ringkasan
from bot.layanan.instrumen_berkas import bawaan
from bot.render import Render
from db.mesin import buat_mesin
from db.tabel import komitmen, siklus
from percakapan.ringkasan import papan_pengawas
from tests.fakes.bot_api import TOKEN

SEKARANG = datetime(2027, 3, 1, 3, 0, tzinfo=UTC)  # the activities were due 20 February
KEMAJUAN = ("belum_mulai", "berjalan", "berjalan", "selesai", "selesai", "terkendala")


def ragamkan(url: str, seed: int = 7) -> None:
    """Spread the cycles over stages 1-4 (a closed stage 1 keeps its map summary) and the
    commitments over every state, as a district's schools are."""
    acak = random.Random(seed)
    inst = bawaan()
    indikator = [i.kode for s in inst.standar for i in s.indikator]
    mesin = create_engine(url.replace("+aiosqlite", ""))
    with mesin.begin() as conn:
        for sid in list(conn.execute(select(siklus.c.id)).scalars()):
            tahap = acak.choice((1, 2, 3, 3, 4))
            peta = None
            if tahap > 1:
                peta = {
                    "skor": round(acak.uniform(3, 6.5), 2),
                    "kategori": "Menuju SNP 3",
                    "standar": {s.kode: round(acak.uniform(2, 7), 2) for s in inst.standar},
                    "merah": acak.sample(indikator, acak.randint(0, 6)),
                }
            conn.execute(update(siklus).where(siklus.c.id == sid).values(tahap=tahap, peta=peta))
        for kid in list(conn.execute(select(komitmen.c.id)).scalars()):
            conn.execute(
                update(komitmen).where(komitmen.c.id == kid).values(kemajuan=acak.choice(KEMAJUAN))
            )
    mesin.dispose()


async def sekali(lay: Layanan) -> tuple[float, float, int]:
    """One /ringkasan worth of work: (read and rules ms, render ms, characters)."""
    mulai = time.perf_counter()
    r = await ringkasan.susun_pengawas(lay, PENGAWAS)
    tengah = time.perf_counter()
    teks = lay.render.pesan("ringkasan/pengawas", r=r, halaman=0, mingguan=False)
    papan_pengawas(lay.render, r, 0)
    akhir = time.perf_counter()
    return (tengah - mulai) * 1000, (akhir - tengah) * 1000, len(teks)


async def utama(jumlah: int, ulang: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        mulai = time.perf_counter()
        isi_basis_data(url, jumlah)
        ragamkan(url)
        print(f"data: {jumlah} schools written in {time.perf_counter() - mulai:.1f} s")
        settings = Settings(_env_file=None, telegram_bot_token=TOKEN, database_url=url)
        mesin = buat_mesin(url)
        lay = Layanan(mesin=mesin, settings=settings, render=Render(), jam=lambda: SEKARANG)
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
