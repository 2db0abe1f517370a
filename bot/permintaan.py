"""Requests to Telegram that survive a short network hiccup without sending anything twice.

What is retried, and why only that: a request is repeated only when it cannot have reached
Telegram, so a repeat can never double a message. That is a connection that could not be
opened (`httpx.ConnectError`, `httpx.ConnectTimeout`) and a wait for a free connection of our
own pool (`httpx.PoolTimeout`). A read timeout, a dropped connection after the request went
out, or a 5xx answer may follow a message Telegram already delivered, so those are not
repeated here: the error handler tells the user to try again instead (bot/app.py).
`RetryAfter` (429) is Telegram saying the request was not processed; the rate limiter
(`AIORateLimiter(max_retries=...)`) waits and repeats those."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
from telegram.error import NetworkError
from telegram.request import HTTPXRequest

log = logging.getLogger(__name__)

BELUM_TERKIRIM = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def aman_diulang(galat: BaseException) -> bool:
    """Whether the failed request surely never reached Telegram (so repeating is safe)."""
    return isinstance(galat, NetworkError) and isinstance(galat.__cause__, BELUM_TERKIRIM)


class PermintaanUlang(HTTPXRequest):
    """PTB's HTTPX request, repeating a request that was never sent (see the module doc)."""

    def __init__(self, ulang: int = 3, jeda: float = 0.5, **opsi: Any) -> None:
        super().__init__(**opsi)
        self._ulang = ulang
        self._jeda = jeda

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Send; on a connection that never opened, wait a little longer each time and retry."""
        for percobaan in range(self._ulang + 1):
            try:
                return await super().do_request(*args, **kwargs)
            except NetworkError as galat:
                if percobaan == self._ulang or not aman_diulang(galat):
                    raise
                log.warning("Telegram unreachable (%s); retry %d", galat, percobaan + 1)
                await asyncio.sleep(self._jeda * 2**percobaan)
        raise AssertionError("unreachable")
