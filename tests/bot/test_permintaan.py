"""Requests that never reached Telegram are repeated; those that may have are not."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from telegram import Bot
from telegram.error import NetworkError

from bot.permintaan import PermintaanUlang, aman_diulang
from tests.fakes.bot_api import FakeBotApi


class TransporGoyah(httpx.AsyncHTTPTransport):
    """A real transport whose first `gagal` sendMessage requests fail with `galat`."""

    def __init__(self, galat: type[httpx.TransportError], gagal: int) -> None:
        super().__init__()
        self.galat, self.gagal, self.percobaan = galat, gagal, 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/sendMessage"):
            self.percobaan += 1
            if self.percobaan <= self.gagal:
                raise self.galat("simulated", request=request)
        return await super().handle_async_request(request)


async def _kirim(bot_api: FakeBotApi, transpor: TransporGoyah, ulang: int = 3) -> Any:
    permintaan = PermintaanUlang(ulang=ulang, jeda=0.01, httpx_kwargs={"transport": transpor})
    async with Bot(
        bot_api.token,
        base_url=bot_api.base_url,
        base_file_url=bot_api.base_file_url,
        request=permintaan,
    ) as bot:
        return await bot.send_message(1001, "Halo")


async def test_koneksi_gagal_dibuka_diulang_sekali_terkirim(bot_api: FakeBotApi) -> None:
    transpor = TransporGoyah(httpx.ConnectError, gagal=2)
    await _kirim(bot_api, transpor)
    assert transpor.percobaan == 3 and len(bot_api.calls_to("sendMessage")) == 1


async def test_koneksi_putus_setelah_terkirim_tidak_diulang(bot_api: FakeBotApi) -> None:
    transpor = TransporGoyah(httpx.RemoteProtocolError, gagal=1)
    with pytest.raises(NetworkError) as galat:
        await _kirim(bot_api, transpor)
    assert not aman_diulang(galat.value)
    assert transpor.percobaan == 1  # it may have been delivered: not sent again


async def test_menyerah_setelah_batas_ulang(bot_api: FakeBotApi) -> None:
    transpor = TransporGoyah(httpx.ConnectError, gagal=10)
    with pytest.raises(NetworkError) as galat:
        await _kirim(bot_api, transpor, ulang=2)
    assert aman_diulang(galat.value)
    assert transpor.percobaan == 3 and bot_api.calls_to("sendMessage") == []
