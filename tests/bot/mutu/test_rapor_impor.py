"""Finding the indicator table in rows of cells (no workbook): column variants and limits."""

from __future__ import annotations

import pytest

from bot.mutu import rapor as rp
from bot.mutu.rapor_impor import BARIS_CARI_KEPALA, TidakTerbaca, baca

KEPALA_NTB = (
    "No",
    "Indikator",
    "Nilai Capaian",
    "Label Capaian",
    "Perubahan dari Tahun 2024",
    "Perubahan Nilai",
    "Peringkat di Kab./Kota",
)


def test_perubahan_dua_kolom_dan_kode_di_kolom_b() -> None:
    baris = [
        ("Rapor Pendidikan 2025",),
        KEPALA_NTB,
        (1, "A.1 Kemampuan literasi", "61,5", "Sedang (61,50% ...)", "Turun", -3.25, "-"),
        (2, "A.1.skor Kemampuan literasi", 55.0, "-", "Naik", 1.0, None),
        (3, "D.4 Iklim keamanan", 140, "Baik", "Tidak berubah", 0, "Peringkat atas (1-20%)"),
        (4, "A.1 lagi", 1, "Kurang", None, None, None),
    ]
    hasil = baca([("Lembar1", baris)])
    a1 = hasil.capaian["A.1"]
    assert (a1.label, a1.nilai, a1.arah, a1.perubahan) == (
        rp.Label.SEDANG,
        61.5,
        rp.Arah.TURUN,
        3.25,
    )
    assert hasil.capaian["A.1.skor"].nilai == 55.0
    d4 = hasil.capaian["D.4"]
    assert d4.nilai is None  # outside 0-100: dropped, the label stays
    assert (d4.label, d4.peringkat_daerah, d4.peringkat_nasional) == (rp.Label.BAIK, 1, None)
    assert hasil.edisi == "Rapor Pendidikan 2025"


def test_kepala_terlalu_jauh_tidak_dicari() -> None:
    kosong = [("catatan",)] * BARIS_CARI_KEPALA
    baris = [*kosong, KEPALA_NTB, (1, "A.1", "50", "Sedang")]
    with pytest.raises(TidakTerbaca) as e:
        baca([("Lembar1", baris)])
    assert e.value.alasan == "rapor_tanpa_tabel"


def test_kepala_tanpa_baris_berkode() -> None:
    with pytest.raises(TidakTerbaca) as e:
        baca([("2. LAPORAN RAPOR", [KEPALA_NTB, (1, "Literasi", "50", "Sedang")])])
    assert e.value.alasan == "rapor_tanpa_tabel"
