import pytest

from bot.mutu.angka import baca_angka, baca_persen


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        # digits
        ("3", 3),
        ("  25 ", 25),
        ("0", 0),
        ("-3", -3),
        ("- 3", -3),
        # Indonesian separators: dot for thousands, comma for decimals
        ("1.500", 1500),
        ("12.500", 12500),
        ("1.500.000", 1_500_000),
        ("1.500,5", 1500.5),
        ("1,5", 1.5),
        ("0,25", 0.25),
        # a dot followed by 1-2 digits is a decimal point, a common habit
        ("1.5", 1.5),
        ("2.75", 2.75),
        # percent signs, approximators and a trailing unit word
        ("75%", 75),
        ("75 %", 75),
        ("75 persen", 75),
        ("± 30", 30),
        ("±30", 30),
        ("+- 30", 30),
        ("sekitar 30", 30),
        ("Sekitar 30 orang", 30),
        ("kira-kira 12", 12),
        ("kurang lebih 40 siswa", 40),
        ("rata-rata 3 kali", 3),
        ("30 orang", 30),
        ("30 siswa", 30),
        ("30 siswa.", 30),
        ("2 ribu", 2000),
        ("1,5 juta", 1_500_000),
        # words
        ("nol", 0),
        ("tiga", 3),
        ("Tiga", 3),
        ("sepuluh", 10),
        ("sebelas", 11),
        ("dua belas", 12),
        ("sembilan belas", 19),
        ("dua puluh", 20),
        ("dua puluh lima", 25),
        ("sembilan puluh sembilan", 99),
        ("seratus", 100),
        ("seratus dua puluh", 120),
        ("seratus sebelas", 111),
        ("dua ratus lima", 205),
        ("seribu", 1000),
        ("seribu lima ratus", 1500),
        ("tiga ribu dua ratus sepuluh", 3210),
        ("seratus ribu", 100_000),
        ("sejuta", 1_000_000),
        ("dua juta tiga ratus ribu", 2_300_000),
        ("setengah", 0.5),
        ("dua setengah", 2.5),
        ("minus tiga", -3),
        ("tiga kali", 3),
        ("sekitar dua puluh orang", 20),
    ],
)
def test_baca_angka_memahami_cara_orang_mengetik(teks: str, hasil: float) -> None:
    assert baca_angka(teks) == hasil


@pytest.mark.parametrize(
    "teks",
    [
        "",
        "   ",
        "banyak",
        "tidak tahu",
        "3 atau 4",
        "3-4",
        "1.50.0",
        "1.5000",
        "1500.000",
        "1,5,0",
        ",5",
        "--3",
        "%",
        "sekitar",
        "orang",
        "dua tiga",
        "satu belas",
        "satu puluh",
        "puluh lima",
        "ribu",
        "dua ribu ribu",
        "sejuta sejuta",
        "lima 3",
        "tiga orang siswa",
    ],
)
def test_baca_angka_menolak_yang_bukan_satu_angka(teks: str) -> None:
    assert baca_angka(teks) is None


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [("75%", 75), ("0", 0), ("100 %", 100), ("sekitar 80 persen", 80), ("12,5%", 12.5)],
)
def test_baca_persen_dalam_rentang(teks: str, hasil: float) -> None:
    assert baca_persen(teks) == hasil


@pytest.mark.parametrize("teks", ["150%", "-5", "100,5", "banyak", ""])
def test_baca_persen_menolak_di_luar_0_sampai_100(teks: str) -> None:
    assert baca_persen(teks) is None
