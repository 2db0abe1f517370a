"""Invariants that must hold when two people act at the same moment, on PostgreSQL (several
connections, READ COMMITTED), where nothing serialises transactions for us as SQLite's one
connection does. Each test makes the two sides meet at the worst point: both have read before
either writes, unless the database makes one wait."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from bot.config import Settings
from bot.layanan import Ditolak, Layanan, anggota
from bot.layanan.aktor import Aktor, Keanggotaan
from bot.mutu.peran import Peran
from db import keanggotaan, pengguna, sekolah
from db import tabel as t
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan

WAKTU = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.fixture
async def lay(url_postgresql: str, tmp_path: Any) -> AsyncIterator[Layanan]:
    await asyncio.to_thread(tingkatkan, url_postgresql)
    mesin = buat_mesin(url_postgresql)
    settings = Settings(_env_file=None, database_url=url_postgresql, data_dir=tmp_path)
    yield Layanan(mesin=mesin, settings=settings, jam=lambda: WAKTU)
    await mesin.dispose()


def bertemu(jumlah: int, jeda: float = 1.0) -> Callable[[Any], Callable[..., Awaitable[Any]]]:
    """Wrap an async function so that its callers wait for each other after it returns (at
    most `jeda` seconds: a side the database holds back cannot arrive)."""
    tiba = 0
    semua = asyncio.Event()

    def bungkus(asli: Any) -> Callable[..., Awaitable[Any]]:
        async def fungsi(*args: Any, **kwargs: Any) -> Any:
            nonlocal tiba
            hasil = await asli(*args, **kwargs)
            tiba += 1
            if tiba >= jumlah:
                semua.set()
            try:
                await asyncio.wait_for(semua.wait(), jeda)
            except TimeoutError:
                pass
            return hasil

        return fungsi

    return bungkus


async def _sekolah_dengan_dua_kepala(lay: Layanan) -> tuple[int, list[Aktor], list[int]]:
    async with lay.mesin.begin() as conn:
        sid = await sekolah.buat(
            conn,
            npsn="20512345",
            nama="SMP Negeri 1 Sleman",
            jenjang="SMP",
            kabupaten="Kabupaten Sleman",
            provinsi="DI Yogyakarta",
            zona_waktu="Asia/Jakarta",
            waktu=WAKTU,
        )
        aktor, ids = [], []
        for uid, nama in ((501, "Pak Budi"), (502, "Bu Ani")):
            await pengguna.catat_kunjungan(conn, uid, nama, None, WAKTU)
            await keanggotaan.tambah(
                conn, pengguna_id=uid, sekolah_id=sid, peran="kepala_sekolah", waktu=WAKTU
            )
            k = Keanggotaan(sid, "SMP Negeri 1 Sleman", Peran.KEPALA_SEKOLAH)
            aktor.append(Aktor(uid, nama, (k,), k))
        for baris in await conn.execute(
            select(t.keanggotaan.c.id).where(t.keanggotaan.c.sekolah_id == sid)
        ):
            ids.append(baris.id)
    return sid, aktor, ids


async def test_dua_kepala_saling_mengeluarkan_bersamaan_satu_tetap_kepala(
    lay: Layanan, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid, (budi, ani), (id_budi, id_ani) = await _sekolah_dengan_dua_kepala(lay)
    monkeypatch.setattr(keanggotaan, "jumlah_peran", bertemu(2)(keanggotaan.jumlah_peran))

    hasil = await asyncio.gather(
        anggota.keluarkan(lay, budi, id_ani),
        anggota.keluarkan(lay, ani, id_budi),
        return_exceptions=True,
    )

    ditolak = [h for h in hasil if isinstance(h, Ditolak)]
    assert len(ditolak) == 1 and ditolak[0].alasan == "kepala_terakhir", hasil
    async with lay.mesin.connect() as conn:
        assert await keanggotaan.jumlah_peran(conn, sid, Peran.KEPALA_SEKOLAH) == 1


async def test_dua_kepala_saling_menurunkan_peran_bersamaan_satu_tetap_kepala(
    lay: Layanan, monkeypatch: pytest.MonkeyPatch
) -> None:
    sid, (budi, ani), (id_budi, id_ani) = await _sekolah_dengan_dua_kepala(lay)
    monkeypatch.setattr(keanggotaan, "jumlah_peran", bertemu(2)(keanggotaan.jumlah_peran))

    hasil = await asyncio.gather(
        anggota.ubah_peran(lay, budi, id_ani, Peran.GURU),
        anggota.keluarkan(lay, ani, id_budi),
        return_exceptions=True,
    )

    assert sum(isinstance(h, Ditolak) for h in hasil) == 1, hasil
    async with lay.mesin.connect() as conn:
        assert await keanggotaan.jumlah_peran(conn, sid, Peran.KEPALA_SEKOLAH) == 1
