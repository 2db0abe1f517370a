"""Shared pytest fixtures for the Asisten Mutu tests."""

import os

os.environ.setdefault("PTB_TIMEDELTA", "true")  # before telegram is imported anywhere

from collections.abc import AsyncIterator  # noqa: E402

import pytest  # noqa: E402

from tests.fakes.bot_api import FakeBotApi  # noqa: E402


@pytest.fixture
async def bot_api() -> AsyncIterator[FakeBotApi]:
    """A fresh fake Telegram Bot API server on 127.0.0.1 for one test."""
    async with FakeBotApi() as api:
        yield api
