"""A kill -9 in the middle of plan approval loses no commitment request: the bot runs as
`python -m bot.cli run` in a process of its own against a fake Bot API that is slow to accept
the requests; the process is killed while it sends them, started again, and every PIC gets each
of their requests exactly once."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.akses import KUNCI_LAYANAN
from bot.app import ALLOWED_UPDATES, buat_aplikasi
from bot.config import Settings
from bot.layanan import rencana as layanan_rencana
from bot.layanan.aktor import kenali
from bot.layanan.rencana import KegiatanBaru
from tests.fakes.bot_api import TOKEN, FakeBotApi
from tests.fakes.lifecycle import jalankan
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam, gabung, undang
from tests.percakapan.test_rencana_ubah import _sekolah_di_tahap_2

PERMINTAAN = "Komitmen baru untuk Anda"
SEWA = 6  # seconds: the outbox lease of the bot process
PARAMS = web.RequestKey("params", dict)


class FakeLambat(FakeBotApi):
    """A commitment request takes `jeda` seconds to be accepted. A request whose connection
    dropped meanwhile (the bot was killed) is not accepted: Telegram never got it whole."""

    def __init__(self, jeda: float) -> None:
        super().__init__()
        self.jeda = jeda
        self.lambat = False
        self.diminta = 0  # commitment requests that reached the fake, accepted or not

    async def _route_method(self, request: web.Request) -> web.Response:
        if self.lambat and request.match_info["method"].lower() == "sendmessage":
            params = request[PARAMS] = await super()._read_params(request)
            if PERMINTAAN in str(params.get("text", "")):
                self.diminta += 1
                await asyncio.sleep(self.jeda)
                if request.transport is None or request.transport.is_closing():
                    return web.Response(status=499)  # the caller is gone: nothing accepted
        return await super()._route_method(request)

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        if PARAMS in request:  # read above already; a body is read once
            return dict(request[PARAMS])
        return await super()._read_params(request)


@asynccontextmanager
async def proses_bot(
    nama: str, settings: Settings, folder: Path
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot.cli run` in a process of its own, its log in `folder/<nama>.log`."""
    lingkungan = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_URL": settings.database_url,
        "TELEGRAM_API_URL": settings.telegram_api_url,
        "TELEGRAM_FILE_URL": settings.telegram_file_url,
        "DATA_DIR": str(settings.data_dir),
        "PENGINGAT_INTERVAL": "1",
        "PENGINGAT_SEWA": str(SEWA),
    }
    with (folder / f"{nama}.log").open("wb") as log:  # noqa: ASYNC230 (opened once, at start)
        proses = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot.cli", "run", env=lingkungan, stdout=log, stderr=log
        )
        try:
            yield proses
        finally:
            if proses.returncode is None:
                proses.send_signal(signal.SIGTERM)
                try:
                    await asyncio.wait_for(proses.wait(), 20)
                except TimeoutError:
                    proses.kill()
                    await proses.wait()


async def _rencana(app: Any, koor: Pengguna, pic: list[Pengguna]) -> None:
    """Two activities for each PIC, through the use-cases the conversation calls."""
    lay = app.bot_data[KUNCI_LAYANAN]
    aktor = await kenali(lay, koor.id, koor.nama, None)
    kode = (await layanan_rencana.calon_masalah(lay, aktor))[0].kode
    await layanan_rencana.tambah_masalah(lay, aktor, kode, "sdm", "Guru belum dilatih.")
    await layanan_rencana.tambah_program(lay, aktor, kode, "Pelatihan")
    for i, orang in enumerate(pic * 2):
        await layanan_rencana.tambah_kegiatan(
            lay,
            aktor,
            kode,
            1,
            KegiatanBaru(
                f"Kegiatan {i + 1} {orang.nama}",
                orang.id,
                date(2027, 1, 10),
                date(2027, 1, 20),
                100_000,
                "Terlaksana",
                4.0,
            ),
        )


def _permintaan(api: FakeBotApi, orang: Pengguna) -> list[str]:
    return [m["text"] for m in api.bot_messages(orang.id) if PERMINTAAN in m.get("text", "")]


async def test_kill_9_saat_menyetujui_rencana_tidak_menghilangkan_permintaan_komitmen(
    db_url: str, tmp_path: Path, jam: Jam
) -> None:
    async with FakeLambat(jeda=0.4) as api:
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN,
            database_url=db_url,
            telegram_api_url=api.base_url,
            telegram_file_url=api.base_file_url,
            data_dir=tmp_path / "data",
        )
        nomor = iter(range(10_001, 10_100))

        def orang(nama: str) -> Pengguna:
            return Pengguna(api, next(nomor), nama)

        # The school is made ready by a bot in this process, which then stops.
        app = buat_aplikasi(settings, jam=jam)
        async with jalankan(app, api, allowed_updates=ALLOWED_UPDATES):
            p = await _sekolah_di_tahap_2(app, orang)
            kepala = p["Pak Budi"]
            pic = [p["Bu Sari"]]
            for n in range(3):
                guru = orang(f"Guru {n + 1}")
                await gabung(guru, await undang(kepala, "Guru"))
                pic.append(guru)
            await _rencana(app, p["Bu Koor"], pic)
            await api.idle()

        api.lambat = True
        async with proses_bot("pertama", settings, tmp_path) as pertama:
            await kepala.kirim("/perencanaan")
            await kepala.tekan(
                "Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu", 60)
            )
            akhir = time.monotonic() + 60
            while api.diminta < 3:  # two accepted, the third in flight
                assert time.monotonic() < akhir, (tmp_path / "pertama.log").read_text()
                await asyncio.sleep(0.02)
            pertama.kill()  # SIGKILL: no clean-up of any kind
            await pertama.wait()
        sebelum = sum(len(_permintaan(api, o)) for o in pic)
        assert sebelum == 2, sebelum  # the one in flight was not accepted

        async with proses_bot("kedua", settings, tmp_path):
            akhir = time.monotonic() + 60 + SEWA
            while sum(len(_permintaan(api, o)) for o in pic) < 2 * len(pic):
                assert time.monotonic() < akhir, (tmp_path / "kedua.log").read_text()
                await asyncio.sleep(0.1)
            await asyncio.sleep(SEWA + 2)  # a lease that ran out would send a row again now
        for o in pic:
            teks = _permintaan(api, o)
            assert len(teks) == 2, (o.nama, teks)  # each of their two, exactly once
            assert len(set(teks)) == 2, teks
