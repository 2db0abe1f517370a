"""PBD on Rapor Pendidikan: the identifikasi order against a hand ordering, and the bot's
root-cause suggestions."""

from __future__ import annotations

import pytest

from bot.mutu import rapor as rp
from bot.mutu.rapor_pbd import identifikasi, refleksi
from db.rapor_katalog import baca_akar_masalah, baca_katalog

K, S, B = rp.Label.KURANG, rp.Label.SEDANG, rp.Label.BAIK
N, T, TT = rp.Arah.NAIK, rp.Arah.TURUN, rp.Arah.TETAP


@pytest.fixture(scope="module")
def katalog() -> rp.Katalog:
    return rp.katalog_dari(baca_katalog())


def c(kode: str, label: rp.Label, nasional: int | None, arah: rp.Arah | None, turun=None):
    return rp.Capaian(kode, label, 50.0, arah, turun, None, nasional)


def test_urutan_sama_dengan_urutan_tangan(katalog: rp.Katalog) -> None:
    capaian = {
        "A.1": c("A.1", S, 5, T, 2.0),
        "A.2": c("A.2", K, 3, N, 1.0),
        "A.3": c("A.3", B, 5, T, 9.0),  # green: never a candidate
        "D.1": c("D.1", K, 5, T, 1.0),
        "D.4": c("D.4", K, 5, T, 6.0),
        "D.8": c("D.8", S, 5, T, 8.0),
    }
    # By hand: red first (D.4 and D.1 in the bottom group, D.4 dropped more; then A.2 in the
    # middle group), then yellow (both bottom group, D.8 dropped more than A.1).
    urut = [k.kode for k in identifikasi(capaian, katalog.prioritas("SD"))]
    assert urut == ["D.4", "D.1", "A.2", "D.8", "A.1"]


def test_hanya_prioritas_dan_tanpa_data_dilewati(katalog: rp.Katalog) -> None:
    capaian = {"D.2": c("D.2", K, 5, T, 9.0), "A.1": c("A.1", rp.Label.TIDAK_TERSEDIA, 5, T)}
    assert identifikasi(capaian, katalog.prioritas("SD")) == []


def test_refleksi_a1_saran_bot(katalog: rp.Katalog) -> None:
    peta = rp.peta_akar_dari(baca_akar_masalah(), katalog)
    capaian = {
        "A.1.1": rp.Capaian("A.1.1", None, 47.5),
        "A.1.2": rp.Capaian("A.1.2", None, 31.0),
        "A.1.skor": rp.Capaian("A.1.skor", None, 10.0),
        "D.1": c("D.1", S, 3, N),
        "D.1.1": c("D.1.1", K, 3, N),
    }
    saran = refleksi("A.1", capaian, peta, katalog, "SD")
    assert [s.kode for s in saran] == ["A.1.2", "A.1.1", "D.1", "D.2", "D.3", "C.3"]
    assert all(s.saran_bot for s in saran)
    d1 = saran[2]
    assert d1.capaian.label == S
    assert [k for k, _ in d1.sub] == ["D.1.1", "D.1.3"]
    assert d1.sub[0][1].label == K and d1.sub[1][1] is None
    assert not peta.confirmed


def test_refleksi_smk_saja(katalog: rp.Katalog) -> None:
    peta = rp.peta_akar_dari(baca_akar_masalah(), katalog)
    assert [s.kode for s in refleksi("A.4", {}, peta, katalog, "SMK")] == ["D.17"]
    assert refleksi("A.4", {}, peta, katalog, "SD") == []
