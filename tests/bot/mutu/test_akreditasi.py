"""The readiness rules: levels, scores, the final score and grade, gaps, upload checks and
bundle parts, each with numbers worked by hand."""

from __future__ import annotations

import pytest

from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.mutu.akreditasi import (
    Aturan,
    KeadaanButir,
    bagi_bagian,
    hitung,
    kesenjangan,
    level_dihitung,
    periksa_unggah,
    peringkat,
    skor_kelompok,
    tingkat_spmi,
)

IASP = bawaan("iasp2020")
ATURAN = Aturan.dari(IASP)
BUKTI = KeadaanButir(jumlah_bukti=1)


def _k(level: int, **lain: int | bool) -> KeadaanButir:
    return KeadaanButir(level=level, jumlah_bukti=1, **lain)  # type: ignore[arg-type]


def test_contoh_hitungan_di_docstring() -> None:
    """ML 4,3 -> 87,5; PP 3 -> 75; MG 2 -> 50; MS 4,4 -> 100; IPR 4,3,3 -> 83,33;
    NA = 0,15 x 83,33 + 0,30 x 87,5 + 0,25 x 75 + 0,15 x 50 + 0,15 x 100 = 80,0 -> C."""
    keadaan = {
        "1": _k(4),
        "2": _k(3),
        "12": _k(3),
        "20": _k(2),
        "24": _k(4),
        "35": _k(4),
        "IPR1": _k(4),
        "IPR2": _k(3),
        "IPR3": _k(3),
    }
    h = hitung(IASP, "SMP", keadaan)
    skor = {k.kode: k.skor for k in h.kelompok}
    assert skor == pytest.approx(
        {"ML": 87.5, "PP": 75.0, "MG": 50.0, "MS": 100.0, "IPR": 100 * 10 / 12}
    )
    assert h.nilai_akhir == pytest.approx(80.0)
    assert h.peringkat is not None and h.peringkat.kode == "C"
    assert (h.dinilai, h.jumlah) == (9, 35 + 9)
    assert [k.jumlah for k in h.kelompok] == [11, 7, 5, 12, 9]  # PP 12-18, MG 19-23


def test_tanpa_komponen_lengkap_tidak_ada_nilai_akhir() -> None:
    h = hitung(IASP, "SMP", {"1": _k(4), "12": _k(4), "20": _k(4), "24": _k(4)})
    assert h.nilai_akhir is None and h.peringkat is None  # IPR not assessed
    assert hitung(IASP, "SMP", {}).komponen[0].skor is None


def test_jenjang_menentukan_butir_kekhususan_dan_ipr() -> None:
    assert [k.jumlah for k in hitung(IASP, "SMK", {}).kelompok] == [11, 7 + 9, 5, 12, 10]
    assert [k.jumlah for k in hitung(IASP, "MI", {}).kelompok] == [11, 7 + 1, 5, 12, 8]
    ia = hitung(bawaan("ia2024"), "SMA", {})
    assert ia.ipr is None and [k.kode for k in ia.komponen] == ["1", "2", "3"]
    assert [k.jumlah for k in ia.komponen] == [16, 16, 13]


def test_ia2024_tanpa_skor_dan_tanpa_peringkat() -> None:
    """The official aggregation is unknown: every indicator assessed, still no grade."""
    ia = bawaan("ia2024")
    keadaan = {b.kode: _k(4) for b in ia.inti}
    h = hitung(ia, "SD", keadaan)
    assert h.nilai_akhir is None and h.peringkat is None
    assert all(k.skor is None for k in h.komponen)
    assert h.dinilai == 45 and ia.peringkat == ()


def test_level_tanpa_dukungan_paling_tinggi_2() -> None:
    assert level_dihitung(ATURAN, KeadaanButir(level=4)) == 2
    assert level_dihitung(ATURAN, KeadaanButir(level=1)) == 1
    assert level_dihitung(ATURAN, KeadaanButir(level=4, wawancara_terjawab=1)) == 4
    assert level_dihitung(ATURAN, KeadaanButir(level=3, jumlah_bukti=2)) == 3
    assert level_dihitung(ATURAN, KeadaanButir()) is None
    # An observation that saw nothing is no support (and caps the level at 1).
    assert not KeadaanButir(level=3, observasi_total=2).didukung
    assert KeadaanButir(level=3, observasi_ya=1, observasi_total=2).didukung


@pytest.mark.parametrize(
    ("ya", "total", "level"),
    [(9, 10, 4), (8, 10, 3), (7, 10, 3), (4, 10, 2), (3, 10, 1), (0, 1, 1), (1, 1, 4)],
)
def test_observasi_membatasi_level(ya: int, total: int, level: int) -> None:
    k = KeadaanButir(level=4, observasi_ya=ya, observasi_total=total)
    assert level_dihitung(ATURAN, k) == level


def test_skor_kelompok() -> None:
    assert skor_kelompok([4, 4, None]) == 100.0
    assert skor_kelompok([1]) == 25.0
    assert skor_kelompok([None, None]) is None


@pytest.mark.parametrize(
    ("na", "kode"),
    [(100, "A"), (91, "A"), (90.5, "A"), (90.49, "B"), (81, "B"), (80.4, "C"), (71, "C"),
     (70.6, "C"), (70.49, "TT"), (0, "TT")],
)  # fmt: skip
def test_peringkat_pada_batas(na: float, kode: str) -> None:
    assert peringkat(ATURAN, na).kode == kode


@pytest.mark.parametrize(
    ("skor", "tingkat"),
    [(7.0, "tinggi"), (5.07, "tinggi"), (5.06, "sedang"), (3.71, "sedang"), (3.70, "rendah"),
     (0.0, "rendah"), (None, None)],
)  # fmt: skip
def test_tingkat_spmi(skor: float | None, tingkat: str | None) -> None:
    assert tingkat_spmi(skor) == tingkat


def test_kesenjangan_dua_arah() -> None:
    # 1.1 high: butir 1 has evidence, butir 2, 3, 4 and 31 have none. 7.1 low: butir 35
    # counts level 4 with evidence; butir 25 (also 7.1) is level 2. 5.1 middling: no gap.
    keadaan = {"1": BUKTI, "35": _k(4), "25": _k(2), "20": KeadaanButir(level=4)}
    gap = kesenjangan(IASP, "SMP", {"1.1": 6.5, "7.1": 1.0, "5.1": 4.5}, keadaan)
    pasangan = [(g.jenis, g.indikator, g.butir) for g in gap]
    assert pasangan == [
        ("tinggi_tanpa_bukti", "1.1", "2"),
        ("tinggi_tanpa_bukti", "1.1", "3"),
        ("tinggi_tanpa_bukti", "1.1", "4"),
        ("tinggi_tanpa_bukti", "1.1", "31"),
        ("rendah_tapi_kuat", "7.1", "35"),
    ]
    assert gap[-1].level == 4
    # Without a stage-1 score there is nothing to compare.
    assert kesenjangan(IASP, "SMP", {}, keadaan) == []


def test_periksa_unggah() -> None:
    mb = 1024 * 1024
    assert periksa_unggah("application/pdf", 2 * mb, ("pdf", "jpg", "png"), 2) == []
    assert periksa_unggah("application/pdf", 2 * mb + 1, ("pdf", "jpg", "png"), 2) == [
        "terlalu_besar"
    ]
    assert periksa_unggah("image/png", 10, ("pdf", "jpg", "png"), 2) == []
    assert periksa_unggah("application/msword", 3 * mb, ("pdf", "jpg", "png"), 2) == [
        "jenis_salah",
        "terlalu_besar",
    ]


def test_bagi_bagian() -> None:
    bagian, luar = bagi_bagian([40, 50, 30, 120, 10], batas=100, cadangan=10)
    assert bagian == [[0, 1], [2, 4]] and luar == [3]
    assert bagi_bagian([], 100) == ([], [])
    assert bagi_bagian([100], 100) == ([[0]], [])
