"""Fixtures for conversation tests: the real Application, over HTTP, against FakeBotApi."""

from __future__ import annotations

import itertools
import os
import traceback
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, buat_aplikasi
from bot.config import Settings
from tests import basis_data
from tests.fakes.bot_api import TOKEN, FakeBotApi
from tests.fakes.lifecycle import jalankan
from tests.fakes.pengguna import Pengguna


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "galat_diharapkan(jenis=(...)): the test expects the bot's error handler to run "
        "(optionally only for these exception types)",
    )


class Jam:
    """A clock the test moves by hand."""

    def __init__(self, awal: datetime) -> None:
        self.sekarang = awal

    def __call__(self) -> datetime:
        return self.sekarang

    def maju(self, selang: timedelta) -> None:
        self.sekarang += selang


@pytest.fixture(scope="session", params=basis_data.MESIN)
def db_templat(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    server_postgresql: str | None,
) -> str:
    """A migrated database made once per engine; every test runs on both engines."""
    if request.param == "postgresql" and server_postgresql is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs PostgreSQL's programs (.ci/sistem installs them)")
        pytest.skip("PostgreSQL is not installed here (bash .ci/sistem installs it)")
    folder = tmp_path_factory.mktemp(f"templat-{request.param}")
    return basis_data.buat_templat(request.param, folder, server_postgresql)


@pytest.fixture
def db_url(tmp_path: Path, db_templat: str, server_postgresql: str | None) -> str:
    """The test's own database, copied from the template."""
    return basis_data.salin(db_templat, tmp_path, server_postgresql)


@pytest.fixture
def jam() -> Jam:
    # Monday 23 November 2026, 10:00 WIB.
    return Jam(datetime(2026, 11, 23, 3, 0, tzinfo=UTC))


@pytest.fixture
def settings(db_url: str, bot_api: FakeBotApi, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,
        telegram_bot_token=TOKEN,
        database_url=db_url,
        telegram_api_url=bot_api.base_url,
        telegram_file_url=bot_api.base_file_url,
        data_dir=tmp_path / "data",
        persistence_interval=0.5,
    )


Aplikasi = Application[Any, Any, Any, Any, Any, Any]


class CatatanGalat:
    """Every error that reached the bot's error handlers during one test (all restarts)."""

    def __init__(self) -> None:
        self.galat: list[BaseException] = []

    async def rekam(self, update: object, context: Any) -> None:
        """An error handler registered after the bot's own: it only records."""
        if context.error is not None:
            self.galat.append(context.error)

    def ambil(self, jenis: type[BaseException] = BaseException) -> list[BaseException]:
        """Take (and so accept) the recorded errors of type `jenis`."""
        cocok = [galat for galat in self.galat if isinstance(galat, jenis)]
        self.galat = [galat for galat in self.galat if not isinstance(galat, jenis)]
        return cocok


@pytest.fixture
def galat_bot(request: pytest.FixtureRequest) -> Iterator[CatatanGalat]:
    """Fails the test when the bot's error handler ran and the test did not expect it.

    Expect it with `@pytest.mark.galat_diharapkan` (any error) or
    `@pytest.mark.galat_diharapkan(jenis=(RetryAfter, ...))`, or take them with
    `galat_bot.ambil(...)`.
    """
    catatan = CatatanGalat()
    yield catatan
    tanda = request.node.get_closest_marker("galat_diharapkan")
    sisa = catatan.galat
    if tanda is not None:
        jenis = tuple(tanda.args) + tuple(tanda.kwargs.get("jenis", ())) or (BaseException,)
        sisa = [galat for galat in sisa if not isinstance(galat, jenis)]
    if sisa:
        rincian = "\n".join(
            "".join(traceback.format_exception(galat)).rstrip() for galat in sisa[:3]
        )
        pytest.fail(
            f"the bot's error handler ran {len(sisa)} time(s) (mark the test "
            f"@pytest.mark.galat_diharapkan if that is intended):\n{rincian}",
            pytrace=False,
        )


@pytest.fixture
def mulai_bot(
    settings: Settings, bot_api: FakeBotApi, jam: Jam, galat_bot: CatatanGalat
) -> Callable[[], Any]:
    """Start a (new) Application on the test's database: call it again to 'restart'.

    Any error that reaches the bot's error handler fails the test (see `galat_bot`).
    """

    @asynccontextmanager
    async def mulai() -> AsyncIterator[Aplikasi]:
        app = buat_aplikasi(settings, jam=jam)
        app.add_error_handler(galat_bot.rekam)
        async with jalankan(app, bot_api, allowed_updates=ALLOWED_UPDATES):
            yield app

    return mulai


@pytest.fixture
async def bot(mulai_bot: Callable[[], Any]) -> AsyncIterator[Aplikasi]:
    async with mulai_bot() as app:
        yield app


@pytest.fixture
def orang(bot_api: FakeBotApi) -> Callable[[str], Pengguna]:
    """Make a new simulated user: `orang("Bu Sari")`."""
    nomor = itertools.count(10_001)

    def buat(nama: str) -> Pengguna:
        return Pengguna(bot_api, next(nomor), nama)

    return buat


async def daftarkan_sekolah(
    kepala: Pengguna, npsn: str = "20512345", nama: str = "SMP Negeri 1 Sleman"
) -> None:
    """Walk /daftar to the end, the way a principal would."""
    await kepala.kirim("/daftar")
    await kepala.balasan_berisi("NPSN")
    await kepala.kirim(npsn)
    await kepala.balasan_berisi("nama sekolah")
    await kepala.kirim(nama)
    await kepala.balasan_berisi("Pilih jenjang")
    await kepala.tekan("SMP")
    await kepala.balasan_berisi("kabupaten/kota")
    await kepala.kirim("Kabupaten Sleman")
    await kepala.balasan_berisi("provinsi")
    await kepala.kirim("DI Yogyakarta")
    await kepala.balasan_berisi("zona waktu")
    await kepala.tekan("WIB (Jakarta)")
    await kepala.balasan_berisi("Mohon periksa")
    await kepala.tekan("Simpan")
    await kepala.api.idle()


async def sekolah_binaan(bot: Any, pengawas: Pengguna, nama: str, jumlah: int = 300) -> list[int]:
    """`jumlah` schools (named `nama.format(i)`, NPSN 2000000i) with `pengawas` assigned to
    each, written straight to the database (a district's size, without 300 registrations)."""
    from bot.akses import KUNCI_LAYANAN
    from db import keanggotaan, pengguna, sekolah

    lay = bot.bot_data[KUNCI_LAYANAN]
    hasil = []
    async with lay.mesin.begin() as conn:
        await pengguna.catat_kunjungan(conn, pengawas.id, pengawas.nama, None, lay.sekarang())
        for i in range(1, jumlah + 1):
            sid = await sekolah.buat(
                conn,
                npsn=f"2{i:07d}",
                nama=nama.format(i),
                jenjang="SMP",
                kabupaten="Kab. Sleman",
                provinsi="DI Yogyakarta",
                zona_waktu="Asia/Jakarta",
                waktu=lay.sekarang(),
            )
            await keanggotaan.tambah(
                conn,
                pengguna_id=pengawas.id,
                sekolah_id=sid,
                peran="pengawas",
                waktu=lay.sekarang(),
            )
            hasil.append(sid)
    return hasil


async def undang(pengundang: Pengguna, peran_label: str, sekali: bool = True) -> str:
    """Create an invite by buttons and return its code."""
    await pengundang.kirim("/undang")
    # The question is edited in place into the code; a join notice from the outbox may
    # arrive in between, so the message is followed by its id.
    pilih = await pengundang.balasan_berisi("Pilih peran")
    await pengundang.tekan(peran_label, pilih)
    await pengundang.api.idle()
    await pengundang.tekan(
        "Sekali pakai" if sekali else "Banyak pakai", pengundang.pesan(pilih.message_id)
    )
    await pengundang.api.idle()
    pesan = pengundang.pesan(pilih.message_id)
    assert pesan is not None and "Kode:" in pesan.teks, pesan
    return pesan.teks.split("Kode: ")[1].split()[0]


async def gabung(anggota: Pengguna, kode: str) -> None:
    await anggota.kirim(f"/gabung {kode}")
    await anggota.balasan_berisi("Selamat bergabung")
