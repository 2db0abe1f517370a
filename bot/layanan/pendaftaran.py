"""Registering a school, one answer at a time, from a draft kept in the database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.layanan import Ditolak, Layanan
from bot.mutu import validasi
from bot.mutu.peran import Peran
from db import audit, draf, keanggotaan, pengguna, sekolah, siklus
from db.jenis import IntegrityError

JENIS_DRAF = "daftar"
# The fields of a registration, in the order they are asked.
LANGKAH: tuple[str, ...] = ("npsn", "nama", "jenjang", "kabupaten", "provinsi", "zona_waktu")
LANGKAH_TOMBOL = frozenset({"jenjang", "zona_waktu", "konfirmasi"})


@dataclass(frozen=True)
class SekolahBaru:
    """The result of a registration."""

    sekolah_id: int
    nama: str
    npsn: str
    tahun_ajaran: str


def langkah_berikut(isi: dict[str, Any]) -> str:
    """The first field still missing, or "konfirmasi" when all are there."""
    return next((langkah for langkah in LANGKAH if langkah not in isi), "konfirmasi")


async def mulai(lay: Layanan, pengguna_id: int) -> dict[str, Any]:
    """The draft to continue, created empty when there is none."""
    async with lay.mesin.begin() as conn:
        isi = await draf.ambil(conn, pengguna_id, JENIS_DRAF)
        if isi is None:
            isi = {}
            await draf.simpan(conn, pengguna_id, JENIS_DRAF, isi, lay.sekarang())
    return isi


async def draf_aktif(lay: Layanan, pengguna_id: int) -> dict[str, Any] | None:
    """The draft, or None when no registration is going on."""
    async with lay.mesin.connect() as conn:
        return await draf.ambil(conn, pengguna_id, JENIS_DRAF)


def baca_isian(langkah: str, teks: str) -> Any:
    """Validate a typed answer for the step; `Ditolak` names the message to show."""
    if langkah == "npsn":
        nilai = validasi.npsn(teks)
        if nilai is None:
            raise Ditolak("npsn_salah")
        return nilai
    if langkah == "nama":
        nilai = validasi.nama_wilayah(teks, minimal=5, maksimal=200)
    else:
        nilai = validasi.nama_wilayah(teks)
    if nilai is None:
        raise Ditolak(f"{langkah}_salah")
    return nilai


def baca_pilihan(langkah: str, nilai: str) -> str:
    """Validate a button choice for the step."""
    pilihan = {"jenjang": validasi.JENJANG, "zona_waktu": validasi.ZONA_WAKTU}.get(langkah, ())
    if nilai not in pilihan:
        raise Ditolak("pilihan_salah")
    return nilai


async def isi_langkah(lay: Layanan, pengguna_id: int, langkah: str, nilai: Any) -> dict[str, Any]:
    """Store one validated answer in the draft and return the draft."""
    async with lay.mesin.begin() as conn:
        isi = await draf.ambil(conn, pengguna_id, JENIS_DRAF)
        if isi is None:
            raise Ditolak("draf_hilang")
        if langkah_berikut(isi) != langkah:
            raise Ditolak("langkah_lain")
        if langkah == "npsn" and await sekolah.npsn_terdaftar(conn, nilai):
            raise Ditolak("npsn_terdaftar", npsn=nilai)
        isi = {**isi, langkah: nilai}
        await draf.simpan(conn, pengguna_id, JENIS_DRAF, isi, lay.sekarang())
    return isi


async def ulangi(lay: Layanan, pengguna_id: int) -> dict[str, Any]:
    """Start the draft over."""
    async with lay.mesin.begin() as conn:
        await draf.simpan(conn, pengguna_id, JENIS_DRAF, {}, lay.sekarang())
    return {}


async def batalkan(lay: Layanan, pengguna_id: int) -> bool:
    """Throw away every half-typed input of the user; True when there was any."""
    async with lay.mesin.begin() as conn:
        return await draf.hapus(conn, pengguna_id) > 0


async def simpan(lay: Layanan, pengguna_id: int) -> SekolahBaru:
    """Create the school from a complete draft: the registrant becomes kepala_sekolah and the
    school gets its first cycle at stage 1. One transaction; the draft goes with it."""
    waktu = lay.sekarang()
    tahun = validasi.tahun_ajaran(waktu.date())
    isi: dict[str, Any] | None = None
    try:
        async with lay.mesin.begin() as conn:
            isi = await draf.ambil(conn, pengguna_id, JENIS_DRAF)
            if isi is None or langkah_berikut(isi) != "konfirmasi":
                raise Ditolak("draf_hilang")
            if await sekolah.npsn_terdaftar(conn, isi["npsn"]):
                raise Ditolak("npsn_terdaftar", npsn=isi["npsn"])
            sekolah_id = await sekolah.buat(conn, waktu=waktu, **{k: isi[k] for k in LANGKAH})
            await keanggotaan.tambah(
                conn,
                pengguna_id=pengguna_id,
                sekolah_id=sekolah_id,
                peran=Peran.KEPALA_SEKOLAH,
                waktu=waktu,
            )
            await pengguna.pilih_sekolah_aktif(conn, pengguna_id, sekolah_id)
            siklus_id = await siklus.buka(
                conn, sekolah_id=sekolah_id, tahun_ajaran=tahun, waktu=waktu
            )
            await audit.catat(
                conn,
                waktu=waktu,
                aksi="sekolah.daftar",
                pengguna_id=pengguna_id,
                sekolah_id=sekolah_id,
                objek="sekolah",
                objek_id=sekolah_id,
                rincian={**isi, "siklus_id": siklus_id},
            )
            await draf.hapus(conn, pengguna_id, JENIS_DRAF)
    except IntegrityError:
        # Another registration of the same NPSN won the race.
        raise Ditolak("npsn_terdaftar", npsn=(isi or {}).get("npsn")) from None
    lay.lupakan_aktor(pengguna_id)
    return SekolahBaru(sekolah_id, isi["nama"], isi["npsn"], tahun)
