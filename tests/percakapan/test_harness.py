"""The conversation harness itself can fail: a crash is never hidden behind a later message."""

from __future__ import annotations

from typing import Any

import pytest
from telegram import Update
from telegram.ext import CommandHandler, ContextTypes

from tests.fakes.pengguna import PESAN_GALAT, Pengguna
from tests.percakapan.conftest import Aplikasi, CatatanGalat


async def _meledak(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    raise RuntimeError("sengaja")


async def test_pesan_galat_tidak_dilewati_diam_diam(
    bot: Aplikasi, orang: Any, galat_bot: CatatanGalat
) -> None:
    bot.add_handler(CommandHandler("meledak", _meledak), group=-1)
    budi: Pengguna = orang("Budi")
    await budi.kirim("/meledak")
    await budi.kirim("/bantuan")
    with pytest.raises(AssertionError, match="error message"):
        await budi.balasan_berisi("/pemetaan")
    await budi.api.idle()
    # The error handler ran, and the harness recorded it; taking it accepts it.
    assert [str(galat) for galat in galat_bot.ambil(RuntimeError)] == ["sengaja"]


async def test_semua_balasan_menolak_pesan_galat(bot: Aplikasi, orang: Any) -> None:
    budi: Pengguna = orang("Budi")
    await budi.api.idle()
    budi.api.outbox(budi.chat_id).put_nowait(
        {"message_id": 1, "chat": {"id": budi.chat_id}, "text": f"{PESAN_GALAT} di pihak kami."}
    )
    with pytest.raises(AssertionError, match="error message"):
        await budi.semua_balasan(diam=0.05)


@pytest.mark.galat_diharapkan(jenis=(RuntimeError,))
async def test_tanda_galat_diharapkan(bot: Aplikasi, orang: Any) -> None:
    bot.add_handler(CommandHandler("meledak", _meledak), group=-1)
    budi: Pengguna = orang("Budi")
    await budi.kirim("/meledak")
    await budi.balasan_berisi(PESAN_GALAT)
