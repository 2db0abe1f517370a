from datetime import UTC, date, datetime

import pytest

from bot.render import Render, angka, rupiah, tanggal, tanggal_waktu


def test_tanggal_indonesia() -> None:
    assert tanggal(date(2026, 12, 7)) == "Senin, 7 Desember 2026"


def test_tanggal_waktu_di_zona_sekolah() -> None:
    saat = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)
    assert tanggal_waktu(saat, "Asia/Jayapura") == "Selasa, 24 November 2026 pukul 08.30 WIT"
    assert tanggal_waktu(saat, "Asia/Makassar").endswith("pukul 07.30 WITA")


def test_angka_dan_rupiah() -> None:
    assert rupiah(1_500_000) == "Rp1.500.000"
    assert rupiah(0) == "Rp0"
    assert angka(3.456, 2) == "3,46"


def test_label_dan_peran() -> None:
    r = Render()
    assert r.nama_peran("koordinator") == "Koordinator TPMPS"
    assert r.label("tombol.cabut_kode", kode="ABC") == "Cabut kode ABC"
    with pytest.raises(KeyError):
        r.label("tombol")


def test_teks_pengguna_di_escape() -> None:
    teks = Render().pesan("galat", galat="<b>a & b</b>")
    assert "&lt;b&gt;a &amp; b&lt;/b&gt;" in teks
