"""What the outbox does when a row's chat is gone: the user blocked the bot, the bot was removed
from a group, or a group moved to a new chat id. Each is one transaction that also writes the
row's outcome, under the claim that took it (see db/pengingat.py `_milik`)."""

from __future__ import annotations

from sqlalchemy.engine import Row

from bot.layanan import Layanan
from bot.layanan.anggota import pengelola_sekolah
from db import grup as db_grup
from db import pengguna as db_pengguna
from db import pengingat as db_pengingat


async def diblokir(lay: Layanan, b: Row, galat: str) -> None:
    """The user blocked the bot: inactive, their waiting reminders cancelled, and the
    school's managers told once (a reminder of their own, keyed by this row). For a group
    chat (negative id): the bot was removed, so the group is unlinked instead."""
    pengelola = await pengelola_sekolah(lay, b.sekolah_id) if b.sekolah_id else []
    if b.pengguna_id < 0:
        await _grup_terputus(lay, b, galat, pengelola)
        return
    async with lay.mesin.begin() as conn:
        await db_pengingat.gagal(conn, b.id, galat, percobaan=b.percobaan)
        await db_pengguna.nonaktifkan(conn, b.pengguna_id)
        await db_pengingat.batalkan(conn, pengguna_id=b.pengguna_id)
        data = await db_pengguna.ambil(conn, b.pengguna_id)
        nama = data.nama if data else str(b.pengguna_id)
        for uid in pengelola:
            if uid == b.pengguna_id:
                continue
            await db_pengingat.rencanakan(
                conn,
                kunci=f"diblokir:{b.pengguna_id}:{b.id}:{uid}",
                pengguna_id=uid,
                jenis="kabar_diblokir",
                isi={"templat": "pengingat/diblokir", "konteks": {"nama": nama}},
                jatuh_tempo=lay.sekarang(),
                waktu=lay.sekarang(),
                sekolah_id=b.sekolah_id,
                rujukan=f"pengguna:{b.pengguna_id}",
            )


async def _grup_terputus(lay: Layanan, b: Row, galat: str, pengelola: list[int]) -> None:
    async with lay.mesin.begin() as conn:
        await db_pengingat.gagal(conn, b.id, galat, percobaan=b.percobaan)
        g = await db_grup.untuk_chat(conn, b.pengguna_id)
        await db_grup.putuskan(conn, b.pengguna_id)
        await db_pengingat.batalkan(conn, pengguna_id=b.pengguna_id)
        if g is None:
            return
        for uid in pengelola:
            await db_pengingat.rencanakan(
                conn,
                kunci=f"grup_terputus:{b.pengguna_id}:{b.id}:{uid}",
                pengguna_id=uid,
                jenis="kabar_grup_terputus",
                isi={"templat": "ringkasan/grup_terputus", "konteks": {"judul": g.judul}},
                jatuh_tempo=lay.sekarang(),
                waktu=lay.sekarang(),
                sekolah_id=b.sekolah_id,
                rujukan=f"grup:{b.pengguna_id}",
            )


async def chat_pindah(lay: Layanan, b: Row, baru: int) -> None:
    """A group became a supergroup under a new chat id: its link and its waiting rows move
    there, and this row goes again at once to the new id."""
    sekarang = lay.sekarang()
    async with lay.mesin.begin() as conn:
        await db_pengingat.gagal(
            conn, b.id, f"chat pindah ke {baru}", status="batal", percobaan=b.percobaan
        )
        await db_grup.pindah(conn, b.pengguna_id, baru)
        await db_pengingat.pindah_chat(conn, b.pengguna_id, baru)
        await db_pengingat.rencanakan(
            conn,
            kunci=b.kunci.replace(f":{b.pengguna_id}:", f":{baru}:"),
            pengguna_id=baru,
            jenis=b.jenis,
            isi=b.isi,
            jatuh_tempo=sekarang,
            waktu=sekarang,
            sekolah_id=b.sekolah_id,
            rujukan=b.rujukan,
        )
