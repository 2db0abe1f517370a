"""The pure rules behind "removal sticks": which codes may be for many people, and an actor
read while a membership changed is never reused."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.layanan import Layanan, aktor
from bot.layanan.aktor import Aktor, Keanggotaan, kenali
from bot.layanan.undangan import MAKS_PAKAI_BANYAK, pilihan_pakai
from bot.mutu.peran import PERAN_UNDANGAN, Peran


def test_kode_koordinator_dan_pengawas_hanya_sekali_pakai() -> None:
    assert {p: pilihan_pakai(p) for p in PERAN_UNDANGAN} == {
        Peran.KOORDINATOR: (1,),
        Peran.GURU: (1, MAKS_PAKAI_BANYAK),
        Peran.TENDIK: (1, MAKS_PAKAI_BANYAK),
        Peran.PENGAWAS: (1,),
    }


def _aktor(peran: Peran | None) -> Aktor:
    k = Keanggotaan(1, "SMP Negeri 1 Sleman", peran) if peran else None
    return Aktor(7, "Bu Koor", (k,) if k else (), k)


async def test_aktor_yang_dibaca_saat_dikeluarkan_tidak_dipakai_lagi(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nol: Any = None
    lay = Layanan(mesin=nol, settings=nol, jam=lambda: datetime(2026, 11, 23, 3, tzinfo=UTC))
    sebelum, sesudah = _aktor(Peran.KOORDINATOR), _aktor(None)
    bacaan = iter([sebelum, sesudah])

    async def dari_basis_data(lay: Layanan, *_: object) -> Aktor:
        hasil = next(bacaan)
        if hasil is sebelum:
            lay.lupakan_aktor(7)  # the removal commits while this read is still in flight
        return hasil

    monkeypatch.setattr(aktor, "_kenali_dari_basis_data", dari_basis_data)
    assert await kenali(lay, 7, "Bu Koor", None) is sebelum
    assert await kenali(lay, 7, "Bu Koor", None) is sesudah  # read again, not remembered
    assert await kenali(lay, 7, "Bu Koor", None) is sesudah  # this one is remembered
