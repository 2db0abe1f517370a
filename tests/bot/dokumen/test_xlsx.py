"""The streaming XLSX writer read back with openpyxl: text as typed, empty cells in place,
number formats, dates, wide sheets, the frozen header and the filter."""

import io
from datetime import UTC, date, datetime

from openpyxl import load_workbook

from bot.dokumen.xlsx import Kolom, Lembar, buat, huruf_kolom


def _buku(*lembar: Lembar) -> bytes:
    return buat(
        lembar, judul="Uji <&>", pembuat="Asisten Mutu", dibuat=datetime(2026, 12, 7, tzinfo=UTC)
    )


def test_huruf_kolom() -> None:
    assert [huruf_kolom(n) for n in (1, 26, 27, 52, 53, 702, 703)] == [
        "A", "Z", "AA", "AZ", "BA", "ZZ", "AAA",
    ]  # fmt: skip


def test_isi_dibaca_kembali_apa_adanya() -> None:
    kolom = [Kolom("Teks", 20), Kolom("Angka", 8, "0.00"), Kolom("Tanggal", 12, "dd/mm/yyyy"),
             Kolom("Uang", 14, '"Rp"#,##0'), Kolom("Persen", 8, "0%")]  # fmt: skip
    baris = [
        ("  spasi & <b>tanda</b> \x07bel", 2.5, date(2027, 1, 10), 1_500_000, 0.25),
        (None, None, datetime(2027, 1, 10, 12, 0), None, 1.0),  # gaps keep later cells in place
        ("A", 3, None, 0, None),
    ]
    wb = load_workbook(io.BytesIO(_buku(Lembar("Data 'satu'", kolom, baris))))
    assert wb.properties.title == "Uji <&>" and wb.properties.creator == "Asisten Mutu"
    ws = wb["Data 'satu'"]
    nilai = [[c.value for c in r] for r in ws.iter_rows()]
    assert nilai[0] == ["Teks", "Angka", "Tanggal", "Uang", "Persen"]
    assert nilai[1] == ["  spasi & <b>tanda</b> bel", 2.5, datetime(2027, 1, 10), 1_500_000, 0.25]
    assert nilai[2] == [None, None, datetime(2027, 1, 10, 12, 0), None, 1]
    assert nilai[3] == ["A", 3, None, 0, None]
    assert ws["D2"].number_format == '"Rp"#,##0' and type(ws["D2"].value) is int
    assert ws["E2"].number_format == "0%" and ws["C2"].number_format == "dd/mm/yyyy"
    assert ws["B2"].number_format == "0.00" and ws["A1"].font.b
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:E4"
    assert ws.column_dimensions["A"].width == 20


def test_lembar_lebar_dan_kosong_dengan_indeks() -> None:
    kolom = [Kolom(f"K{n}", 6) for n in range(30)]
    baris = [tuple(range(31))]  # one value more than the columns; indeks skips the first
    wb = load_workbook(
        io.BytesIO(
            _buku(
                Lembar("Lebar", kolom, baris, indeks=list(range(1, 31))),
                Lembar("Kosong", [Kolom("Satu", 6)], []),
            )
        )
    )
    assert [c.value for c in wb["Lebar"][2]] == list(range(1, 31))
    assert wb["Lebar"].auto_filter.ref == "A1:AD2"
    assert wb["Kosong"].max_row == 1 and wb["Kosong"].auto_filter.ref == "A1:A1"
