from datetime import date

import pytest

from bot.mutu import validasi


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("20512345", "20512345"),
        (" 2051 2345 ", "20512345"),
        ("p9960581", "P9960581"),
        ("69917207", "69917207"),
        ("2051234", None),
        ("205123456", None),
        ("2051-23X!", None),
        ("", None),
    ],
)
def test_npsn(teks: str, hasil: str | None) -> None:
    assert validasi.npsn(teks) == hasil


def test_nama_wilayah_merapikan_spasi_dan_menolak_yang_bukan_nama() -> None:
    assert validasi.nama_wilayah("  Kabupaten   Sleman ") == "Kabupaten Sleman"
    assert validasi.nama_wilayah("12") is None
    assert validasi.nama_wilayah("12345") is None
    assert validasi.nama_wilayah("x" * 101) is None


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [("k7m2qx9p", "K7M2QX9P"), (" K7M2 QX9P ", "K7M2QX9P"), ("abc", None), ("K7M2-QX9P", None)],
)
def test_kode_undangan(teks: str, hasil: str | None) -> None:
    assert validasi.kode_undangan(teks) == hasil


@pytest.mark.parametrize(
    ("hari", "tahun"),
    [
        (date(2026, 11, 23), "2026/2027"),
        (date(2026, 7, 1), "2026/2027"),
        (date(2026, 6, 30), "2025/2026"),
        (date(2027, 1, 5), "2026/2027"),
    ],
)
def test_tahun_ajaran_berganti_pada_bulan_juli(hari: date, tahun: str) -> None:
    assert validasi.tahun_ajaran(hari) == tahun


def test_nama_berkas_panjang_dipotong_dengan_akhiran_tetap() -> None:
    panjang = "Notula rapat " * 30 + "10.png"
    pendek = validasi.nama_berkas(panjang)
    assert pendek is not None and len(pendek) == validasi.PANJANG_NAMA_BERKAS
    assert pendek.endswith(".png") and pendek.startswith("Notula rapat Notula")
    assert validasi.nama_berkas("rkt.pdf") == "rkt.pdf"
    assert validasi.nama_berkas(None) is None
    tanpa_akhiran = validasi.nama_berkas("x" * 250)
    assert tanpa_akhiran == "x" * 200
