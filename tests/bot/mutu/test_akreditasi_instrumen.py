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


def test_ia2024_tiga_komponen_14_butir_45_indikator() -> None:
    inst = bawaan("ia2024")
    assert [k.nama for k in inst.komponen] == [
        "Kinerja Pendidik dalam Mengelola Proses Pembelajaran yang Berpusat pada Peserta Didik",
        "Kepemimpinan Kepala Satuan Pendidikan dalam Pengelolaan Satuan Pendidikan",
        "Iklim Lingkungan Belajar",
    ]
    assert len(inst.kelompok) == 14 and len(inst.inti) == 45
    assert [len(k.indikator) for k in inst.kelompok] == [4, 3, 5, 4, 4, 4, 3, 2, 3, 3, 2, 2, 3, 3]
    assert [b.kode for b in inst.inti if b.na_boleh] == ["1.4.4", "3.10.2", "3.11.2"]
    konteks = inst.butir("3.10.3", "SD")
    assert konteks is not None and konteks.rubrik == () and not konteks.na_boleh
    assert [k for k, _ in konteks.rubrik_konteks] == ["heterogen", "homogen"]
    assert len(konteks.rubrik_untuk("homogen")) == 4 and konteks.rubrik_untuk(None) == ()
    # Indicators are from one source: unconfirmed; butir texts are confirmed.
    assert not any(b.confirmed for b in inst.inti)
    assert all(k.confirmed for k in inst.kelompok)
    assert inst.tingkat == ("Kurang", "Cukup Baik", "Baik", "Sangat Baik")
    assert not inst.agregasi_diketahui and inst.peringkat == ()
    assert inst.butir_ipr("SMA") == () and inst.digantikan is None
    # The crosswalk is ours: butir 12 to D.4, 10 to D.8, 11 to D.10, 3 to D.1, 5 to D.2/D.3.
    rp = {b.kode: b.rp for b in inst.inti}
    assert "D.4" in rp["3.12.1"] and "D.8" in rp["3.10.1"] and "D.10" in rp["3.11.1"]
    assert "D.1" in rp["1.3.1"] and {"D.2", "D.3"} <= set(rp["2.5.4"])


def test_iasp2020_digantikan_dan_mutu_guru_mulai_butir_19() -> None:
    inst = bawaan("iasp2020")
    assert inst.digantikan and "246/O/2024" in inst.digantikan
    assert inst.angka["pembagian_butir"].nilai["PP"] == "12-18"
    assert inst.angka["pembagian_butir"].nilai["MG"] == "19-23"


def _rusak_ia(lama: str, baru: str) -> list[str]:
    teks = (FOLDER_DATA / "akreditasi_ia2024.yaml").read_text(encoding="utf-8")
    assert lama in teks, lama
    with pytest.raises(InstrumenAkreditasiRusak) as galat:
        muat_teks(teks.replace(lama, baru, 1), "rusak.yaml", KODE_SNP)
    return galat.value.masalah


def test_ia2024_na_di_luar_tiga_indikator_ditolak() -> None:
    masalah = _rusak_ia("  na_boleh: false\n", "  na_boleh: true\n  na_syarat: x\n")
    assert any("N/A hanya boleh" in m and "baris" in m for m in masalah)


def test_ia2024_rubrik_tiga_level_ditolak() -> None:
    masalah = _rusak_ia(
        "    4: |-\n      Guru memberi kesempatan", "    5: |-\n      Guru memberi kesempatan"
    )
    assert any("1.1.1: rubrik harus 4 level" in m for m in masalah)


def test_ia2024_agregasi_tidak_boleh_diklaim_diketahui() -> None:
    masalah = _rusak_ia("    diketahui: false", "    diketahui: true")
    assert any("agregasi_skor.diketahui" in m for m in masalah)


def test_ia2024_silang_snp_tak_dikenal() -> None:
    masalah = _rusak_ia("12: {rp: [D.4, E.5], snp: ['7.2']}", "12: {rp: [D.4, E.5], snp: ['9.9']}")
    assert any("3.12.1: indikator SNP '9.9'" in m for m in masalah)


def test_ia2024_bentuk_lain_disebut_bukan_traceback() -> None:
    """A part of another shape (a list where a mapping belongs) is a problem the operator
    reads, not a crash of the check or of start-up."""
    masalah = _rusak_ia("      1: {rp: [D.1], snp: ['3.2', '1.1']}", "      1: [1]")
    assert masalah[-1].startswith("rusak.yaml: ada bagian yang bentuknya tidak dikenali")


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
