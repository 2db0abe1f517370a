"""Reading the dates and amounts of money teachers type in a chat when they plan an activity.

Both readers refuse rather than guess: None means "ask again", never a silently wrong value.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from decimal import Decimal

from bot.mutu.angka import baca_angka

TAHUN_TERAWAL, TAHUN_TERAKHIR = 2000, 2100
RUPIAH_TERBESAR = 10_000_000_000_000  # ten trillion: beyond any school budget, so a typo

# ---------------------------------------------------------------- tanggal

_NAMA_BULAN = {
    "januari": 1,
    "februari": 2,
    "pebruari": 2,  # older spelling still seen in school letters
    "maret": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "agustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "nopember": 11,
    "desember": 12,
}
# Common abbreviations that are not a prefix of the month's name.
_SINGKATAN_BULAN = {"agt": 8, "ags": 8}
_HARI = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}
_POLA_HARI = "|".join(_HARI)
_SELISIH_HARI = {"hari ini": 0, "besok": 1, "lusa": 2, "minggu depan": 7, "pekan depan": 7}
# Month words as (months from now, which day of that month).
_ARAH_BULAN = {
    "bulan depan": (1, "sama"),
    "akhir bulan": (0, "akhir"),
    "akhir bulan ini": (0, "akhir"),
    "akhir bulan depan": (1, "akhir"),
    "awal bulan depan": (1, "awal"),
}
_SATUAN_WAKTU = {"hari": 1, "minggu": 7, "pekan": 7}  # in days; "bulan" is counted apart

# A day name or "tanggal" before a written date says nothing the date does not.
_AWALAN_TANGGAL = re.compile(
    rf"^(?:hari )?(?:(?:{_POLA_HARI})\s*,?\s*)?(?:tanggal|tgl\.?)?\s*(?=\d)"
)
_TANGGAL_NAMA = re.compile(r"^(\d{1,2})[ -]?([a-z]+)\.?(?:[ -]?(\d{4}|\d{2}))?$")
_TANGGAL_ANGKA = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$")
_TANGGAL_ISO = re.compile(r"^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$")
_NAMA_HARI_SAJA = re.compile(rf"^(?:hari )?({_POLA_HARI})(?: depan)?$")
_SELANG = re.compile(r"^(dalam )?(.+?) ?(hari|minggu|pekan|bulan)( lagi)?$")


def baca_tanggal(teks: str, hari_ini: date) -> date | None:
    """The date in what a teacher typed, relative to hari_ini, or None when it is not clear."""
    bersih = " ".join(teks.casefold().split()).rstrip(".").strip()
    tanggal = _baca_kata_waktu(bersih, hari_ini) or _baca_tanggal_tertulis(bersih, hari_ini)
    if tanggal is None or not TAHUN_TERAWAL <= tanggal.year <= TAHUN_TERAKHIR:
        return None
    return tanggal


def contoh_tanggal() -> tuple[str, ...]:
    """Spellings baca_tanggal understands, to show when it did not."""
    return ("15 Januari 2027", "15/1/2027", "besok", "Senin depan")


def _baca_kata_waktu(teks: str, hari_ini: date) -> date | None:
    """Words relative to today: "besok", "bulan depan", "jumat depan", "3 hari lagi"."""
    if teks in _SELISIH_HARI:
        return hari_ini + timedelta(days=_SELISIH_HARI[teks])
    if teks in _ARAH_BULAN:
        return _baca_arah_bulan(*_ARAH_BULAN[teks], hari_ini)
    if cocok := _NAMA_HARI_SAJA.match(teks):
        # Strictly after today: on a Monday, "Senin" is a week away, not today.
        selisih = (_HARI[cocok[1]] - hari_ini.weekday() - 1) % 7 + 1
        return hari_ini + timedelta(days=selisih)
    return _baca_selang(teks, hari_ini)


def _baca_arah_bulan(geser: int, posisi: str, hari_ini: date) -> date | None:
    """The same day, the first or the last day of the month geser months from hari_ini."""
    tanggal = _tambah_bulan(hari_ini, geser)
    if tanggal is None or posisi == "sama":
        return tanggal
    if posisi == "awal":
        return tanggal.replace(day=1)
    return tanggal.replace(day=calendar.monthrange(tanggal.year, tanggal.month)[1])


def _baca_selang(teks: str, hari_ini: date) -> date | None:
    """Counted from today: "3 hari lagi", "dalam 2 minggu", "seminggu lagi", "dua bulan lagi"."""
    cocok = _SELANG.match(teks)
    if cocok is None or not (cocok[1] or cocok[4]):
        return None
    jumlah = _baca_bilangan_bulat(cocok[2])
    if jumlah is None:
        return None
    if cocok[3] == "bulan":
        return _tambah_bulan(hari_ini, jumlah)
    try:
        return hari_ini + timedelta(days=jumlah * _SATUAN_WAKTU[cocok[3]])
    except OverflowError:  # "999999 minggu lagi": past year 9999, so surely a typo
        return None


def _baca_bilangan_bulat(teks: str) -> int | None:
    """A whole count of days, weeks or months: "3", "se" (of "seminggu") or "tiga"."""
    if teks.isdecimal() and len(teks) <= 6:
        return int(teks)
    if teks == "se":
        return 1
    nilai = _baca_kata_bilangan(teks.split())
    return int(nilai) if nilai is not None and nilai == int(nilai) else None


def _baca_tanggal_tertulis(teks: str, hari_ini: date) -> date | None:
    """A written date: "15 Januari 2027", "Senin, 15/1/27", "2027-01-15", "15 Jan"."""
    teks = _AWALAN_TANGGAL.sub("", teks)
    if cocok := _TANGGAL_ISO.match(teks):
        return _tanggal_sah(int(cocok[1]), int(cocok[3]), int(cocok[4]))
    if cocok := _TANGGAL_ANGKA.match(teks):
        hari, bulan, tahun = int(cocok[1]), int(cocok[3]), cocok[4]
    elif cocok := _TANGGAL_NAMA.match(teks):
        nomor_bulan = _nomor_bulan(cocok[2])
        if nomor_bulan is None:
            return None
        hari, bulan, tahun = int(cocok[1]), nomor_bulan, cocok[3]
    else:
        return None
    if tahun is None:
        return _berikutnya(hari, bulan, hari_ini)
    return _tanggal_sah(int(tahun) + (2000 if len(tahun) == 2 else 0), bulan, hari)


def _nomor_bulan(kata: str) -> int | None:
    """The month a name or an unambiguous prefix of 3+ letters means ("jan", "agt", "sept")."""
    if kata in _SINGKATAN_BULAN:
        return _SINGKATAN_BULAN[kata]
    if len(kata) < 3:
        return None  # "ju" could be Juni or Juli
    nomor = {nomor for nama, nomor in _NAMA_BULAN.items() if nama.startswith(kata)}
    return nomor.pop() if len(nomor) == 1 else None


def _berikutnya(hari: int, bulan: int, hari_ini: date) -> date | None:
    """The first such day and month on or after hari_ini, e.g. "5 Januari" typed in December."""
    # Nine years always hold a 29 February, even across 2100, which is not a leap year.
    for tahun in range(hari_ini.year, hari_ini.year + 9):
        tanggal = _tanggal_sah(tahun, bulan, hari)
        if tanggal is not None and tanggal >= hari_ini:
            return tanggal
    return None


def _tanggal_sah(tahun: int, bulan: int, hari: int) -> date | None:
    """The date, or None when it does not exist (31 Februari, month 13)."""
    try:
        return date(tahun, bulan, hari)
    except ValueError:
        return None


def _tambah_bulan(tanggal: date, jumlah: int) -> date | None:
    """The same day jumlah months later, or the month's last day when it is shorter."""
    indeks = tanggal.year * 12 + tanggal.month - 1 + jumlah
    tahun, bulan = divmod(indeks, 12)
    if not TAHUN_TERAWAL <= tahun <= TAHUN_TERAKHIR:
        return None
    return date(tahun, bulan + 1, min(tanggal.day, calendar.monthrange(tahun, bulan + 1)[1]))


# ---------------------------------------------------------------- rupiah

_TANPA_BIAYA = frozenset({"0", "nol", "gratis", "tidak ada", "nihil", "tanpa biaya", "-"})
_PENGALI = {
    "triliun": 10**12,
    "t": 10**12,
    "miliar": 10**9,
    "milyar": 10**9,
    "m": 10**9,  # in Indonesian usage M is miliar, never million
    "juta": 10**6,
    "jt": 10**6,
    "ribu": 10**3,
    "rb": 10**3,
    "k": 10**3,
}
_SE_PENGALI = {f"se{nama}": f"satu {nama}" for nama in ("ribu", "juta", "miliar", "milyar")}
# Number words below a thousand; "ribu" and "juta" are read here as multipliers instead.
_KATA_BILANGAN = frozenset(
    ["satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]
    + ["sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", "setengah"]
)
_AWALAN_RP = re.compile(r"^rp\.?\s*")
_AKHIRAN_RP = re.compile(r"\s*rupiah$")
_SEN_NOL = re.compile(r"(?<=\d)(?:,00|,-)$")  # "1.500.000,-" and ",00": no fraction of a rupiah
_BATAS_ANGKA_HURUF = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
_RUPIAH_UTUH = re.compile(r"^(?:\d+|\d{1,3}(?:\.\d{3})+)$")  # 1500000 / 1.500.000
# Before a multiplier a decimal has one or two digits: "1,5 juta", "1.25 jt". A comma with
# three digits ("1,500 juta") could be English thousands, so it is refused, not guessed.
_ANGKA_PENGALI = re.compile(r"^(?:\d+|\d{1,3}(?:\.\d{3})+)(?:[.,]\d{1,2})?$")


def baca_rupiah(teks: str) -> int | None:
    """The amount in whole rupiah of what a teacher typed, or None when it is not clear."""
    bersih = " ".join(teks.casefold().split()).rstrip(".").strip()
    bersih = _AKHIRAN_RP.sub("", _AWALAN_RP.sub("", bersih))
    bersih = _SEN_NOL.sub("", bersih)
    if bersih in _TANPA_BIAYA:
        return 0
    nilai = _jumlahkan(_kelompokkan(bersih))
    if nilai is None or nilai != nilai.to_integral_value() or not 0 <= nilai <= RUPIAH_TERBESAR:
        return None
    return int(nilai)


def contoh_rupiah() -> tuple[str, ...]:
    """Spellings baca_rupiah understands, to show when it did not."""
    return ("Rp1.500.000", "1,5 juta", "750 ribu", "gratis")


def _kelompokkan(teks: str) -> list[tuple[list[str], int]] | None:
    """Number and unit groups: "2 juta 500 ribu" is [(["2"], 10**6), (["500"], 1000)].

    Only the last group may lack a unit; its multiplier is then 1.
    """
    kata = _BATAS_ANGKA_HURUF.sub(" ", teks).split()
    kata = " ".join(_SE_PENGALI.get(k, k) for k in kata).split()
    kelompok: list[tuple[list[str], int]] = []
    bilangan: list[str] = []
    for k in kata:
        if k not in _PENGALI:
            bilangan.append(k)
        elif not bilangan:
            return None  # "juta" with no number before it
        else:
            kelompok.append((bilangan, _PENGALI[k]))
            bilangan = []
    if bilangan:
        kelompok.append((bilangan, 1))
    return kelompok or None


def _jumlahkan(kelompok: list[tuple[list[str], int]] | None) -> Decimal | None:
    """The sum of the groups, each smaller than the unit before it ("2 juta 500 ribu")."""
    if kelompok is None:
        return None
    total, batas = Decimal(0), None
    for urutan, (bilangan, pengali) in enumerate(kelompok):
        angka = _baca_jumlah(bilangan, pengali, pertama=urutan == 0)
        if angka is None:
            return None
        nilai = angka * pengali
        if batas is not None and nilai >= batas:
            return None  # "2 juta 3 juta" or "1 ribu 2 juta": not how anyone writes money
        total, batas = total + nilai, pengali
    return total


def _baca_jumlah(bilangan: list[str], pengali: int, pertama: bool) -> Decimal | None:
    """The number of one group: digits or number words."""
    if len(bilangan) == 1 and bilangan[0][0].isdecimal():
        teks = bilangan[0]
        # A bare number after a unit is ambiguous: "2 juta 500" may mean 2.500.000.
        if pengali == 1 and not (pertama and _RUPIAH_UTUH.match(teks)):
            return None
        if not _ANGKA_PENGALI.match(teks):
            return None
        return _desimal(teks)
    nilai = _baca_kata_bilangan(bilangan)
    return None if nilai is None else Decimal(str(nilai))


def _desimal(teks: str) -> Decimal:
    """Digits already checked: a separator before one or two final digits is the decimal one."""
    for panjang in (1, 2):
        if len(teks) > panjang + 1 and teks[-panjang - 1] in ".,":
            return Decimal(f"{teks[: -panjang - 1].replace('.', '')}.{teks[-panjang:]}")
    return Decimal(teks.replace(".", ""))


def _baca_kata_bilangan(kata: list[str]) -> float | None:
    """Number words such as "lima ratus" or "dua setengah", read by baca_angka."""
    if not kata or any(k not in _KATA_BILANGAN for k in kata):
        return None  # keeps baca_angka's "sekitar" and unit words out of money and dates
    return baca_angka(" ".join(kata))
