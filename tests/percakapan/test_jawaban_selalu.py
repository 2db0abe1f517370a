"""A user always gets an answer: Telegram refusing once is retried, or the user is told."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from telegram.error import NetworkError

from tests.fakes.bot_api import FakeBotApi
from tests.fakes.pengguna import PESAN_GALAT, Pengguna
from tests.percakapan.conftest import Aplikasi


async def test_telegram_sibuk_sekali_jawaban_tetap_datang(
    bot: Aplikasi, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    budi = orang("Budi")
    bot_api.fail_next("sendMessage", error_code=429, retry_after=1, chat_id=budi.chat_id)
    await budi.kirim("/bantuan")
    await budi.balasan_berisi("/daftar")
    kiriman = bot_api.calls_to("sendMessage")
    assert [call.ok for call in kiriman] == [False, True]  # refused once, then sent once


@pytest.mark.galat_diharapkan(jenis=(NetworkError,))
async def test_jawaban_gagal_terkirim_pengguna_diminta_mencoba_lagi(
    bot: Aplikasi, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    budi = orang("Budi")
    # A 502 may follow a delivered message, so it is not repeated: the user is told instead.
    bot_api.fail_next("sendMessage", error_code=502, chat_id=budi.chat_id)
    await budi.kirim("/bantuan")
    pesan = await budi.balasan()
    assert PESAN_GALAT in pesan.teks and "coba lagi" in pesan.teks
    await budi.tidak_ada_balasan()
    await budi.kirim("/bantuan")
    await budi.balasan_berisi("/daftar")
