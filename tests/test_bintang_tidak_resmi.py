"""The star categories of the retired PMP thresholds (Menuju SNP 1-4, SNP) appear only with the
note that they are unofficial (issue 11): every template that shows one carries the note."""

from __future__ import annotations

import re
from pathlib import Path

TEMPLAT = Path(__file__).resolve().parent.parent / "templat"

# A category shown: the word on its own (not akar_kategori, not a label key in quotes).
_KATEGORI = re.compile(r"\bkategori\b")
_KUNCI_LABEL = re.compile(r"""label\(\s*["'][^"']*["']""")
_CATATAN = ("_bintang_tidak_resmi.html", "bintang_tidak_resmi", "catatan_ambang")


def _menampilkan_kategori(teks: str) -> bool:
    tanpa_komentar = re.sub(r"\{#.*?#\}", "", teks, flags=re.S)
    return bool(_KATEGORI.search(_KUNCI_LABEL.sub("", tanpa_komentar)))


def test_setiap_kategori_bintang_disertai_catatan() -> None:
    tanpa_catatan = [
        str(berkas.relative_to(TEMPLAT))
        for berkas in sorted(TEMPLAT.rglob("*.html"))
        if berkas.name != "_bintang_tidak_resmi.html"
        and _menampilkan_kategori(teks := berkas.read_text(encoding="utf-8"))
        and not any(c in teks for c in _CATATAN)
    ]
    assert tanpa_catatan == []


def test_pemeriksaan_mengenali_kategori() -> None:
    assert _menampilkan_kategori("{{ s.skor }} · {{ s.kategori.nama }}")
    assert _menampilkan_kategori("({{ kategori(i.skor) }})")
    assert not _menampilkan_kategori('{{ label("akar." ~ m.akar_kategori) }}')
    assert not _menampilkan_kategori("<th>{{ label('rapor.kolom.kategori') }}</th>")
