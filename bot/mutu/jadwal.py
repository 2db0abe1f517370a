"""When the bot may speak to a school, and when each commitment reminder is due.

Pure rules: no I/O. Every datetime in or out is timezone-aware (returned in UTC); the school's
local clock is computed here from its IANA zone. A `date` is always a school-local date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# How far ahead an allowed moment is looked for before the rules are judged impossible.
CAKRAWALA_HARI = 400

_SEHARI = timedelta(days=1)


@dataclass(frozen=True)
class AturanSekolah:
    """A school's sending rules, all in its local time."""

    zona: str = "Asia/Jakarta"
    hari_sekolah: frozenset[int] = frozenset({0, 1, 2, 3, 4, 5})  # date.weekday(): Mon..Sat
    jam_mulai: time = time(7, 0)
    jam_selesai: time = time(15, 0)  # exclusive
    libur: tuple[tuple[date, date], ...] = ()  # inclusive local-date ranges
    jam_tenang_mulai: time = time(21, 0)  # quiet hours, may wrap midnight; equal = none
    jam_tenang_selesai: time = time(6, 0)

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.zona)
        except (ZoneInfoNotFoundError, ValueError) as e:
            raise ValueError(f"zona waktu tidak dikenal: {self.zona!r}") from e
        if not self.hari_sekolah <= frozenset(range(7)):
            raise ValueError(f"hari sekolah harus 0..6: {sorted(self.hari_sekolah)}")
        for awal, akhir in self.libur:
            if awal > akhir:
                raise ValueError(f"rentang libur terbalik: {awal} > {akhir}")


class JenisPengingat(StrEnum):
    """Kinds of commitment reminder, in the order they happen."""

    H_MIN_3 = "h-3"
    H_MIN_1 = "h-1"
    HARI_H = "hari-h"
    TERLAMBAT = "terlambat"


@dataclass(frozen=True)
class Pengingat:
    """One planned reminder; `ke` numbers overdue reminders from 1 (0 for the others)."""

    jenis: JenisPengingat
    ke: int
    saat: datetime  # UTC, already at an allowed moment


class Penerima(StrEnum):
    """Who may be told about an overdue commitment."""

    PIC = "pic"
    KOORDINATOR = "koordinator"
    KEPALA_SEKOLAH = "kepala_sekolah"
    PENGAWAS = "pengawas"


_SEBELUM_TENGGAT = (
    (JenisPengingat.H_MIN_3, 3),
    (JenisPengingat.H_MIN_1, 1),
    (JenisPengingat.HARI_H, 0),
)


def _wajib_sadar(saat: datetime) -> None:
    if saat.tzinfo is None or saat.utcoffset() is None:
        raise ValueError(f"datetime harus memiliki zona waktu (UTC): {saat!r}")


def _sejak_tengah_malam(jam: time) -> timedelta:
    return timedelta(
        hours=jam.hour, minutes=jam.minute, seconds=jam.second, microseconds=jam.microsecond
    )


def _selang_kirim(aturan: AturanSekolah) -> tuple[tuple[timedelta, timedelta], ...]:
    """Half-open stretches of a school day (offsets from local midnight) when sending is allowed.

    The same for every school day, so it is computed once per call rather than per day.
    """
    mulai, selesai = _sejak_tengah_malam(aturan.jam_mulai), _sejak_tengah_malam(aturan.jam_selesai)
    t_mulai = _sejak_tengah_malam(aturan.jam_tenang_mulai)
    t_selesai = _sejak_tengah_malam(aturan.jam_tenang_selesai)
    if t_mulai == t_selesai:
        tenang: tuple[tuple[timedelta, timedelta], ...] = ()
    elif t_mulai < t_selesai:
        tenang = ((t_mulai, t_selesai),)
    else:  # wraps midnight
        tenang = ((timedelta(0), t_selesai), (t_mulai, _SEHARI))
    selang = [(mulai, selesai)] if mulai < selesai else []
    for awal, akhir in tenang:
        potongan = [((s, min(e, awal)), (max(s, akhir), e)) for s, e in selang]
        selang = [b for kiri_kanan in potongan for b in kiri_kanan if b[0] < b[1]]
    return tuple(selang)


def _akhir_libur(hari: date, aturan: AturanSekolah) -> date | None:
    """The last day of the holiday ranges covering `hari`, or None on a non-holiday."""
    akhir = [b for a, b in aturan.libur if a <= hari <= b]
    return max(akhir) if akhir else None


def _hari_kirim(hari: date, aturan: AturanSekolah) -> bool:
    return hari.weekday() in aturan.hari_sekolah and _akhir_libur(hari, aturan) is None


def _lokal(saat: datetime, aturan: AturanSekolah) -> datetime:
    _wajib_sadar(saat)
    return saat.astimezone(ZoneInfo(aturan.zona))


def _ke_utc(hari: date, jam: time, aturan: AturanSekolah) -> datetime:
    return datetime.combine(hari, jam, tzinfo=ZoneInfo(aturan.zona)).astimezone(UTC)


def boleh_kirim(saat: datetime, aturan: AturanSekolah) -> bool:
    """Whether a message may go out at `saat`: a school day off holiday, in hours, not quiet."""
    lokal = _lokal(saat, aturan)
    jam = _sejak_tengah_malam(lokal.time())
    return _hari_kirim(lokal.date(), aturan) and any(s <= jam < e for s, e in _selang_kirim(aturan))


def waktu_kirim_berikut(saat: datetime, aturan: AturanSekolah) -> datetime:
    """The first moment >= `saat` when `boleh_kirim` holds, in UTC.

    Holiday ranges are jumped over whole. ValueError if nothing is allowed within
    `CAKRAWALA_HARI` days (no school days, quiet hours covering school hours, endless holiday).
    """
    lokal = _lokal(saat, aturan)
    selang = _selang_kirim(aturan)
    hari, dari = lokal.date(), _sejak_tengah_malam(lokal.time())
    batas = hari + timedelta(days=CAKRAWALA_HARI)
    while selang and aturan.hari_sekolah and hari <= batas:
        akhir_libur = _akhir_libur(hari, aturan)
        if akhir_libur is not None:
            hari, dari = akhir_libur + _SEHARI, timedelta(0)
            continue
        if hari.weekday() in aturan.hari_sekolah:
            for mulai, selesai in selang:
                if dari < selesai:
                    return _ke_utc(hari, (datetime.min + max(mulai, dari)).time(), aturan)
        hari, dari = hari + _SEHARI, timedelta(0)
    raise ValueError(f"aturan sekolah tidak mengizinkan kirim dalam {CAKRAWALA_HARI} hari")


def pada_hari(hari: date, jam: time, aturan: AturanSekolah) -> datetime:
    """Local `hari` at `jam` as UTC, moved forward to the next allowed moment."""
    return waktu_kirim_berikut(_ke_utc(hari, jam, aturan), aturan)


def sesudah_cuti(
    saat: datetime, cuti_sampai: date | None, aturan: AturanSekolah, jam: time = time(0, 0)
) -> datetime:
    """When a non-urgent message planned for `saat` may reach a member on leave until
    `cuti_sampai` (inclusive): unchanged without leave, else no earlier than the first allowed
    moment from `jam` on the day after. Every planner waits for a leave through here."""
    if cuti_sampai is None:
        return saat
    return max(saat, pada_hari(cuti_sampai + timedelta(days=1), jam, aturan))


def pengingat_terlambat_berikut(
    selesai: date,
    ke: int,
    aturan: AturanSekolah,
    *,
    jam: time = time(7, 30),
    setiap_hari: int = 3,
) -> Pengingat:
    """The `ke`-th overdue reminder (ke >= 1): `ke * setiap_hari` days after `selesai`, moved."""
    if ke < 1 or setiap_hari < 1:
        raise ValueError(f"ke dan setiap_hari harus >= 1: ke={ke}, setiap_hari={setiap_hari}")
    hari = selesai + timedelta(days=ke * setiap_hari)
    return Pengingat(JenisPengingat.TERLAMBAT, ke, pada_hari(hari, jam, aturan))


def _terlambat_setelah(
    selesai: date, sekarang: datetime, aturan: AturanSekolah, jam: time, setiap_hari: int
) -> Pengingat:
    """The next overdue reminder strictly after `sekarang`, its `ke` derived from the dates."""

    def ke_(n: int) -> Pengingat:
        return pengingat_terlambat_berikut(selesai, n, aturan, jam=jam, setiap_hari=setiap_hari)

    # Moments never go backwards as `ke` grows, so search instead of walking a long overdue.
    rendah, tinggi = 0, 1  # ke_(rendah) <= sekarang (0: none yet), ke_(tinggi) > sekarang
    while ke_(tinggi).saat <= sekarang:
        rendah, tinggi = tinggi, tinggi * 2
    while tinggi - rendah > 1:
        tengah = (rendah + tinggi) // 2
        rendah, tinggi = (tengah, tinggi) if ke_(tengah).saat <= sekarang else (rendah, tengah)
    hasil = ke_(tinggi)
    # A long holiday piles several overdue reminders onto one day: send the last one only.
    while _tanggal(lanjut := ke_(hasil.ke + 1), aturan) == _tanggal(hasil, aturan):
        hasil = lanjut
    return hasil


def _tanggal(pengingat: Pengingat, aturan: AturanSekolah) -> date:
    return _lokal(pengingat.saat, aturan).date()


def pengingat_komitmen(
    selesai: date,
    sekarang: datetime,
    aturan: AturanSekolah,
    *,
    jam: time = time(7, 30),
    setiap_hari: int = 3,
) -> tuple[Pengingat, ...]:
    """The reminders still ahead (strictly after `sekarang`) for a commitment due on `selesai`.

    H-3, H-1 and hari-h at local `jam`, then the next overdue reminder only (the overdue chain
    is always planned one occurrence ahead). Reminders moved onto the same local day collapse
    into the latest kind, so a teacher hears about one commitment at most once a day.
    """
    _wajib_sadar(sekarang)
    calon = [
        Pengingat(jenis, 0, pada_hari(selesai - timedelta(days=n), jam, aturan))
        for jenis, n in _SEBELUM_TENGGAT
    ]
    calon.append(_terlambat_setelah(selesai, sekarang, aturan, jam, setiap_hari))
    per_hari: dict[date, Pengingat] = {}
    for pengingat in calon:  # in kind order, so a later kind replaces an earlier one
        per_hari[_tanggal(pengingat, aturan)] = pengingat
    return tuple(p for p in sorted(per_hari.values(), key=lambda p: p.saat) if p.saat > sekarang)


def tunda(
    sekarang: datetime, hari: int, aturan: AturanSekolah, *, jam: time = time(7, 30)
) -> datetime:
    """For "Ingatkan besok" / "3 hari lagi": local `jam`, `hari` days after today, moved."""
    if hari < 1:
        raise ValueError(f"tunda minimal 1 hari: {hari}")
    hari_ini = _lokal(sekarang, aturan).date()
    return pada_hari(hari_ini + timedelta(days=hari), jam, aturan)


_TANGGA = (
    frozenset({Penerima.PIC}),
    frozenset({Penerima.PIC, Penerima.KOORDINATOR}),
    frozenset(Penerima),
)


def tangga_eskalasi(terlambat_tanpa_laporan: int) -> frozenset[Penerima]:
    """Who hears of an overdue commitment after that many overdue reminders with no report."""
    if terlambat_tanpa_laporan < 0:
        raise ValueError(f"jumlah pengingat terlambat negatif: {terlambat_tanpa_laporan}")
    if terlambat_tanpa_laporan <= 1:
        return _TANGGA[0]
    return _TANGGA[1] if terlambat_tanpa_laporan <= 3 else _TANGGA[2]


def naik_tangga(sebelum: int, sesudah: int) -> frozenset[Penerima]:
    """Who is newly told at `sesudah` compared with `sebelum`, so each level hears once."""
    return tangga_eskalasi(sesudah) - tangga_eskalasi(sebelum)


def sedang_cuti(cuti_sampai: date | None, saat: datetime, zona: str) -> bool:
    """Whether a member pausing non-urgent reminders until `cuti_sampai` (inclusive) still is."""
    _wajib_sadar(saat)
    return cuti_sampai is not None and saat.astimezone(ZoneInfo(zona)).date() <= cuti_sampai


def mingguan_berikut(
    sekarang: datetime, aturan: AturanSekolah, *, hari: int = 0, jam: time = time(7, 30)
) -> datetime:
    """The next weekday `hari` at local `jam` strictly after `sekarang`, moved to be allowed."""
    if hari not in range(7):
        raise ValueError(f"hari harus 0..6: {hari}")
    hari_ini = _lokal(sekarang, aturan).date()
    tanggal = hari_ini + timedelta(days=(hari - hari_ini.weekday()) % 7)
    if _ke_utc(tanggal, jam, aturan) <= sekarang:
        tanggal += timedelta(days=7)
    return pada_hari(tanggal, jam, aturan)
