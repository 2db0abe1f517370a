"""The regular messages of stage 4: a weekly monev check-in for every member with open
commitments (one message listing them all, a button each) and a monthly summary for the
kepala_sekolah and koordinator. Planned one occurrence ahead; built when they go out."""

from __future__ import annotations

from collections import Counter
from datetime import time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Row

from bot.layanan import Layanan
from bot.layanan.aktor import baca
from bot.layanan.anggota import pengelola_sekolah
from bot.layanan.komitmen import daftar
from bot.layanan.pengaturan import aturan_sekolah
from bot.mutu import jadwal
from bot.render import tanggal
from db import pengingat as db_pengingat
from db.tabel import pengguna

MINGGUAN = "monev_mingguan"
BULANAN = "ringkasan_bulanan"


async def rencanakan_mingguan(lay: Layanan, pengguna_id: int, sekolah_id: int) -> None:
    """Make sure the member's next weekly check-in is planned: one waiting per member and
    school; a check-in is not urgent, so it waits until a leave is over."""
    async with lay.mesin.begin() as conn:
        aturan = await aturan_sekolah(conn, sekolah_id)
        cuti = (
            await conn.execute(select(pengguna.c.cuti_sampai).where(pengguna.c.id == pengguna_id))
        ).scalar()
        mulai = lay.sekarang()
        if cuti is not None:
            mulai = max(mulai, jadwal.pada_hari(cuti + timedelta(days=1), time(0, 0), aturan))
        saat = jadwal.mingguan_berikut(mulai, aturan)
        await db_pengingat.batalkan(conn, awalan_kunci=f"{MINGGUAN}:{sekolah_id}:{pengguna_id}:")
        await db_pengingat.rencanakan(
            conn,
            kunci=f"{MINGGUAN}:{sekolah_id}:{pengguna_id}:{saat.date().isoformat()}",
            pengguna_id=pengguna_id,
            jenis=MINGGUAN,
            isi={"dinamis": MINGGUAN},
            jatuh_tempo=saat,
            waktu=lay.sekarang(),
            sekolah_id=sekolah_id,
            rujukan=f"pengguna:{pengguna_id}",
        )


async def rencanakan_bulanan(lay: Layanan, sekolah_id: int) -> None:
    """Make sure next month's summary is planned for every manager of the school."""
    penerima = await pengelola_sekolah(lay, sekolah_id)
    async with lay.mesin.begin() as conn:
        aturan = await aturan_sekolah(conn, sekolah_id)
        saat = jadwal.bulanan_berikut(lay.sekarang(), aturan)
        for uid in penerima:
            await db_pengingat.rencanakan(
                conn,
                kunci=f"{BULANAN}:{sekolah_id}:{uid}:{saat.date().isoformat()}",
                pengguna_id=uid,
                jenis=BULANAN,
                isi={"dinamis": BULANAN},
                jatuh_tempo=saat,
                waktu=lay.sekarang(),
                sekolah_id=sekolah_id,
                rujukan=f"sekolah:{sekolah_id}",
            )


async def susun(lay: Layanan, b: Row) -> dict[str, Any] | None:
    """The content of a weekly or monthly row, from the database as it is now."""
    aktor = await baca(lay, b.pengguna_id, b.sekolah_id)
    if aktor.aktif is None:
        return None
    if b.jenis == MINGGUAN:
        terbuka = [
            k
            for k in await daftar(lay, aktor, semua=False)
            if k.respons == "berkomitmen" and k.kemajuan != "selesai"
        ]
        if not terbuka:
            return None
        return {
            "templat": "pengingat/mingguan",
            "konteks": {
                "daftar": [
                    {
                        "kegiatan": k.kegiatan.deskripsi,
                        "selesai": tanggal(k.kegiatan.selesai),
                        "status": lay.render.label(f"status.{k.kemajuan}"),
                        "persen": k.persen,
                    }
                    for k in terbuka
                ]
            },
            "tombol": [
                [
                    {
                        "label": "tombol.lapor_baris",
                        "isian": {"kegiatan": k.kegiatan.deskripsi[:40]},
                        "data": f"lpr:k:{k.id}",
                    }
                ]
                for k in terbuka
            ],
        }
    semua = await daftar(lay, aktor, semua=True)
    hitung = Counter(k.kemajuan for k in semua)
    return {
        "templat": "pengingat/bulanan",
        "konteks": {
            "sekolah": aktor.aktif.sekolah_nama,
            "jumlah": len(semua),
            "hitung": {
                s: hitung.get(s, 0) for s in ("belum_mulai", "berjalan", "selesai", "terkendala")
            },
            "menunggu": sum(1 for k in semua if k.respons != "berkomitmen"),
        },
    }


async def setelah_terkirim(lay: Layanan, b: Row) -> None:
    """Plan the next occurrence of a weekly or monthly message that went out."""
    if b.sekolah_id is None:
        return
    if b.jenis == MINGGUAN:
        await rencanakan_mingguan(lay, b.pengguna_id, b.sekolah_id)
    elif b.jenis == BULANAN:
        await rencanakan_bulanan(lay, b.sekolah_id)
