"""The standby finishes what the active process was doing when it was killed (kill -9):
a burst of due reminders, and a user's multi-step conversation. Two `asisten-mutu run` on one
PostgreSQL database (tests/percakapan/test_siaga.py shows the takeover itself)."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy import select

from db import pengguna
from db import pengingat as db_pengingat
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from db.tabel import sekolah
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.pengguna import Pengguna
from tests.percakapan.test_siaga import AMBIL_ALIH, _log, _tunggu_log, proses_bot

PENANDA = "Pengingat uji"
PARAMS = web.RequestKey("params", dict)
SEWA = 6  # seconds: the outbox lease the processes run with (PENGINGAT_SEWA)


class FakeTahan(FakeBotApi):
    """Telegram's limits (30 messages a second, one a second per chat, 429 beyond), and the
    `tahan_ke`-th reminder held unanswered until its caller is gone: the process is killed
    with that send in flight, and a request whose connection dropped is not accepted
    (Telegram never got it whole)."""

    def __init__(self, tahan_ke: int) -> None:
        super().__init__()
        self.tahan_ke = tahan_ke
        self.pengingat = 0  # reminders that reached the fake, accepted or not
        self.ditahan = asyncio.Event()
        self.enforce_limits(overall_per_second=30, per_chat_per_second=1)

    async def _route_method(self, request: web.Request) -> web.Response:
        if request.match_info["method"].lower() == "sendmessage":
            params = request[PARAMS] = await super()._read_params(request)
            if PENANDA in str(params.get("text", "")):
                self.pengingat += 1
                if self.pengingat == self.tahan_ke:
                    self.ditahan.set()
                    akhir = time.monotonic() + 30
                    while time.monotonic() < akhir:
                        if request.transport is None or request.transport.is_closing():
                            return web.Response(status=499)  # the caller is gone
                        await asyncio.sleep(0.02)
        return await super()._route_method(request)

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        if PARAMS in request:  # read above already; a body is read once
            return dict(request[PARAMS])
        return await super()._read_params(request)


async def _rencanakan(url: str, penerima: list[Pengguna], ganda: int) -> dict[int, int]:
    """One due reminder for each recipient, two for the first `ganda`; what each should get."""
    waktu = datetime.now(UTC)
    harap: dict[int, int] = {}
    mesin = buat_mesin(url)
    try:
        async with mesin.begin() as conn:
            for n, o in enumerate(penerima):
                await pengguna.catat_kunjungan(conn, o.id, o.nama, None, waktu)
                harap[o.id] = 2 if n < ganda else 1
                for ke in range(harap[o.id]):
                    await db_pengingat.rencanakan(
                        conn,
                        kunci=f"uji:{o.id}:{ke}",
                        pengguna_id=o.id,
                        jenis="teks",
                        isi={"teks": [f"{PENANDA} {ke + 1}."]},  # parts, as kabar plans them
                        jatuh_tempo=waktu - timedelta(minutes=1, seconds=n % 30),
                        waktu=waktu,
                    )
    finally:
        await mesin.dispose()
    return harap


def _diterima(api: FakeBotApi) -> Counter[int]:
    return Counter(
        int(c.params["chat_id"])
        for c in api.calls_to("sendMessage")
        if c.ok and PENANDA in str(c.params.get("text", ""))
    )


async def test_siaga_menuntaskan_gelombang_pengingat_saat_proses_aktif_dibunuh(
    url_postgresql: str, tmp_path: Path
) -> None:
    async with FakeTahan(tahan_ke=40) as api:
        penerima = [Pengguna(api, 30_000 + n, f"Penerima {n}") for n in range(100)]
        await asyncio.to_thread(tingkatkan, url_postgresql)
        async with proses_bot("aktif", url_postgresql, api, tmp_path, SEWA) as aktif:
            await _tunggu_log(tmp_path / "aktif.log", "polling")
            async with proses_bot("siaga", url_postgresql, api, tmp_path, SEWA) as siaga:
                await _tunggu_log(tmp_path / "siaga.log", "standby: another process is active")
                harap = await _rencanakan(url_postgresql, penerima, ganda=20)

                try:  # in the middle of the burst
                    await asyncio.wait_for(api.ditahan.wait(), 60)
                except TimeoutError:
                    raise AssertionError(_log(tmp_path / "aktif.log")[-3000:]) from None
                sebelum = sum(_diterima(api).values())
                aktif.kill()  # SIGKILL: no clean-up of any kind
                await aktif.wait()
                mati = time.monotonic()
                assert 30 <= sebelum < 40, sebelum

                await _tunggu_log(tmp_path / "siaga.log", "polling", batas=AMBIL_ALIH)
                akhir = mati + AMBIL_ALIH + SEWA + 30
                while sum(_diterima(api).values()) < sum(harap.values()):
                    assert time.monotonic() < akhir, _log(tmp_path / "siaga.log")[-3000:]
                    await asyncio.sleep(0.1)
                await asyncio.sleep(SEWA + 2)  # a lease that ran out would send a row again now
                assert siaga.returncode is None
        diterima = _diterima(api)
        assert diterima == Counter(harap)  # nothing lost, nothing doubled, per recipient
        for o in penerima[:20]:
            teks = sorted(m["text"] for m in api.bot_messages(o.id))
            assert teks == [f"{PENANDA} 1.", f"{PENANDA} 2."], teks
        assert api.rejected_429 == 0


async def test_siaga_melanjutkan_pendaftaran_yang_setengah_jalan(
    url_postgresql: str, bot_api: FakeBotApi, tmp_path: Path, orang: Callable[[str], Pengguna]
) -> None:
    pak_budi = orang("Pak Budi")
    async with proses_bot("aktif", url_postgresql, bot_api, tmp_path) as aktif:
        await _tunggu_log(tmp_path / "aktif.log", "polling")
        async with proses_bot("siaga", url_postgresql, bot_api, tmp_path) as siaga:
            await _tunggu_log(tmp_path / "siaga.log", "standby: another process is active")
            await pak_budi.kirim("/daftar")
            await pak_budi.balasan_berisi("NPSN", timeout=30)
            await pak_budi.kirim("20512345")
            await pak_budi.balasan_berisi("nama sekolah")
            await pak_budi.kirim("SMP Negeri 1 Sleman")
            await pak_budi.balasan_berisi("Pilih jenjang")
            await pak_budi.tekan("SMP")
            await pak_budi.balasan_berisi("kabupaten/kota")
            # Killed a moment after its answer: the step must be known beyond this process.
            await asyncio.sleep(0.2)
            aktif.kill()
            await aktif.wait()

            await pak_budi.kirim("Kabupaten Sleman")  # sent while no process is active
            await _tunggu_log(tmp_path / "siaga.log", "polling", batas=AMBIL_ALIH)
            assert "provinsi" in (await pak_budi.balasan(timeout=AMBIL_ALIH)).teks
            await pak_budi.kirim("DI Yogyakarta")
            await pak_budi.balasan_berisi("zona waktu")
            await pak_budi.tekan("WIB (Jakarta)")
            await pak_budi.balasan_berisi("Mohon periksa")
            await pak_budi.tekan("Simpan")
            await bot_api.idle()
            assert siaga.returncode is None
    mesin = buat_mesin(url_postgresql)
    try:
        async with mesin.connect() as conn:
            baris = (await conn.execute(select(sekolah))).all()
    finally:
        await mesin.dispose()
    assert [(b.npsn, b.nama, b.jenjang, b.kabupaten, b.provinsi) for b in baris] == [
        ("20512345", "SMP Negeri 1 Sleman", "SMP", "Kabupaten Sleman", "DI Yogyakarta")
    ]
    # The answer sent across the takeover was answered once, by the right question.
    teks = [m["text"] for m in bot_api.bot_messages(pak_budi.id)]
    assert sum("Ketik provinsi sekolah" in t for t in teks) == 1, teks
    assert not any("belum paham" in t for t in teks), teks
