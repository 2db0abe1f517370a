"""Evidence files stay found when the bot is started from another working folder: their paths
are stored relative to DATA_DIR, and every reader resolves them against it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from bot.akses import KUNCI_LAYANAN
from bot.app import ALLOWED_UPDATES, buat_aplikasi
from bot.config import Settings
from bot.layanan import akreditasi
from bot.layanan.aktor import kenali
from db.tabel import bukti
from tests.fakes.bot_api import FakeBotApi
from tests.fakes.lifecycle import jalankan
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import Jam
from tests.percakapan.penjawab import PNG_KECIL
from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2


async def test_bukti_tetap_terbaca_dari_folder_kerja_lain(
    settings: Settings,
    bot_api: FakeBotApi,
    jam: Jam,
    orang: Callable[[str], Pengguna],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")  # the default DATA_DIR, ./data, from folder a
    awal = settings.model_copy(update={"data_dir": Path("data")})
    app: Any = buat_aplikasi(awal, jam=jam)
    async with jalankan(app, bot_api, allowed_updates=ALLOWED_UPDATES):
        p = await _sekolah_di_tahap_2(app, orang)
        kepala, koor, sari = p["Pak Budi"], p["Bu Koor"], p["Bu Sari"]
        await _rencana_satu_kegiatan(app, koor, sari)
        await kepala.kirim("/perencanaan")
        await kepala.tekan("Setujui rencana", await kepala.balasan_berisi("Rencana Pemenuhan"))
        await sari.tekan("Saya berkomitmen", await sari.balasan_berisi("Komitmen baru"))
        await sari.kirim("/lapor")
        await sari.tekan("Lokakarya modul ajar", await sari.balasan_berisi("Komitmen mana"))
        await sari.api.idle()
        await sari.tekan("Berjalan")
        await sari.api.idle()
        await sari.tekan("50%")
        await sari.balasan_berisi("Tulis catatan singkat")
        await sari.kirim("Sesi pertama sudah berjalan.")
        await sari.balasan_berisi("Kirim foto atau berkas PDF")
        await sari.kirim_foto(PNG_KECIL)
        assert "dengan bukti" in (await sari.balasan()).teks
        async with app.bot_data[KUNCI_LAYANAN].mesin.connect() as conn:
            (tersimpan,) = await conn.execute(select(bukti.c.path, bukti.c.sha256))
    assert tersimpan.path.startswith("bukti/") and not Path(tersimpan.path).is_absolute()

    # Started again from folder b, with DATA_DIR naming the same folder.
    monkeypatch.chdir(tmp_path / "b")
    lagi = settings.model_copy(update={"data_dir": tmp_path / "a" / "data"})
    app = buat_aplikasi(lagi, jam=jam)
    async with jalankan(app, bot_api, allowed_updates=ALLOWED_UPDATES):
        lay = app.bot_data[KUNCI_LAYANAN]
        aktor = await kenali(lay, koor.id, koor.nama, None)
        await akreditasi.pilih(lay, aktor, next(iter(akreditasi.INSTRUMEN)))
        g = await akreditasi.gambaran(lay, aktor, semua_bukti=True)
        (b,) = g.bukti.values()
        isi = Path(b.path).read_bytes()  # noqa: ASYNC240 (a test's own check)
    assert hashlib.sha256(isi).hexdigest() == tersimpan.sha256
