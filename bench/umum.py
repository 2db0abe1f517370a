"""What the benchmarks share: a fake Bot API that notes when each update is delivered, a
seeded database, and percentiles."""

from __future__ import annotations

import statistics
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from tests.fakes.bot_api import FakeBotApi


class FakeBerwaktu(FakeBotApi):
    """The tests' fake Bot API, noting when getUpdates hands each update to the bot (on the
    system-wide monotonic clock, so another process can compare its own times)."""

    def __init__(self) -> None:
        super().__init__()
        self.diserahkan: dict[int, float] = {}

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        batch = await super()._get_updates(params)
        sekarang = time.monotonic()
        for u in batch:
            self.diserahkan.setdefault(u["update_id"], sekarang)
        return batch


def persentil(nilai: list[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation."""
    if not nilai:
        return float("nan")
    if len(nilai) == 1:
        return nilai[0]
    return statistics.quantiles(nilai, n=100, method="inclusive")[max(0, min(98, round(p) - 1))]


@asynccontextmanager
async def bot_berjalan(app: Application[Any, Any, Any, Any, Any, Any]) -> AsyncIterator[None]:
    """Run an Application's polling the way run_polling does, without owning the loop."""
    async with app:
        if app.post_init:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=None)
        await app.start()
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()
    if app.post_shutdown:
        await app.post_shutdown(app)
