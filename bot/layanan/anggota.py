"""Members of a school: listing, changing roles, removing and re-admitting, by the
kepala_sekolah. Everything a change undoes is scoped to the one school it happens in."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from bot.layanan import Ditolak, Layanan, kabar
from bot.layanan.aktor import Aktor, wajib_peran
from bot.mutu.peran import PENGELOLA, Peran, boleh
from db import audit, keanggotaan, pengguna, undangan
from db import komitmen as db_komitmen
from db import pengingat as db_pengingat
from db import sekolah as db_sekolah
from db.jenis import AsyncConnection, Row


@dataclass(frozen=True)
class Anggota:
    """One member of the actor's school."""

    id: int
    pengguna_id: int
    nama: str
    peran: Peran
    # Unfinished commitments in the school's open cycle (read for one member, not for lists):
    # the kepala_sekolah hears of them before removing someone.
    komitmen_terbuka: int = 0


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
        terbuka = await db_komitmen.jumlah_terbuka(conn, baris.sekolah_id, baris.pengguna_id)
    return Anggota(baris.id, baris.pengguna_id, baris.nama, Peran(baris.peran), terbuka)


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


async def _cabut_undangan(
    conn: AsyncConnection, aktor: Aktor, sasaran: Anggota, waktu: datetime, sebab: str
) -> None:
    """The codes a member made for this school stop working with their right to make them."""
    assert aktor.sekolah_id is not None
    for undangan_id in await undangan.cabut_buatan(
        conn, aktor.sekolah_id, sasaran.pengguna_id, waktu
    ):
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="undangan.cabut",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="undangan",
            objek_id=undangan_id,
            rincian={"sebab": sebab, "pembuat": sasaran.pengguna_id},
        )


# Outbox kinds (bot/layanan/kabar.py): a member is told of a new role, or of being removed.
# Each change is one event (a doubled press is refused or changes nothing before the notice
# is planned), so its key need only be unique: the clock may not move between two events.
KABAR_PERAN = "kabar_peran"
KABAR_KELUAR = "kabar_keluar"


def _nama_sekolah(aktor: Aktor) -> str:
    return aktor.aktif.sekolah_nama if aktor.aktif else ""


async def ubah_peran(lay: Layanan, aktor: Aktor, keanggotaan_id: int, peran: Peran) -> Anggota:
    """Give a member another role; the school always keeps a kepala_sekolah. A member whose
    new role may not invite loses the codes they made for this school. The member (when not
    the actor) is told through the outbox, in the transaction of the change."""
    sasaran = await ambil(lay, aktor, keanggotaan_id)
    if sasaran.peran is peran:
        return sasaran
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        await _jaga_kepala_terakhir(conn, aktor, sasaran)
        await keanggotaan.ubah_peran(conn, keanggotaan_id, peran)
        if not boleh("undang", peran):
            await _cabut_undangan(conn, aktor, sasaran, waktu, "ubah_peran")
        await audit.catat(
            conn,
            waktu=waktu,
            aksi="anggota.ubah_peran",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="keanggotaan",
            objek_id=keanggotaan_id,
            rincian={"dari": sasaran.peran, "ke": peran, "anggota": sasaran.pengguna_id},
        )
        if sasaran.pengguna_id != aktor.pengguna_id:
            await kabar.kabari(
                conn,
                lay,
                kunci=f"peran:{keanggotaan_id}:{secrets.token_hex(8)}",
                pengguna_id=sasaran.pengguna_id,
                jenis=KABAR_PERAN,
                templat="anggota/kabar_peran",
                konteks={"sekolah": _nama_sekolah(aktor), "peran": peran},
                sekolah_id=aktor.sekolah_id,
                rujukan=f"pengguna:{sasaran.pengguna_id}",
            )
    lay.lupakan_aktor(sasaran.pengguna_id)
    return replace(sasaran, peran=peran)


async def keluarkan(lay: Layanan, aktor: Aktor, keanggotaan_id: int) -> Anggota:
    """Remove a member from the school; the last kepala_sekolah cannot be removed. They stay
    out (no code brings them back) until a kepala_sekolah re-admits them; the codes they made
    are revoked and their waiting reminders of this school cancelled (then they are told,
    through the outbox, in the same transaction). Their other schools keep everything."""
    sasaran = await ambil(lay, aktor, keanggotaan_id)
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        await _jaga_kepala_terakhir(conn, aktor, sasaran)
        if not await keanggotaan.keluarkan(conn, keanggotaan_id, waktu):
            raise Ditolak("sudah_keluar")  # a doubled press, or another kepala was quicker
        await db_pengingat.batalkan(
            conn, pengguna_id=sasaran.pengguna_id, sekolah_id=aktor.sekolah_id
        )
        await _cabut_undangan(conn, aktor, sasaran, waktu, "keluarkan")
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
        if sasaran.pengguna_id != aktor.pengguna_id:
            await kabar.kabari(  # no school on it: nothing of this school's may cancel it
                conn,
                lay,
                kunci=f"keluar:{keanggotaan_id}:{secrets.token_hex(8)}",
                pengguna_id=sasaran.pengguna_id,
                jenis=KABAR_KELUAR,
                templat="anggota/kabar_keluar",
                konteks={"sekolah": _nama_sekolah(aktor)},
                rujukan=f"pengguna:{sasaran.pengguna_id}",
            )
    lay.lupakan_aktor(sasaran.pengguna_id)
    return sasaran


# Outbox kind: the re-admitted person is told they may join again.
KABAR_DIIZINKAN = "kabar_diizinkan"


async def izinkan_kembali(lay: Layanan, aktor: Aktor, keanggotaan_id: int) -> Anggota:
    """A kepala_sekolah lets a removed member join again (with a valid code; they are not
    made a member here). The person is told. A second press changes nothing."""
    sekolah_id = wajib_peran(aktor, frozenset({Peran.KEPALA_SEKOLAH}))
    waktu = lay.sekarang()
    async with lay.mesin.begin() as conn:
        baris = await keanggotaan.ambil(conn, keanggotaan_id)
        if baris is None or baris.sekolah_id != sekolah_id:
            raise Ditolak("bukan_sekolah_ini")
        if baris.aktif:
            raise Ditolak("sudah_kembali")
        if await keanggotaan.izinkan_kembali(conn, keanggotaan_id):
            await audit.catat(
                conn,
                waktu=waktu,
                aksi="anggota.izinkan_kembali",
                pengguna_id=aktor.pengguna_id,
                sekolah_id=sekolah_id,
                objek="keanggotaan",
                objek_id=keanggotaan_id,
                rincian={"anggota": baris.pengguna_id},
            )
            await kabar.kabari(
                conn,
                lay,
                kunci=f"izin_kembali:{keanggotaan_id}:{waktu.isoformat()}",
                pengguna_id=baris.pengguna_id,
                jenis=KABAR_DIIZINKAN,
                templat="gabung/kabar_diizinkan",
                konteks={"sekolah": _nama_sekolah(aktor)},
                sekolah_id=sekolah_id,
                rujukan=f"pengguna:{baris.pengguna_id}",
            )
    return Anggota(baris.id, baris.pengguna_id, baris.nama, Peran(baris.peran))


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
