"""`asisten-mutu pekerja`: with a worker running, /laporan only queues the request and the
worker builds and sends the document; with none (the embedded default) the bot builds it."""

from __future__ import annotations

import asyncio
import io
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from bot import pekerja
from bot.akses import KUNCI_LAYANAN
from bot.config import Settings
from db import tabel
from db import tugas as db_tugas
from db.tabel import tugas_dokumen
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam, daftarkan_sekolah, gabung, undang

REKAP = "Rekap data (XLSX)"


@asynccontextmanager
async def pekerja_berjalan(settings: Settings, jam: Jam) -> AsyncIterator[asyncio.Event]:
    """One worker in this process (as `asisten-mutu pekerja` runs it), until the block ends."""
    berhenti = asyncio.Event()
    tugas = asyncio.create_task(pekerja.jalankan(settings, berhenti, jam=jam))
    await asyncio.sleep(0.5)  # its first heartbeat
    try:
        yield berhenti
    finally:
        berhenti.set()
        await asyncio.wait_for(tugas, 10)


async def _tugas(app: Any) -> list[Any]:
    async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
        return list(await conn.execute(select(tugas_dokumen).order_by(tugas_dokumen.c.id)))


async def _dokumen(p: Pengguna) -> Any:
    while True:
        pesan = await p.balasan(timeout=30)
        if pesan.dokumen_nama:
            return pesan


async def test_pekerja_membuat_dan_mengirim_dokumen_yang_diminta(
    bot: Any, settings: Settings, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    async with pekerja_berjalan(settings, jam):
        await kepala.kirim("/laporan")
        daftar = await kepala.balasan_berisi("Dokumen")
        await kepala.tekan(REKAP, daftar)
        dokumen = await _dokumen(kepala)
        assert dokumen.dokumen_nama == "Rekap-Data_SMP-Negeri-1-Sleman_2026-11-23.xlsx"
        buku = load_workbook(io.BytesIO(dokumen.dokumen or b""), read_only=True)
        assert "Jawaban" in buku.sheetnames
        await kepala.api.idle()
        (tugas,) = await _tugas(bot)
        assert (tugas.kunci, tugas.status, tugas.pengguna_id) == ("rekap", "selesai", kepala.id)


async def test_tekan_ganda_dengan_pekerja_satu_dokumen(
    bot: Any, settings: Settings, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    async with pekerja_berjalan(settings, jam) as berhenti:
        berhenti.set()  # the worker stops taking requests, but its heartbeat is still fresh
        await asyncio.sleep(1.5)
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:  # as if it were alive
        await db_tugas.detak(conn, "pekerja-lain", jam())
    await kepala.kirim("/laporan")
    daftar = await kepala.balasan_berisi("Dokumen")
    await kepala.tekan(REKAP, daftar)
    await kepala.tekan(REKAP, daftar)
    balasan = await kepala.semua_balasan(diam=0.5)
    assert any("sedang disiapkan" in m.teks for m in balasan)
    assert not [m for m in balasan if m.dokumen_nama]  # queued, not built by the bot itself
    assert len(await _tugas(bot)) == 1  # queued once
    async with pekerja_berjalan(settings, jam):
        assert (await _dokumen(kepala)).dokumen_nama.endswith(".xlsx")


async def test_tanpa_pekerja_bot_membuat_sendiri(
    bot: Any, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:
        await db_tugas.detak(conn, "pekerja-lama", jam() - timedelta(minutes=5))  # long gone
    await kepala.kirim("/laporan")
    await kepala.tekan(REKAP, await kepala.balasan_berisi("Dokumen"))
    assert (await _dokumen(kepala)).dokumen_nama.endswith(".xlsx")
    assert await _tugas(bot) == []


async def test_pekerja_menolak_permintaan_anggota_yang_sudah_keluar(
    bot: Any, settings: Settings, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala, koor = orang("Pak Budi"), orang("Bu Koor")
    await daftarkan_sekolah(kepala)
    await gabung(koor, await undang(kepala, "Koordinator TPMPS"))
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:
        await db_tugas.detak(conn, "pekerja-lain", jam())
    await koor.kirim("/laporan")
    await koor.tekan(REKAP, await koor.balasan_berisi("Dokumen"))
    await koor.api.idle()
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:  # removed meanwhile
        await conn.execute(
            tabel.keanggotaan.update()
            .where(tabel.keanggotaan.c.pengguna_id == koor.id)
            .values(aktif=False, keluar_pada=jam())
        )
    async with pekerja_berjalan(settings, jam):
        penolakan = await koor.balasan_berisi("belum terdaftar di sekolah", timeout=30)
        assert not penolakan.dokumen_nama
        await koor.api.idle()
        (tugas,) = await _tugas(bot)
        assert tugas.status == "ditolak"
