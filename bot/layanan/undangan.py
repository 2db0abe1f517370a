"""Invite codes: made by kepala_sekolah or koordinator, used by people joining a school."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.layanan import Ditolak, Layanan, kabar
from bot.layanan.aktor import Aktor
from bot.mutu.peran import PERAN_UNDANGAN, Peran
from db import audit, keanggotaan, pengguna, sekolah, undangan
from db.jenis import AsyncConnection, Row

MASA_BERLAKU = timedelta(days=7)
MAKS_PAKAI_BANYAK = 50
# Roles that manage the school or see it from outside: a code for them is meant for one
# named person, so a forwarded code cannot bring in a second one.
PERAN_SEKALI_PAKAI = frozenset({Peran.KOORDINATOR, Peran.PENGAWAS})
# Outbox kinds (bot/layanan/kabar.py): a removed member tried a code; someone joined.
KABAR_COBA_KEMBALI = "kabar_coba_kembali"
KABAR_GABUNG = "kabar_gabung"
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


def pilihan_pakai(peran: Peran) -> tuple[int, ...]:
    """How many people a new code for this role may let in: the choices offered."""
    return (1,) if peran in PERAN_SEKALI_PAKAI else (1, MAKS_PAKAI_BANYAK)


def kode_baru() -> str:
    """A random invite code."""
    return "".join(secrets.choice(_HURUF_KODE) for _ in range(PANJANG_KODE))


async def buat(
    lay: Layanan, aktor: Aktor, peran: Peran, maks_pakai: int, kunci_idem: str
) -> Undangan:
    """Create an invite for the actor's school; the same button press returns the same code."""
    if peran not in PERAN_UNDANGAN or maks_pakai not in pilihan_pakai(peran):
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
    school the user already belongs to, raises `Ditolak` and changes nothing. A member the
    kepala_sekolah removed is refused whatever the code (`Ditolak("dikeluarkan")`), and the
    school's kepala_sekolah are told of the attempt (through the outbox, committed before
    the refusal). Every kepala_sekolah and the code's maker hear of a join, through the
    outbox, in the transaction of the join."""
    async with lay.mesin.begin() as conn:
        baris = await undangan.cari(conn, kode)
        if baris is None:
            raise Ditolak("kode_tidak_dikenal", kode=kode)
        data_sekolah = await sekolah.ambil(conn, baris.sekolah_id)
        assert data_sekolah is not None
        lama = await keanggotaan.di_sekolah(conn, pengguna_id, baris.sekolah_id)
        # Checked before the code's own state: a removed member's own code is revoked, and
        # the kepala_sekolah should hear of the attempt all the same.
        ditahan = lama is not None and lama.dikeluarkan
        if ditahan:
            assert lama is not None
            await _kabar_coba_kembali(conn, lay, lama, baris, data_sekolah.nama)
        else:
            await _pakai_kode(conn, lay, pengguna_id, baris, data_sekolah.nama)
    if ditahan:  # after the commit: the notices above are kept, nothing else changed
        raise Ditolak("dikeluarkan", sekolah=data_sekolah.nama)
    lay.lupakan_aktor(pengguna_id)
    return HasilGabung(baris.sekolah_id, data_sekolah.nama, Peran(baris.peran))


async def _pakai_kode(
    conn: AsyncConnection, lay: Layanan, pengguna_id: int, baris: Row, nama_sekolah: str
) -> None:
    waktu = lay.sekarang()
    kode = baris.kode
    if baris.dicabut_pada is not None:
        raise Ditolak("kode_dicabut", kode=kode)
    if baris.kedaluwarsa_pada <= waktu:
        raise Ditolak("kode_kedaluwarsa", kode=kode)
    if baris.dipakai >= baris.maks_pakai:
        raise Ditolak("kode_habis", kode=kode)
    if await keanggotaan.peran_di(conn, pengguna_id, baris.sekolah_id) is not None:
        raise Ditolak("sudah_anggota", sekolah=nama_sekolah)
    # The conditional UPDATE decides between two people pressing at the same moment.
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
    await _kabar_gabung(conn, lay, pengguna_id, baris, nama_sekolah)


async def _nama(conn: AsyncConnection, pengguna_id: int) -> str:
    data = await pengguna.ambil(conn, pengguna_id)
    return data.nama if data is not None else ""


async def _kabar_gabung(
    conn: AsyncConnection, lay: Layanan, pengguna_id: int, baris: Row, nama_sekolah: str
) -> None:
    """Every kepala_sekolah hears of a join, and the code's maker while still a member; one
    message each, so a kepala who made the code is told once. Those who did not make the
    code are told who did."""
    penerima = await keanggotaan.pemegang_peran(conn, baris.sekolah_id, Peran.KEPALA_SEKOLAH)
    pembuat = baris.dibuat_oleh
    if pembuat not in penerima and await keanggotaan.peran_di(conn, pembuat, baris.sekolah_id):
        penerima.append(pembuat)
    nama, nama_pembuat = await _nama(conn, pengguna_id), await _nama(conn, pembuat)
    peristiwa = secrets.token_hex(8)  # one join (a second is refused): the key need be unique
    for uid in penerima:
        if uid == pengguna_id:
            continue
        await kabar.kabari(
            conn,
            lay,
            kunci=f"gabung:{baris.sekolah_id}:{pengguna_id}:{uid}:{peristiwa}",
            pengguna_id=uid,
            jenis=KABAR_GABUNG,
            templat="gabung/kabar_gabung",
            konteks={
                "nama": nama,
                "sekolah": nama_sekolah,
                "peran": Peran(baris.peran),
                "pengundang": None if uid == pembuat else nama_pembuat,
            },
            sekolah_id=baris.sekolah_id,
            rujukan=f"pengguna:{pengguna_id}",
        )


async def _kabar_coba_kembali(
    conn: AsyncConnection, lay: Layanan, lama: Row, baris: Row, nama_sekolah: str
) -> None:
    """A removed member tried a code: every kepala_sekolah is told, at most once a day each,
    with the button that re-admits them."""
    waktu = lay.sekarang()
    nama, nama_pembuat = await _nama(conn, lama.pengguna_id), await _nama(conn, baris.dibuat_oleh)
    for uid in await keanggotaan.pemegang_peran(conn, baris.sekolah_id, Peran.KEPALA_SEKOLAH):
        await kabar.kabari(
            conn,
            lay,
            kunci=f"coba_kembali:{lama.id}:{uid}:{waktu.date().isoformat()}",
            pengguna_id=uid,
            jenis=KABAR_COBA_KEMBALI,
            templat="gabung/kabar_coba_kembali",
            konteks={
                "nama": nama,
                "sekolah": nama_sekolah,
                "kode": baris.kode,
                "peran": baris.peran,
                "pengundang": nama_pembuat,
            },
            tombol=[[("tombol.izinkan_kembali", f"gbk:{lama.id}")]],  # percakapan/gabung.py
            sekolah_id=baris.sekolah_id,
            rujukan=f"pengguna:{lama.pengguna_id}",
        )
    await audit.catat(
        conn,
        waktu=waktu,
        aksi="anggota.coba_kembali",
        pengguna_id=lama.pengguna_id,
        sekolah_id=baris.sekolah_id,
        objek="undangan",
        objek_id=baris.id,
    )
