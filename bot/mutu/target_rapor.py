"""Stage 5, pure: the labels a school may set as the next target of a Rapor Pendidikan
indicator (the school's own label or above, never below), and the targets in force (the
stored ones over the proposals). An indicator no source measures gets no target."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from bot.mutu.rapor import Capaian, Label
from bot.mutu.siklus_rp import TANGGA, TargetIndikator


def pilihan_label(kini: Capaian | None) -> tuple[Label, ...]:
    """The labels a target may take: the school's own label and those above it (Kurang:
    Kurang, Sedang, Baik; Baik: Baik only); none when the indicator is not measured."""
    if kini is None or kini.label not in TANGGA:
        return ()
    return TANGGA[TANGGA.index(kini.label) :]  # type: ignore[arg-type]


def boleh(t: TargetIndikator, label: Label) -> bool:
    """Whether `label` may be the target of indicator `t` (measured, and not below its own)."""
    return label in pilihan_label(t.kini)


def berlaku(
    usulan: Iterable[TargetIndikator], tersimpan: Mapping[str, tuple[Label, float | None]]
) -> tuple[TargetIndikator, ...]:
    """The targets in force: a stored (label, minimum value) over the proposal, marked as
    set; a stored target for an indicator now unmeasured is kept (it was set on data)."""
    hasil = []
    for t in usulan:
        if t.kode in tersimpan:
            label, nilai = tersimpan[t.kode]
            hasil.append(replace(t, label=label, nilai_minimum=nilai, ditetapkan=True))
        else:
            hasil.append(t)
    return tuple(hasil)
