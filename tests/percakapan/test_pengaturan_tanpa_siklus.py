"""/pengaturan before any cycle reached planning: saving a setting re-plans no reminder (the
re-plan asks `komitmen.menunggu_pengingat`, which has none then, instead of catching a refusal),
and a wrong time gets the reason and the question again with nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from db.tabel import sekolah
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah


async def _jam(app: Any) -> list[tuple[Any, ...]]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        baris = await conn.execute(select(sekolah.c.jam_mulai, sekolah.c.jam_selesai))
        return [tuple(b) for b in baris]


async def test_jam_sekolah_disimpan_tanpa_siklus_dan_jam_salah_ditanya_lagi(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)  # no cycle opened: nothing to re-plan
    await kepala.kirim("/pengaturan")
    await kepala.tekan("Ubah jam sekolah", await kepala.balasan_berisi("Pengaturan pengingat"))
    await kepala.balasan_berisi("Ketik jam sekolah")
    sebelum = await _jam(bot)

    await kepala.kirim("15.00-07.00")  # ends before it starts
    salah = await kepala.balasan_berisi("Jam itu belum terbaca")
    assert "Ketik jam sekolah" in salah.teks
    assert await _jam(bot) == sebelum

    await kepala.kirim("07.30-14.00")
    await kepala.balasan_berisi("Pengaturan tersimpan")
    tampil = await kepala.balasan_berisi("Pengaturan pengingat")
    assert "07.30" in tampil.teks and "14.00" in tampil.teks
    assert sebelum == [("07:00", "15:00")] and await _jam(bot) == [("07:30", "14:00")]
