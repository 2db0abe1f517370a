"""`asisten-mutu run --webhook`: Telegram posts updates to the bot, each with the secret."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from pydantic import SecretStr

from bot.app import ALLOWED_UPDATES, buat_aplikasi
from bot.config import KonfigurasiSalah, Settings, opsi_webhook
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.lifecycle import jalankan_webhook
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam

RAHASIA = "rahasia-uji_123"


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def settings_webhook(settings: Settings) -> Settings:
    port = _port_bebas()
    return settings.model_copy(
        update={
            "webhook_url": f"http://127.0.0.1:{port}/telegram/asisten",
            "webhook_secret": SecretStr(RAHASIA),
            "webhook_listen": f"127.0.0.1:{port}",
        }
    )


async def test_pembaruan_lewat_webhook_dijawab(
    settings_webhook: Settings, bot_api: FakeBotApi, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    opsi = opsi_webhook(settings_webhook)
    assert opsi.url_path == "telegram/asisten" and opsi.listen == "127.0.0.1"
    app = buat_aplikasi(settings_webhook, jam=jam)
    async with jalankan_webhook(app, bot_api, opsi, allowed_updates=ALLOWED_UPDATES):
        bu_sari = orang("Bu Sari")
        await bu_sari.kirim("/start")
        pesan = await bu_sari.balasan()
        assert "Asisten Mutu" in pesan.teks
        assert set(bot_api.webhook_responses) == {200}
        assert not [c for c in bot_api.calls if c.method == "getUpdates"]


@pytest.mark.parametrize("rahasia", [None, "salah"])
async def test_kiriman_tanpa_rahasia_yang_benar_ditolak_403_dan_tidak_diproses(
    settings_webhook: Settings, bot_api: FakeBotApi, jam: Jam, rahasia: str | None
) -> None:
    opsi = opsi_webhook(settings_webhook)
    app = buat_aplikasi(settings_webhook, jam=jam)
    update = {
        "update_id": 9001,
        "message": {
            "message_id": 1,
            "date": 1_790_000_000,
            "chat": {"id": 4242, "type": "private", "first_name": "Penyusup"},
            "from": {"id": 4242, "is_bot": False, "first_name": "Penyusup"},
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }
    kepala = {} if rahasia is None else {"X-Telegram-Bot-Api-Secret-Token": rahasia}
    async with jalankan_webhook(app, bot_api, opsi, allowed_updates=ALLOWED_UPDATES):
        async with aiohttp.ClientSession() as sesi:
            async with sesi.post(opsi.webhook_url, json=update, headers=kepala) as jawaban:
                assert jawaban.status == 403
        await bot_api.idle()
    assert not [c for c in bot_api.calls if c.method == "sendMessage"]


@pytest.mark.parametrize(
    ("ubah", "pesan"),
    [
        ({"webhook_url": None}, "WEBHOOK_URL is not set"),
        ({"webhook_secret": None}, "WEBHOOK_SECRET must be"),
        ({"webhook_secret": SecretStr("ada spasi")}, "WEBHOOK_SECRET must be"),
        ({"webhook_listen": "8080"}, "should be HOST:PORT"),
    ],
)
def test_setelan_webhook_yang_kurang_disebut_dalam_satu_baris(
    settings_webhook: Settings, ubah: dict[str, Any], pesan: str
) -> None:
    with pytest.raises(KonfigurasiSalah, match=pesan):
        opsi_webhook(settings_webhook.model_copy(update=ubah))
