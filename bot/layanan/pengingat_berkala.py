"""The regular messages: a weekly monev check-in for every member with open commitments (one
message listing them all, a button each), and the weekly summaries (bot.layanan.ringkasan).
Planned one occurrence ahead; built when they go out."""

from __future__ import annotations

from typing import Any

from bot.layanan import Layanan, ringkasan
from bot.layanan.aktor import baca
from bot.layanan.komitmen import daftar
from bot.layanan.pengaturan import aturan_sekolah
from bot.mutu import jadwal
from bot.render import tanggal
from db import pengguna as db_pengguna
from db import pengingat as db_pengingat
from db.jenis import Row

MINGGUAN = "monev_mingguan"


# Commitments named (each with a report button) in one weekly message; the rest are counted
# and reachable with /lapor, so a PIC of many activities still gets one message.
MAKS_MINGGUAN = 10


async def rencanakan_mingguan(lay: Layanan, pengguna_id: int, sekolah_id: int) -> None:
    """Make sure the member's next weekly check-in is planned: one waiting per member and
    school; a check-in is not urgent, so it waits until a leave is over."""
    async with lay.mesin.begin() as conn:
        aturan = await aturan_sekolah(conn, sekolah_id)
        cuti = await db_pengguna.cuti_sampai(conn, pengguna_id)
        mulai = jadwal.sesudah_cuti(lay.sekarang(), cuti, aturan)
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


async def susun(lay: Layanan, b: Row) -> dict[str, Any] | None:
    """The content of a weekly row, from the database as it is now."""
    if b.jenis in ringkasan.JENIS_BERKALA:
        return await ringkasan.susun(lay, b)
    aktor = await baca(lay, b.pengguna_id, b.sekolah_id)
    if aktor.aktif is None:
        return None
    if b.jenis != MINGGUAN:
        return None
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
                for k in terbuka[:MAKS_MINGGUAN]
            ],
            "lainnya": max(len(terbuka) - MAKS_MINGGUAN, 0),
        },
        "tombol": [
            [
                {
                    "label": "tombol.lapor_baris",
                    "isian": {"kegiatan": k.kegiatan.deskripsi[:40]},
                    "data": f"lpr:k:{k.id}",
                }
            ]
            for k in terbuka[:MAKS_MINGGUAN]
        ],
    }


async def setelah_terkirim(lay: Layanan, b: Row) -> None:
    """Plan the next occurrence of a weekly message that went out."""
    if b.jenis == MINGGUAN and b.sekolah_id is not None:
        await rencanakan_mingguan(lay, b.pengguna_id, b.sekolah_id)
    else:
        await ringkasan.setelah_terkirim(lay, b)
