"""Linking a school's Telegram group: the weekly summary is then posted there too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, wajib_peran
from db import audit
from db import grup as db_grup
from db import pengingat as db_pengingat


@dataclass(frozen=True)
class Grup:
    """A linked group."""

    chat_id: int
    judul: str
    dihubungkan_pada: datetime


async def hubungkan(lay: Layanan, aktor: Aktor, chat_id: int, judul: str) -> str:
    """Link the group to the actor's school (the caller has checked that the actor is an
    admin of the group); a group linked before is replaced. Returns the school's name."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.begin() as conn:
        lama = await db_grup.hubungkan(
            conn,
            sekolah_id=sekolah_id,
            chat_id=chat_id,
            judul=judul[:200],
            oleh=aktor.pengguna_id,
            waktu=lay.sekarang(),
        )
        if lama is not None:
            await db_pengingat.batalkan(conn, pengguna_id=lama)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="grup.hubungkan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="grup",
            objek_id=chat_id,
            rincian={"judul": judul, "menggantikan": lama},
        )
    assert aktor.aktif is not None
    return aktor.aktif.sekolah_nama


async def lihat(lay: Layanan, aktor: Aktor) -> Grup | None:
    """The group linked to the actor's school, or None."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.connect() as conn:
        g = await db_grup.untuk_sekolah(conn, sekolah_id)
    return Grup(g.chat_id, g.judul, g.dihubungkan_pada) if g else None


async def putuskan(lay: Layanan, aktor: Aktor) -> Grup:
    """Unlink the school's group; `Ditolak` when none is linked (a second press)."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.begin() as conn:
        g = await db_grup.untuk_sekolah(conn, sekolah_id)
        if g is None:
            raise Ditolak("grup_tidak_terhubung")
        await db_grup.putuskan(conn, g.chat_id)
        await db_pengingat.batalkan(conn, pengguna_id=g.chat_id)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="grup.putuskan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="grup",
            objek_id=g.chat_id,
        )
    return Grup(g.chat_id, g.judul, g.dihubungkan_pada)


async def bot_keluar(lay: Layanan, chat_id: int) -> int | None:
    """The bot left or was removed from a group: unlink it. Returns the school it served."""
    async with lay.mesin.begin() as conn:
        sekolah_id = await db_grup.putuskan(conn, chat_id)
        if sekolah_id is not None:
            await db_pengingat.batalkan(conn, pengguna_id=chat_id)
            await audit.catat(
                conn,
                waktu=lay.sekarang(),
                aksi="grup.bot_keluar",
                pengguna_id=None,
                sekolah_id=sekolah_id,
                objek="grup",
                objek_id=chat_id,
            )
    return sekolah_id


async def pindah(lay: Layanan, lama: int, baru: int) -> None:
    """A linked group became a supergroup with a new chat id: its link and its waiting
    messages follow it."""
    async with lay.mesin.begin() as conn:
        if await db_grup.pindah(conn, lama, baru):
            await db_pengingat.pindah_chat(conn, lama, baru)
