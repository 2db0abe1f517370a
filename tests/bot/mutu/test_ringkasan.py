"""The pure rules of the summaries: stage deadlines, plan progress, exceptions, suggestions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.layanan.instrumen_berkas import bawaan
from bot.mutu.instrumen import Kategori
from bot.mutu.ringkasan import (
    Keadaan,
    KomitmenRingkas,
    bobot,
    hari_terlambat,
    kemajuan_rencana,
    merah,
    pengecualian,
    ringkas_peta,
    saran,
    status_kegiatan,
    tenggat,
)
from bot.mutu.skor import Jawaban, hitung


@pytest.mark.parametrize(
    ("tahap", "dibuka", "hasil"),
    [
        (1, date(2026, 7, 13), date(2026, 8, 31)),  # opened on time: the calendar default
        (2, date(2026, 7, 13), date(2026, 10, 31)),
        (3, date(2026, 7, 13), date(2027, 6, 30)),
        (5, date(2026, 7, 13), date(2027, 7, 31)),
        (1, date(2026, 11, 23), date(2027, 1, 4)),  # opened late: six weeks from opening
        (2, date(2026, 11, 23), date(2027, 2, 15)),  # twelve weeks
    ],
)
def test_tenggat(tahap: int, dibuka: date, hasil: date) -> None:
    assert tenggat("2026/2027", dibuka, tahap) == hasil


def test_hari_terlambat() -> None:
    assert hari_terlambat("2026/2027", date(2026, 7, 13), 1, date(2026, 8, 31)) == 0
    assert hari_terlambat("2026/2027", date(2026, 7, 13), 1, date(2026, 9, 10)) == 10
    assert hari_terlambat("2026/2027", date(2026, 7, 13), 2, date(2026, 9, 10)) == 0


@pytest.mark.parametrize(
    ("kemajuan", "selesai", "hasil"),
    [
        ("selesai", date(2026, 1, 1), "selesai"),
        ("terkendala", date(2030, 1, 1), "terkendala"),
        ("terkendala", date(2026, 1, 1), "terkendala"),  # stuck says more than late
        ("berjalan", date(2026, 11, 22), "terlambat"),
        ("belum_mulai", date(2026, 11, 22), "terlambat"),
        ("berjalan", date(2026, 11, 23), "sesuai_jadwal"),  # due today is not late yet
        ("belum_mulai", date(2026, 12, 1), "belum_mulai"),
    ],
)
def test_status_kegiatan(kemajuan: str, selesai: date, hasil: str) -> None:
    assert status_kegiatan(kemajuan, selesai, date(2026, 11, 23)) == hasil


HARI = date(2026, 11, 23)


def _k(
    pic: str, kegiatan: str, selesai: date, kemajuan: str = "berjalan", respons: str = "berkomitmen"
) -> KomitmenRingkas:
    return KomitmenRingkas(pic, kegiatan, selesai, respons, kemajuan)


def test_kemajuan_rencana() -> None:
    m = kemajuan_rencana(
        [
            _k("Bu Sari", "Lokakarya", date(2026, 11, 1)),  # 22 days late
            _k("Pak Andi", "Supervisi", date(2026, 11, 20)),  # 3 days late
            _k("Bu Rina", "Rapat", date(2026, 12, 1), "selesai"),
            _k("Bu Rina", "Pojok baca", date(2026, 12, 1), "terkendala"),
            _k("Pak Andi", "Kunjungan", date(2026, 12, 9), "belum_mulai", "menunggu"),
            _k("Bu Sari", "Refleksi", date(2026, 12, 9), "belum_mulai", "perlu_dibahas"),
        ],
        HARI,
    )
    assert m.jumlah == 6
    assert m.hitung == {
        "selesai": 1,
        "sesuai_jadwal": 0,
        "terlambat": 2,
        "terkendala": 1,
        "belum_mulai": 2,
    }
    assert m.persen_selesai == pytest.approx(100 / 6)
    assert [(t.pic_nama, t.hari) for t in m.terlambat] == [("Bu Sari", 22), ("Pak Andi", 3)]
    assert [t.kegiatan for t in m.terkendala] == ["Pojok baca"]
    assert (m.menunggu_respons, m.perlu_dibahas) == (1, 1)


def _keadaan(**ubah: object) -> Keadaan:
    dasar = Keadaan(
        tahap=3,
        terlambat_hari=0,
        pemetaan_dibuka=True,
        belum_menjawab=0,
        sudah_menjawab_semua=True,
        rencana="disetujui",
        kemajuan=None,
        program_belum_dievaluasi=2,
        indikator_merah=0,
    )
    return replace(dasar, **ubah)  # type: ignore[arg-type]


def test_pengecualian_terberat_dulu() -> None:
    m = kemajuan_rencana(
        [
            _k("Bu Sari", "Lokakarya", date(2026, 11, 1)),
            _k("Bu Rina", "Pojok baca", date(2026, 12, 1), "terkendala"),
            _k("Pak Andi", "Kunjungan", date(2026, 12, 9), "belum_mulai", "menunggu"),
        ],
        HARI,
    )
    hal = pengecualian(_keadaan(terlambat_hari=5, kemajuan=m, indikator_merah=3))
    assert [h.kunci for h in hal] == [
        "tahap_terlambat",
        "kegiatan_terlambat",
        "kegiatan_terkendala",
        "menunggu_respons",
        "indikator_merah",
    ]
    assert hal[0].isian == {"tahap": 3, "hari": 5}
    assert pengecualian(_keadaan()) == []


def test_bobot_mengurutkan_sekolah() -> None:
    terlambat = pengecualian(_keadaan(terlambat_hari=1))
    merah_saja = pengecualian(_keadaan(indikator_merah=4))
    assert bobot(terlambat) > bobot(merah_saja) > bobot([]) == 0


@pytest.mark.parametrize(
    ("keadaan", "kunci"),
    [
        (_keadaan(tahap=1, pemetaan_dibuka=False), ["buka_pemetaan"]),
        (
            _keadaan(tahap=1, sudah_menjawab_semua=False, belum_menjawab=4),
            ["ingatkan_responden", "pantau_pemetaan"],
        ),
        (_keadaan(tahap=1), ["tutup_pemetaan"]),
        (_keadaan(tahap=2, rencana="tidak_ada"), ["susun_rencana"]),
        (_keadaan(tahap=2, rencana="draf"), ["setujui_rencana"]),
        (_keadaan(tahap=4, program_belum_dievaluasi=2), ["evaluasi_program"]),
        (_keadaan(tahap=4, program_belum_dievaluasi=0), ["mulai_strategi"]),
        (_keadaan(tahap=5), ["tetapkan_standar"]),
    ],
)
def test_saran(keadaan: Keadaan, kunci: list[str]) -> None:
    assert [h.kunci for h in saran(keadaan)] == kunci


def test_saran_tahap_3_menyebut_yang_terlambat() -> None:
    m = kemajuan_rencana(
        [
            _k("Bu Sari", "Lokakarya", date(2026, 11, 1)),
            _k("Pak Andi", "Supervisi", date(2026, 11, 20)),
            _k("Bu Rina", "Refleksi", date(2026, 12, 9), "belum_mulai", "perlu_dibahas"),
        ],
        HARI,
    )
    hal = saran(_keadaan(kemajuan=m))
    assert [h.kunci for h in hal] == ["bahas_komitmen", "tindak_terlambat"]
    assert hal[1].isian == {"nama": "Bu Sari"}  # the most overdue first
    tenang = kemajuan_rencana([_k("Bu Sari", "Lokakarya", date(2026, 12, 1))], HARI)
    assert [h.kunci for h in saran(_keadaan(kemajuan=tenang))] == ["lanjutkan_pelaksanaan"]


def test_merah() -> None:
    assert merah(Kategori("Menuju SNP 1", 1, 2.04))
    assert merah(Kategori("Menuju SNP 2", 2, 3.70))
    assert not merah(Kategori("Menuju SNP 3", 3, 5.06))
    assert not merah(Kategori("SNP", None, None))
    assert not merah(None)


def test_ringkas_peta() -> None:
    inst = bawaan()
    # Every kepala_sekolah question of the first standard answered with its lowest option.
    jawaban = [
        Jawaban(p.kode, "kepala_sekolah", 1, "0" if p.pilihan else "tidak")
        for p in inst.pertanyaan_untuk("kepala_sekolah")
        if p.standar_kode == inst.standar[0].kode and (p.pilihan or p.jenis == "ya_tidak")
    ]
    peta = hitung(inst, jawaban)
    isi = ringkas_peta(inst, peta)
    assert set(isi["standar"]) == {s.kode for s in inst.standar}
    assert isi["skor"] == peta.skor_sekolah
    dinilai = [i for s in peta.standar for i in s.indikator if i.skor is not None]
    assert dinilai and isi["merah"] == [i.kode for i in dinilai if i.skor <= 3.70]
