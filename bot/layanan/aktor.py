"""Who is acting: the user, their active school and their role there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.layanan import Ditolak, Layanan
from bot.mutu.peran import PENGELOLA, Peran
from db import keanggotaan, pengguna


@dataclass(frozen=True)
class Keanggotaan:
    """One school the user belongs to."""

    sekolah_id: int
    sekolah_nama: str
    peran: Peran


@dataclass(frozen=True)
class Aktor:
    """The user behind an update, resolved once per update by the access check."""

    pengguna_id: int
    nama: str
    sekolah: tuple[Keanggotaan, ...]
    aktif: Keanggotaan | None

    @property
    def sekolah_id(self) -> int | None:
        return self.aktif.sekolah_id if self.aktif else None

    @property
    def peran(self) -> Peran | None:
        return self.aktif.peran if self.aktif else None


# How long a resolved actor is reused without reading the database. Every change of
# membership, role or active school made by this process forgets the user at once
# (Layanan.lupakan_aktor); the window only bounds what another process could have changed.
UMUR_AKTOR = timedelta(seconds=60)


async def kenali(
    lay: Layanan, pengguna_id: int, nama: str, username: str | None, *, pribadi: bool = True
) -> Aktor:
    """Record the visit and resolve the user's active school (the chosen one while they still
    belong to it, else their first school). Runs for every update, so a user seen in the last
    minute under the same name is answered from memory."""
    sekarang = lay.sekarang()
    terbaru = lay.aktor_terbaru.get(pengguna_id)
    if terbaru is not None:
        waktu, aktor, nama_lama, username_lama = terbaru
        if sekarang - waktu < UMUR_AKTOR and (nama, username) == (nama_lama, username_lama):
            return aktor  # type: ignore[no-any-return]
    generasi = lay.generasi_aktor
    aktor = await _kenali_dari_basis_data(lay, pengguna_id, nama, username, pribadi)
    if lay.generasi_aktor == generasi:  # else a change may have landed during the read
        lay.aktor_terbaru[pengguna_id] = (sekarang, aktor, nama, username)
    return aktor


async def _kenali_dari_basis_data(
    lay: Layanan, pengguna_id: int, nama: str, username: str | None, pribadi: bool
) -> Aktor:
    async with lay.mesin.begin() as conn:
        await pengguna.catat_kunjungan(
            conn, pengguna_id, nama, username, lay.sekarang(), pribadi=pribadi
        )
        baris = await keanggotaan.sekolah_pengguna(conn, pengguna_id)
        semua = tuple(Keanggotaan(b.sekolah_id, b.sekolah_nama, Peran(b.peran)) for b in baris)
        data = await pengguna.ambil(conn, pengguna_id)
        pilihan = data.sekolah_aktif_id if data else None
        aktif = next((k for k in semua if k.sekolah_id == pilihan), semua[0] if semua else None)
        aktif_id = aktif.sekolah_id if aktif else None
        if aktif_id != pilihan:
            await pengguna.pilih_sekolah_aktif(conn, pengguna_id, aktif_id)
    # The stored name: the one the user chose (/nama) wins over Telegram's.
    tampil = data.nama if data else nama
    return Aktor(pengguna_id=pengguna_id, nama=tampil, sekolah=semua, aktif=aktif)


async def pilih_sekolah(lay: Layanan, aktor: Aktor, sekolah_id: int) -> Keanggotaan | None:
    """Make one of the user's schools the active one; None when they do not belong to it."""
    pilihan = next((k for k in aktor.sekolah if k.sekolah_id == sekolah_id), None)
    if pilihan is not None:
        async with lay.mesin.begin() as conn:
            await pengguna.pilih_sekolah_aktif(conn, aktor.pengguna_id, sekolah_id)
        lay.lupakan_aktor(aktor.pengguna_id)
    return pilihan


async def baca(lay: Layanan, pengguna_id: int, sekolah_id: int) -> Aktor:
    """A member as seen in one school, read without recording a visit (for messages the bot
    sends on its own: a user who blocked the bot must not look active again)."""
    async with lay.mesin.connect() as conn:
        baris = await keanggotaan.sekolah_pengguna(conn, pengguna_id)
        data = await pengguna.ambil(conn, pengguna_id)
    semua = tuple(Keanggotaan(b.sekolah_id, b.sekolah_nama, Peran(b.peran)) for b in baris)
    aktif = next((k for k in semua if k.sekolah_id == sekolah_id), None)
    return Aktor(pengguna_id, data.nama if data else "", semua, aktif)


def wajib_peran(aktor: Aktor, peran: frozenset[Peran] = PENGELOLA) -> int:
    """The actor's active school when their role there is one of `peran` (by default the
    kepala_sekolah and koordinator); `Ditolak("bukan_pengelola")` otherwise. The use-cases'
    half of the access check, behind `@akses` in the handlers."""
    if aktor.aktif is None or aktor.peran not in peran:
        raise Ditolak("bukan_pengelola")
    return aktor.aktif.sekolah_id
