"""Commitment reminders over HTTP with a moving clock: planned at school-local times when the
PIC accepts, a snooze moves what comes before it, overdue reminders climb the escalation
ladder (each level told once), a finished commitment stops them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import pengingat_rencana
from bot.mutu import jadwal
from bot.pengingat import AturanKirim, Pengirim
from db.tabel import pengingat
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam
from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2

WIB = ZoneInfo("Asia/Jakarta")


async def _baris(app: Any) -> list[Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(select(pengingat).order_by(pengingat.c.id)))


async def test_pengingat_komitmen_tunda_eskalasi_dan_selesai(
    bot: Any, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    p = await _sekolah_di_tahap_2(bot, orang)
    kepala, koor, sari, pengawas = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"], p["Pak Pengawas"]
    await _rencana_satu_kegiatan(bot, koor, sari)  # due Wednesday 20 January 2027
    await kepala.kirim("/perencanaan")
    await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan Mutu"))
    await kepala.balasan()  # docx
    await kepala.balasan()  # pdf
    await sari.tekan("Saya berkomitmen", await sari.balasan_berisi("Komitmen baru"))
    await sari.api.idle()

    lay = bot.bot_data[KUNCI_LAYANAN]
    harapan = jadwal.pengingat_komitmen(
        datetime(2027, 1, 20).date(), jam(), jadwal.AturanSekolah(zona="Asia/Jakarta")
    )
    menunggu = [
        b
        for b in await _baris(bot)
        if b.status == "direncanakan" and b.rujukan.startswith("komitmen:")
    ]
    assert [b.jatuh_tempo for b in menunggu] == [h.saat for h in harapan]
    for b in menunggu:  # all inside school hours, school days, local time
        lokal = b.jatuh_tempo.astimezone(WIB)
        assert lokal.weekday() < 6 and 7 <= lokal.hour < 15, lokal

    pengirim = Pengirim(
        lay,
        bot.bot,
        AturanKirim(jeda_per_chat=0),
        setelah_terkirim=pengingat_rencana.setelah_terkirim,
    )

    async def sampai(saat: datetime) -> int:
        jam.sekarang = saat
        return await pengirim.putaran()

    assert await sampai(harapan[0].saat - timedelta(minutes=1)) == 0
    assert await sampai(harapan[0].saat) == 1
    h3 = await sari.balasan_berisi("Tiga hari lagi tenggat")
    assert h3.tombol_datar == ["Lapor kemajuan", "Ingatkan besok", "Ingatkan 3 hari lagi"]
    assert await sampai(harapan[1].saat) == 1
    h1 = await sari.balasan_berisi("Besok tenggat")

    # Snooze three days: the due-date reminder (before then) moves to then.
    await sari.tekan("Ingatkan 3 hari lagi", h1)
    kabar = await sari.balasan_berisi("saya ingatkan lagi")
    tunda = jadwal.tunda(jam(), 3, jadwal.AturanSekolah(zona="Asia/Jakarta"))
    assert "Jumat, 22 Januari 2027" in kabar.teks
    assert await sampai(harapan[2].saat) == 0  # the cancelled due-date reminder stays silent
    assert await sampai(tunda) == 1
    await sari.balasan_berisi("sudah lewat tenggat 2 hari")

    # Overdue reminders without a report: the coordinator after 2, then principal and supervisor.
    waktu = harapan[3].saat
    for ke in range(1, 5):
        assert await sampai(waktu) == 1
        await sari.balasan_berisi("sudah lewat tenggat")
        await pengirim.putaran()  # escalations go out at once
        berikut = [
            b
            for b in await _baris(bot)
            if b.status == "direncanakan" and b.rujukan and b.rujukan.startswith("komitmen:")
        ]
        waktu = min(b.jatuh_tempo for b in berikut)
        if ke == 2:
            assert (
                "2 kali diingatkan" in (await koor.balasan_berisi("terlambat tanpa laporan")).teks
            )
        if ke == 4:
            await kepala.balasan_berisi("4 kali diingatkan")
            await pengawas.balasan_berisi("4 kali diingatkan")
    await koor.tidak_ada_balasan(0.2)  # told once at level 2, not again at 3 or 4
    await kepala.tidak_ada_balasan(0.2)
    await pengawas.tidak_ada_balasan(0.2)

    # She finishes: nothing more is planned.
    await sari.kirim("/lapor")
    await sari.tekan("Lokakarya modul ajar", await sari.balasan_berisi("Komitmen mana"))
    await sari.api.idle()
    await sari.tekan("Selesai")
    await sari.balasan_berisi("Tulis catatan")
    await sari.kirim("Sudah selesai.")
    await sari.tekan("Tanpa bukti", await sari.balasan_berisi("Kirim foto"))
    await sari.balasan_berisi("Laporan tersimpan")
    for pengelola in (koor, kepala):  # told through the outbox, right after the report
        await pengelola.balasan_berisi("Laporan komitmen: Selesai")
    sisa = [b for b in await _baris(bot) if b.status == "direncanakan"]
    assert [b.jenis for b in sisa if b.rujukan.startswith("komitmen:")] == []
    # Only the regular messages remain; the weekly one has nothing to say any more.
    assert {b.jenis for b in sisa} <= {"monev_mingguan", "ringkasan_mingguan", "ringkasan_pengawas"}
