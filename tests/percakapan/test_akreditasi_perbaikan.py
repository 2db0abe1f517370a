"""/akreditasi fixes over HTTP: a doubled press builds the report or bundle once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.fakes.pengguna import Pengguna, Pesan
from tests.percakapan.conftest import daftarkan_sekolah


async def _panel(kepala: Pengguna) -> Pesan:
    """The school registered, IASP 2020 chosen: the readiness panel."""
    await daftarkan_sekolah(kepala)
    await kepala.kirim("/akreditasi")
    await kepala.tekan("IASP 2020", await kepala.balasan_berisi("Untuk instrumen mana"))
    return await kepala.balasan_berisi("Persiapan akreditasi · IASP 2020")


async def test_tekan_ganda_laporan_dan_bundel_sekali(
    bot: Any, orang: Callable[[str], Pengguna]
) -> None:
    kepala = orang("Pak Budi")
    panel = await _panel(kepala)
    for tombol, akhiran, disiapkan in (
        ("Laporan kesiapan (PDF)", ".pdf", "Laporan kesiapan (PDF) sedang disiapkan"),
        ("Bundel bukti (ZIP)", ".zip", "Bundel bukti (ZIP) sedang disiapkan"),
    ):
        await kepala.tekan(tombol, panel)
        await kepala.tekan(tombol, panel)
        semua = [await kepala.balasan(timeout=60)]
        while not semua[-1].dokumen_nama:
            semua.append(await kepala.balasan(timeout=60))
        semua += await kepala.semua_balasan(diam=1.0)
        dokumen = [m.dokumen_nama for m in semua if m.dokumen_nama]
        assert len(dokumen) == 1 and (dokumen[0] or "").endswith(akhiran), dokumen
        assert any(disiapkan in m.teks for m in semua), [m.teks for m in semua]
        assert kepala.api.calls_to("sendChatAction")
