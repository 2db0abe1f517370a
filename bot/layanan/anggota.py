"""Members of a school: listing, changing roles and removing, by the kepala_sekolah."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor
from bot.mutu.peran import PENGELOLA, Peran
from db import audit, keanggotaan, pengguna
from db import pengingat as db_pengingat
from db import sekolah as db_sekolah


@dataclass(frozen=True)
class Anggota:
    """One member of the actor's school."""

    id: int
    pengguna_id: int
    nama: str
    peran: Peran


async def daftar(lay: Layanan, aktor: Aktor) -> list[Anggota]:
    """The active members of the actor's school."""
    if aktor.sekolah_id is None:
        return []
    async with lay.mesin.connect() as conn:
        baris = await keanggotaan.anggota_sekolah(conn, aktor.sekolah_id)
    return [Anggota(b.id, b.pengguna_id, b.nama, Peran(b.peran)) for b in baris]


async def ambil(lay: Layanan, aktor: Aktor, keanggotaan_id: int) -> Anggota:
    """One active member of the actor's school; `Ditolak` for anyone else."""
    async with lay.mesin.connect() as conn:
        baris = await keanggotaan.ambil(conn, keanggotaan_id)
    if baris is None or baris.sekolah_id != aktor.sekolah_id:
        raise Ditolak("bukan_sekolah_ini")
    if not baris.aktif:
        raise Ditolak("sudah_keluar")
    return Anggota(baris.id, baris.pengguna_id, baris.nama, Peran(baris.peran))


async def _jaga_kepala_terakhir(conn: AsyncConnection, aktor: Aktor, sasaran: Anggota) -> None:
    assert aktor.sekolah_id is not None
    # Two kepala removing each other at once must not both see "two kepala": the second waits
    # here until the first has committed, then counts again.
    await db_sekolah.kunci_keanggotaan(conn, aktor.sekolah_id)
    sekarang = await keanggotaan.ambil(conn, sasaran.id)  # as it is now, under the lock
    if sekarang is None or not sekarang.aktif:
        raise Ditolak("sudah_keluar")
    if sekarang.peran == Peran.KEPALA_SEKOLAH:
        jumlah = await keanggotaan.jumlah_peran(conn, aktor.sekolah_id, Peran.KEPALA_SEKOLAH)
        if jumlah <= 1:
            raise Ditolak("kepala_terakhir")


async def ubah_peran(lay: Layanan, aktor: Aktor, keanggotaan_id: int, peran: Peran) -> Anggota:
    """Give a member another role; the school always keeps a kepala_sekolah."""
    sasaran = await ambil(lay, aktor, keanggotaan_id)
    if sasaran.peran is peran:
        return sasaran
    async with lay.mesin.begin() as conn:
        await _jaga_kepala_terakhir(conn, aktor, sasaran)
        await keanggotaan.ubah_peran(conn, keanggotaan_id, peran)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="anggota.ubah_peran",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="keanggotaan",
            objek_id=keanggotaan_id,
            rincian={"dari": sasaran.peran, "ke": peran, "anggota": sasaran.pengguna_id},
        )
    lay.lupakan_aktor(sasaran.pengguna_id)
    return Anggota(sasaran.id, sasaran.pengguna_id, sasaran.nama, peran)


async def keluarkan(lay: Layanan, aktor: Aktor, keanggotaan_id: int) -> Anggota:
    """Remove a member from the school; the last kepala_sekolah cannot be removed."""
    sasaran = await ambil(lay, aktor, keanggotaan_id)
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        await _jaga_kepala_terakhir(conn, aktor, sasaran)
        await keanggotaan.keluarkan(conn, keanggotaan_id, waktu)
        await db_pengingat.batalkan(conn, pengguna_id=sasaran.pengguna_id)  # nothing stale
        data = await pengguna.ambil(conn, sasaran.pengguna_id)
        if data is not None and data.sekolah_aktif_id == aktor.sekolah_id:
            await pengguna.pilih_sekolah_aktif(conn, sasaran.pengguna_id, None)
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="anggota.keluarkan",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="keanggotaan",
            objek_id=keanggotaan_id,
            rincian={"peran": sasaran.peran, "anggota": sasaran.pengguna_id},
        )
    lay.lupakan_aktor(sasaran.pengguna_id)
    return sasaran


async def pengelola_sekolah(lay: Layanan, sekolah_id: int) -> list[int]:
    """The kepala_sekolah and koordinator of a school: who hears about reports and maps."""
    async with lay.mesin.connect() as conn:
        anggota = await keanggotaan.anggota_sekolah(conn, sekolah_id)
    return [a.pengguna_id for a in anggota if Peran(a.peran) in PENGELOLA]


def penandatangan(anggota: list[Row] | tuple[Row, ...]) -> tuple[str, str]:
    """Who signs a school's documents, from its members: (kepala_sekolah, ketua TPMPS, the
    koordinator); an empty name where the role is not filled."""
    kepala = next((a.nama for a in anggota if a.peran == Peran.KEPALA_SEKOLAH), "")
    ketua = next((a.nama for a in anggota if a.peran == Peran.KOORDINATOR), "")
    return kepala, ketua
