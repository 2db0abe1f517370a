"""The outbox records what happened: a message Telegram accepted is never marked failed because
of what came after it; an outcome the database refused is kept, written on the next run, and
the row is not sent again meanwhile, even once its lease ran out; a run whose claim was taken
over cannot write an outcome over the new claim."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from bot.akses import KUNCI_LAYANAN
from bot.pengingat import AturanKirim, Pengirim
from db import pengingat as db_pengingat
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam
from tests.percakapan.test_pengingat import _baris, _rencanakan


async def test_pesan_terkirim_tidak_dicatat_gagal_saat_tindak_lanjut_gagal(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")
    panggilan: list[int] = []

    async def tindak_lanjut(_lay: Any, b: Any) -> None:
        panggilan.append(b.id)
        if len(panggilan) == 1:
            raise RuntimeError("the planner of the next reminder broke")

    lay = bot.bot_data[KUNCI_LAYANAN]
    pengirim = Pengirim(lay, bot.bot, AturanKirim(jeda_per_chat=0), setelah_terkirim=tindak_lanjut)
    assert await pengirim.putaran() == 1
    assert "Kegiatan A" in (await guru.balasan()).teks
    baris = (await _baris(bot))["a"]
    assert baris.status == "terkirim" and baris.galat_terakhir is None
    assert await pengirim.putaran() == 0  # the follow-up is tried again, the message is not
    assert len(panggilan) == 2
    await guru.tidak_ada_balasan(0.2)


async def test_hasil_yang_gagal_ditulis_diulang_dan_tidak_dikirim_lagi(
    bot: Any,
    jam: Jam,
    orang: Callable[[str], Pengguna],
    bot_api: FakeBotApi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")
    asli = db_pengingat.terkirim
    tolak = {"sisa": 2}

    async def terkirim(*args: Any, **kwargs: Any) -> bool:
        if tolak["sisa"]:
            tolak["sisa"] -= 1
            raise OperationalError("UPDATE pengingat", {}, Exception("database is locked"))
        return await asli(*args, **kwargs)

    monkeypatch.setattr(db_pengingat, "terkirim", terkirim)
    lay = bot.bot_data[KUNCI_LAYANAN]
    pengirim = Pengirim(lay, bot.bot, AturanKirim(jeda_per_chat=0))
    assert await pengirim.putaran() == 1
    assert "Kegiatan A" in (await guru.balasan()).teks
    assert (await _baris(bot))["a"].status == "mengirim"  # still ours, not failed, not free

    jam.maju(timedelta(minutes=5))  # the lease ran out while the database refused
    assert await pengirim.putaran() == 0  # the write failed again: nothing claimed or sent
    assert (await _baris(bot))["a"].status == "mengirim"
    assert await pengirim.putaran() == 0  # written now, and the row is not claimed again
    baris = (await _baris(bot))["a"]
    assert baris.status == "terkirim" and baris.pesan_id and baris.percobaan == 1
    await guru.tidak_ada_balasan(0.2)
    assert len(bot_api.bot_messages(guru.id)) == 1


async def test_klaim_yang_sudah_diambil_alih_tidak_bisa_menulis_hasil(
    bot: Any, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        (lama,) = await db_pengingat.klaim(conn, jam(), jam() + timedelta(minutes=2), 10)
    jam.maju(timedelta(minutes=3))
    async with lay.mesin.begin() as conn:  # the lease ran out; another run takes the row
        (baru,) = await db_pengingat.klaim(conn, jam(), jam() + timedelta(minutes=2), 10)
    assert (lama.percobaan, baru.percobaan) == (1, 2)
    async with lay.mesin.begin() as conn:
        assert not await db_pengingat.gagal(conn, lama.id, "timeout", percobaan=lama.percobaan)
        assert await db_pengingat.terkirim(conn, baru.id, 7, jam(), percobaan=baru.percobaan)
    baris = (await _baris(bot))["a"]
    assert (baris.status, baris.pesan_id, baris.galat_terakhir) == ("terkirim", 7, None)
