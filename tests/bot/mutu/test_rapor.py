"""The Rapor Pendidikan catalogue shipped in db/, its priority sets, and the cell parsers."""

from __future__ import annotations

import copy

import pytest

from bot.mutu import rapor as rp
from db.rapor_katalog import baca_akar_masalah, baca_katalog


@pytest.fixture(scope="module")
def katalog() -> rp.Katalog:
    return rp.katalog_dari(baca_katalog())


def test_katalog_edisi_dan_prioritas(katalog: rp.Katalog) -> None:
    assert katalog.edisi == "Rapor Pendidikan 2025"
    assert katalog.prioritas("SD") == ("A.1", "A.2", "A.3", "D.1", "D.4", "D.8")
    assert katalog.prioritas("SMA") == katalog.prioritas("SMP") == katalog.prioritas("SD")
    assert katalog.prioritas("SMK") == ("A.1", "A.2", "A.3", "D.1", "D.4", "D.8", "A.4", "D.17")
    assert katalog.prioritas_confirmed


def test_katalog_kunci_layanan_kode(katalog: rp.Katalog) -> None:
    assert katalog.cari("A.1", "SD").nama == "Kemampuan literasi"
    assert katalog.cari("D.17", "SD") is None  # vokasional: SMK only
    assert katalog.cari("D.17", "SMK").layanan == "vokasional"
    assert all(lay in ("dasmen", "vokasional") for lay, _ in katalog.indikator)
    assert katalog.cari("A.1.1", "SD").induk == "A.1"
    assert not katalog.cari("A.1.1", "SD").berlabel


def test_katalog_rusak_disebut() -> None:
    data = copy.deepcopy(baca_katalog())
    data["meta"]["indikator_prioritas"]["sd_smp_sma"].append("Z.9")
    with pytest.raises(rp.KatalogRusak, match="Z.9"):
        rp.katalog_dari(data)
    data = copy.deepcopy(baca_katalog())
    data["indikator"].append(dict(data["indikator"][0]))
    with pytest.raises(rp.KatalogRusak, match="ganda"):
        rp.katalog_dari(data)


def test_peta_akar_saran_bot(katalog: rp.Katalog) -> None:
    peta = rp.peta_akar_dari(baca_akar_masalah(), katalog)
    assert not peta.confirmed
    assert [s.kode for s in peta.saran["A.1"]][:3] == ["D.1", "D.2", "D.3"]
    assert set(katalog.prioritas("SMK")) <= set(peta.saran)


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("Kurang (8,33% siswa sudah mencapai kompetensi minimum)", rp.Label.KURANG),
        ("Baik", rp.Label.BAIK),
        (" sedang ", rp.Label.SEDANG),
        ("Tidak Tersedia", rp.Label.TIDAK_TERSEDIA),
        ("Capaian Tidak Tersedia", rp.Label.TIDAK_TERSEDIA),
        ("Di atas", None),
        (None, None),
        (55.0, None),
    ],
)
def test_label(teks: object, hasil: rp.Label | None) -> None:
    assert rp.label(teks) == hasil


def test_angka_perubahan_peringkat() -> None:
    assert rp.angka("8,33") == 8.33
    assert rp.angka("45,2%") == 45.2
    assert rp.angka(61) == 61.0
    assert rp.angka("-") is None
    assert rp.angka_dalam_label("Kurang (8,33% siswa sudah ...)") == 8.33
    assert rp.perubahan("Turun 33,36%") == (rp.Arah.TURUN, 33.36)
    assert rp.perubahan("Naik 4,34") == (rp.Arah.NAIK, 4.34)
    assert rp.perubahan("Tidak berubah") == (rp.Arah.TETAP, None)
    assert rp.perubahan("Tidak Tersedia") == (None, None)
    assert rp.peringkat("Peringkat bawah (81-100%)") == 5
    assert rp.peringkat("PERINGKAT MENENGAH ATAS untuk kelompok 21-40%") == 2
    assert rp.peringkat("Peringkat menengah") == 3
    assert rp.peringkat("-") is None
    assert rp.kode_dari("A.1 Kemampuan literasi") == "A.1"
    assert rp.kode_dari("A.1.skor") == "A.1.skor"
    assert rp.kode_dari("Proporsi peserta didik") is None
