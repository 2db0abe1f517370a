"""/akreditasi's readiness report (PDF) and evidence bundle (ZIP) go the way of /laporan's
documents: with a worker running the chat process only queues them and the worker builds and
sends them (the bundle's summary after its parts); with none the chat process builds them
(tests/percakapan/test_akreditasi_perbaikan.py)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

from bot.akses import KUNCI_LAYANAN
from bot.config import Settings
from db import tabel
from db import tugas as db_tugas
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam
from tests.percakapan.test_akreditasi_perbaikan import _panel
from tests.percakapan.test_pekerja import _tugas, pekerja_berjalan


async def test_pekerja_membuat_laporan_dan_bundel_akreditasi(
    bot: Any, settings: Settings, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    panel = await _panel(kepala)
    async with pekerja_berjalan(settings, jam):
        await kepala.tekan("Laporan kesiapan (PDF)", panel)
        pdf = await kepala.balasan(timeout=60)
        assert pdf.dokumen_nama == "Kesiapan-Akreditasi_SMP-Negeri-1-Sleman_2026-11-23.pdf"
        assert (pdf.dokumen or b"").startswith(b"%PDF")
        await kepala.tekan("Bundel bukti (ZIP)", panel)
        zip_ = await kepala.balasan(timeout=60)
        assert (zip_.dokumen_nama or "").endswith(".zip")
        with zipfile.ZipFile(io.BytesIO(zip_.dokumen or b"")) as z:
            assert z.namelist()  # the index at least
        ringkasan = await kepala.balasan_berisi("Bundel bukti terkirim", timeout=30)
        assert "1 bagian" in ringkasan.teks
        await kepala.api.idle()
        semua = await _tugas(bot)
    # Queued by the chat process, built and sent by the worker (only it marks a row done):
    # one file of each, so the chat process built nothing itself.
    assert [(t.kunci, t.status, t.pengguna_id) for t in semua] == [
        ("akreditasi_laporan", "selesai", kepala.id),
        ("akreditasi_bundel", "selesai", kepala.id),
    ]
    assert len(kepala.api.calls_to("sendDocument")) == 2
    assert not await kepala.semua_balasan(diam=0.5)


async def test_pekerja_menolak_laporan_akreditasi_tanpa_hak(
    bot: Any, settings: Settings, jam: Jam, orang: Callable[[str], Pengguna]
) -> None:
    """A request queued by a kepala who is a teacher by the time the worker takes it is
    refused by the worker as the chat would refuse it; no file leaves."""
    kepala = orang("Pak Budi")
    panel = await _panel(kepala)
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:
        await db_tugas.detak(conn, "pekerja-lain", jam())
    await kepala.tekan("Laporan kesiapan (PDF)", panel)
    await kepala.api.idle()
    assert [t.status for t in await _tugas(bot)] == ["menunggu"]
    async with bot.bot_data[KUNCI_LAYANAN].mesin.begin() as conn:
        await conn.execute(
            tabel.keanggotaan.update()
            .where(tabel.keanggotaan.c.pengguna_id == kepala.id)
            .values(peran="guru")
        )
    async with pekerja_berjalan(settings, jam):
        await kepala.api.idle()
        tolak = await kepala.balasan(timeout=30)
        assert not tolak.dokumen_nama and "tidak lagi tersedia" in tolak.teks
        await kepala.api.idle()
        (tugas,) = await _tugas(bot)
        assert tugas.status == "ditolak"
    assert not kepala.api.calls_to("sendDocument")
