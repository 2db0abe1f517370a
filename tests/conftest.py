"""Shared pytest fixtures for the Asisten Mutu tests."""

import os

os.environ.setdefault("PTB_TIMEDELTA", "true")  # before telegram is imported anywhere

import logging  # noqa: E402
import re  # noqa: E402
from collections.abc import AsyncIterator, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from tests import basis_data  # noqa: E402
from tests.fakes.bot_api import FakeBotApi  # noqa: E402


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotApi]:
    """A fresh fake Telegram Bot API server on 127.0.0.1 for one test."""
    async with FakeBotApi() as api:
        yield api


@pytest.fixture(scope="session")
def server_postgresql() -> Iterator[str | None]:
    """The PostgreSQL server of this test run (tests/basis_data.py), or None without one."""
    with basis_data.cluster_sementara() as server:
        yield server


@pytest.fixture
def url_postgresql(server_postgresql: str | None) -> str:
    """A new empty database on the run's PostgreSQL server (skipped without one, except in
    CI, where it fails)."""
    if server_postgresql is None:
        if os.environ.get("CI"):
            pytest.fail("CI needs PostgreSQL's programs (.ci/sistem installs them)")
        pytest.skip("PostgreSQL is not installed here (bash .ci/sistem installs it)")
    return basis_data.basis_data_kosong(server_postgresql)


class _Catatan(logging.Handler):
    """Keeps every record our own code logs during the run, formatted with its traceback."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.teks: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.teks.append(logging.Formatter("%(message)s").format(record))


def _nama_uji() -> set[str]:
    """The names the tests give their simulated users (`orang("Bu Sari")`)."""
    nama: set[str] = set()
    for path in Path(__file__).parent.rglob("*.py"):
        nama.update(re.findall(r'orang\("([^"{}]{6,})"\)', path.read_text(encoding="utf-8")))
    return nama


@pytest.fixture(scope="session", autouse=True)
def log_tanpa_data_pribadi() -> Iterator[None]:
    """Personal data stays out of the logs: at the end of the run, nothing the bot's own code
    logged (at DEBUG, tracebacks included) names a test user."""
    catatan = _Catatan()
    pencatat = [logging.getLogger(n) for n in ("bot", "percakapan", "db")]
    level = [p.level for p in pencatat]
    for p in pencatat:
        p.addHandler(catatan)
        p.setLevel(logging.DEBUG)
    yield
    for p, lv in zip(pencatat, level, strict=True):
        p.removeHandler(catatan)
        p.setLevel(lv)
    semua = "\n".join(catatan.teks)
    bocor = sorted(n for n in _nama_uji() if n in semua)
    assert not bocor, f"the logs name test users: {bocor}"
