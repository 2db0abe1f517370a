"""A school name with characters that charts or HTML treat as markup builds every chart and
PDF, and reads back as written."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from pypdf import PdfReader

from bot.dokumen import akreditasi, grafik, monev, rapor, rencana, siklus
from tests.bot.dokumen.test_akreditasi import _dokumen as _akreditasi
from tests.bot.dokumen.test_monev import _laporan
from tests.bot.dokumen.test_rapor import _rapor
from tests.bot.dokumen.test_rencana import _rencana
from tests.bot.dokumen.test_siklus import _dokumen as _siklus

# Each would be read as mathtext by matplotlib ("$...$"), and the last ones cannot be parsed.
NAMA = [
    "SD $Harapan$ 1",
    "SMK Bina_Karya ^2 \\ <&> 100%",
    "SMP $\\frac{$ Cendekia",
    "MA $a_{$ Nurul_Huda $^$",
]


@pytest.fixture
def teks_grafik(monkeypatch: pytest.MonkeyPatch) -> list[Text]:
    """Every text drawn in the charts built during the test."""
    teks: list[Text] = []
    asli = grafik._png

    def rekam(gambar: Figure) -> bytes:
        teks.extend(t for t in gambar.findobj(Text) if t.get_text())
        return asli(gambar)

    monkeypatch.setattr(grafik, "_png", rekam)
    return teks


def _polos(teks: list[Text], nama: str) -> None:
    dengan_nama = [t for t in teks if nama in t.get_text()]
    assert dengan_nama, [t.get_text() for t in teks]
    assert all(not t.get_parse_math() for t in teks)


@pytest.mark.parametrize("nama", NAMA)
def test_setiap_grafik_dengan_nama_berkarakter_khusus(nama: str, teks_grafik: list[Text]) -> None:
    png = [
        grafik.radar([nama, "B", "C"], [1.0, None, 6.5], nama, [2.0, 3.0, 4.0], nama, nama),
        grafik.kemajuan([nama, "Berjalan"], [2, 1], nama, [nama, "B"], [3.5, None]),
        grafik.batang_kelompok([nama, "B"], [1.0, None], [2.0, 3.0], nama, nama, nama),
    ]
    assert all(p.startswith(b"\x89PNG") for p in png)
    _polos(teks_grafik, nama)


def _teks_pdf(pdf: bytes) -> str:
    halaman = PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(h.extract_text() for h in halaman).split())


def _pdf(jenis: str, nama: str, tmp_path: Path) -> bytes:
    dokumen: dict[str, tuple[Any, Any]] = {
        "rapor": (rapor.buat_pdf, lambda: _rapor()),
        "siklus": (siklus.buat_pdf, lambda: _siklus()),
        "monev": (monev.buat_pdf, lambda: _laporan()),
        "rencana": (rencana.buat_pdf, lambda: _rencana()),
        "akreditasi": (akreditasi.buat_pdf, lambda: _akreditasi(tmp_path)),
    }
    buat, data = dokumen[jenis]
    return buat(replace(data(), sekolah_nama=nama))  # type: ignore[no-any-return]


@pytest.mark.parametrize("jenis", ["rapor", "siklus", "monev", "rencana", "akreditasi"])
@pytest.mark.parametrize("nama", NAMA[1::2])
def test_pdf_dengan_nama_berkarakter_khusus(
    jenis: str, nama: str, tmp_path: Path, teks_grafik: list[Text]
) -> None:
    teks = _teks_pdf(_pdf(jenis, nama, tmp_path))
    assert nama.upper() in teks.upper()  # the letterhead is set in capitals
    if teks_grafik:  # the documents with charts draw user text as written too
        assert all(not t.get_parse_math() for t in teks_grafik)
