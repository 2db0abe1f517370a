"""The reminder outbox over HTTP, with a clock the test moves: due rows go out once, at their
time; a run that died is taken over after its lease; 429 is waited out; a user who blocked the
bot stops getting reminders and the coordinator hears of it once."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.app import KUNCI_PENGIRIM
from bot.pengingat import AturanKirim, Pengirim
from db import pengingat as db_pengingat
from db.tabel import pengguna, pengingat
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam, daftarkan_sekolah, gabung, undang


def _isi(kegiatan: str) -> dict[str, Any]:
    return {
        "templat": "pengingat/komitmen",
        "konteks": {
            "jenis": "h-1",
            "kegiatan": kegiatan,
            "selesai": "Selasa, 24 November 2026",
            "status": "berjalan",
            "terlambat": 0,
        },
    }


async def _rencanakan(
    app: Any, kunci: str, orang: Pengguna, menit: int, kegiatan: str, sekolah_id: int | None = None
) -> None:
    lay = app.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.begin() as conn:
        await db_pengingat.rencanakan(
            conn,
            kunci=kunci,
            pengguna_id=orang.id,
            jenis="komitmen",
            isi=_isi(kegiatan),
            jatuh_tempo=lay.sekarang() + timedelta(minutes=menit),
            waktu=lay.sekarang(),
            sekolah_id=sekolah_id,
            rujukan="komitmen:1",
        )


async def _baris(app: Any) -> dict[str, Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return {b.kunci: b for b in await conn.execute(select(pengingat))}


async def test_terkirim_pada_waktunya_sekali_saja(
    bot: Any, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 10, "Kegiatan A")
    await _rencanakan(bot, "b", guru, 60, "Kegiatan B")
    await _rencanakan(bot, "a", guru, 10, "Kegiatan A")  # planning again: still one row
    # The clock jumps in this test; real seconds do not, so per-chat spacing is off here.
    pengirim = Pengirim(bot.bot_data[KUNCI_LAYANAN], bot.bot, AturanKirim(jeda_per_chat=0))
    assert await pengirim.putaran() == 0
    await guru.tidak_ada_balasan(0.2)
    jam.maju(timedelta(minutes=10))
    assert await pengirim.putaran() == 1
    pesan = await guru.balasan()
    assert "Besok tenggat komitmen Anda" in pesan.teks and "Kegiatan A" in pesan.teks
    assert await pengirim.putaran() == 0
    jam.maju(timedelta(minutes=60))
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")  # a sent row is never planned again
    assert await pengirim.putaran() == 1
    assert "Kegiatan B" in (await guru.balasan()).teks
    await guru.tidak_ada_balasan(0.2)
    baris = await _baris(bot)
    assert {k: b.status for k, b in baris.items()} == {"a": "terkirim", "b": "terkirim"}
    assert all(b.pesan_id for b in baris.values())


async def test_klaim_yang_mati_diambil_alih_setelah_sewa_habis(
    bot: Any, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")
    lay = bot.bot_data[KUNCI_LAYANAN]
    # A run claims the row and dies before sending (a crash, a restart).
    async with lay.mesin.begin() as conn:
        (diklaim,) = await db_pengingat.klaim(
            conn, lay.sekarang(), lay.sekarang() + timedelta(minutes=2), 10
        )
    assert diklaim.status == "mengirim"
    pengirim = Pengirim(lay, bot.bot)  # the next process
    assert await pengirim.putaran() == 0  # the lease still holds
    jam.maju(timedelta(minutes=2))
    assert await pengirim.putaran() == 1
    assert await pengirim.putaran() == 0
    assert "Kegiatan A" in (await guru.balasan()).teks
    await guru.tidak_ada_balasan(0.2)
    assert (await _baris(bot))["a"].percobaan == 2


async def test_429_ditunggu_lalu_terkirim(
    bot: Any, bot_api: FakeBotApi, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")
    bot_api.fail_next("sendMessage", error_code=429, retry_after=1, chat_id=guru.id)
    pengirim: Pengirim = bot.bot_data[KUNCI_PENGIRIM]
    assert await pengirim.putaran() == 1  # the rate limiter waited retry_after and tried again
    assert "Kegiatan A" in (await guru.balasan()).teks
    kirim = [c for c in bot_api.calls_to("sendMessage") if c.params.get("chat_id") == guru.id]
    assert [c.error is not None for c in kirim] == [True, False]


async def test_diblokir_berhenti_dan_koordinator_diberi_tahu_sekali(
    bot: Any, bot_api: FakeBotApi, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor, guru = orang("Pak Budi"), orang("Bu Koor"), orang("Bu Sari")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    await gabung(guru, await undang(kepala, "Guru"))
    # The join notice goes through the outbox, paced per chat: let it arrive first.
    await kepala.balasan_berisi("Bu Sari sudah bergabung")
    await bot_api.idle()
    for k, menit in (("a", 0), ("b", 0), ("c", 30)):
        await _rencanakan(bot, k, guru, menit, f"Kegiatan {k}", sekolah_id=1)
    bot_api.block_chat(guru.id)
    pengirim = Pengirim(bot.bot_data[KUNCI_LAYANAN], bot.bot, AturanKirim(jeda_per_chat=0))
    await pengirim.putaran()
    jam.maju(timedelta(minutes=1))
    await pengirim.putaran()  # the notices to the managers
    assert "tidak bisa lagi menerima pesan" in (await koor.balasan_berisi("Bu Sari")).teks
    await kepala.balasan_berisi("tidak bisa lagi menerima pesan")
    jam.maju(timedelta(hours=1))
    assert await pengirim.putaran() == 0
    await koor.tidak_ada_balasan(0.2)
    baris = await _baris(bot)
    assert [baris[k].status for k in "abc"] == ["gagal", "batal", "batal"]
    lay = bot.bot_data[KUNCI_LAYANAN]
    async with lay.mesin.connect() as conn:
        aktif = (
            await conn.execute(select(pengguna.c.aktif).where(pengguna.c.id == guru.id))
        ).scalar()
    assert aktif is False
    # She unblocks and writes: active again.
    bot_api.unblock_chat(guru.id)
    await guru.kirim("/bantuan")
    await guru.balasan()
    async with lay.mesin.connect() as conn:
        aktif = (
            await conn.execute(select(pengguna.c.aktif).where(pengguna.c.id == guru.id))
        ).scalar()
    assert aktif is True


async def test_galat_jaringan_diulang_lalu_gagal(
    bot: Any, bot_api: FakeBotApi, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    await _rencanakan(bot, "a", guru, 0, "Kegiatan A")
    lay = bot.bot_data[KUNCI_LAYANAN]
    pengirim = Pengirim(
        lay,
        bot.bot,
        AturanKirim(maks_percobaan=2, jeda_ulang=timedelta(seconds=30), jeda_per_chat=0),
    )
    bot_api.fail_next(
        "sendMessage", error_code=502, description="Bad Gateway", chat_id=guru.id, times=5
    )
    assert await pengirim.putaran() == 0
    pertama = (await _baris(bot))["a"]
    assert pertama.status == "direncanakan"
    jam.maju(timedelta(seconds=30))
    assert await pengirim.putaran() == 0
    baris = (await _baris(bot))["a"]
    assert baris.status == "gagal" and "Bad Gateway" in (baris.galat_terakhir or "")


async def test_satu_pesan_per_detik_per_chat(
    bot: Any, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    guru = orang("Bu Sari")
    for k in "abc":
        await _rencanakan(bot, k, guru, 0, f"Kegiatan {k}")
    bot_api.enforce_limits()  # a second message to one chat within a second would get a 429
    pengirim: Pengirim = bot.bot_data[KUNCI_PENGIRIM]
    awal = asyncio.get_running_loop().time()
    # The other two wait for their second at the end of the batch, in the same run.
    assert await pengirim.putaran() == 3
    assert asyncio.get_running_loop().time() - awal >= 2 * pengirim.aturan.jeda_per_chat
    baris = await _baris(bot)
    assert sorted(b.status for b in baris.values()) == ["terkirim"] * 3
    assert bot.job_queue.get_jobs_by_name("pengingat")


async def test_pesan_gagal_terlihat_di_monev(
    bot: Any, bot_api: FakeBotApi, orang: Callable[[str], Pengguna]
) -> None:
    from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2

    p = await _sekolah_di_tahap_2(bot, orang)
    await _rencana_satu_kegiatan(bot, p["Bu Koor"], p["Bu Sari"])
    await _rencanakan(bot, "a", p["Bu Sari"], 0, "Kegiatan A", sekolah_id=1)
    lay = bot.bot_data[KUNCI_LAYANAN]
    pengirim = Pengirim(lay, bot.bot, AturanKirim(maks_percobaan=1, jeda_per_chat=0))
    bot_api.fail_next(
        "sendMessage", error_code=502, description="Bad Gateway", chat_id=p["Bu Sari"].id, times=3
    )
    await pengirim.putaran()
    await p["Bu Koor"].kirim("/monev")
    teks = (await p["Bu Koor"].balasan_berisi("Monitoring dan evaluasi")).teks
    assert "Pesan yang gagal terkirim" in teks and "Bu Sari: Bad Gateway" in teks


async def test_ledakan_lebih_dari_satu_klaim_terkirim_dalam_satu_putaran(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    """A burst larger than one claim goes out in one job run, claim after claim, instead of one
    claim per tick; a run that finds nothing more due stops."""
    guru = [orang(f"Guru {i:02d}") for i in range(12)]
    for i, g in enumerate(guru):
        await _rencanakan(bot, f"k{i}", g, 0, f"Kegiatan {i}")
    aturan = AturanKirim(jeda_per_chat=0, batas_klaim=5)
    satu = Pengirim(bot.bot_data[KUNCI_LAYANAN], bot.bot, aturan)
    assert await satu.putaran() == 5  # one claim is at most batas_klaim rows
    beruntun = Pengirim(bot.bot_data[KUNCI_LAYANAN], bot.bot, aturan)
    assert await beruntun.putaran_beruntun(30) == 7
    assert await beruntun.putaran_beruntun(30) == 0
    for g in guru:
        assert "Besok tenggat komitmen Anda" in (await g.balasan()).teks
    baris = await _baris(bot)
    assert {b.status for b in baris.values()} == {"terkirim"}
