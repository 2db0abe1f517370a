"""The evidence file names of the readiness documents: a file sent without a name is named
from templat/dokumen/label_dokumen.yaml, with its id and extension; the bundle's note names
at most ten files left out."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from bot.dokumen import pdf
from bot.layanan import akreditasi_dokumen
from bot.layanan.akreditasi import BuktiSekolah
from bot.render import Render


def _bukti(nama_file: str | None) -> BuktiSekolah:
    return BuktiSekolah(
        7, "akreditasi", "1", None, nama_file, "image/png", 10, "x/ab.png", datetime.now(UTC)
    )


def test_nama_file_bukti_dari_label(monkeypatch: pytest.MonkeyPatch) -> None:
    lay: Any = SimpleNamespace(render=Render())
    asli = pdf.semua_label()
    label = {**asli, "akreditasi": {**asli["akreditasi"], "nama_bukti": "berkas"}}
    monkeypatch.setattr(pdf, "semua_label", lambda: label)
    for nama_file, harapan in ((None, "berkas-7.png"), ("Notula Rapat.png", "Notula-Rapat-7.png")):
        b = _bukti(nama_file)
        g: Any = SimpleNamespace(bukti={7: b}, masalah_unggah=lambda _: [])
        assert akreditasi_dokumen.bukti_dok(lay, g, 7).nama_file == harapan


def test_pesan_bundel_dengan_banyak_berkas_tertinggal() -> None:
    tertinggal = [
        SimpleNamespace(untuk=f"ML · Butir {n}", bukti=SimpleNamespace(nama="Notula " * 40))
        for n in range(40)
    ]
    teks = Render().pesan(
        "akreditasi/bundel", bagian=1, berkas=3, tertinggal=tertinggal, batas="50 MB"
    )
    assert teks.count("• ML · Butir") == 10
    assert "dan 30 berkas lain" in teks
