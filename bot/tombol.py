"""Typed buttons: each kind of inline button is a small frozen dataclass that carries what it
acts on and encodes to, and decodes from, Telegram's `callback_data` here and nowhere else.

    @dataclass(frozen=True)
    class Butir(Tombol, awalan="akr:b"):
        inst: str
        kode: str

    Butir("iasp2020", "1.4").data()     -> "akr:b:iasp2020:1.4"
    Butir.baca("akr:b:iasp2020:1.4")    -> Butir(inst="iasp2020", kode="1.4")

The fields are written in order after the prefix, separated by ":". A field is `str`, `int`,
`bool` ("1"/"0"), a `StrEnum` (its value; another value is refused) or one of those or None
(written empty; left out at the end, so "rcn:bw" and "rcn:bw:2" are one kind with an
optional page). Encoding refuses a value over
Telegram's 64 bytes or a text holding ":"; decoding refuses anything else than what encoding
makes, with `Ditolak("tombol_usang")`, the stale-button message, so a button from an old
message or a crafted one changes nothing. The handler of a kind is registered by its type
(`bot.akses.tombol`, `percakapan._umum.penangan_tombol`)."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from typing import Any, ClassVar, Self

from bot.layanan import Ditolak

BATAS_DATA = 64  # bytes of callback_data Telegram accepts
PEMISAH = ":"
USANG = "tombol_usang"

_TERDAFTAR: dict[str, type[Tombol]] = {}


class DataTerlaluPanjang(ValueError):
    """A button's data would not fit Telegram's 64 bytes (a programming error)."""


class Tombol:
    """Base of every typed button; subclass as a frozen dataclass with `awalan=`."""

    awalan: ClassVar[str]

    def __init_subclass__(cls, awalan: str = "", **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if not awalan:  # a shared base of several kinds (its fields come first)
            return
        for lain, jenis in _TERDAFTAR.items():
            # Prefixes must not nest either ("x" and "x:y"): the data would fit both kinds.
            if (
                lain == awalan
                or lain.startswith(awalan + PEMISAH)
                or awalan.startswith(lain + PEMISAH)
            ):
                raise TypeError(f"button prefix {awalan!r} clashes with {jenis.__name__}")
        cls.awalan = awalan
        _TERDAFTAR[awalan] = cls

    def data(self) -> str:
        """The callback_data of this button; DataTerlaluPanjang beyond 64 bytes."""
        nilai = [getattr(self, f.name) for f in dataclasses.fields(self)]  # type: ignore[arg-type]
        while nilai and nilai[-1] is None:  # trailing empty fields are left out
            nilai.pop()
        data = PEMISAH.join([self.awalan, *(_tulis(n) for n in nilai)])
        if len(data.encode("utf-8")) > BATAS_DATA:
            raise DataTerlaluPanjang(f"{data!r} is over {BATAS_DATA} bytes")
        return data

    @classmethod
    def cocok(cls, data: object) -> bool:
        """True when `data` is meant for this kind (its prefix); the fields are read by
        `baca`, which refuses a malformed rest with the stale-button message."""
        if not isinstance(data, str):
            return False
        return data == cls.awalan or data.startswith(cls.awalan + PEMISAH)

    @classmethod
    def baca(cls, data: str) -> Self:
        """The button in `data`; Ditolak("tombol_usang") when it is not one this kind makes."""
        if not cls.cocok(data):
            raise Ditolak(USANG)
        sisa = data[len(cls.awalan) + 1 :].split(PEMISAH) if data != cls.awalan else []
        bidang = dataclasses.fields(cls)  # type: ignore[arg-type]
        jenis = typing.get_type_hints(cls)
        if len(sisa) > len(bidang):
            raise Ditolak(USANG)
        for f in bidang[len(sisa) :]:  # left out: only trailing fields that may be None
            if type(None) not in typing.get_args(jenis[f.name]):
                raise Ditolak(USANG)
            sisa.append("")
        try:
            nilai = {
                f.name: _baca(jenis[f.name], teks) for f, teks in zip(bidang, sisa, strict=True)
            }
            return cls(**nilai)
        except ValueError:
            raise Ditolak(USANG) from None


def _tulis(nilai: object) -> str:
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "1" if nilai else "0"
    teks = str(nilai)
    if PEMISAH in teks:
        raise ValueError(f"button field {teks!r} holds {PEMISAH!r}")
    return teks


def _baca(jenis: Any, teks: str) -> object:
    pilihan = typing.get_args(jenis) if isinstance(jenis, types.UnionType) else (jenis,)
    if type(None) in pilihan:
        if teks == "":
            return None
        pilihan = tuple(p for p in pilihan if p is not type(None))
    (dasar,) = pilihan
    if dasar is bool:
        if teks not in ("0", "1"):
            raise ValueError(teks)
        return teks == "1"
    if dasar is int:
        if not (teks.isdigit() or (teks.startswith("-") and teks[1:].isdigit())):
            raise ValueError(teks)
        return int(teks)
    if dasar is str:
        if teks == "":
            raise ValueError(teks)
        return teks
    if isinstance(dasar, type) and issubclass(dasar, enum.StrEnum):
        return dasar(teks)  # ValueError for a value the enum does not have
    raise TypeError(f"button field type {dasar!r} is not supported")
