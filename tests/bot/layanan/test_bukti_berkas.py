"""bot.layanan.bukti.tulis_berkas: an evidence copy lands whole under DATA_DIR, is named by its
content, leaves no temporary file behind, and its returned path is relative to DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.layanan.bukti import jalur, tulis_berkas


def test_berkas_ditulis_utuh_dan_jalurnya_relatif(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    disinkron: list[int] = []
    asli = os.fsync

    def fsync(fd: int) -> None:
        disinkron.append(fd)
        asli(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    data = tmp_path / "data"
    relatif = tulis_berkas(data, 7, "ab" * 32, ".pdf", b"%PDF-1.4 isi")
    assert relatif == Path("bukti") / "7" / f"{'ab' * 32}.pdf"
    assert jalur(data, relatif.as_posix()).read_bytes() == b"%PDF-1.4 isi"
    assert [p.name for p in (data / "bukti" / "7").iterdir()] == [f"{'ab' * 32}.pdf"]
    # The file, its folder, and the new folders bukti/ and bukti/7 in their parents.
    assert len(disinkron) >= 4
    disinkron.clear()
    assert tulis_berkas(data, 7, "ab" * 32, ".pdf", b"%PDF-1.4 isi") == relatif
    assert disinkron == []  # the same content is written once
