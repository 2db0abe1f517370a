"""/akreditasi per button press: what each view reads, at a large school (40 teachers and the
principal answered every stage-1 question; 300 evidence files over three cycles, 100 linked
to butir). Prints the median time of the school's picture as the views read it now, next to
the full quality map every press used to compute, and of the ownership check of one file.

    python -m bench.akreditasi_tekan [--guru 40] [--berkas 300] [--ulang 20]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, update

from bot.config import Settings
from bot.layanan import Layanan
from bot.layanan import akreditasi as akr
from bot.layanan.aktor import baca
from bot.layanan.instrumen import daftarkan_bawaan
from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.layanan.pemetaan import peta_siklus
from db import akreditasi as db_akr
from db import jawaban, keanggotaan, pengguna, sekolah, siklus
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from db.tabel import bukti
from db.tabel import siklus as tabel_siklus

NILAI = {"ya_tidak": "ya", "skala": "2", "pilihan": "2", "angka": "2", "persen": "60"}


async def isi(lay: Layanan, guru: int, berkas: int) -> tuple[int, int]:
    """One school at stage 2 after two finished cycles; returns (principal id, cycle id)."""
    waktu = datetime.now(UTC)
    inst = await daftarkan_bawaan(lay)
    async with lay.mesin.begin() as conn:
        sid = await sekolah.buat(
            conn,
            npsn="90000001",
            nama="SMK Uji",
            jenjang="SMK",
            kabupaten="Kab. Uji",
            provinsi="Uji",
            zona_waktu="Asia/Jakarta",
            waktu=waktu,
        )
        orang = [(1, "kepala_sekolah")] + [(100 + n, "guru") for n in range(guru)]
        for uid, peran in orang:
            await pengguna.catat_kunjungan(conn, uid, f"Anggota {uid}", None, waktu)
            await keanggotaan.tambah(
                conn, pengguna_id=uid, sekolah_id=sid, peran=peran, waktu=waktu
            )
            await pengguna.pilih_sekolah_aktif(conn, uid, sid)
        siklus_id = 0
        for tahun in ("2024/2025", "2025/2026", "2026/2027"):
            siklus_id = await siklus.buka(conn, sekolah_id=sid, tahun_ajaran=tahun, waktu=waktu)
            await siklus.buka_pemetaan(conn, siklus_id, inst.versi, waktu)
            for n in range(berkas // 3):
                await conn.execute(
                    insert(bukti).values(
                        sekolah_id=sid,
                        siklus_id=siklus_id,
                        pengguna_id=1,
                        sumber=f"pertanyaan:{inst.standar[0].indikator[0].kode}-01",
                        file_id=f"f{siklus_id}-{n}",
                        file_unique_id=f"u{siklus_id}-{n}",
                        nama_file=f"bukti-{n}.pdf",
                        mime="application/pdf",
                        ukuran=100_000,
                        sha256=f"{siklus_id:032d}{n:032d}",
                        path=f"bukti/{siklus_id}/{n}.pdf",
                        dibuat_pada=waktu,
                    )
                )
            if tahun != "2026/2027":
                await conn.execute(
                    update(tabel_siklus)
                    .where(tabel_siklus.c.id == siklus_id)
                    .values(status="selesai", tahap=5)
                )
        for uid, peran in orang:
            for p in inst.pertanyaan_untuk(peran):
                if p.jika is None and p.jenis.value in NILAI:
                    await jawaban.simpan(
                        conn,
                        siklus_id=siklus_id,
                        pengguna_id=uid,
                        responden=peran,
                        pertanyaan_kode=p.kode,
                        nilai=NILAI[p.jenis.value],
                        waktu=waktu,
                    )
        await conn.execute(
            update(tabel_siklus).where(tabel_siklus.c.id == siklus_id).values(tahap=2)
        )
        await db_akr.pilih(conn, sid, "iasp2020", 1, waktu)
        butir = [b.kode for b in bawaan("iasp2020").semua_butir("SMK")]
        for n in range(100):
            await db_akr.tautkan(conn, sid, "iasp2020", butir[n % len(butir)], n + 1, 1, waktu)
    return sid, siklus_id


async def _waktu(kerja: Callable[[], Awaitable[Any]], ulang: int) -> float:
    """Median milliseconds of one call."""
    hasil = []
    for _ in range(ulang):
        mulai = time.perf_counter()
        await kerja()
        hasil.append(time.perf_counter() - mulai)
    return statistics.median(hasil) * 1000


async def main(guru: int, berkas: int, ulang: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        tingkatkan(url)
        lay = Layanan(mesin=buat_mesin(url), settings=Settings(database_url=url, data_dir=folder))
        sid, siklus_id = await isi(lay, guru, berkas)
        aktor = await baca(lay, 1, sid)

        async def milik_lama() -> bool:
            async with lay.mesin.connect() as conn:
                return 1 in {b.id for b in await db_akr.bukti_sekolah(conn, sid)}

        async def milik_baru() -> bool:
            async with lay.mesin.connect() as conn:
                return await db_akr.bukti_milik(conn, sid, 1)

        async def sebelum() -> None:
            await akr.gambaran(lay, aktor, spmi=False, semua_bukti=True)
            await peta_siklus(lay, siklus_id)

        async def skor_saja() -> None:
            async with lay.mesin.connect() as conn:
                await akr._skor_spmi(lay, conn, sid)

        baris = [
            ("every press before: all files + full map", sebelum),
            ("  of which the full quality map", lambda: peta_siklus(lay, siklus_id)),
            ("stage-1 scores alone (now, where shown)", skor_saja),
            (
                "picture, all files, no SPMI (offer)",
                lambda: akr.gambaran(lay, aktor, spmi=False, semua_bukti=True),
            ),
            ("picture, linked files, no SPMI", lambda: akr.gambaran(lay, aktor, spmi=False)),
            ("picture, linked files, SPMI (panel, butir)", lambda: akr.gambaran(lay, aktor)),
            ("file check: every file (tautkan before)", milik_lama),
            ("file check: one id (tautkan now)", milik_baru),
        ]
        print(f"{guru} teachers + principal, {berkas} files, median of {ulang}")
        for nama, kerja in baris:
            print(f"  {nama:<45} {await _waktu(kerja, ulang):8.1f} ms")
        await lay.mesin.dispose()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--guru", type=int, default=40)
    p.add_argument("--berkas", type=int, default=300)
    p.add_argument("--ulang", type=int, default=20)
    a = p.parse_args()
    asyncio.run(main(a.guru, a.berkas, a.ulang))
