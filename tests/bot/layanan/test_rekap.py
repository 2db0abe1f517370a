"""The answer rows of the Rekap data: the role instead of the person, and an order that does
not give one person away unless names were asked for."""

from types import SimpleNamespace
from typing import Any

from bot.layanan.instrumen_berkas import bawaan
from bot.layanan.rekap import _Mentah, _Susun
from bot.render import Render

INST = bawaan()


def _jawaban(pengguna: int, nama: str, kode: str, nilai: str) -> Any:
    return SimpleNamespace(
        siklus_id=1,
        pengguna_id=pengguna,
        responden="guru",
        pertanyaan_kode=kode,
        nilai=nilai,
        status="sah",
        diubah="2026-11-02 18:30:00.000000",  # 3 November in Jakarta
        nama=nama,
    )


def _susun(dengan_nama: bool) -> _Susun:
    sekolah = SimpleNamespace(
        id=7,
        siklus_id=1,
        nama="SMP Negeri 1 Sleman",
        npsn="20512345",
        zona_waktu="Asia/Jakarta",
        instrumen_versi=INST.versi,
    )
    # In the database's order: person by person.
    jawaban = [
        _jawaban(1, "Bu Ani", "1.1-01", "3"),
        _jawaban(1, "Bu Ani", "1.1-02", "0"),
        _jawaban(2, "Pak Budi", "1.1-01", "1"),
        _jawaban(2, "Pak Budi", "1.1-02", "2"),
    ]
    mentah = _Mentah([], jawaban, [], [], [], [], [])
    return _Susun([sekolah], mentah, {INST.versi: INST}, Render(), dengan_nama)  # type: ignore[list-item]


def test_tanpa_nama_urut_pertanyaan_dan_nilai() -> None:
    baris = list(_susun(False).baris_jawaban())
    assert [(b.kode, b.jawaban) for b in baris] == [
        ("1.1-01", "Kadang-kadang"),  # Pak Budi's, first by value
        ("1.1-01", "Selalu"),
        ("1.1-02", "Tidak pernah"),  # Bu Ani's, first by value: the order changes sides
        ("1.1-02", "Sering"),
    ]
    assert {b.responden for b in baris} == {"Guru"}
    assert str(baris[0].tanggal) == "2026-11-03"
    assert baris[1].skor == 7.0 and baris[0].indikator == "1.1"


def test_dengan_nama_urut_orang() -> None:
    baris = list(_susun(True).baris_jawaban())
    assert [(b.nama, b.kode) for b in baris] == [
        ("Bu Ani", "1.1-01"),
        ("Bu Ani", "1.1-02"),
        ("Pak Budi", "1.1-01"),
        ("Pak Budi", "1.1-02"),
    ]
