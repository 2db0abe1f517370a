"""Two `asisten-mutu run` on one PostgreSQL database: one active, the other a standby that
takes over when the active one is killed (kill -9), within 15 seconds, losing no update."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from tests.fakes.bot_api import TOKEN, FakeBotApi
from tests.fakes.pengguna import Pengguna

AMBIL_ALIH = 15.0  # seconds the issue allows for a standby to take over


@asynccontextmanager
async def proses_bot(
    nama: str, url: str, api: FakeBotApi, folder: Path, sewa: int | None = None
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot.cli run` in a process of its own, its log in `folder/<nama>.log`;
    `sewa`: its outbox lease in seconds (PENGINGAT_SEWA)."""
    lingkungan = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "DATABASE_URL": url,
        "TELEGRAM_API_URL": api.base_url,
        "TELEGRAM_FILE_URL": api.base_file_url,
        "DATA_DIR": str(folder / f"data-{nama}"),
        "PENGINGAT_INTERVAL": "1",
        **({"PENGINGAT_SEWA": str(sewa)} if sewa is not None else {}),
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


def _log(berkas: Path) -> str:
    return berkas.read_text(errors="replace") if berkas.exists() else ""


async def _tunggu_log(berkas: Path, teks: str, batas: float = 60.0) -> None:
    akhir = time.monotonic() + batas
    while time.monotonic() < akhir:
        if teks in _log(berkas):
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"{teks!r} not in {berkas.name}:\n{_log(berkas)}")


async def test_siaga_mengambil_alih_saat_proses_aktif_dibunuh(
    url_postgresql: str, bot_api: FakeBotApi, tmp_path: Path, orang: Callable[[str], Pengguna]
) -> None:
    bu_sari = orang("Bu Sari")
    async with proses_bot("aktif", url_postgresql, bot_api, tmp_path) as aktif:
        await _tunggu_log(tmp_path / "aktif.log", "polling")
        await bu_sari.kirim("/start")
        assert "Asisten Mutu" in (await bu_sari.balasan(timeout=30)).teks

        async with proses_bot("siaga", url_postgresql, bot_api, tmp_path) as siaga:
            await _tunggu_log(tmp_path / "siaga.log", "standby: another process is active")
            await asyncio.sleep(3)  # the standby keeps waiting while the active one lives
            assert "polling" not in _log(tmp_path / "siaga.log")

            aktif.send_signal(signal.SIGKILL)
            await aktif.wait()
            mati = time.monotonic()
            await bu_sari.kirim("/bantuan")  # sent while no process is active
            await _tunggu_log(tmp_path / "siaga.log", "polling", batas=AMBIL_ALIH)
            jawaban = await bu_sari.balasan(timeout=AMBIL_ALIH)
            ambil_alih = time.monotonic() - mati
            assert ambil_alih < AMBIL_ALIH, ambil_alih
            assert "/daftar" in jawaban.teks  # the update sent in between is answered
            assert siaga.returncode is None
    terkirim = [c for c in bot_api.calls if c.method == "sendMessage"]
    assert len(terkirim) == 2  # each message answered once, nothing twice
