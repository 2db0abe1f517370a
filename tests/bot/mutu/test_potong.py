import pytest

from bot.mutu.potong import BATAS, potong_html
from tests.fakes.bot_api import parse_html


def _sah(bagian: list[str]) -> None:
    for b in bagian:
        assert len(b) <= BATAS
        parse_html(b)  # raises when the piece is not valid Telegram HTML on its own


def test_pesan_pendek_tetap_utuh() -> None:
    assert potong_html("<b>Halo</b>") == ["<b>Halo</b>"]


def test_dipotong_di_baris_kosong() -> None:
    paragraf = [f"<b>Judul {i}</b>\n" + "kata " * 150 for i in range(20)]
    teks = "\n\n".join(paragraf)
    bagian = potong_html(teks)
    _sah(bagian)
    assert len(bagian) > 1
    assert "\n\n".join(bagian) == teks  # whole paragraphs only, nothing lost


def test_tag_yang_terbuka_ditutup_dan_dibuka_lagi() -> None:
    teks = "<b>Tebal: " + "kata " * 2000 + '</b> <a href="https://t.me/a?start=X Y">tautan</a>'
    bagian = potong_html(teks)
    _sah(bagian)
    assert len(bagian) >= 2
    assert bagian[0].startswith("<b>") and bagian[0].endswith("</b>")
    assert bagian[1].startswith("<b>")
    polos = "".join(parse_html(b)[0] for b in bagian)
    assert polos.replace(" ", "") == parse_html(teks)[0].replace(" ", "")


@pytest.mark.parametrize("isi", ["x" * 10_000, "&amp;" * 3000, "<i>" + "y" * 9000 + "</i>"])
def test_kata_sangat_panjang_dipotong_tanpa_memecah_tag_atau_entitas(isi: str) -> None:
    bagian = potong_html(isi)
    _sah(bagian)
    assert "".join(parse_html(b)[0] for b in bagian) == parse_html(isi)[0]
