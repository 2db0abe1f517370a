"""Messages to users other than the one being answered: written to the outbox (bot/pengingat.py)
in the transaction of the change they tell of, so a crash loses none and a doubled press (one
key per message) plans none twice. The outbox paces them, notices blocked users and survives
a restart; the handler only asks it to send now (bot.pengingat.kirim_segera)."""

from __future__ import annotations

from bot.layanan import Layanan
from bot.mutu.peran import PENGELOLA, Peran
from db import keanggotaan
from db import pengingat as db_pengingat
from db.jenis import AsyncConnection

Tombol = list[list[tuple[str, str]]]  # rows of (label key, callback data)


async def kabari(
    conn: AsyncConnection,
    lay: Layanan,
    *,
    kunci: str,
    pengguna_id: int,
    jenis: str,
    templat: str,
    konteks: dict[str, object],
    tombol: Tombol | None = None,
    sekolah_id: int | None = None,
    rujukan: str | None = None,
) -> None:
    """Plan one message, due now. The text is rendered here, from the state just written
    (the outbox stores it as it is); the buttons as label keys, rendered when sent."""
    isi = {
        "teks": lay.render.pesan_panjang(templat, **konteks),
        "tombol": [[{"label": label, "data": data} for label, data in baris] for baris in tombol]
        if tombol
        else [],
    }
    await db_pengingat.rencanakan(
        conn,
        kunci=kunci,
        pengguna_id=pengguna_id,
        jenis=jenis,
        isi=isi,
        jatuh_tempo=lay.sekarang(),
        waktu=lay.sekarang(),
        sekolah_id=sekolah_id,
        rujukan=rujukan,
    )


async def pengelola(conn: AsyncConnection, sekolah_id: int) -> list[int]:
    """The kepala_sekolah and koordinator of a school, read in the caller's transaction."""
    anggota = await keanggotaan.anggota_sekolah(conn, sekolah_id)
    return [a.pengguna_id for a in anggota if Peran(a.peran) in PENGELOLA]


async def kabari_pengelola(
    conn: AsyncConnection,
    lay: Layanan,
    *,
    sekolah_id: int,
    kecuali: int | None,
    kunci: str,
    jenis: str,
    templat: str,
    konteks: dict[str, object],
    tombol: Tombol | None = None,
    rujukan: str | None = None,
) -> None:
    """Plan one message to each manager of the school but `kecuali` (the one acting); `kunci`
    names the event, each manager's key adds their id."""
    for uid in await pengelola(conn, sekolah_id):
        if uid == kecuali:
            continue
        await kabari(
            conn,
            lay,
            kunci=f"{kunci}:{uid}",
            pengguna_id=uid,
            jenis=jenis,
            templat=templat,
            konteks=konteks,
            tombol=tombol,
            sekolah_id=sekolah_id,
            rujukan=rujukan,
        )


def kunci_waktu(lay: Layanan) -> str:
    """A key part naming the moment of an event the database refuses twice anyway (a
    response, a verification, a review): microseconds, so two events never share it."""
    return str(int(lay.sekarang().timestamp() * 1_000_000))
