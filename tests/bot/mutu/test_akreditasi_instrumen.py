"""The accreditation instrument files: what the shipped ones hold, and a broken file named
line by line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.layanan.instrumen_berkas import akreditasi_bawaan as bawaan
from bot.layanan.instrumen_berkas import bawaan as instrumen_snp
from bot.layanan.instrumen_berkas import periksa_akreditasi as periksa
from bot.mutu.akreditasi_instrumen import InstrumenAkreditasiRusak, muat_teks
from db.berkas_instrumen import BERKAS, FOLDER_DATA

KODE_SNP = frozenset(i.kode for s in instrumen_snp().standar for i in s.indikator)
IASP_TEKS = (FOLDER_DATA / BERKAS["iasp2020"]).read_text(encoding="utf-8")


def test_iasp2020_sesuai_rujukan() -> None:
    inst = bawaan("iasp2020")
    assert [k.nama for k in inst.komponen] == [
        "Mutu Lulusan",
        "Proses Pembelajaran",
        "Mutu Guru",
        "Manajemen Sekolah/Madrasah",
    ]
    assert len(inst.inti) == 35
    assert {j: len(b) for j, b in inst.kekhususan.items()} == {
        "SD": 1, "SMP": 0, "SMA": 0, "SMK": 9, "SLB": 5,
    }  # fmt: skip
    assert {j: len(b) for j, b in inst.ipr.items()} == {
        "SD": 8, "SMP": 9, "SMA": 9, "SMK": 10, "SLB": 10,
    }  # fmt: skip
    assert (inst.bobot_ipr, inst.angka["bobot_kinerja"].nilai) == (15, 85)
    assert [(p.kode, p.min) for p in inst.peringkat] == [
        ("A", 91), ("B", 81), ("C", 71), ("TT", 0),
    ]  # fmt: skip
    assert inst.angka["peringkat"].confirmed and inst.angka["bobot_ipr"].confirmed
    # What the reference leaves unconfirmed stays marked.
    belum = {k for k, _ in inst.belum_terkonfirmasi()}
    assert {"bobot_komponen", "pembagian_butir", "batas_tanpa_dukungan"} <= belum
    assert [b.komponen for b in inst.inti[:11]] == ["ML"] * 11
    assert not any(b.confirmed for b in inst.inti)  # butir texts are ours
    assert all(b.source and b.metode for b in inst.inti)
    assert inst.rubrik(inst.inti[0])[0].startswith("Tata tertib belum ada")
    assert inst.rubrik(inst.inti[1]) == inst.rubrik_umum


def test_crosswalk_meliputi_setiap_indikator_pemetaan() -> None:
    inst = bawaan("iasp2020")
    tercakup = {s for b in inst.semua_butir("SMP") for s in b.snp}
    assert tercakup == KODE_SNP


def test_wawancara_dan_observasi_menunjuk_butir_yang_ada() -> None:
    for kode in BERKAS:
        inst = bawaan(kode)
        semua = {b.kode for b in inst.semua_butir("SMK")}
        assert {p.peran for p in inst.wawancara("SMP")} == {"kepala_sekolah", "guru"}
        assert all(set(o.butir) <= semua for o in inst.observasi)
        assert [d.kode for d in inst.dokumen] == [
            "KSP", "RKT", "RKAS", "KALENDER", "PERENCANAAN", "FOTO", "VIDEO",
        ]  # fmt: skip
        assert (inst.format_jenis, inst.format_maks_mb) == (("pdf", "jpg", "png"), 2.0)


def test_ia2024_empat_komponen_angka_belum_terkonfirmasi() -> None:
    inst = bawaan("ia2024")
    assert [k.kode for k in inst.komponen] == ["KP", "KK", "IL", "HB"]
    assert not inst.angka["peringkat"].confirmed
    assert [b.confirmed for b in inst.inti[:4]] == [True, True, True, False]
    assert inst.butir_ipr("SMA") == ()


def test_berkas_bawaan_lolos_pemeriksaan() -> None:
    for nama in BERKAS.values():
        assert periksa(FOLDER_DATA / nama) == []


def _rusak(ganti: list[tuple[str, str]]) -> list[str]:
    teks = IASP_TEKS
    for lama, baru in ganti:
        assert lama in teks, lama
        teks = teks.replace(lama, baru, 1)
    with pytest.raises(InstrumenAkreditasiRusak) as galat:
        muat_teks(teks, "rusak.yaml", KODE_SNP)
    return galat.value.masalah


def _baris(potongan: str) -> int:
    return next(i for i, b in enumerate(IASP_TEKS.splitlines(), 1) if potongan in b)


def test_masalah_disebut_dengan_barisnya() -> None:
    masalah = _rusak(
        [
            ('  - kode: "2"\n', '  - kode: "1"\n'),
            ("metode: [wawancara, observasi, angket]", "metode: [wawancara, uji_petik]"),
            ('snp: ["1.3", "1.2"]', 'snp: ["1.3", "9.9"]'),
            ("    rubrik:\n", "    rubric:\n"),
        ]
    )
    teks = "\n".join(masalah)
    dua, satu = _baris('  - kode: "2"'), _baris('  - kode: "1"')
    assert f"rusak.yaml baris {dua}: butir 1: kode muncul dua kali" in teks
    assert "metode 'uji_petik' tidak dikenal" in teks
    assert "indikator SNP '9.9' tidak ada di instrumen pemetaan" in teks
    assert f"baris {satu}: butir 1: kunci 'rubric' tidak dikenal" in teks


def test_angka_yang_tidak_cocok_ditolak() -> None:
    masalah = "\n".join(
        _rusak(
            [
                (
                    "nilai: {ML: 30, PP: 25, MG: 15, MS: 15}",
                    "nilai: {ML: 30, PP: 25, MG: 15, MS: 20}",
                ),
                ("butir_inti: {nilai: 35,", "butir_inti: {nilai: 36,"),
                ("nilai: {SD: 8, SMP: 9,", "nilai: {SD: 7, SMP: 9,"),
                ('{kode: C, nama: "C (Cukup)", min: 71}', '{kode: C, nama: "C (Cukup)", min: 95}'),
            ]
        )
    )
    assert "jumlah bobot_komponen harus sama dengan bobot_kinerja" in masalah
    assert "ada 35 butir inti, angka.butir_inti 36" in masalah
    assert "ipr SD: ada 8 butir, angka.butir_ipr 7" in masalah
    assert "peringkat harus urut dari batas tertinggi" in masalah


def test_yaml_rusak_dan_berkas_tidak_ada(tmp_path: Path) -> None:
    with pytest.raises(InstrumenAkreditasiRusak, match="YAML tidak sah"):
        muat_teks("meta: [", "x.yaml")
    assert periksa(tmp_path / "tidak-ada.yaml")[0].startswith(str(tmp_path))
