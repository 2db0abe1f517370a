import pytest

from bot.layanan.instrumen_berkas import bawaan
from bot.mutu.instrumen import Kategori
from bot.mutu.skor import HasilIndikator, HasilStandar, PetaMutu
from bot.mutu.strategi import (
    BARU,
    NAIK,
    TANPA_DATA,
    TETAP,
    TURUN,
    KegiatanSiklus,
    Perubahan,
    TargetSalah,
    ambang_snp,
    baca_target,
    bandingkan,
    calon_bawaan,
    tahun_ajaran_berikut,
    target_bawaan,
    target_minimum,
)

KATEGORI = (
    Kategori("Menuju SNP 1", 1, 2.04),
    Kategori("Menuju SNP 2", 2, 3.70),
    Kategori("Menuju SNP 3", 3, 5.06),
    Kategori("Menuju SNP 4", 4, 6.66),
    Kategori("SNP", None, None),
)


def _ind(kode: str, skor: float | None) -> HasilIndikator:
    return HasilIndikator(kode, f"Indikator {kode}", kode.split(".")[0], skor, 1, 1, True)


def _std(kode: str, nomor: int, skor: float | None, *ind: HasilIndikator) -> HasilStandar:
    return HasilStandar(kode, nomor, f"Standar {kode}", skor, None, tuple(ind))


def _peta(*standar: HasilStandar) -> PetaMutu:
    return PetaMutu(None, None, tuple(standar), ())


def test_ambang_snp_dari_kategori_instrumen() -> None:
    # SNP is "above 6,66": the lowest two-decimal score in it is 6,67.
    assert ambang_snp(KATEGORI) == 6.67
    assert ambang_snp(bawaan().kategori) == 6.67
    with pytest.raises(ValueError):
        ambang_snp((Kategori("SNP", None, None),))


def test_bandingkan_per_standar_dan_indikator() -> None:
    lalu = _peta(_std("A", 1, 3.2, _ind("1.1", 3.0), _ind("1.2", 3.4)), _std("B", 2, 5.0))
    kini = _peta(
        _std("A", 1, 3.9, _ind("1.1", 4.0), _ind("1.2", 3.4), _ind("1.3", 4.3)),
        _std("B", 2, 4.555),
        _std("C", 3, None),
    )
    a, b, c = bandingkan(lalu, kini)
    # A: 3,90 - 3,20 = +0,70 by hand; its indicators: +1,00, 0, and a new one.
    assert (a.standar.selisih, a.standar.arah) == (0.7, NAIK)
    assert [(i.kode, i.selisih, i.arah) for i in a.indikator] == [
        ("1.1", 1.0, NAIK),
        ("1.2", 0.0, TETAP),
        ("1.3", None, BARU),
    ]
    # B: 4,555 shows as 4,56 (half up); 4,56 - 5,00 = -0,44.
    assert (b.standar.selisih, b.standar.arah) == (-0.44, TURUN)
    assert (c.standar.sebelum, c.standar.arah) == (None, TANPA_DATA)


def test_bandingkan_siklus_pertama_semua_baru() -> None:
    (a,) = bandingkan(None, _peta(_std("A", 1, 2.5, _ind("1.1", 2.5))))
    assert a.standar.arah == BARU and a.standar.selisih is None
    assert a.indikator[0].arah == BARU


def test_selisih_memakai_skor_yang_dibulatkan() -> None:
    # 3,004 and 2,995 are both shown as 3,00: no change, not +0,009.
    p = Perubahan("A", "A", 2.995, 3.004)
    assert (p.selisih, p.arah) == (0.0, TETAP)


@pytest.mark.parametrize(
    ("skor", "minimum", "bawaan_"),
    [
        (None, 6.67, 6.67),  # no score: the threshold
        (4.2, 6.67, 6.67),  # below SNP: the threshold
        (6.66, 6.67, 6.67),  # 6,66 is still Menuju SNP 4
        (6.67, 6.67, 6.92),  # meets SNP: a step above
        (6.9, 6.9, 7.0),  # 6,90 + 0,25 capped at 7
        (7.0, 7.0, 7.0),
        (6.804, 6.8, 7.0),  # rounded first: 6,80 + 0,25 = 7,05 -> 7
        (6.7, 6.7, 6.95),
    ],
)
def test_target_minimum_dan_bawaan(skor: float | None, minimum: float, bawaan_: float) -> None:
    assert target_minimum(skor, 6.67) == minimum
    assert target_bawaan(skor, 6.67, 7.0) == bawaan_
    assert target_bawaan(skor, 6.67, 7.0) >= target_minimum(skor, 6.67)


@pytest.mark.parametrize(
    ("teks", "nilai"), [("6,8", 6.8), ("6.8", 6.8), ("7", 7.0), (" 6,675 ", 6.68), ("tujuh", 7.0)]
)
def test_baca_target_koma_desimal(teks: str, nilai: float) -> None:
    assert baca_target(teks, 6.67, 7.0) == nilai


@pytest.mark.parametrize(
    ("teks", "alasan"),
    [("lebih tinggi", "bukan_angka"), ("", "bukan_angka"), ("6,5", "di_bawah"), ("7,1", "di_atas")],
)
def test_baca_target_ditolak(teks: str, alasan: str) -> None:
    with pytest.raises(TargetSalah) as galat:
        baca_target(teks, 6.67, 7.0)
    assert galat.value.alasan == alasan


def test_tahun_ajaran_berikut() -> None:
    assert tahun_ajaran_berikut("2026/2027") == "2027/2028"
    assert tahun_ajaran_berikut("2099/2100") == "2100/2101"
    for salah in ("2026-2027", "2026/2028", "26/27", ""):
        with pytest.raises(ValueError):
            tahun_ajaran_berikut(salah)


def test_calon_bawaan() -> None:
    k = [
        KegiatanSiklus("a", "1.1", 1, "selesai", "diterima"),  # done, program met: stays
        KegiatanSiklus("b", "1.1", 1, "berjalan", None),  # not done
        KegiatanSiklus("c", "1.1", 2, "selesai", None),  # done, program partly met
        KegiatanSiklus("d", "1.1", 2, "selesai", "dikembalikan"),  # sent back: not done
        KegiatanSiklus("e", "2.1", 1, "terkendala", None),  # program stopped (hentikan)
        KegiatanSiklus("f", "3.1", 1, "selesai", None),  # target not met
        KegiatanSiklus("g", "4.1", 1, "belum_mulai", None),  # no evaluation: not done
    ]
    evaluasi = {
        ("1.1", 1): ("ya", "lanjutkan"),
        ("1.1", 2): ("sebagian", "ubah"),
        ("2.1", 1): ("tidak", "hentikan"),
        ("3.1", 1): ("tidak", "lanjutkan"),
    }
    hasil = [(k.kunci, alasan) for k, alasan in calon_bawaan(k, evaluasi)]
    assert hasil == [
        ("b", "belum_selesai"),
        ("c", "target_sebagian"),
        ("d", "belum_selesai"),
        ("f", "target_tidak"),
        ("g", "belum_selesai"),
    ]
