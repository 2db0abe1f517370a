"""PBD in the plan (pure rules, no I/O): the candidate problems of Identifikasi as one list
(Rapor Pendidikan first, in PBD order, then the school's own SNP evaluation), the ARKAS short
list of Benahi, and how a typed ARKAS activity is read."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from bot.mutu import rapor as rp
from bot.mutu.rapor_pbd import Kandidat

RAPOR = "rapor"
SNP = "snp"
KODE_ARKAS = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
_ARKAS_KETIK = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){1,3})\b\s*[-:–]?\s*(.*)$")
MAKS_NAMA_ARKAS = 300


@dataclass(frozen=True)
class CalonMasalah:
    """A problem the team can pick: a Rapor Pendidikan priority indicator (with its label and
    value) or a weak indicator of the school's own evaluation (with its 0-7 score)."""

    kode: str
    nama: str
    sumber: str  # RAPOR or SNP
    capaian: rp.Capaian | None = None
    skor: float | None = None
    standar_kode: str | None = None

    @property
    def rapor(self) -> bool:
        return self.sumber == RAPOR


def adalah_kode_rapor(kode: str) -> bool:
    """A Rapor Pendidikan code ("A.1", "D.4"), not an SNP instrument code ("1.1")."""
    return rp.KODE.match(kode) is not None


def calon_masalah(
    rapor: Sequence[Kandidat],
    nama_rapor: Mapping[str, str],
    snp: Iterable[Any],
    sudah: Iterable[str],
    maks: int,
) -> list[CalonMasalah]:
    """The candidates in the order the team sees them: the Rapor Pendidikan ones as
    `rapor_pbd.identifikasi` orders them (red before yellow; lower rank group; larger drop),
    then the weak SNP indicators (weakest first, as given); the chosen ones left out."""
    pilih = set(sudah)
    hasil = [
        CalonMasalah(k.kode, nama_rapor.get(k.kode, k.kode), RAPOR, capaian=k.capaian)
        for k in rapor
        if k.kode not in pilih
    ]
    hasil += [
        CalonMasalah(i.kode, i.nama, SNP, skor=i.skor, standar_kode=i.standar_kode)
        for i in snp
        if i.kode not in pilih
    ]
    return hasil[:maks]


@dataclass(frozen=True)
class KegiatanArkas:
    """An activity of the ARKAS list: its code SS.KK.NN and name."""

    kode: str | None
    nama: str
    indikator: tuple[str, ...] = ()


@dataclass(frozen=True)
class DaftarArkas:
    """The shipped short list, with its source; `confirmed` False means it is shown so."""

    sumber: str
    confirmed: bool
    kegiatan: tuple[KegiatanArkas, ...]

    def untuk(self, indikator: str | None) -> tuple[KegiatanArkas, ...]:
        """The activities paired with an indicator (all of them when none fits)."""
        cocok = tuple(k for k in self.kegiatan if indikator in k.indikator)
        return cocok or self.kegiatan

    def cari(self, kode: str) -> KegiatanArkas | None:
        return next((k for k in self.kegiatan if k.kode == kode), None)


class DaftarArkasRusak(ValueError):
    """The ARKAS file does not have the expected shape."""


def daftar_arkas_dari(data: Any) -> DaftarArkas:
    """Check the parsed ARKAS file and build the list; `DaftarArkasRusak` names what is wrong."""
    if not isinstance(data, Mapping) or not isinstance(data.get("meta"), Mapping):
        raise DaftarArkasRusak("meta tidak ada")
    meta = data["meta"]
    kegiatan = []
    kode_ada: set[str] = set()
    for i, k in enumerate(data.get("kegiatan") or ()):
        kode, nama = str(k.get("kode", "")), str(k.get("nama", "")).strip()
        if not KODE_ARKAS.match(kode) or not nama or kode in kode_ada:
            raise DaftarArkasRusak(f"kegiatan ke-{i + 1} tidak sah: {kode!r}")
        kode_ada.add(kode)
        kegiatan.append(KegiatanArkas(kode, nama, tuple(str(x) for x in k.get("indikator", ()))))
    if not kegiatan:
        raise DaftarArkasRusak("daftar kosong")
    return DaftarArkas(str(meta.get("sumber", "")), bool(meta.get("confirmed")), tuple(kegiatan))


def baca_arkas_ketik(teks: str) -> KegiatanArkas | None:
    """A typed ARKAS activity: "03.03.02 Pengembangan ..." (code and name) or a name alone.
    None when a code is given in another shape than SS.KK.NN, or when the name is empty."""
    teks = " ".join(teks.split())
    m = _ARKAS_KETIK.match(teks)
    if m:
        kode, nama = m.group(1), m.group(2).strip()
        if not KODE_ARKAS.match(kode) or not nama:
            return None
        return KegiatanArkas(kode, nama[:MAKS_NAMA_ARKAS])
    if not teks or teks[0].isdigit():
        return None
    return KegiatanArkas(None, teks[:MAKS_NAMA_ARKAS])
