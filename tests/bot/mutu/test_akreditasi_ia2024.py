"""IA2024 readiness without a grade: counts (N/A does not count), gaps, the DKA draft."""

from __future__ import annotations

from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.mutu.akreditasi import KeadaanButir, celah_ia2024, hitungan

IA = bawaan("ia2024")


def test_hitungan_na_tidak_dihitung() -> None:
    h = hitungan(
        [
            KeadaanButir(level=4, jumlah_bukti=1),
            KeadaanButir(level=3),
            KeadaanButir(na=True),
            KeadaanButir(),
        ]
    )
    assert (h.jumlah, h.dinilai, h.na, h.didukung) == (3, 2, 1, 1)
    assert h.per_level == (0, 0, 1, 1) and not h.lengkap
    assert hitungan([KeadaanButir(na=True)]).lengkap


def test_celah_tinggi_tanpa_dukungan_dan_rp_bertentangan() -> None:
    keadaan = {
        "3.12.1": KeadaanButir(level=4, jumlah_bukti=1),  # supported, but D.4 is kurang
        "3.12.2": KeadaanButir(level=3),  # no support
        "1.1.1": KeadaanButir(level=1, wawancara_terjawab=1),  # D.1 baik beside Kurang
        "3.10.2": KeadaanButir(na=True),
        "2.7.1": KeadaanButir(level=2),  # low, no gap
    }
    celah = celah_ia2024(IA, keadaan, {"D.4": "kurang", "D.1": "baik", "E.5": "sedang"})
    assert [(c.jenis, c.indikator, c.rp) for c in celah] == [
        ("rp_bertentangan", "1.1.1", "D.1"),
        ("rp_bertentangan", "3.12.1", "D.4"),
        ("tanpa_dukungan", "3.12.2", None),
        ("rp_bertentangan", "3.12.2", "D.4"),
    ]


def test_celah_tanpa_label_rp_hanya_dukungan() -> None:
    assert celah_ia2024(IA, {"3.12.1": KeadaanButir(level=4, observasi_ya=1)}, {}) == []
