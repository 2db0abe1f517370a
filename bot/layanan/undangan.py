"""Invite codes: made by kepala_sekolah or koordinator, used by people joining a school."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Row

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor
from bot.mutu.peran import PERAN_UNDANGAN, Peran
from db import audit, keanggotaan, pengguna, sekolah, undangan

MASA_BERLAKU = timedelta(days=7)
MAKS_PAKAI_BANYAK = 50
# No 0/O, 1/I/L: a code is read aloud and typed from paper.
_HURUF_KODE = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
PANJANG_KODE = 8


@dataclass(frozen=True)
class Undangan:
    """An invite as the inviter sees it."""

    id: int
    kode: str
    peran: Peran
    kedaluwarsa_pada: datetime
    maks_pakai: int
    dipakai: int
    dicabut: bool


@dataclass(frozen=True)
class HasilGabung:
    """Where a code brought the user."""

    sekolah_id: int
    sekolah_nama: str
    peran: Peran
    pengundang_id: int


def _undangan(baris: Row) -> Undangan:
    return Undangan(
        id=baris.id,
        kode=baris.kode,
        peran=Peran(baris.peran),
        kedaluwarsa_pada=baris.kedaluwarsa_pada,
        maks_pakai=baris.maks_pakai,
        dipakai=baris.dipakai,
        dicabut=baris.dicabut_pada is not None,
    )


def kode_baru() -> str:
    """A random invite code."""
    return "".join(secrets.choice(_HURUF_KODE) for _ in range(PANJANG_KODE))


async def buat(
    lay: Layanan, aktor: Aktor, peran: Peran, maks_pakai: int, kunci_idem: str
) -> Undangan:
    """Create an invite for the actor's school; the same button press returns the same code."""
    if peran not in PERAN_UNDANGAN or maks_pakai not in (1, MAKS_PAKAI_BANYAK):
        raise Ditolak("pilihan_salah")
    if aktor.sekolah_id is None:
        raise Ditolak("tanpa_sekolah")
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        lama = await undangan.dari_kunci_idem(conn, kunci_idem)
        if lama is not None:
            return _undangan(lama)
        undangan_id = await undangan.buat(
            conn,
            kode=kode_baru(),
            sekolah_id=aktor.sekolah_id,
            peran=peran,
            dibuat_oleh=aktor.pengguna_id,
            waktu=waktu,
            kedaluwarsa_pada=waktu + MASA_BERLAKU,
            maks_pakai=maks_pakai,
            kunci_idem=kunci_idem,
        )
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="undangan.buat",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="undangan",
            objek_id=undangan_id,
            rincian={"peran": peran, "maks_pakai": maks_pakai},
        )
        baris = await undangan.ambil(conn, undangan_id)
    assert baris is not None
    return _undangan(baris)


async def aktif(lay: Layanan, aktor: Aktor) -> list[Undangan]:
    """The actor's school's invites that still work."""
    if aktor.sekolah_id is None:
        return []
    async with lay.mesin.connect() as conn:
        baris = await undangan.aktif_sekolah(conn, aktor.sekolah_id, lay.sekarang())
    return [_undangan(b) for b in baris]


async def cabut(lay: Layanan, aktor: Aktor, undangan_id: int) -> Undangan:
    """Revoke an invite of the actor's school."""
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        baris = await undangan.ambil(conn, undangan_id)
        if baris is None or baris.sekolah_id != aktor.sekolah_id:
            raise Ditolak("bukan_sekolah_ini")
        if await undangan.cabut(conn, undangan_id, baris.sekolah_id, waktu):
            await audit.catat(
                conn,
                waktu=waktu,
                aksi="undangan.cabut",
                pengguna_id=aktor.pengguna_id,
                sekolah_id=baris.sekolah_id,
                objek="undangan",
                objek_id=undangan_id,
            )
        baris = await undangan.ambil(conn, undangan_id)
    assert baris is not None
    return _undangan(baris)


async def gabung(lay: Layanan, pengguna_id: int, kode: str) -> HasilGabung:
    """Join the school of a code. An unknown, expired, revoked or used-up code, or one for a
    school the user already belongs to, raises `Ditolak` and changes nothing."""
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        baris = await undangan.cari(conn, kode)
        if baris is None:
            raise Ditolak("kode_tidak_dikenal", kode=kode)
        if baris.dicabut_pada is not None:
            raise Ditolak("kode_dicabut", kode=kode)
        if baris.kedaluwarsa_pada <= waktu:
            raise Ditolak("kode_kedaluwarsa", kode=kode)
        if baris.dipakai >= baris.maks_pakai:
            raise Ditolak("kode_habis", kode=kode)
        data_sekolah = await sekolah.ambil(conn, baris.sekolah_id)
        assert data_sekolah is not None
        if await keanggotaan.peran_di(conn, pengguna_id, baris.sekolah_id) is not None:
            raise Ditolak("sudah_anggota", sekolah=data_sekolah.nama)
        if not await undangan.pakai(conn, baris.id, waktu):
            raise Ditolak("kode_habis", kode=kode)
        await keanggotaan.tambah(
            conn,
            pengguna_id=pengguna_id,
            sekolah_id=baris.sekolah_id,
            peran=baris.peran,
            waktu=waktu,
        )
        await pengguna.pilih_sekolah_aktif(conn, pengguna_id, baris.sekolah_id)
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="anggota.gabung",
            pengguna_id=pengguna_id,
            sekolah_id=baris.sekolah_id,
            objek="undangan",
            objek_id=baris.id,
            rincian={"peran": baris.peran},
        )
    lay.lupakan_aktor(pengguna_id)
    return HasilGabung(baris.sekolah_id, data_sekolah.nama, Peran(baris.peran), baris.dibuat_oleh)
