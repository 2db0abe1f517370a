"""Personal data at a full school's size: /datasaya for a teacher of a 150-member school with
three mapped cycles and 40 evidence files of 1 MB (incompressible), then /hapusdata, then the
daily retention pass over 5,000 users without a school.

    python -m bench.privasi [--anggota 150] [--berkas 40] [--mb 1.0]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bot.config import Settings
from bot.layanan import Layanan, privasi
from bot.layanan.bukti import tulis_berkas
from db.mesin import buat_mesin
from db.migrasi_api import tingkatkan
from db.tabel import bukti, jawaban, keanggotaan, pengguna, sekolah, siklus

WAKTU = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
SOAL = 60  # answers per member per cycle (the shipped instrument asks a teacher about 60)


async def _isi(lay: Layanan, anggota: int, berkas: int, mb: float, data: Path) -> None:
    async with lay.mesin.begin() as conn:
        await conn.execute(
            insert(sekolah).values(
                id=1,
                npsn="20512345",
                nama="SMP Negeri 1 Sleman",
                jenjang="SMP",
                kabupaten="Sleman",
                provinsi="DI Yogyakarta",
                zona_waktu="Asia/Jakarta",
                dibuat_pada=WAKTU,
            )
        )
        orang = [
            {"id": 1000 + i, "nama": f"Guru {i}", "dibuat_pada": WAKTU, "terakhir_aktif": WAKTU}
            for i in range(anggota)
        ]
        await conn.execute(insert(pengguna), orang)
        await conn.execute(
            insert(keanggotaan),
            [
                {
                    "pengguna_id": o["id"],
                    "sekolah_id": 1,
                    "peran": "kepala_sekolah" if i == 0 else "guru",
                    "dibuat_pada": WAKTU,
                }
                for i, o in enumerate(orang)
            ],
        )
        for c in range(1, 4):
            await conn.execute(
                insert(siklus).values(
                    id=c,
                    sekolah_id=1,
                    tahun_ajaran=f"{2023 + c}/{2024 + c}",
                    status="selesai" if c < 3 else "terbuka",
                    dibuka_pada=WAKTU,
                    peta={"skor": 4.2},
                )
            )
            await conn.execute(
                insert(jawaban),
                [
                    {
                        "siklus_id": c,
                        "pengguna_id": o["id"],
                        "responden": "guru",
                        "pertanyaan_kode": f"Q{q}",
                        "nilai": str(q % 4),
                        "dijawab_pada": WAKTU,
                        "diperbarui_pada": WAKTU,
                    }
                    for o in orang
                    for q in range(SOAL)
                ],
            )
        sasaran = orang[1]["id"]
        for b in range(berkas):
            isi = os.urandom(int(mb * 1024 * 1024))
            path = tulis_berkas(data, 1, f"{b:064x}", ".pdf", isi)
            await conn.execute(
                insert(bukti).values(
                    sekolah_id=1,
                    siklus_id=3,
                    pengguna_id=sasaran,
                    sumber=f"pertanyaan:Q{b}",
                    file_id=f"f{b}",
                    file_unique_id=f"u{b}",
                    nama_file=f"bukti-{b}.pdf",
                    mime="application/pdf",
                    ukuran=len(isi),
                    sha256=f"{b:064x}",
                    path=str(path),
                    dibuat_pada=WAKTU,
                )
            )
        await conn.execute(
            insert(pengguna),
            [
                {
                    "id": 100_000 + i,
                    "nama": f"Tamu {i}",
                    "dibuat_pada": WAKTU,
                    "terakhir_aktif": WAKTU - timedelta(days=100 if i % 2 else 10),
                }
                for i in range(5000)
            ],
        )


async def utama(anggota: int, berkas: int, mb: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        url = f"sqlite+aiosqlite:///{data / 'am.db'}"
        tingkatkan(url)
        settings = Settings(_env_file=None, database_url=url, data_dir=data)
        lay = Layanan(mesin=buat_mesin(url), settings=settings, jam=lambda: WAKTU)
        await _isi(lay, anggota, berkas, mb, data)
        pid = 1001
        mulai = time.perf_counter()
        paket = await privasi.ekspor(lay, pid)
        t_ekspor = time.perf_counter() - mulai
        ukuran = sum(len(isi) for _, isi in paket.berkas) / 1024 / 1024
        print(
            f"/datasaya: {3 * SOAL} answers, {paket.jumlah_bukti} files included, "
            f"{len(paket.dilewati)} left out, {ukuran:.1f} MB, {t_ekspor:.2f} s"
        )
        mulai = time.perf_counter()
        await privasi.hapus(lay, pid)
        print(f"/hapusdata in a school of {anggota}: {time.perf_counter() - mulai:.2f} s")
        mulai = time.perf_counter()
        jumlah = await privasi.hapus_kedaluwarsa(lay)
        print(
            f"retention pass: {jumlah} of 5000 users without a school erased, "
            f"{time.perf_counter() - mulai:.2f} s"
        )
        await lay.mesin.dispose()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--anggota", type=int, default=150)
    p.add_argument("--berkas", type=int, default=40)
    p.add_argument("--mb", type=float, default=1.0)
    a = p.parse_args()
    asyncio.run(utama(a.anggota, a.berkas, a.mb))


if __name__ == "__main__":
    main()
