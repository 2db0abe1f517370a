"""Stage 1 on Rapor Pendidikan, the pure rules: which editions serve a cycle, and the order of
the map (red, yellow, green, not available; priorities first; lower rank group, larger drop)."""

from __future__ import annotations

from bot.layanan.rapor import katalog
from bot.mutu.rapor import Arah, Capaian, Label, edisi_siklus, susun_peta


def test_edisi_untuk_siklus() -> None:
    assert edisi_siklus("2026/2027") == ("Rapor Pendidikan 2026", "Rapor Pendidikan 2025")
    assert edisi_siklus(" 2025/2026") == ("Rapor Pendidikan 2025", "Rapor Pendidikan 2024")
    assert edisi_siklus("tahun ini") == ()


def test_urutan_peta() -> None:
    c = {
        "A.3": Capaian("A.3", Label.BAIK),
        "A.2": Capaian("A.2", Label.SEDANG, arah=Arah.TURUN, perubahan=1.0, peringkat_nasional=3),
        "D.2": Capaian("D.2", Label.KURANG, peringkat_nasional=5),
        "A.1": Capaian("A.1", Label.KURANG, arah=Arah.TURUN, perubahan=2.0, peringkat_nasional=4),
        "D.4": Capaian("D.4", Label.KURANG, arah=Arah.TURUN, perubahan=8.0, peringkat_nasional=4),
        "D.1": Capaian("D.1", Label.TIDAK_TERSEDIA),
        "A.1.1": Capaian("A.1.1", Label.KURANG),  # a sub-indicator: left to the document
        "C.3": Capaian("C.3", None, nilai=50.0),  # no label: not on the map
        "E.77": Capaian("E.77", Label.SEDANG),  # not in the catalogue: kept by its code
    }
    peta = susun_peta("Rapor Pendidikan 2025", c, katalog(), "SMP")
    assert [b.kode for b in peta.baris] == ["D.4", "A.1", "D.2", "A.2", "E.77", "A.3", "D.1"]
    assert [b.kode for b in peta.prioritas] == ["D.4", "A.1", "A.2", "A.3", "D.1"]
    assert [b.kode for b in peta.dengan_label(Label.KURANG)] == ["D.4", "A.1", "D.2"]
    assert next(b for b in peta.baris if b.kode == "E.77").nama == "E.77"
