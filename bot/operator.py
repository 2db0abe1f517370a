"""The operator's tools behind `asisten-mutu sekolah ...` and `asisten-mutu pengguna ...`:
look a school up, hand it to a new kepala sekolah, deactivate it; export or erase one person
(the same as /datasaya and /hapusdata, for someone who lost their Telegram account). Each
change is audited as the operator's."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from bot.config import KonfigurasiSalah
from bot.layanan import Ditolak, Layanan, privasi
from db import audit, keanggotaan, pengguna
from db import operator as db_operator


@dataclass(frozen=True)
class InfoSekolah:
    """What `sekolah cari` prints."""

    npsn: str
    nama: str
    jenjang: str
    wilayah: str
    dibuat_pada: str
    anggota: dict[str, int]
    kepala: list[int]
    siklus: str | None


async def _sekolah(lay: Layanan, npsn: str) -> int:
    async with lay.mesin.connect() as conn:
        s = await db_operator.sekolah_npsn(conn, npsn)
    if s is None:
        raise KonfigurasiSalah(f"no school with NPSN {npsn}")
    return int(s.id)


async def cari(lay: Layanan, npsn: str) -> InfoSekolah:
    """A school by NPSN: where it is, its members by role, its kepala's ids, its cycle."""
    async with lay.mesin.connect() as conn:
        s = await db_operator.sekolah_npsn(conn, npsn)
        if s is None:
            raise KonfigurasiSalah(f"no school with NPSN {npsn}")
        anggota = await db_operator.jumlah_per_peran(conn, s.id)
        kepala = await db_operator.kepala(conn, s.id)
        c = await db_operator.siklus_terakhir(conn, s.id)
    return InfoSekolah(
        s.npsn,
        s.nama,
        s.jenjang,
        f"{s.kabupaten}, {s.provinsi}",
        s.dibuat_pada.date().isoformat(),
        anggota,
        kepala,
        f"{c.tahun_ajaran} stage {c.tahap} ({c.status})" if c else None,
    )


async def serahkan(lay: Layanan, npsn: str, pengguna_id: int) -> list[int]:
    """Make the user the school's kepala sekolah; the previous kepala leave the school.
    The user must have written to the bot once (so the bot may message them). Returns the
    ids of the previous kepala."""
    sekolah_id = await _sekolah(lay, npsn)
    async with lay.mesin.begin() as conn:
        if await pengguna.ambil(conn, pengguna_id) is None:
            raise KonfigurasiSalah(
                f"Telegram user {pengguna_id} has not started the bot; ask them to send /start"
            )
        lama = [i for i in await db_operator.kepala(conn, sekolah_id) if i != pengguna_id]
        await db_operator.keluarkan_kepala(conn, sekolah_id, lay.sekarang())
        await keanggotaan.tambah(
            conn,
            pengguna_id=pengguna_id,
            sekolah_id=sekolah_id,
            peran="kepala_sekolah",
            waktu=lay.sekarang(),
        )
        await pengguna.pilih_sekolah_aktif(conn, pengguna_id, sekolah_id)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="operator.serahkan",
            pengguna_id=None,
            sekolah_id=sekolah_id,
            objek="pengguna",
            objek_id=pengguna_id,
            rincian={"kepala_lama": lama},
        )
    for i in [*lama, pengguna_id]:
        lay.lupakan_aktor(i)
    return lama


async def nonaktifkan(lay: Layanan, npsn: str) -> int:
    """Every member leaves the school and its reminders stop; its records stay and
    `serahkan` brings it back. Returns how many members left."""
    sekolah_id = await _sekolah(lay, npsn)
    async with lay.mesin.begin() as conn:
        ids = await db_operator.nonaktifkan(conn, sekolah_id, lay.sekarang())
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="operator.nonaktifkan",
            pengguna_id=None,
            sekolah_id=sekolah_id,
            rincian={"anggota": len(ids)},
        )
    for i in ids:
        lay.lupakan_aktor(i)
    return len(ids)


async def ekspor(lay: Layanan, pengguna_id: int, folder: Path) -> list[Path]:
    """Write the person's data (as /datasaya sends it) into `folder`, never overwriting."""
    async with lay.mesin.connect() as conn:
        if await pengguna.ambil(conn, pengguna_id) is None:
            raise KonfigurasiSalah(f"no user with Telegram id {pengguna_id}")
    paket = await privasi.ekspor(lay, pengguna_id, oleh="operator")
    return await asyncio.to_thread(_tulis, paket.berkas, folder)


def _tulis(berkas: list[tuple[str, bytes]], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    ditulis = []
    for nama, isi in berkas:
        path = folder / nama
        if path.exists():
            raise KonfigurasiSalah(f"{path} exists already; choose another folder")
        path.write_bytes(isi)
        ditulis.append(path)
    return ditulis


async def hapus(lay: Layanan, pengguna_id: int) -> None:
    """Erase the person (as /hapusdata does)."""
    try:
        ada = await privasi.hapus(lay, pengguna_id, oleh="operator")
    except Ditolak as tolak:
        raise KonfigurasiSalah(
            f"user {pengguna_id} is the only kepala sekolah of {tolak.rincian['sekolah']}; "
            "hand the school over first (asisten-mutu sekolah serahkan NPSN TELEGRAM_ID)"
        ) from None
    if not ada:
        raise KonfigurasiSalah(f"no user with Telegram id {pengguna_id}")
