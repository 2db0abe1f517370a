"""Rapor Pendidikan through the rest of the cycle, pure: which edition is the plan's baseline
and which is newer, a program evaluated against the indicator it targets ("A.1 dari Kurang ke
Sedang"), next targets per indicator relative to the school's own baseline and the report's
labels, two editions compared per indicator, and the schools red per priority indicator.

Labels are always the report's own: a target is "one label up" (Kurang -> Sedang -> Baik), the
value "not below the school's own", never a numeric cut-off (there is none for most
indicators). An indicator the report does not give (Tidak Tersedia, or absent) is "not
measured", and said so."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from bot.mutu.rapor import KODE, Capaian, Label

# The order of labels, worst first; Tidak Tersedia is no step on it.
TANGGA = (Label.KURANG, Label.SEDANG, Label.BAIK)
NAIK, TURUN, TETAP, BARU, TANPA_DATA = "naik", "turun", "tetap", "baru", "tanpa_data"


def kode_rapor(kode: str) -> bool:
    """Whether a problem's indicator code is a Rapor Pendidikan one ("A.1"), not an SNP/PMP
    indicator of the school's own evaluation ("1.1")."""
    return bool(KODE.match(kode))


def diukur(c: Capaian | None) -> bool:
    """Whether the report gives the indicator a label (Baik, Sedang or Kurang)."""
    return c is not None and c.label in TANGGA


def _anak_tangga(c: Capaian | None) -> int | None:
    return TANGGA.index(c.label) if c is not None and c.label in TANGGA else None  # type: ignore[arg-type]


def label_target(awal: Capaian | None) -> Label | None:
    """The next label up from the baseline (Kurang -> Sedang, Sedang -> Baik; Baik stays
    Baik); None when the baseline is not measured."""
    i = _anak_tangga(awal)
    if i is None:
        return None
    return TANGGA[min(i + 1, len(TANGGA) - 1)]


@dataclass(frozen=True, slots=True)
class Edisi:
    """One import of the school's report: its edition and its values by code."""

    edisi: str
    diimpor_pada: datetime
    capaian: Mapping[str, Capaian]


def pilih_edisi(
    semua: Sequence[Edisi], batas: datetime | None
) -> tuple[Edisi | None, Edisi | None]:
    """(baseline, newer) editions. The baseline is the newest edition imported by `batas`
    (the plan's approval; None: any time), else the oldest; the newer is the newest edition
    after the baseline's, or None when there is none yet."""
    if not semua:
        return None, None
    urut = sorted(semua, key=lambda e: e.edisi)
    sebelum = [e for e in urut if batas is None or e.diimpor_pada <= batas]
    if batas is None:
        awal = urut[-2] if len(urut) > 1 else urut[-1]
    else:
        awal = sebelum[-1] if sebelum else urut[0]
    sesudah = [e for e in urut if e.edisi > awal.edisi]
    return awal, (sesudah[-1] if sesudah else None)


@dataclass(frozen=True, slots=True)
class PerubahanIndikator:
    """One indicator in two editions."""

    kode: str
    nama: str
    awal: Capaian | None
    akhir: Capaian | None

    @property
    def selisih(self) -> float | None:
        """The newer value less the baseline's."""
        if self.awal is None or self.akhir is None:
            return None
        if self.awal.nilai is None or self.akhir.nilai is None:
            return None
        return round(self.akhir.nilai - self.awal.nilai, 2)

    @property
    def arah(self) -> str:
        """naik / turun / tetap by label first, then by value; baru (no baseline) or
        tanpa_data (not measured now)."""
        a, b = _anak_tangga(self.awal), _anak_tangga(self.akhir)
        if b is None:
            return TANPA_DATA
        if a is None:
            return BARU
        if a != b:
            return NAIK if b > a else TURUN
        s = self.selisih
        if s is None or s == 0:
            return TETAP
        return NAIK if s > 0 else TURUN


def bandingkan_edisi(
    kode: Iterable[str],
    nama: Mapping[str, str],
    awal: Edisi | None,
    akhir: Edisi | None,
) -> tuple[PerubahanIndikator, ...]:
    """The given indicators in the baseline and the newer edition."""
    return tuple(
        PerubahanIndikator(
            k,
            nama.get(k, k),
            awal.capaian.get(k) if awal else None,
            akhir.capaian.get(k) if akhir else None,
        )
        for k in kode
    )


@dataclass(frozen=True, slots=True)
class EvaluasiRapor:
    """A program judged against the Rapor Pendidikan indicator it targets."""

    kode: str
    nama: str
    edisi_awal: str | None
    awal: Capaian | None
    target: Label | None  # the label aimed at ("A.1 dari Kurang ke Sedang")
    edisi_akhir: str | None  # None: no newer edition imported yet
    akhir: Capaian | None
    usulan: str | None  # ya / sebagian / tidak, or None when it cannot be told yet

    @property
    def diukur(self) -> bool:
        return self.target is not None


def evaluasi_program(
    kode: str, nama: str, awal: Edisi | None, akhir: Edisi | None
) -> EvaluasiRapor:
    """The bot's suggested verdict: ya when the newer edition reached the target label,
    sebagian when the label did not rise but the value did, tidak otherwise; None without a
    newer edition or when the indicator is not measured."""
    ca = awal.capaian.get(kode) if awal else None
    cb = akhir.capaian.get(kode) if akhir else None
    target = label_target(ca)
    usulan = None
    if target is not None and diukur(cb):
        assert cb is not None and cb.label is not None
        if TANGGA.index(cb.label) >= TANGGA.index(target):
            usulan = "ya"
        elif PerubahanIndikator(kode, nama, ca, cb).arah == NAIK:
            usulan = "sebagian"
        else:
            usulan = "tidak"
    return EvaluasiRapor(
        kode,
        nama,
        awal.edisi if awal else None,
        ca,
        target,
        akhir.edisi if akhir else None,
        cb,
        usulan,
    )


@dataclass(frozen=True, slots=True)
class TargetIndikator:
    """The next cycle's target of one indicator: a label and a value not below the school's
    own; `diukur` False when no source measures it (no target can be set from data)."""

    kode: str
    nama: str
    kini: Capaian | None  # the latest edition's values (the new baseline)
    label: Label | None
    nilai_minimum: float | None
    prioritas: bool
    ditetapkan: bool = False  # set by the school (or stored at closing), not only proposed

    @property
    def diukur(self) -> bool:
        return self.label is not None


def target_indikator(
    kode: Iterable[str], nama: Mapping[str, str], kini: Edisi | None, prioritas: Iterable[str]
) -> tuple[TargetIndikator, ...]:
    """A target per indicator from the latest edition: one label up (Baik stays Baik, and
    its value is kept), and the value at least the school's own."""
    utama = set(prioritas)
    hasil = []
    for k in kode:
        c = kini.capaian.get(k) if kini else None
        lbl = label_target(c)
        hasil.append(
            TargetIndikator(
                k,
                nama.get(k, k),
                c,
                lbl,
                c.nilai if (lbl is not None and c is not None) else None,
                k in utama,
            )
        )
    return tuple(hasil)


@dataclass(frozen=True, slots=True)
class MerahSekolah:
    """A school red (Kurang) on one priority indicator, with its value and rank."""

    sekolah_id: int
    nama: str
    nilai: float | None
    peringkat: int | None


def merah_per_indikator(
    prioritas: Sequence[str], sekolah: Iterable[tuple[int, str, Mapping[str, Capaian]]]
) -> dict[str, list[MerahSekolah]]:
    """For each priority indicator, the schools labelled Kurang on it, lowest rank group then
    lowest value first (as PBD orders them)."""
    hasil: dict[str, list[MerahSekolah]] = {k: [] for k in prioritas}
    for sid, nama, capaian in sekolah:
        for k in prioritas:
            c = capaian.get(k)
            if c is not None and c.label == Label.KURANG:
                hasil[k].append(
                    MerahSekolah(sid, nama, c.nilai, c.peringkat_nasional or c.peringkat_daerah)
                )
    for daftar in hasil.values():
        daftar.sort(
            key=lambda m: (
                -(m.peringkat or 0),
                m.nilai if m.nilai is not None else 1000.0,
                m.nama,
            )
        )
    return hasil
