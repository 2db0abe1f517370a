"""Reading a number as Indonesians type it in a chat: "25", "dua puluh lima", "1.500", "1,5"."""

from __future__ import annotations

import re

# Words people put before a number they are not sure of; the number itself is what we keep.
_PERKIRAAN = re.compile(
    r"^(?:±|\+/-|\+-|sekitar|kira-kira|kira kira|kira2|kurang lebih|lebih kurang|kurleb|"
    r"kisaran|rata-rata|rata rata|rata2)\s*"
)
_SATUAN_DIGIT = {
    "satu": 1,
    "dua": 2,
    "tiga": 3,
    "empat": 4,
    "lima": 5,
    "enam": 6,
    "tujuh": 7,
    "delapan": 8,
    "sembilan": 9,
}
_KATA_BILANGAN = frozenset(
    [*_SATUAN_DIGIT, "nol", "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus"]
    + ["seribu", "ribu", "sejuta", "juta", "setengah", "minus"]
)

# The grammar of a spelled-out whole number below a billion, checked before it is summed so
# "dua tiga" or "puluh lima" are refused instead of read as something.
_D = r"(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_D2 = r"(?:dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)"
_PULUHAN = rf"(?:sepuluh|sebelas|{_D2} belas|{_D2} puluh(?: {_D})?)"
_RATUSAN = rf"(?:seratus|{_D} ratus)"
_GRUP = rf"(?:{_RATUSAN}(?: {_PULUHAN}| {_D})?|{_PULUHAN}|{_D})"
_POLA_KATA = re.compile(
    rf"^(?=.)(?:(?:{_GRUP} juta|sejuta)(?: |$))?(?:(?:{_GRUP} ribu|seribu)(?: |$))?(?:{_GRUP})?$"
)

_POLA_RIBUAN = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")  # 1.500 / 1.500.000 / 1.500,5
_POLA_KOMA = re.compile(r"^\d+(?:,\d+)?$")  # 25 / 1,5
_POLA_TITIK = re.compile(r"^\d+\.\d{1,2}$")  # 1.5 / 2.75: a decimal point, a common habit
_PENGALI = {"ribu": 1_000, "rb": 1_000, "juta": 1_000_000, "jt": 1_000_000}


def baca_angka(teks: str) -> float | None:
    """The number in what someone typed, or None when it is not clearly one number."""
    bersih = " ".join(teks.casefold().split()).rstrip(".!?")
    bersih = _PERKIRAAN.sub("", bersih).strip()
    negatif = bersih.startswith(("-", "minus "))
    if negatif:
        bersih = bersih.removeprefix("-").removeprefix("minus ").strip()
    nilai = _baca_dengan_satuan(bersih)
    if nilai is None:
        return None
    return -nilai if negatif else nilai


def baca_persen(teks: str) -> float | None:
    """Like baca_angka, but only a value from 0 to 100 counts as a percentage."""
    nilai = baca_angka(teks)
    return nilai if nilai is not None and 0 <= nilai <= 100 else None


def _baca_dengan_satuan(teks: str) -> float | None:
    """The number, allowing a "%" sign or one trailing unit word ("30 orang", "75 persen")."""
    teks = teks.removesuffix("%").strip()
    nilai = _baca_polos(teks)
    if nilai is not None:
        return nilai
    depan, _, kata = teks.rpartition(" ")
    if depan and kata.isalpha() and kata not in _KATA_BILANGAN:
        return _baca_polos(depan.removesuffix("%").strip())
    return None


def _baca_polos(teks: str) -> float | None:
    """A bare number: digits, digits with "ribu"/"juta", or words."""
    nilai = _baca_digit(teks)
    if nilai is not None:
        return nilai
    depan, _, pengali = teks.rpartition(" ")
    if pengali in _PENGALI and (angka := _baca_digit(depan)) is not None:
        return angka * _PENGALI[pengali]
    return _baca_kata(teks)


def _baca_digit(teks: str) -> float | None:
    """Digits with Indonesian separators: dot for thousands, comma for decimals."""
    if _POLA_RIBUAN.match(teks):
        return float(teks.replace(".", "").replace(",", "."))
    if _POLA_KOMA.match(teks):
        return float(teks.replace(",", "."))
    if _POLA_TITIK.match(teks):
        return float(teks)
    return None


def _baca_kata(teks: str) -> float | None:
    """A spelled-out number, optionally followed by "setengah" ("dua setengah" = 2.5)."""
    if teks == "nol":
        return 0.0
    if teks == "setengah":
        return 0.5
    utuh, setengah = teks.removesuffix(" setengah"), teks.endswith(" setengah")
    if not _POLA_KATA.match(utuh):
        return None
    return _jumlahkan(utuh.split()) + (0.5 if setengah else 0.0)


def _jumlahkan(kata: list[str]) -> float:
    """The value of words already checked against _POLA_KATA."""
    total, grup, terakhir = 0, 0, 0
    for k in kata:
        if k in _SATUAN_DIGIT:
            terakhir = _SATUAN_DIGIT[k]
            grup += terakhir
        elif k in ("sepuluh", "sebelas", "seratus"):
            grup += {"sepuluh": 10, "sebelas": 11, "seratus": 100}[k]
        elif k == "belas":
            grup += 10  # "dua belas": the 2 is already counted
        elif k in ("puluh", "ratus"):
            grup += terakhir * (9 if k == "puluh" else 99)  # turn the counted digit into 10x/100x
        elif k in ("ribu", "juta"):
            total += grup * (1_000 if k == "ribu" else 1_000_000)
            grup = 0
        else:  # seribu, sejuta
            total += 1_000 if k == "seribu" else 1_000_000
    return float(total + grup)
