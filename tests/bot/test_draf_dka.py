"""The DKA draft the bot writes from a school's data (templat/pesan/akreditasi/draf_dka.txt):
plain text, only what the data say."""

from __future__ import annotations

from bot.mutu.akreditasi import BahanDka
from bot.render import Render

TINGKAT = ("Kurang", "Cukup Baik", "Baik", "Sangat Baik")


def draf_dka(nomor: str, teks_butir: str, bahan: list[BahanDka]) -> str:
    return Render().teks(
        "akreditasi/draf_dka", nomor=nomor, teks_butir=teks_butir, bahan=bahan, tingkat=TINGKAT
    )


def test_draf_dka_dari_data_sekolah() -> None:
    teks = draf_dka(
        "12",
        "Satuan pendidikan mewujudkan iklim aman",
        [
            BahanDka(
                "3.12.1",
                "Kebijakan anti perundungan",
                4,
                False,
                bukti=("SK Satgas.pdf",),
                rp=(("D.4", "Iklim keamanan", "sedang"),),
                kegiatan=(("Sosialisasi anti perundungan", "Terlaksana 2 kali"),),
            ),
            BahanDka("3.12.2", "Program pencegahan", None, False),
        ],
    )
    assert teks.splitlines()[0] == "Butir 12: Satuan pendidikan mewujudkan iklim aman"
    assert "tingkat Sangat Baik" in teks and "SK Satgas.pdf" in teks
    assert "Rapor Pendidikan D.4 (Iklim keamanan): Sedang" in teks  # the report's label
    assert "Sosialisasi anti perundungan (laporan: Terlaksana 2 kali)" in teks
    assert "3.12.2 Program pencegahan: belum kami nilai" in teks


def test_draf_dka_na_dan_tanpa_bukti() -> None:
    teks = draf_dka("10", "Kebinekaan", [BahanDka("3.10.2", "Hak sipil", None, True),
                                          BahanDka("3.10.1", "Keberagaman", 2, False)])  # fmt: skip
    assert "tidak berlaku (N/A)" in teks and "Bukti belum ditautkan" in teks


def test_draf_dka_teks_biasa_tidak_di_escape() -> None:
    teks = draf_dka(
        "3", "Pembelajaran <efektif> & bermakna", [BahanDka("3.1.1", "A & B", 3, False)]
    )
    assert teks.splitlines() == [
        "Butir 3: Pembelajaran <efektif> & bermakna",
        "- 3.1.1 A & B: kami menilai diri pada tingkat Baik. Bukti belum ditautkan.",
    ]
