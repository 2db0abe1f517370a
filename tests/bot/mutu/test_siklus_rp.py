"""Rapor Pendidikan through the rest of the cycle, pure (bot/mutu/siklus_rp.py): the baseline
and newer edition, two editions compared per indicator, a program judged against the indicator
it targets, next targets one label up from the school's own (no 6,67 threshold once a school
plans from the report), unmeasured indicators and standards, and the schools red per priority
indicator (8 for an SMK)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.mutu import rapor as rp
from bot.mutu import siklus_rp as srp
from bot.mutu import strategi as aturan
from db.rapor_katalog import baca_katalog

K, S, B, TT = rp.Label.KURANG, rp.Label.SEDANG, rp.Label.BAIK, rp.Label.TIDAK_TERSEDIA


def _c(kode: str, label: rp.Label | None, nilai: float | None = None, **lain: int) -> rp.Capaian:
    return rp.Capaian(kode, label, nilai, **lain)  # type: ignore[arg-type]


def _e(edisi: str, diimpor: datetime, **capaian: tuple[rp.Label, float | None]) -> srp.Edisi:
    return srp.Edisi(
        edisi,
        diimpor,
        {k.replace("_", "."): _c(k.replace("_", "."), lbl, v) for k, (lbl, v) in capaian.items()},
    )


E2024 = _e("Rapor Pendidikan 2024", datetime(2024, 4, 2), A_1=(K, 30.0))
E2025 = _e(
    "Rapor Pendidikan 2025",
    datetime(2025, 4, 10),
    A_1=(K, 38.5),
    A_2=(S, 52.1),
    A_3=(B, 71.2),
    D_1=(S, 55.0),
    D_4=(K, 44.0),
    D_8=(TT, None),
)
E2026 = _e(
    "Rapor Pendidikan 2026",
    datetime(2026, 4, 8),
    A_1=(S, 51.0),
    A_2=(S, 50.0),
    A_3=(B, 72.0),
    D_1=(B, 70.0),
    D_4=(K, 46.0),
    D_8=(TT, None),
)
PRIORITAS = ("A.1", "A.2", "A.3", "D.1", "D.4", "D.8")


@pytest.fixture(scope="module")
def katalog() -> rp.Katalog:
    return rp.katalog_dari(baca_katalog())


# ------------------------------------------------------------------ codes and labels


@pytest.mark.parametrize(
    ("kode", "rapor"),
    [("A.1", True), ("D.17", True), ("D.1.2", True), ("1.1", False), ("7", False), ("", False)],
)
def test_kode_rapor_bukan_kode_snp(kode: str, rapor: bool) -> None:
    assert srp.kode_rapor(kode) is rapor


@pytest.mark.parametrize(
    ("awal", "target"),
    [
        (_c("A.1", K, 30.0), S),
        (_c("A.1", S, 50.0), B),
        (_c("A.1", B, 80.0), B),  # Baik stays Baik: there is no label above it
        (_c("A.1", TT), None),  # not measured: no target from data
        (_c("A.1", None, 40.0), None),  # a value without a label is not guessed into one
        (None, None),  # the edition does not hold the indicator
    ],
)
def test_label_target_satu_label_di_atas(awal: rp.Capaian | None, target: rp.Label) -> None:
    assert srp.label_target(awal) == target
    assert srp.diukur(awal) is (target is not None)


# ------------------------------------------------------------------ which editions


def test_pilih_edisi_tanpa_impor() -> None:
    assert srp.pilih_edisi([], None) == (None, None)
    assert srp.pilih_edisi([], datetime(2025, 1, 1)) == (None, None)


def test_pilih_edisi_satu_edisi_belum_ada_yang_lebih_baru() -> None:
    assert srp.pilih_edisi([E2025], None) == (E2025, None)
    assert srp.pilih_edisi([E2025], datetime(2025, 7, 1)) == (E2025, None)


def test_pilih_edisi_tanpa_batas_dua_terbaru() -> None:
    assert srp.pilih_edisi([E2026, E2024, E2025], None) == (E2025, E2026)


def test_pilih_edisi_dasar_adalah_impor_terbaru_saat_rencana_disetujui() -> None:
    disetujui = datetime(2025, 7, 15)
    assert srp.pilih_edisi([E2024, E2025, E2026], disetujui) == (E2025, E2026)
    # Approved before the 2026 import only: the 2026 edition is the newer one.
    assert srp.pilih_edisi([E2024, E2025], disetujui) == (E2025, None)
    # Approved in 2024 (after that import): 2024 is the baseline, the newest the newer.
    assert srp.pilih_edisi([E2024, E2025, E2026], datetime(2024, 8, 1)) == (E2024, E2026)


def test_pilih_edisi_rencana_sebelum_semua_impor_memakai_yang_tertua() -> None:
    assert srp.pilih_edisi([E2026, E2025], datetime(2020, 1, 1)) == (E2025, E2026)


def test_pilih_edisi_urut_menurut_edisi_bukan_waktu_impor() -> None:
    # The 2024 report typed in late (after approval) is not "newer" than the 2025 baseline.
    telat = srp.Edisi(E2024.edisi, datetime(2025, 9, 1), E2024.capaian)
    assert srp.pilih_edisi([E2025, telat], datetime(2025, 7, 1)) == (E2025, None)
    # Without a plan date: the older edition is the baseline, whenever it came in.
    assert srp.pilih_edisi([E2025, telat], None) == (telat, E2025)
    # Both imported before approval, the older one last: the newer edition is the baseline.
    sebelum = srp.Edisi(E2024.edisi, datetime(2025, 5, 1), E2024.capaian)
    assert srp.pilih_edisi([E2025, sebelum], datetime(2025, 7, 1)) == (E2025, None)


# ------------------------------------------------------------------ two editions per indicator


def test_bandingkan_edisi_per_indikator() -> None:
    nama = {"A.1": "Kemampuan literasi", "A.2": "Kemampuan numerasi"}
    banding = {p.kode: p for p in srp.bandingkan_edisi(PRIORITAS, nama, E2025, E2026)}
    assert list(banding) == list(PRIORITAS)
    a1 = banding["A.1"]
    assert (a1.nama, a1.arah, a1.selisih) == ("Kemampuan literasi", srp.NAIK, 12.5)
    assert (a1.awal, a1.akhir) == (E2025.capaian["A.1"], E2026.capaian["A.1"])
    assert (banding["A.2"].arah, banding["A.2"].selisih) == (srp.TURUN, -2.1)
    assert (banding["A.3"].arah, banding["A.3"].selisih) == (srp.NAIK, 0.8)
    assert banding["D.1"].arah == srp.NAIK
    assert (banding["D.4"].arah, banding["D.4"].selisih) == (srp.NAIK, 2.0)
    assert (banding["D.8"].arah, banding["D.8"].selisih) == (srp.TANPA_DATA, None)
    assert banding["D.1"].nama == "D.1"  # no name known: the code


@pytest.mark.parametrize(
    ("awal", "akhir", "arah"),
    [
        (_c("A.1", K, 45.0), _c("A.1", S, 40.0), srp.NAIK),  # the label decides first
        (_c("A.1", B, 60.0), _c("A.1", S, 65.0), srp.TURUN),
        (_c("A.1", S, 50.0), _c("A.1", S, 50.0), srp.TETAP),
        (_c("A.1", S, None), _c("A.1", S, 50.0), srp.TETAP),  # same label, no value to compare
        (_c("A.1", S, 50.0), _c("A.1", S, 49.99), srp.TURUN),
        (None, _c("A.1", K, 30.0), srp.BARU),
        (_c("A.1", TT), _c("A.1", K, 30.0), srp.BARU),
        (_c("A.1", K, 30.0), _c("A.1", TT), srp.TANPA_DATA),
        (_c("A.1", K, 30.0), None, srp.TANPA_DATA),
    ],
)
def test_arah_perubahan(awal: rp.Capaian | None, akhir: rp.Capaian | None, arah: str) -> None:
    assert srp.PerubahanIndikator("A.1", "Literasi", awal, akhir).arah == arah


def test_bandingkan_tanpa_edisi_lama_semua_baru_tanpa_edisi_baru_tanpa_data() -> None:
    baru = srp.bandingkan_edisi(("A.1", "D.8"), {}, None, E2026)
    assert [(p.arah, p.awal, p.selisih) for p in baru] == [
        (srp.BARU, None, None),
        (srp.TANPA_DATA, None, None),
    ]
    lama = srp.bandingkan_edisi(("A.1",), {}, E2025, None)
    assert [(p.arah, p.akhir) for p in lama] == [(srp.TANPA_DATA, None)]


# ------------------------------------------------------------------ stage 4: a program


@pytest.mark.parametrize(
    ("awal", "akhir", "target", "usulan"),
    [
        ((K, 38.5), (S, 51.0), S, "ya"),  # "A.1 dari Kurang ke Sedang", reached
        ((K, 38.5), (B, 75.0), S, "ya"),  # beyond the target
        ((K, 38.5), (K, 42.0), S, "sebagian"),  # the label did not rise, the value did
        ((K, 38.5), (K, 38.5), S, "tidak"),
        ((K, 38.5), (K, 30.0), S, "tidak"),
        ((S, 52.0), (K, 60.0), B, "tidak"),  # the label fell, whatever the value
        ((B, 80.0), (B, 78.0), B, "ya"),  # Baik kept
        ((B, 80.0), (S, 85.0), B, "tidak"),
    ],
)
def test_evaluasi_program_usulan(
    awal: tuple[rp.Label, float], akhir: tuple[rp.Label, float], target: rp.Label, usulan: str
) -> None:
    ea = _e("Rapor Pendidikan 2025", datetime(2025, 4, 1), A_1=awal)
    eb = _e("Rapor Pendidikan 2026", datetime(2026, 4, 1), A_1=akhir)
    ev = srp.evaluasi_program("A.1", "Kemampuan literasi", ea, eb)
    assert (ev.target, ev.usulan, ev.diukur) == (target, usulan, True)
    assert (ev.edisi_awal, ev.edisi_akhir) == ("Rapor Pendidikan 2025", "Rapor Pendidikan 2026")
    assert (ev.awal, ev.akhir) == (ea.capaian["A.1"], eb.capaian["A.1"])


def test_evaluasi_tanpa_edisi_baru_belum_bisa_dinilai() -> None:
    ev = srp.evaluasi_program("A.1", "Kemampuan literasi", E2025, None)
    assert (ev.target, ev.usulan, ev.edisi_akhir, ev.akhir) == (S, None, None, None)
    assert ev.diukur


def test_evaluasi_indikator_tak_diukur() -> None:
    # D.8 is Tidak Tersedia in both: no target, no verdict.
    ev = srp.evaluasi_program("D.8", "Iklim kebinekaan", E2025, E2026)
    assert (ev.target, ev.usulan, ev.diukur) == (None, None, False)
    # Measured at the baseline but not in the newer edition: no verdict either.
    eb = _e("Rapor Pendidikan 2026", datetime(2026, 4, 1), A_1=(TT, None))
    ev = srp.evaluasi_program("A.1", "Kemampuan literasi", E2025, eb)
    assert (ev.target, ev.usulan) == (S, None)
    # No baseline at all (the plan predates every import).
    ev = srp.evaluasi_program("A.1", "Kemampuan literasi", None, E2026)
    assert (ev.edisi_awal, ev.target, ev.usulan, ev.diukur) == (None, None, None, False)


def test_evaluasi_indikator_tidak_ada_di_edisi() -> None:
    ev = srp.evaluasi_program("A.4", "Kompetensi kejuruan", E2025, E2026)
    assert (ev.awal, ev.akhir, ev.target, ev.usulan) == (None, None, None, None)


# ------------------------------------------------------------------ stage 5: next targets


def test_target_indikator_satu_label_di_atas_nilai_tidak_di_bawah_sendiri() -> None:
    target = {
        t.kode: t
        for t in srp.target_indikator(
            PRIORITAS, {"A.1": "Kemampuan literasi"}, E2026, ("A.1", "D.4")
        )
    }
    assert list(target) == list(PRIORITAS)
    a1 = target["A.1"]
    assert (a1.nama, a1.kini, a1.label, a1.nilai_minimum) == (
        "Kemampuan literasi",
        E2026.capaian["A.1"],
        B,
        51.0,
    )
    assert (target["A.2"].label, target["A.2"].nilai_minimum) == (B, 50.0)
    assert (target["A.3"].label, target["A.3"].nilai_minimum) == (B, 72.0)  # Baik kept
    assert (target["D.4"].label, target["D.4"].nilai_minimum) == (S, 46.0)
    assert [t.kode for t in target.values() if t.prioritas] == ["A.1", "D.4"]
    for t in target.values():
        assert t.nilai_minimum is None or t.nilai_minimum == t.kini.nilai  # type: ignore[union-attr]


def test_target_indikator_tak_diukur_tanpa_label_dan_nilai() -> None:
    (d8,) = srp.target_indikator(("D.8",), {}, E2026, PRIORITAS)
    assert (d8.label, d8.nilai_minimum, d8.diukur, d8.prioritas) == (None, None, False, True)
    (tanpa,) = srp.target_indikator(("A.4",), {}, E2026, PRIORITAS)
    # A value without a label (or with Tidak Tersedia) is no baseline for a target.
    kini = srp.Edisi("X", datetime(2026, 4, 1), {"A.1": _c("A.1", None, 40.0)})
    (a1,) = srp.target_indikator(("A.1",), {}, kini, PRIORITAS)
    assert (a1.label, a1.nilai_minimum, a1.diukur) == (None, None, False)
    assert (tanpa.kini, tanpa.label, tanpa.diukur, tanpa.prioritas) == (None, None, False, False)


def test_target_indikator_tanpa_edisi_tidak_diukur() -> None:
    semua = srp.target_indikator(PRIORITAS, {}, None, PRIORITAS)
    assert len(semua) == 6
    assert not any(t.diukur for t in semua)
    assert {t.nilai_minimum for t in semua} == {None}


def test_target_indikator_smk_delapan_prioritas(katalog: rp.Katalog) -> None:
    prioritas = katalog.prioritas("SMK")
    assert prioritas == ("A.1", "A.2", "A.3", "D.1", "D.4", "D.8", "A.4", "D.17")
    kini = _e("Rapor Pendidikan 2026", datetime(2026, 4, 1), A_4=(K, 20.0), D_17=(S, 60.0))
    target = {t.kode: t for t in srp.target_indikator(prioritas, {}, kini, prioritas)}
    assert (target["A.4"].label, target["A.4"].nilai_minimum) == (S, 20.0)
    assert (target["D.17"].label, target["D.17"].nilai_minimum) == (B, 60.0)
    assert [k for k, t in target.items() if t.diukur] == ["A.4", "D.17"]
    assert all(t.prioritas for t in target.values())
    # An SD has the six only.
    assert len(srp.target_indikator(katalog.prioritas("SD"), {}, kini, prioritas)) == 6


# Standards of the own evaluation once the school plans from Rapor Pendidikan (ambang None):
# no 6,67, the school's own score is the floor, a standard nobody measured gets no proposal.


@pytest.mark.parametrize(
    ("skor", "minimum", "bawaan"),
    [
        (4.2, 4.2, 4.45),
        (3.004, 3.0, 3.25),
        (2.045, 2.05, 2.3),  # rounded half up as people round
        (6.9, 6.9, 7.0),  # capped at the scale's maximum
        (7.0, 7.0, 7.0),
        (None, 0.0, None),  # not measured by any source: nothing to propose
    ],
)
def test_target_standar_tanpa_ambang_6_67(
    skor: float | None, minimum: float, bawaan: float | None
) -> None:
    assert aturan.target_minimum(skor, None) == minimum
    assert aturan.target_bawaan(skor, None, 7.0) == bawaan


def test_target_standar_dengan_ambang_pmp_tetap_seperti_dulu() -> None:
    # A school without Rapor Pendidikan keeps the old rule.
    assert aturan.target_minimum(4.2, 6.67) == 6.67
    assert aturan.target_bawaan(4.2, 6.67, 7.0) == 6.67
    assert aturan.target_minimum(None, 6.67) == 6.67
    assert aturan.target_bawaan(None, 6.67, 7.0) == 6.67
    assert aturan.target_bawaan(6.8, 6.67, 7.0) == 7.0


# ------------------------------------------------------------------ the pengawas: red schools


def test_merah_per_indikator_urut_seperti_pbd(katalog: rp.Katalog) -> None:
    prioritas = katalog.prioritas("SMK")
    sekolah = [
        (1, "SMK Alfa", {"A.1": _c("A.1", K, 40.0, peringkat_nasional=4)}),
        (
            2,
            "SMK Beta",
            {
                "A.1": _c("A.1", K, 45.0, peringkat_nasional=5),
                "A.4": _c("A.4", K, 10.0, peringkat_daerah=3),
                "D.17": _c("D.17", S, 50.0),
            },
        ),
        (3, "SMK Gama", {"A.1": _c("A.1", K, 35.0, peringkat_nasional=4)}),
        (4, "SMK Delta", {"A.1": _c("A.1", K, None)}),  # no rank, no value: last
        (5, "SMK Eka", {"A.1": _c("A.1", S, 10.0), "D.8": _c("D.8", TT)}),
        (6, "SMK Zeta", {"A.1": _c("A.1", K, 35.0, peringkat_nasional=4)}),
        (7, "SMK Eta", {"B.9": _c("B.9", K, 1.0)}),  # not a priority indicator
    ]
    merah = srp.merah_per_indikator(prioritas, sekolah)
    assert list(merah) == list(prioritas)  # all eight, empty ones too
    assert [m.nama for m in merah["A.1"]] == [
        "SMK Beta",  # bottom group (81-100%) first
        "SMK Gama",  # group 4, lowest value; same value: by name
        "SMK Zeta",
        "SMK Alfa",
        "SMK Delta",
    ]
    beta = merah["A.1"][0]
    assert (beta.sekolah_id, beta.nilai, beta.peringkat) == (2, 45.0, 5)
    # The regional rank stands in when the national one is missing.
    assert [(m.nama, m.peringkat) for m in merah["A.4"]] == [("SMK Beta", 3)]
    assert merah["D.17"] == [] and merah["D.8"] == []
    assert "B.9" not in merah


def test_merah_tanpa_sekolah() -> None:
    assert srp.merah_per_indikator(PRIORITAS, []) == {k: [] for k in PRIORITAS}
