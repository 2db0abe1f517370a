"""Stage 5, pure (bot/mutu/target_rapor.py): the labels a school may set as an indicator's
next target (its own label or above, none when not measured) and the targets in force (stored
over proposed)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.mutu import rapor as rp
from bot.mutu import siklus_rp as srp
from bot.mutu import target_rapor as trp

K, S, B, TT = rp.Label.KURANG, rp.Label.SEDANG, rp.Label.BAIK, rp.Label.TIDAK_TERSEDIA


def _c(kode: str, label: rp.Label | None, nilai: float | None = None) -> rp.Capaian:
    return rp.Capaian(kode, label, nilai)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "pilihan"),
    [(K, (K, S, B)), (S, (S, B)), (B, (B,)), (TT, ()), (None, ())],
)
def test_pilihan_label_tidak_di_bawah_label_sendiri(
    label: rp.Label | None, pilihan: tuple[rp.Label, ...]
) -> None:
    assert trp.pilihan_label(_c("A.1", label, 40.0)) == pilihan


def test_pilihan_label_tanpa_capaian() -> None:
    assert trp.pilihan_label(None) == ()


KINI = srp.Edisi(
    "Rapor Pendidikan 2026",
    datetime(2026, 4, 1),
    {
        "A.1": _c("A.1", S, 51.0),
        "D.4": _c("D.4", K, 46.0),
        "A.3": _c("A.3", B, 72.0),
        "D.8": _c("D.8", TT, None),
    },
)
KODE = ("A.1", "D.4", "A.3", "D.8")
USULAN = srp.target_indikator(KODE, {}, KINI, KODE)


def test_boleh_menurut_label_sekolah() -> None:
    a1, d4, a3, d8 = USULAN
    assert trp.boleh(a1, S) and trp.boleh(a1, B) and not trp.boleh(a1, K)
    assert trp.boleh(d4, K) and trp.boleh(d4, B)
    assert trp.boleh(a3, B) and not trp.boleh(a3, S)
    assert not any(trp.boleh(d8, lbl) for lbl in (K, S, B, TT))  # not measured: no target


def test_berlaku_tersimpan_di_atas_usulan() -> None:
    hasil = trp.berlaku(USULAN, {"D.4": (B, 46.0)})
    per_kode = {t.kode: t for t in hasil}
    assert [t.kode for t in hasil] == list(KODE)  # order kept
    assert (per_kode["D.4"].label, per_kode["D.4"].nilai_minimum) == (B, 46.0)
    assert per_kode["D.4"].ditetapkan
    assert (per_kode["A.1"].label, per_kode["A.1"].ditetapkan) == (B, False)  # the proposal
    assert per_kode["D.8"].label is None and not per_kode["D.8"].diukur
    assert per_kode["D.4"].kini == KINI.capaian["D.4"]  # the school's own values unchanged


def test_berlaku_tanpa_tersimpan_sama_dengan_usulan() -> None:
    assert trp.berlaku(USULAN, {}) == USULAN
    assert not any(t.ditetapkan for t in USULAN)
