"""Two people acting at the same moment, on a real school made through the conversations:
two kepala sekolah approve the same plan, two people use a one-use invite code. Runs on both
engines; on PostgreSQL (several connections, READ COMMITTED) only the database can keep these
right. Both sides are made to meet at the worst point: both have read before either writes
(`bertemu`, tests/bot/layanan/test_bersamaan.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.akses import KUNCI_LAYANAN
from bot.layanan import Ditolak, komitmen, undangan
from bot.layanan.aktor import kenali
from bot.pengingat import KUNCI_PENGIRIM
from db import rencana as db_rencana
from db import undangan as db_undangan
from db.tabel import audit, keanggotaan, pengingat, rencana
from db.tabel import undangan as t_undangan
from tests.bot.layanan.test_bersamaan import bertemu
from tests.fakes.pengguna import Pengguna
from tests.percakapan.conftest import daftarkan_sekolah, undang
from tests.percakapan.test_keluar_bergabung import _tambah_kepala
from tests.percakapan.test_rencana_ubah import _rencana_satu_kegiatan, _sekolah_di_tahap_2


async def test_dua_kepala_menyetujui_rencana_bersamaan_disetujui_sekali(
    bot: Any, orang: Callable[[str], Pengguna], monkeypatch: pytest.MonkeyPatch
) -> None:
    lay = bot.bot_data[KUNCI_LAYANAN]
    p = await _sekolah_di_tahap_2(bot, orang)
    budi, sari = p["Pak Budi"], p["Bu Sari"]
    await _rencana_satu_kegiatan(bot, p["Bu Koor"], sari)
    pertama = await kenali(lay, budi.id, budi.nama, None)
    wakil = orang("Bu Wakil Kepala")
    await _tambah_kepala(bot, wakil, pertama.sekolah_id)
    kedua = await kenali(lay, wakil.id, wakil.nama, None)
    monkeypatch.setattr(db_rencana, "terbaru", bertemu(2)(db_rencana.terbaru))

    hasil = await asyncio.gather(
        komitmen.setujui(lay, pertama), komitmen.setujui(lay, kedua), return_exceptions=True
    )

    ditolak = [h for h in hasil if isinstance(h, Ditolak)]
    assert len(ditolak) == 1 and ditolak[0].alasan == "rencana_sudah_disetujui", hasil
    async with lay.mesin.connect() as conn:
        status = (await conn.execute(select(rencana.c.status))).scalars().all()
        disetujui = await conn.scalar(select(func.count()).where(audit.c.aksi == "rencana.setujui"))
        permintaan = await conn.scalar(
            select(func.count()).where(pengingat.c.kunci.like("minta_komitmen:%"))
        )
    assert status == ["disetujui"] and disetujui == 1
    assert permintaan == 1  # the one PIC's request, queued once
    await bot.bot_data[KUNCI_PENGIRIM].putaran()
    await sari.api.idle()
    diminta = [m for m in sari.api.bot_messages(sari.id) if "Komitmen baru" in m["text"]]
    assert len(diminta) == 1, diminta


async def test_kode_sekali_pakai_dipakai_dua_orang_bersamaan_hanya_satu_masuk(
    bot: Any, orang: Callable[[str], Pengguna], monkeypatch: pytest.MonkeyPatch
) -> None:
    lay = bot.bot_data[KUNCI_LAYANAN]
    kepala = orang("Pak Budi")
    await daftarkan_sekolah(kepala)
    kode = await undang(kepala, "Guru")
    calon = [orang("Calon Pertama"), orang("Calon Kedua")]
    for c in calon:
        await kenali(lay, c.id, c.nama, None)
    monkeypatch.setattr(db_undangan, "cari", bertemu(2)(db_undangan.cari))

    hasil = await asyncio.gather(
        *(undangan.gabung(lay, c.id, kode) for c in calon), return_exceptions=True
    )

    ditolak = [h for h in hasil if isinstance(h, Ditolak)]
    assert len(ditolak) == 1 and ditolak[0].alasan == "kode_habis", hasil
    async with lay.mesin.connect() as conn:
        dipakai = await conn.scalar(select(t_undangan.c.dipakai).where(t_undangan.c.kode == kode))
        masuk = await conn.scalar(
            select(func.count()).where(
                keanggotaan.c.pengguna_id.in_([c.id for c in calon]), keanggotaan.c.aktif
            )
        )
    assert dipakai == 1 and masuk == 1
