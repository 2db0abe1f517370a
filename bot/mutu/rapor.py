"""Rapor Pendidikan as data: the catalogue of indicators, what a school holds per indicator
(label, value, change, rank group), and the parsing of the report's cell texts.

Pure: the files are read by db.rapor_katalog; this module checks their shape. Labels are always
taken from the report, never recomputed (there are no official cut-offs for most indicators).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class KatalogRusak(ValueError):
    """The catalogue or suggestion file does not have the expected shape."""


class Label(StrEnum):
    """The report's label of an indicator (red, yellow, green, or not available)."""

    BAIK = "baik"
    SEDANG = "sedang"
    KURANG = "kurang"
    TIDAK_TERSEDIA = "tidak_tersedia"


class Arah(StrEnum):
    """The change from last year's report."""

    NAIK = "naik"
    TURUN = "turun"
    TETAP = "tetap"


# Indicators whose headline value is a percentage of students (the rest are 0-100 indices).
PERSEN = frozenset({"A.1", "A.2"})
KODE = re.compile(r"^[A-E]\.\d+(?:\.\d+)*(?:\.skor)?$")
KODE_DI_AWAL = re.compile(r"^\s*([A-E]\.\d+(?:\.\d+)*(?:\.skor)?)(?=\s|$)")
JENJANG_SMK = "SMK"


@dataclass(frozen=True, slots=True)
class Indikator:
    """One indicator or sub-indicator of the catalogue, keyed by (layanan, kode)."""

    layanan: str
    kode: str
    nama: str
    induk: str | None
    berlabel: bool


@dataclass(frozen=True, slots=True)
class Katalog:
    """The school-level catalogue of one edition, with its priority sets."""

    edisi: str
    versi: str
    sumber: str
    indikator: Mapping[tuple[str, str], Indikator]
    prioritas_umum: tuple[str, ...]
    prioritas_smk_tambahan: tuple[str, ...]
    prioritas_confirmed: bool

    def layanan_untuk(self, jenjang: str) -> tuple[str, ...]:
        """The services a school of this jenjang sees (SMK: dasmen plus vokasional)."""
        return ("dasmen", "vokasional") if jenjang == JENJANG_SMK else ("dasmen",)

    def prioritas(self, jenjang: str) -> tuple[str, ...]:
        """The priority indicators of a school: 6, or 8 for an SMK."""
        if jenjang == JENJANG_SMK:
            return self.prioritas_umum + self.prioritas_smk_tambahan
        return self.prioritas_umum

    def cari(self, kode: str, jenjang: str) -> Indikator | None:
        """The indicator with this code for a school of this jenjang, or None."""
        for lay in self.layanan_untuk(jenjang):
            ind = self.indikator.get((lay, kode))
            if ind is not None:
                return ind
        return None


@dataclass(frozen=True, slots=True)
class Capaian:
    """What the report says of one indicator for the school."""

    kode: str
    label: Label | None
    nilai: float | None = None
    arah: Arah | None = None
    perubahan: float | None = None
    peringkat_daerah: int | None = None  # quintile 1 (top 1-20%) .. 5 (bottom 81-100%)
    peringkat_nasional: int | None = None
    teks_label: str | None = None


@dataclass(frozen=True, slots=True)
class SaranAkar:
    """One root-cause indicator the bot suggests, with the sub-indicators to check."""

    kode: str
    sub: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PetaAkar:
    """The bot's root-cause suggestions per priority indicator (not the ministry's cards)."""

    confirmed: bool
    sumber: str
    saran: Mapping[str, tuple[SaranAkar, ...]] = field(default_factory=dict)
    sendiri: frozenset[str] = frozenset()


def _teks(data: Mapping[str, Any], kunci: str, di: str) -> str:
    nilai = data.get(kunci)
    if not isinstance(nilai, str) or not nilai.strip():
        raise KatalogRusak(f"{di}: '{kunci}' harus teks")
    return nilai.strip()


def katalog_dari(data: Any) -> Katalog:
    """Check the parsed catalogue file and build the Katalog; `KatalogRusak` says what is wrong."""
    if not isinstance(data, Mapping) or not isinstance(data.get("meta"), Mapping):
        raise KatalogRusak("katalog: 'meta' tidak ada")
    meta = data["meta"]
    prio = meta.get("indikator_prioritas")
    if not isinstance(prio, Mapping):
        raise KatalogRusak("meta: 'indikator_prioritas' tidak ada")
    daftar = data.get("indikator")
    if not isinstance(daftar, list) or not daftar:
        raise KatalogRusak("katalog: 'indikator' kosong")
    semua: dict[tuple[str, str], Indikator] = {}
    for i, baris in enumerate(daftar):
        di = f"indikator ke-{i + 1}"
        if not isinstance(baris, Mapping):
            raise KatalogRusak(f"{di}: bukan peta")
        kode = _teks(baris, "kode", di)
        lay = _teks(baris, "layanan", di)
        if not KODE.match(kode):
            raise KatalogRusak(f"{di}: kode '{kode}' tidak dikenal")
        if lay not in ("dasmen", "vokasional"):
            raise KatalogRusak(f"{di}: layanan '{lay}' tidak dikenal")
        if (lay, kode) in semua:
            raise KatalogRusak(f"{di}: ({lay}, {kode}) ganda")
        semua[(lay, kode)] = Indikator(
            lay, kode, _teks(baris, "nama", di), baris.get("induk"), baris.get("labels") is not None
        )
    umum = tuple(prio.get("sd_smp_sma") or ())
    smk = tuple(prio.get("tambahan_smk") or ())
    kode_ada = {k for _, k in semua}
    for kode in umum + smk:
        if kode not in kode_ada:
            raise KatalogRusak(f"indikator prioritas {kode} tidak ada di katalog")
    sumber = meta.get("sumber") or {}
    return Katalog(
        edisi=_teks(meta, "edisi", "meta"),
        versi=_teks(meta, "versi", "meta"),
        sumber=f"{sumber.get('repo', '')} {sumber.get('path', '')}".strip(),
        indikator=semua,
        prioritas_umum=umum,
        prioritas_smk_tambahan=smk,
        prioritas_confirmed=prio.get("confirmed") is True,
    )


def peta_akar_dari(data: Any, katalog: Katalog) -> PetaAkar:
    """Check the parsed root-cause file against the catalogue and build the PetaAkar."""
    if not isinstance(data, Mapping) or not isinstance(data.get("akar"), Mapping):
        raise KatalogRusak("akar masalah: 'akar' tidak ada")
    meta = data.get("meta") or {}
    kode_ada = {k for _, k in katalog.indikator}
    saran: dict[str, tuple[SaranAkar, ...]] = {}
    sendiri: set[str] = set()
    for kode, isi in data["akar"].items():
        if kode not in kode_ada:
            raise KatalogRusak(f"akar masalah: {kode} tidak ada di katalog")
        daftar = []
        for s in isi.get("saran") or ():
            sub = tuple(s.get("sub") or ())
            for k in (s["kode"], *sub):
                if k not in kode_ada:
                    raise KatalogRusak(f"akar masalah {kode}: {k} tidak ada di katalog")
            daftar.append(SaranAkar(s["kode"], sub))
        saran[kode] = tuple(daftar)
        if isi.get("sendiri"):
            sendiri.add(kode)
    return PetaAkar(
        confirmed=meta.get("confirmed") is True,
        sumber=str(meta.get("sumber", "")),
        saran=saran,
        sendiri=frozenset(sendiri),
    )


# --- the report's cell texts -------------------------------------------------------------

_LABEL = re.compile(r"^\s*(baik|sedang|kurang|tidak\s+tersedia|capaian\s+tidak\s+tersedia)", re.I)
_ANGKA = re.compile(r"-?\d+(?:[.,]\d+)?")
_ARAH = re.compile(r"^\s*(naik|turun|tidak\s+berubah|tetap)\s*([-+]?\d+(?:[.,]\d+)?)?", re.I)
_PERINGKAT = re.compile(r"(\d{1,2})\s*-\s*(\d{2,3})\s*%")
_PERINGKAT_KATA = (
    ("menengah atas", 2),
    ("menengah bawah", 4),
    ("menengah", 3),
    ("atas", 1),
    ("bawah", 5),
)


def angka(teks: object) -> float | None:
    """A number from a cell: a float as is, or Indonesian text ("8,33", "45,2%")."""
    if isinstance(teks, bool) or teks is None:
        return None
    if isinstance(teks, int | float):
        return float(teks)
    m = _ANGKA.search(str(teks))
    return float(m.group(0).replace(",", ".")) if m else None


def label(teks: object) -> Label | None:
    """The label at the start of a cell ("Kurang (8,33% siswa ...)"), or None."""
    if not isinstance(teks, str):
        return None
    m = _LABEL.match(teks)
    if m is None:
        return None
    kata = " ".join(m.group(1).lower().split())
    if kata.endswith("tidak tersedia"):
        return Label.TIDAK_TERSEDIA
    return Label(kata)


def angka_dalam_label(teks: object) -> float | None:
    """The percentage inside an A.1/A.2 label ("Kurang (8,33% siswa ...)" -> 8.33)."""
    if not isinstance(teks, str) or "(" not in teks:
        return None
    return angka(teks[teks.index("(") :])


def perubahan(teks: object) -> tuple[Arah | None, float | None]:
    """The change: ("Turun 33,36%") -> (TURUN, 33.36); "Tidak berubah" -> (TETAP, None)."""
    if not isinstance(teks, str):
        return None, None
    m = _ARAH.match(teks)
    if m is None:
        return None, None
    kata = m.group(1).lower()
    arah = Arah.NAIK if kata == "naik" else Arah.TURUN if kata == "turun" else Arah.TETAP
    jumlah = float(m.group(2).replace(",", ".").lstrip("+-")) if m.group(2) else None
    return arah, jumlah


def peringkat(teks: object) -> int | None:
    """The quintile (1 top .. 5 bottom) of "Peringkat bawah (81-100%)", or None."""
    if not isinstance(teks, str):
        return None
    m = _PERINGKAT.search(teks)
    if m is not None:
        awal = int(m.group(1))
        if awal in (1, 21, 41, 61, 81):
            return awal // 20 + 1
    kecil = " ".join(teks.lower().split())
    if "peringkat" not in kecil:
        return None
    for kata, nilai in _PERINGKAT_KATA:
        if kata in kecil:
            return nilai
    return None


def kode_dari(teks: object) -> str | None:
    """The indicator code a cell holds, alone ("A.1") or before its name ("A.1 Kemampuan ...")."""
    if not isinstance(teks, str):
        return None
    m = KODE_DI_AWAL.match(teks)
    return m.group(1) if m else None


def nilai_sah(kode: str, nilai: float | None) -> bool:
    """Whether a value fits its scale: 0-100 (a percentage for A.1/A.2, an index otherwise)."""
    return nilai is None or 0 <= nilai <= 100


# --- Stage 1 on Rapor Pendidikan -------------------------------------------------------------

EDISI_AWALAN = "Rapor Pendidikan "
URUTAN_LABEL = (Label.KURANG, Label.SEDANG, Label.BAIK, Label.TIDAK_TERSEDIA)


def edisi_siklus(tahun_ajaran: str) -> tuple[str, ...]:
    """The editions that can close stage 1 of a cycle, newest first. The report of year A comes
    out in March A, so a cycle of "A/A+1" plans from edition A, or from A-1 while A is not out
    yet; an older report describes another school year. () for a year it cannot read."""
    awal = tahun_ajaran.split("/", 1)[0].strip()
    if not awal.isdigit():
        return ()
    tahun = int(awal)
    return (f"{EDISI_AWALAN}{tahun}", f"{EDISI_AWALAN}{tahun - 1}")


@dataclass(frozen=True, slots=True)
class BarisPeta:
    """One indicator of the quality map: code, official name, whether it is a priority
    indicator, and what the report says."""

    kode: str
    nama: str
    prioritas: bool
    capaian: Capaian


@dataclass(frozen=True, slots=True)
class PetaRapor:
    """The Rapor Pendidikan part of the quality map: the level-1 indicators the report labels,
    red first, then yellow, green and not available; priority indicators first within a label,
    then the lower rank group, then the larger drop."""

    edisi: str
    baris: tuple[BarisPeta, ...]

    def dengan_label(self, label: Label) -> list[BarisPeta]:
        """The indicators with that label, in map order."""
        return [b for b in self.baris if b.capaian.label is label]

    @property
    def prioritas(self) -> list[BarisPeta]:
        """The priority indicators, in map order."""
        return [b for b in self.baris if b.prioritas]


def _kunci_peta(b: BarisPeta) -> tuple[int, int, int, float, str]:
    c = b.capaian
    urut = URUTAN_LABEL.index(c.label) if c.label in URUTAN_LABEL else len(URUTAN_LABEL)
    peringkat = c.peringkat_nasional or c.peringkat_daerah or 0
    turun = (c.perubahan or 0.0) if c.arah is Arah.TURUN else 0.0
    return (urut, 0 if b.prioritas else 1, -peringkat, -turun, b.kode)


def susun_peta(
    edisi: str, capaian: Mapping[str, Capaian], katalog: Katalog, jenjang: str
) -> PetaRapor:
    """The map's Rapor Pendidikan part from the values of one import. Sub-indicators and
    indicators the report gives no label are left to the document; codes outside the catalogue
    are kept under their code (a new edition may add some)."""
    prioritas = set(katalog.prioritas(jenjang))
    baris = []
    for kode, c in capaian.items():
        ind = katalog.cari(kode, jenjang)
        if c.label is None or (ind is not None and ind.induk is not None):
            continue
        if ind is None and kode.count(".") != 1:
            continue
        baris.append(BarisPeta(kode, ind.nama if ind else kode, kode in prioritas, c))
    return PetaRapor(edisi, tuple(sorted(baris, key=_kunci_peta)))
