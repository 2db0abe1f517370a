from datetime import date

import pytest

from bot.mutu.bahasa import baca_rupiah, baca_tanggal, contoh_rupiah, contoh_tanggal

SENIN = date(2026, 11, 23)  # a Monday; every relative date below counts from it


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        # month names, any case, abbreviated with or without a period
        ("15 Januari 2027", date(2027, 1, 15)),
        ("15 januari 2027", date(2027, 1, 15)),
        ("15 JANUARI 2027", date(2027, 1, 15)),
        ("15 Jan 2027", date(2027, 1, 15)),
        ("15 Jan. 2027", date(2027, 1, 15)),
        ("15 Janu 2027", date(2027, 1, 15)),
        ("15-Jan-2027", date(2027, 1, 15)),
        ("15 Februari 2027", date(2027, 2, 15)),
        ("15 Pebruari 2027", date(2027, 2, 15)),
        ("15 Feb 2027", date(2027, 2, 15)),
        ("15 Maret 2027", date(2027, 3, 15)),
        ("15 Mar 2027", date(2027, 3, 15)),
        ("15 Apr 2027", date(2027, 4, 15)),
        ("15 Mei 2027", date(2027, 5, 15)),
        ("15 Juni 2027", date(2027, 6, 15)),
        ("15 Jun 2027", date(2027, 6, 15)),
        ("15 Juli 2027", date(2027, 7, 15)),
        ("15 Jul 2027", date(2027, 7, 15)),
        ("15 Agustus 2027", date(2027, 8, 15)),
        ("15 Agt 2027", date(2027, 8, 15)),
        ("15 Agu 2027", date(2027, 8, 15)),
        ("15 Ags 2027", date(2027, 8, 15)),
        ("15 Sep 2027", date(2027, 9, 15)),
        ("15 Sept 2027", date(2027, 9, 15)),
        ("15 Okt 2027", date(2027, 10, 15)),
        ("15 Nov 2027", date(2027, 11, 15)),
        ("15 Nopember 2027", date(2027, 11, 15)),
        ("1 Des 2026", date(2026, 12, 1)),
        ("31 Desember 2026", date(2026, 12, 31)),
        ("29 Februari 2028", date(2028, 2, 29)),
        ("15 Jan 27", date(2027, 1, 15)),
        # extra spaces, a trailing period, a leading day name (not checked) or "tanggal"
        ("  15   Januari   2027 ", date(2027, 1, 15)),
        ("15 Januari 2027.", date(2027, 1, 15)),
        ("Senin, 15 Februari 2027", date(2027, 2, 15)),
        ("Senin 15 Februari 2027", date(2027, 2, 15)),
        ("Jumat, 15 Februari 2027", date(2027, 2, 15)),
        ("Jum'at, 15/2/2027", date(2027, 2, 15)),
        ("hari Rabu, 3 Maret 2027", date(2027, 3, 3)),
        ("tanggal 5 Mei 2027", date(2027, 5, 5)),
        ("tgl. 5 Mei 2027", date(2027, 5, 5)),
        ("Kamis, tgl 5/5/2027", date(2027, 5, 5)),
        # numbers, day first; a two-digit year is 20yy
        ("15/1/2027", date(2027, 1, 15)),
        ("15/01/2027", date(2027, 1, 15)),
        ("15-01-2027", date(2027, 1, 15)),
        ("15.1.2027", date(2027, 1, 15)),
        ("15-01-27", date(2027, 1, 15)),
        ("15/1/27", date(2027, 1, 15)),
        ("1/2/30", date(2030, 2, 1)),
        ("5.6.00", date(2000, 6, 5)),
        ("2027-01-15", date(2027, 1, 15)),
        ("2027/1/15", date(2027, 1, 15)),
        # no year: the next such date from today, today included
        ("15 Januari", date(2027, 1, 15)),
        ("15/1", date(2027, 1, 15)),
        ("15.1", date(2027, 1, 15)),
        ("23 November", date(2026, 11, 23)),
        ("22 November", date(2027, 11, 22)),
        ("24/11", date(2026, 11, 24)),
        ("29 Februari", date(2028, 2, 29)),
        ("Senin, 30 Nov", date(2026, 11, 30)),
        # words
        ("hari ini", SENIN),
        ("Hari ini", SENIN),
        ("besok", date(2026, 11, 24)),
        ("Besok.", date(2026, 11, 24)),
        ("lusa", date(2026, 11, 25)),
        ("minggu depan", date(2026, 11, 30)),
        ("pekan depan", date(2026, 11, 30)),
        ("bulan depan", date(2026, 12, 23)),
        ("akhir bulan", date(2026, 11, 30)),
        ("akhir bulan ini", date(2026, 11, 30)),
        ("akhir bulan depan", date(2026, 12, 31)),
        ("awal bulan depan", date(2026, 12, 1)),
        # a day name is the next one strictly after today, "depan" or not
        ("senin depan", date(2026, 11, 30)),
        ("Senin", date(2026, 11, 30)),
        ("selasa", date(2026, 11, 24)),
        ("Rabu depan", date(2026, 11, 25)),
        ("kamis", date(2026, 11, 26)),
        ("jumat depan", date(2026, 11, 27)),
        ("Jum'at", date(2026, 11, 27)),
        ("sabtu depan", date(2026, 11, 28)),
        ("Minggu", date(2026, 11, 29)),
        ("ahad", date(2026, 11, 29)),
        ("hari Jumat", date(2026, 11, 27)),
        # counted from today
        ("3 hari lagi", date(2026, 11, 26)),
        ("0 hari lagi", SENIN),
        ("2 minggu lagi", date(2026, 12, 7)),
        ("2 pekan lagi", date(2026, 12, 7)),
        ("dalam 10 hari", date(2026, 12, 3)),
        ("dalam 2 minggu", date(2026, 12, 7)),
        ("seminggu lagi", date(2026, 11, 30)),
        ("sehari lagi", date(2026, 11, 24)),
        ("dalam tiga hari", date(2026, 11, 26)),
        ("dua puluh hari lagi", date(2026, 12, 13)),
        ("2 bulan lagi", date(2027, 1, 23)),
        ("sebulan lagi", date(2026, 12, 23)),
    ],
)
def test_baca_tanggal_memahami_cara_guru_menulis(teks: str, hasil: date) -> None:
    assert baca_tanggal(teks, SENIN) == hasil


@pytest.mark.parametrize(
    "teks",
    [
        "",
        "   ",
        ".",
        "kapan-kapan",
        "secepatnya",
        "nanti",
        "besok lusa",
        "31 Februari 2027",
        "29 Februari 2027",
        "31 April 2027",
        "31/2",
        "31 Februari",
        "0 Januari 2027",
        "32/1/2027",
        "15/13/2027",
        "15/0/2027",
        "2027-02-30",
        "2027-13-01",
        "15 Ju 2027",  # Juni or Juli?
        "15 Ma 2027",  # Maret or Mei?
        "15 Janx 2027",
        "15 Jan 202",
        "15 Jan 1999",
        "15/1/1999",
        "1/1/2101",
        "2101-01-01",
        "15 1 2027",
        "15/1-2027",  # two different separators
        "15/1/2027 jam 08.00",
        "Januari 2027",
        "15",
        "tanggal 15",
        "Senin,",
        "3 hari",  # no "lagi" or "dalam": not clearly from today
        "beberapa hari lagi",
        "sekitar 3 hari lagi",
        "-3 hari lagi",
        "999999 minggu lagi",
        "1000 bulan lagi",
        "minggu lalu",
        "kemarin",
    ],
)
def test_baca_tanggal_menolak_yang_tidak_jelas(teks: str) -> None:
    assert baca_tanggal(teks, SENIN) is None


@pytest.mark.parametrize(
    ("teks", "hari_ini", "hasil"),
    [
        # "bulan depan" keeps the day, or takes the month's last day when it is shorter
        ("bulan depan", date(2027, 1, 31), date(2027, 2, 28)),
        ("bulan depan", date(2028, 1, 31), date(2028, 2, 29)),
        ("bulan depan", date(2027, 3, 31), date(2027, 4, 30)),
        ("bulan depan", date(2026, 12, 15), date(2027, 1, 15)),
        ("sebulan lagi", date(2027, 1, 30), date(2027, 2, 28)),
        ("akhir bulan", date(2028, 2, 10), date(2028, 2, 29)),
        ("akhir bulan", date(2027, 2, 28), date(2027, 2, 28)),
        ("akhir bulan depan", date(2027, 1, 31), date(2027, 2, 28)),
        ("akhir bulan depan", date(2026, 12, 5), date(2027, 1, 31)),
        ("awal bulan depan", date(2026, 12, 31), date(2027, 1, 1)),
        # a date without a year rolls over into the next year once it has passed
        ("5 Januari", date(2026, 12, 20), date(2027, 1, 5)),
        ("15/1", date(2026, 12, 20), date(2027, 1, 15)),
        ("20 Desember", date(2026, 12, 20), date(2026, 12, 20)),
        ("19/12", date(2026, 12, 20), date(2027, 12, 19)),
        ("29 Februari", date(2028, 3, 1), date(2032, 2, 29)),
        ("besok", date(2026, 12, 31), date(2027, 1, 1)),
        ("minggu depan", date(2026, 12, 28), date(2027, 1, 4)),
        # a day name is never today
        ("Jumat", date(2026, 11, 27), date(2026, 12, 4)),
        ("senin", date(2026, 11, 29), date(2026, 11, 30)),
        ("Sabtu depan", date(2026, 11, 27), date(2026, 11, 28)),
    ],
)
def test_baca_tanggal_dihitung_dari_hari_ini(teks: str, hari_ini: date, hasil: date) -> None:
    assert baca_tanggal(teks, hari_ini) == hasil


@pytest.mark.parametrize(
    ("teks", "hari_ini"),
    [
        ("besok", date(2100, 12, 31)),
        ("bulan depan", date(2100, 12, 5)),
        ("5 Januari", date(2100, 12, 20)),
    ],
)
def test_baca_tanggal_menolak_hasil_di_luar_tahun_yang_masuk_akal(
    teks: str, hari_ini: date
) -> None:
    assert baca_tanggal(teks, hari_ini) is None


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        # digits, with or without "Rp", dots grouping thousands
        ("Rp1.500.000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("RP 1.500.000", 1_500_000),
        ("rp. 1.500.000", 1_500_000),
        ("Rp.1.500.000", 1_500_000),
        ("Rp1.500.000,-", 1_500_000),
        ("Rp 1.500.000,00", 1_500_000),
        ("rp. 1.500.000,00", 1_500_000),
        ("1.500.000", 1_500_000),
        ("1.500.000.", 1_500_000),
        ("  1.500.000  ", 1_500_000),
        ("1500000", 1_500_000),
        ("1.500", 1_500),
        ("Rp 250.000 rupiah", 250_000),
        ("250000 rupiah", 250_000),
        ("Rp 12.345.678.901", 12_345_678_901),
        # nothing to pay
        ("0", 0),
        ("Rp 0", 0),
        ("Rp0,-", 0),
        ("nol", 0),
        ("Nol", 0),
        ("gratis", 0),
        ("Gratis.", 0),
        ("tidak ada", 0),
        ("Tidak  ada", 0),
        ("-", 0),
        ("Rp -", 0),
        # a number and a unit; a comma or a dot before one or two digits is a decimal
        ("1,5 juta", 1_500_000),
        ("1.5 juta", 1_500_000),
        ("1,5jt", 1_500_000),
        ("1.5jt", 1_500_000),
        ("1,5 jt", 1_500_000),
        ("1,5 JT", 1_500_000),
        ("2,75 juta", 2_750_000),
        ("0,5 juta", 500_000),
        ("Rp 2 juta", 2_000_000),
        ("Rp2jt", 2_000_000),
        ("2 juta rupiah", 2_000_000),
        ("2 juta 500 ribu", 2_500_000),
        ("2jt 500rb", 2_500_000),
        ("1 miliar 250 juta", 1_250_000_000),
        ("750rb", 750_000),
        ("750 rb", 750_000),
        ("750 ribu", 750_000),
        ("750K", 750_000),
        ("750k", 750_000),
        ("500 rb", 500_000),
        ("1,2 M", 1_200_000_000),
        ("1,2 miliar", 1_200_000_000),
        ("1,2 milyar", 1_200_000_000),
        ("Rp 1,2 M", 1_200_000_000),
        ("3 miliar", 3_000_000_000),
        ("1.500 rb", 1_500_000),  # a dot before three digits groups thousands
        ("1.250 juta", 1_250_000_000),
        ("2 triliun", 2_000_000_000_000),
        ("10 T", 10_000_000_000_000),
        # number words
        ("dua juta", 2_000_000),
        ("Dua Juta", 2_000_000),
        ("lima ratus ribu", 500_000),
        ("dua juta lima ratus ribu", 2_500_000),
        ("sejuta", 1_000_000),
        ("seribu", 1_000),
        ("seribu lima ratus", 1_500),
        ("seratus ribu", 100_000),
        ("dua puluh lima ribu", 25_000),
        ("setengah juta", 500_000),
        ("satu setengah juta", 1_500_000),
        ("dua miliar", 2_000_000_000),
        ("Rp dua juta", 2_000_000),
        ("2 juta lima ratus ribu", 2_500_000),
    ],
)
def test_baca_rupiah_memahami_cara_guru_menulis(teks: str, hasil: int) -> None:
    nilai = baca_rupiah(teks)
    assert nilai == hasil
    assert type(nilai) is int  # never a float that prints as 1500000.0000001


@pytest.mark.parametrize(
    "teks",
    [
        "",
        "   ",
        "banyak",
        "mahal",
        "belum tahu",
        "Rp",
        "Rp.",
        "rupiah",
        "juta",
        "1,5",  # a fraction of a rupiah
        "1.5",
        "Rp 1.500,50",
        "1.500,5",
        "Rp 1.500.000,5",
        "15,000",  # English thousands? not guessed
        "1,500 juta",
        "1,234 jt",
        "1.50.000",
        "1.5000",
        "1500.000",
        "1 500 000",
        "1.500.000,-,-",
        "-1.500",
        "-Rp1.500",
        "Rp -1.500",
        "- 5000",
        "minus 5 ribu",
        "2 juta 500",  # 2.000.500 or 2.500.000?
        "2 juta 3 juta",
        "500 ribu 2 juta",
        "2 juta 1500 ribu",
        "1 ribu 1 ribu",
        "sekitar 2 juta",
        "kira-kira 500 ribu",
        "2 juta orang",
        "dua tiga juta",
        "1,5 juta atau 2 juta",
        "10,01 T",
        "11 triliun",
        "20.000.000.000.000",
        "1,0005 juta",
        "0,0001 rb",
        "Rp1.500.000 per siswa",
    ],
)
def test_baca_rupiah_menolak_yang_tidak_jelas(teks: str) -> None:
    assert baca_rupiah(teks) is None


def test_baca_rupiah_tepat_tanpa_sisa_pecahan() -> None:
    # 1.1 * 10**6 and 0.29 * 10**9 are not exact in binary floating point
    assert baca_rupiah("1,1 juta") == 1_100_000
    assert baca_rupiah("0,29 M") == 290_000_000
    assert baca_rupiah("1,5 juta") == 1_500_000
    assert baca_rupiah("1,2 M") == 1_200_000_000
    assert baca_rupiah("9,99 T") == 9_990_000_000_000


def test_contoh_tanggal_terbaca_semua() -> None:
    assert 3 <= len(contoh_tanggal()) <= 4
    assert all(baca_tanggal(contoh, SENIN) is not None for contoh in contoh_tanggal())


def test_contoh_rupiah_terbaca_semua() -> None:
    assert 3 <= len(contoh_rupiah()) <= 4
    assert all(baca_rupiah(contoh) is not None for contoh in contoh_rupiah())
