"""The Rapor Pendidikan importer on workbooks built here: the 2023, 2024 and 2025 layouts, a
layout matching neither, and each kind of broken file."""

from __future__ import annotations

import asyncio

import pytest

from bot.dokumen.rapor_impor import BerkasDitolak, baca_berkas, baca_berkas_async
from bot.mutu import rapor as rp
from bot.mutu.rapor_impor import TidakTerbaca
from tests import rapor_contoh as contoh

LABEL = {"Baik": rp.Label.BAIK, "Sedang": rp.Label.SEDANG, "Kurang": rp.Label.KURANG}
ARAH = {"Naik": rp.Arah.NAIK, "Turun": rp.Arah.TURUN, "Tidak berubah": rp.Arah.TETAP}


def _cocok(hasil_capaian: dict[str, rp.Capaian]) -> None:
    assert set(contoh.CONTOH) <= set(hasil_capaian)
    for kode, (label, nilai, arah, jumlah, daerah, nasional) in contoh.CONTOH.items():
        c = hasil_capaian[kode]
        assert c.label == LABEL[label], kode
        assert c.nilai == pytest.approx(nilai), kode
        assert c.arah == ARAH[arah], kode
        assert c.perubahan == (None if jumlah is None else pytest.approx(jumlah)), kode
        assert (c.peringkat_daerah, c.peringkat_nasional) == (daerah, nasional), kode


@pytest.mark.parametrize(
    ("buat", "tahun", "lembar", "sekolah"),
    [
        (contoh.buku_2023, 2023, "Laporan Rapor Pendidikan", "SD MUHAMMADIYAH 7"),
        (contoh.buku_2024, 2024, "2. Laporan Rapor", "SD NEGERI SUKARAMAI"),
        (contoh.buku_2025, 2025, "2. LAPORAN RAPOR", None),
    ],
)
def test_tiap_tata_letak(buat, tahun: int, lembar: str, sekolah: str | None) -> None:
    hasil = baca_berkas(buat(), "rapor.xlsx")
    assert hasil.lembar == lembar
    assert hasil.edisi == f"Rapor Pendidikan {tahun}"
    assert hasil.npsn == contoh.NPSN
    if sekolah is not None:
        assert hasil.nama_sekolah == sekolah
    _cocok(hasil.capaian)


def test_2023_baris_pita_dilewati_sub_indikator_dibaca() -> None:
    hasil = baca_berkas(contoh.buku_2023(), None)
    assert hasil.capaian["A.1.1"].label is None
    assert hasil.capaian["A.1.1"].nilai == pytest.approx(47.5)
    assert hasil.capaian["A.1"].teks_label.startswith("Kurang (38,50%")


def test_npsn_dan_tahun_dari_nama_berkas() -> None:
    hasil = baca_berkas(
        contoh.buku_2024(npsn=""), "RAPOR-PBD-SD-NEGERI-SUKARAMAI-30300879-2024.xlsx"
    )
    assert hasil.npsn == "30300879"
    assert hasil.edisi == "Rapor Pendidikan 2024"


def test_tata_letak_lain_tidak_terbaca() -> None:
    with pytest.raises(TidakTerbaca) as e:
        baca_berkas(contoh.buku_lain(), "rekap.xlsx")
    assert e.value.alasan == "rapor_tanpa_tabel"


@pytest.mark.parametrize(
    ("isi", "alasan"),
    [
        (contoh.bukan_xlsx, "rapor_bukan_xlsx"),
        (contoh.zip_biasa, "rapor_bukan_xlsx"),
        (contoh.bersandi, "rapor_sandi"),
        (contoh.terlalu_besar, "rapor_besar"),
        (contoh.bom_zip, "rapor_bom"),
    ],
)
def test_berkas_rusak_ditolak(isi, alasan: str) -> None:
    with pytest.raises(BerkasDitolak) as e:
        baca_berkas(isi(), "RAPOR-PBD.xlsx")
    assert e.value.alasan == alasan


def test_xls_lama_bukan_sandi() -> None:
    with pytest.raises(BerkasDitolak) as e:
        baca_berkas(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024), "lama.xls")
    assert e.value.alasan == "rapor_xls"


def test_lembar_kosong() -> None:
    with pytest.raises(TidakTerbaca) as e:
        baca_berkas(contoh.buku_kosong(), "kosong.xlsx")
    assert e.value.alasan == "rapor_kosong"


def test_zip_terpotong_rusak() -> None:
    isi = contoh.buku_2025()
    with pytest.raises(BerkasDitolak) as e:
        baca_berkas(isi[: len(isi) // 2], "potong.xlsx")
    assert e.value.alasan == "rapor_bukan_xlsx"


def test_async_di_luar_loop() -> None:
    hasil = asyncio.run(baca_berkas_async(contoh.buku_2025(), None))
    assert hasil.capaian["D.4"].label == rp.Label.KURANG
