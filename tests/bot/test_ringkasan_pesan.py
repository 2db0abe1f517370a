"""The summary messages stay within Telegram's limit and escape what users typed."""

from __future__ import annotations

from datetime import date

from bot.layanan.ringkasan import BarisSekolah, RingkasanPengawas
from bot.mutu.ringkasan import Hal
from bot.render import BATAS_PESAN, Render

SEMUA_HAL = (
    Hal("tahap_terlambat", {"tahap": 2, "hari": 120}, 50),
    Hal("kegiatan_terlambat", {"jumlah": 35}, 40),
    Hal("kegiatan_terkendala", {"jumlah": 12}, 35),
    Hal("perlu_dibahas", {"jumlah": 9}, 30),
    Hal("menunggu_respons", {"jumlah": 14}, 20),
    Hal("indikator_merah", {"jumlah": 21}, 10),
)


def _sekolah(i: int) -> BarisSekolah:
    nama = f"SD <Negeri> & {i} " + "Sukamaju Sejahtera " * 10  # 200 characters, with HTML
    return BarisSekolah(
        i, nama[:200], f"2051{i:04d}", 3, 4.25, "Menuju SNP 3", 40.0, date(2027, 2, 1), SEMUA_HAL
    )


def test_ringkasan_pengawas_terbesar_muat_satu_pesan() -> None:
    r = Render()
    ringkas = RingkasanPengawas(date(2027, 2, 1), tuple(_sekolah(i) for i in range(500)))
    assert ringkas.jumlah_halaman == 50
    for halaman in (0, 49):
        for mingguan in (False, True):
            teks = r.pesan("ringkasan/pengawas", r=ringkas, halaman=halaman, mingguan=mingguan)
            assert len(teks) <= BATAS_PESAN
            assert "&lt;Negeri&gt; &amp;" in teks and "<Negeri>" not in teks
    teks = r.pesan("ringkasan/pengawas", r=ringkas, halaman=49, mingguan=False)
    assert "(halaman 50 dari 50)" in teks and "\n500. SD" in teks
    assert "dan 490 sekolah lain" in teks
