"""/pengaturan: when the school's reminders may go out (time zone, school days and hours, quiet
hours, holidays) and a member's own leave. Every change re-plans what is waiting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, wajib_peran
from bot.mutu import validasi
from bot.mutu.jadwal import AturanSekolah
from db import audit
from db import pengaturan as db_pengaturan
from db import pengguna as db_pengguna
from db.jenis import AsyncConnection

_POLA_JAM = re.compile(
    r"^(?:pukul\s+)?(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|sampai|s\.?d\.?|hingga)\s*(\d{1,2})(?:[.:](\d{2}))?$"
)


def baca_rentang_jam(teks: str) -> tuple[time, time] | None:
    """'07:00-15:00', '7.00 - 15.00', '7-15', 'pukul 7 sampai 15' -> (07:00, 15:00)."""
    cocok = _POLA_JAM.match(teks.strip().lower())
    if not cocok:
        return None
    j1, m1, j2, m2 = cocok.groups()
    try:
        return time(int(j1), int(m1 or 0)), time(int(j2), int(m2 or 0))
    except ValueError:
        return None


def _jam(teks: str) -> time:
    return time.fromisoformat(teks)


@dataclass(frozen=True)
class Libur:
    """A holiday range of the school."""

    id: int
    mulai: date
    selesai: date
    keterangan: str


@dataclass(frozen=True)
class Pengaturan:
    """The school's rules and the member's leave."""

    aturan: AturanSekolah
    libur: tuple[Libur, ...]
    cuti_sampai: date | None


async def aturan_sekolah(conn: AsyncConnection, sekolah_id: int) -> AturanSekolah:
    """The sending rules of a school, from its settings and holidays."""
    return (await aturan_banyak(conn, [sekolah_id])).get(sekolah_id, AturanSekolah())


async def aturan_banyak(
    conn: AsyncConnection, sekolah_ids: Sequence[int]
) -> dict[int, AturanSekolah]:
    """The sending rules of many schools in two queries (schools not found are absent)."""
    sekolah_rows = await db_pengaturan.sekolah_banyak(conn, sekolah_ids)
    rentang = await db_pengaturan.rentang_libur(conn, sekolah_ids)
    return {
        data.id: AturanSekolah(
            zona=data.zona_waktu,
            hari_sekolah=frozenset(int(h) for h in data.hari_sekolah.split(",") if h),
            jam_mulai=_jam(data.jam_mulai),
            jam_selesai=_jam(data.jam_selesai),
            libur=tuple(rentang.get(data.id, ())),
            jam_tenang_mulai=_jam(data.jam_tenang_mulai),
            jam_tenang_selesai=_jam(data.jam_tenang_selesai),
        )
        for data in sekolah_rows
    }


async def lihat(lay: Layanan, aktor: Aktor) -> Pengaturan:
    """The settings as the member sees them."""
    async with lay.mesin.connect() as conn:
        aturan = await aturan_sekolah(conn, aktor.sekolah_id or 0)
        daftar = await db_pengaturan.libur_sekolah(conn, aktor.sekolah_id or 0)
        semua_libur = tuple(Libur(b.id, b.mulai, b.selesai, b.keterangan) for b in daftar)
        cuti = await db_pengguna.cuti_sampai(conn, aktor.pengguna_id)
    return Pengaturan(aturan, semua_libur, cuti)


async def _ubah(lay: Layanan, aktor: Aktor, aksi: str, nilai: dict[str, object]) -> None:
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.begin() as conn:
        await db_pengaturan.ubah_sekolah(conn, sekolah_id, nilai)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi=aksi,
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="sekolah",
            objek_id=sekolah_id,
            rincian={k: str(v) for k, v in nilai.items()},
        )


async def ubah_zona(lay: Layanan, aktor: Aktor, zona: str) -> None:
    """The school's time zone."""
    if zona not in validasi.ZONA_WAKTU:
        raise Ditolak("pilihan_salah")
    await _ubah(lay, aktor, "pengaturan.zona", {"zona_waktu": zona})


async def ubah_hari(lay: Layanan, aktor: Aktor, hari: frozenset[int]) -> None:
    """School days (Monday 0)."""
    if not hari or not hari <= set(range(7)):
        raise Ditolak("pilihan_salah")
    await _ubah(
        lay, aktor, "pengaturan.hari", {"hari_sekolah": ",".join(str(h) for h in sorted(hari))}
    )


async def ubah_jam(lay: Layanan, aktor: Aktor, tenang: bool, teks: str) -> None:
    """School hours, or quiet hours, typed as '07:00-15:00'."""
    rentang = baca_rentang_jam(teks)
    if rentang is None or (not tenang and rentang[1] <= rentang[0]):
        raise Ditolak("jam_salah")
    awal, akhir = (f"{t.hour:02d}:{t.minute:02d}" for t in rentang)
    if tenang:
        await _ubah(
            lay,
            aktor,
            "pengaturan.jam_tenang",
            {"jam_tenang_mulai": awal, "jam_tenang_selesai": akhir},
        )
    else:
        await _ubah(lay, aktor, "pengaturan.jam_sekolah", {"jam_mulai": awal, "jam_selesai": akhir})


async def tambah_libur(
    lay: Layanan, aktor: Aktor, mulai: date, selesai: date, keterangan: str
) -> None:
    """A holiday range (inclusive)."""
    sekolah_id = wajib_peran(aktor)
    if selesai < mulai:
        raise Ditolak("selesai_sebelum_mulai")
    async with lay.mesin.begin() as conn:
        await db_pengaturan.tambah_libur(conn, sekolah_id, mulai, selesai, keterangan[:100])
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pengaturan.libur_tambah",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="libur",
            rincian={"mulai": str(mulai), "selesai": str(selesai), "keterangan": keterangan},
        )


async def hapus_libur(lay: Layanan, aktor: Aktor, libur_id: int) -> None:
    """Remove one holiday range of the actor's school."""
    sekolah_id = wajib_peran(aktor)
    async with lay.mesin.begin() as conn:
        if not await db_pengaturan.hapus_libur(conn, sekolah_id, libur_id):
            raise Ditolak("tombol_usang")
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pengaturan.libur_hapus",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=sekolah_id,
            objek="libur",
            objek_id=libur_id,
        )


async def atur_cuti(lay: Layanan, aktor: Aktor, sampai: date | None) -> None:
    """Pause (or resume) one's non-urgent reminders until and including that date."""
    async with lay.mesin.begin() as conn:
        await db_pengguna.atur_cuti(conn, aktor.pengguna_id, sampai)
        await audit.catat(
            conn,
            waktu=lay.sekarang(),
            aksi="pengaturan.cuti",
            pengguna_id=aktor.pengguna_id,
            sekolah_id=aktor.sekolah_id,
            objek="pengguna",
            objek_id=aktor.pengguna_id,
            rincian={"sampai": str(sampai)},
        )
