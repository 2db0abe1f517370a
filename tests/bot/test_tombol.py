"""Typed buttons: one encoding, checked at both ends."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.layanan import Ditolak
from bot.tombol import DataTerlaluPanjang, Tombol


@dataclass(frozen=True)
class Contoh(Tombol, awalan="uji:c"):
    kode: str
    nomor: int
    ya: bool
    halaman: int | None


@dataclass(frozen=True)
class Kosong(Tombol, awalan="uji:k"):
    pass


def test_data_bolak_balik() -> None:
    t = Contoh("1.4", 12, True, None)
    assert t.data() == "uji:c:1.4:12:1"  # a trailing None is left out
    assert Contoh.baca(t.data()) == t
    assert Contoh.baca("uji:c:1.4:12:1:") == t
    assert Contoh.baca("uji:c:x:-3:0:2") == Contoh("x", -3, False, 2)
    assert Kosong.baca(Kosong().data()) == Kosong()


def test_awalan_tidak_tertukar() -> None:
    assert Kosong.cocok("uji:k")
    assert not Kosong.cocok("uji:c:1.4:12:1")  # another kind's data
    assert not Contoh.cocok("uji:cx:1")
    assert not Contoh.cocok(None)


@pytest.mark.parametrize(
    "data",
    [
        "uji:c",  # no fields
        "uji:c:1.4:12",  # a field that cannot be None missing
        "uji:c:1.4:12:1::",  # one too many
        "uji:c:1.4:dua:1:",  # not a number
        "uji:c:1.4:12:ya:",  # not 0/1
        "uji:c::12:1:",  # empty text
        "uji:d:1",  # another prefix
        "uji:c:1.4:12:1:x",
    ],
)
def test_data_rusak_ditolak_sebagai_tombol_usang(data: str) -> None:
    with pytest.raises(Ditolak) as tolak:
        Contoh.baca(data)
    assert tolak.value.alasan == "tombol_usang"


def test_batas_64_byte_diperiksa_saat_dibuat() -> None:
    assert len(Contoh("x" * 40, 1, True, 1).data()) <= 64
    with pytest.raises(DataTerlaluPanjang):
        Contoh("x" * 60, 1, True, 1).data()
    with pytest.raises(ValueError):
        Contoh("a:b", 1, True, 1).data()


def test_awalan_tidak_boleh_ganda() -> None:
    with pytest.raises(TypeError):

        @dataclass(frozen=True)
        class Lagi(Tombol, awalan="uji:c"):
            pass

    with pytest.raises(TypeError):

        @dataclass(frozen=True)
        class Induk(Tombol, awalan="uji"):  # "uji:c:..." would fit it too
            pass
