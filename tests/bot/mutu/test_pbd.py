"""PBD in the plan: the candidate list (Rapor Pendidikan in PBD order, then the own SNP
evaluation), the shipped ARKAS short list, and a typed ARKAS activity."""

from __future__ import annotations

import pytest

from bot.mutu import pbd
from bot.mutu import rapor as rp
from bot.mutu.rapor_pbd import identifikasi
from bot.mutu.skor import HasilIndikator
from db.pbd import baca_arkas
from db.rapor_katalog import baca_katalog

K, S, B = rp.Label.KURANG, rp.Label.SEDANG, rp.Label.BAIK


def _c(kode: str, label: rp.Label, nasional: int, arah: rp.Arah, turun: float) -> rp.Capaian:
    return rp.Capaian(kode, label, 40.0, arah, turun, None, nasional)


def _snp(kode: str, skor: float) -> HasilIndikator:
    return HasilIndikator(kode, f"Indikator {kode}", kode.split(".")[0], skor, 3, 1, True)


def test_calon_rapor_dulu_lalu_snp_tanpa_yang_sudah_dipilih() -> None:
    katalog = rp.katalog_dari(baca_katalog())
    capaian = {
        "A.1": _c("A.1", K, 4, rp.Arah.TURUN, 5.2),
        "A.2": _c("A.2", S, 3, rp.Arah.NAIK, 4.3),
        "A.3": _c("A.3", B, 5, rp.Arah.TURUN, 9.0),
        "D.1": _c("D.1", S, 4, rp.Arah.TURUN, 1.5),
        "D.4": _c("D.4", K, 5, rp.Arah.TURUN, 8.0),
    }
    kandidat = identifikasi(capaian, katalog.prioritas("SMP"))
    snp = [_snp("5.1", 1.0), _snp("2.3", 2.5), _snp("7.1", 3.0)]
    calon = pbd.calon_masalah(kandidat, {"A.1": "Kemampuan literasi"}, snp, {"D.1", "2.3"}, 5)
    # By hand: D.4 (red, bottom group), A.1 (red, lower-middle), A.2 (yellow; D.1 is chosen
    # already), then the SNP ones weakest first without 2.3; cut at five.
    assert [c.kode for c in calon] == ["D.4", "A.1", "A.2", "5.1", "7.1"]
    assert [c.rapor for c in calon] == [True, True, True, False, False]
    assert calon[1].nama == "Kemampuan literasi" and calon[0].nama == "D.4"  # no name: code
    assert calon[1].capaian == capaian["A.1"] and calon[3].skor == 1.0
    assert calon[3].standar_kode == "5"


def test_tanpa_impor_hanya_snp() -> None:
    calon = pbd.calon_masalah([], {}, [_snp("5.1", 1.0)], (), 10)
    assert [(c.kode, c.sumber) for c in calon] == [("5.1", pbd.SNP)]


@pytest.mark.parametrize(
    ("kode", "rapor"),
    [("A.1", True), ("D.17", True), ("A.1.2", True), ("1.1", False), ("5.3", False)],
)
def test_kode_rapor_dibedakan_dari_kode_snp(kode: str, rapor: bool) -> None:
    assert pbd.adalah_kode_rapor(kode) is rapor


def test_daftar_arkas_terkirim_bertanda_belum_terkonfirmasi() -> None:
    daftar = pbd.daftar_arkas_dari(baca_arkas())
    assert daftar.confirmed is False and "RAPOR-PENDIDIKAN.md" in daftar.sumber
    assert all(pbd.KODE_ARKAS.match(k.kode or "") for k in daftar.kegiatan)
    literasi = [k.kode for k in daftar.untuk("A.1")]
    assert "03.03.02" in literasi and "04.06.14" in literasi and "03.03.11" not in literasi
    assert daftar.untuk("Z.9") == daftar.kegiatan  # nothing paired: the whole list
    assert daftar.cari("03.03.11") is not None and daftar.cari("99.99.99") is None


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"kegiatan": []},
        {"meta": {}, "kegiatan": []},
        {"meta": {}, "kegiatan": [{"kode": "3.3.2", "nama": "x"}]},
        {"meta": {}, "kegiatan": [{"kode": "03.03.02", "nama": " "}]},
        {
            "meta": {},
            "kegiatan": [{"kode": "03.03.02", "nama": "a"}, {"kode": "03.03.02", "nama": "b"}],
        },
    ],
)
def test_daftar_arkas_rusak_ditolak(data: object) -> None:
    with pytest.raises(pbd.DaftarArkasRusak):
        pbd.daftar_arkas_dari(data)


@pytest.mark.parametrize(
    ("teks", "kode", "nama"),
    [
        ("03.03.02 Pengembangan Kegiatan Literasi", "03.03.02", "Pengembangan Kegiatan Literasi"),
        ("  04.06.14 -  Pelatihan   literasi ", "04.06.14", "Pelatihan literasi"),
        ("04.06.14: Pelatihan", "04.06.14", "Pelatihan"),
        ("Pengadaan buku bacaan", None, "Pengadaan buku bacaan"),
    ],
)
def test_arkas_diketik_terbaca(teks: str, kode: str | None, nama: str) -> None:
    assert pbd.baca_arkas_ketik(teks) == pbd.KegiatanArkas(kode, nama)


@pytest.mark.parametrize("teks", ["99.9 sembarang", "03.03.02", "3.3.2 Literasi", "", "   ", "123"])
def test_arkas_diketik_salah(teks: str) -> None:
    assert pbd.baca_arkas_ketik(teks) is None


def test_nama_arkas_dipotong() -> None:
    hasil = pbd.baca_arkas_ketik("03.03.02 " + "x" * 400)
    assert hasil is not None and len(hasil.nama) == pbd.MAKS_NAMA_ARKAS
