"""Shared pytest fixtures for the Asisten Mutu tests."""

import os

os.environ.setdefault("PTB_TIMEDELTA", "true")  # before telegram is imported anywhere

from collections.abc import AsyncIterator, Iterator  # noqa: E402

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
