"""Finding and reading the indicator table of a school's Rapor Pendidikan download.

Pure: the caller (bot.dokumen.rapor_impor) opens the workbook and hands over each sheet as rows
of cell values. The table is found by its header text and by cells holding indicator codes,
never by fixed positions, as the reference describes for the 2023, 2024 and 2025 downloads
(RAPOR-PENDIDIKAN.md §2.6): the sheet named "Laporan Rapor" first, else any sheet; the header is
the first row with at least three known headings, including "Indikator" and a label column;
data rows are those whose first cells hold a code (alone, or before the name: "A.1 Kemampuan
literasi"). Rows without a code (the A.1/A.2 proficiency bands) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.mutu import rapor as rp

BARIS_CARI_KEPALA = 40  # the header sits under a title block of a few to ~15 rows
KOLOM_KODE = 3  # the code is in one of the first columns (No, or the start of Indikator)
_LEMBAR_LAPORAN = re.compile(r"laporan\s*rapor", re.I)
_KEPALA = (
    re.compile(r"^no\.?$", re.I),
    re.compile(r"indikator", re.I),
    re.compile(r"capaian", re.I),
    re.compile(r"skor|nilai", re.I),
    re.compile(r"perubahan", re.I),
    re.compile(r"peringkat", re.I),
    re.compile(r"sumber", re.I),
)
_K_LABEL = re.compile(r"^capaian$|label", re.I)
_K_SKOR = re.compile(r"skor rapor\s*(20\d\d)?|nilai capaian\s*(20\d\d)?|^(skor|nilai)$", re.I)
_K_BUKAN_SKOR = re.compile(r"perubahan|definisi|label", re.I)
_TAHUN = re.compile(r"(?<!\d)(20[2-3]\d)(?!\d)")
_EDISI_JUDUL = re.compile(r"rapor\s+pendidikan\D{0,40}(20[2-3]\d)|tahun\s+(20[2-3]\d)", re.I)
_NPSN = re.compile(r"(?<!\d)(\d{8})(?!\d)")
_NAMA_JUDUL = re.compile(r"rapor\s+pendidikan\s+(.+?)\s+tahun\s+20\d\d", re.I)

Sel = object
Lembar = tuple[str, Sequence[Sequence[Sel]]]


class TidakTerbaca(Exception):
    """The workbook holds no indicator table we can read; `alasan` names the message key."""

    def __init__(self, alasan: str) -> None:
        super().__init__(alasan)
        self.alasan = alasan


@dataclass(frozen=True)
class HasilBaca:
    """What was read from the download."""

    lembar: str
    edisi_tahun: int | None
    npsn: str | None
    nama_sekolah: str | None
    capaian: dict[str, rp.Capaian] = field(default_factory=dict)

    @property
    def edisi(self) -> str | None:
        """The edition name ("Rapor Pendidikan 2025"), when the file says its year."""
        return None if self.edisi_tahun is None else f"Rapor Pendidikan {self.edisi_tahun}"


@dataclass(frozen=True)
class _Kolom:
    label: int | None
    skor: int | None
    skor_tahun: int | None
    perubahan: tuple[int, ...]
    daerah: int | None
    nasional: int | None


def _norm(sel: Sel) -> str:
    return " ".join(str(sel).split()) if sel is not None else ""


def _jumlah_kepala(baris: Sequence[Sel]) -> int:
    teks = [_norm(s) for s in baris if s is not None]
    return sum(1 for pola in _KEPALA if any(pola.search(t) for t in teks))


def _petakan(baris: Sequence[Sel]) -> _Kolom | None:
    kepala = [_norm(s) for s in baris]
    label = next((i for i, t in enumerate(kepala) if _K_LABEL.search(t)), None)
    if label is None or not any(re.search("indikator", t, re.I) for t in kepala):
        return None
    skor: list[tuple[int, int]] = []  # (year or 9999 for "Skor" alone, column)
    for i, t in enumerate(kepala):
        m = _K_SKOR.search(t)
        if m is not None and i != label and not _K_BUKAN_SKOR.search(t):
            tahun = m.group(1) or m.group(2)
            skor.append((int(tahun) if tahun else 9999, i))
    skor.sort(reverse=True)
    peringkat = [i for i, t in enumerate(kepala) if re.search("peringkat", t, re.I)]
    nasional = next((i for i in peringkat if re.search("nasional", kepala[i], re.I)), None)
    daerah = next((i for i in peringkat if i != nasional), None)
    return _Kolom(
        label=label,
        skor=skor[0][1] if skor else None,
        skor_tahun=skor[0][0] if skor and skor[0][0] != 9999 else None,
        perubahan=tuple(i for i, t in enumerate(kepala) if re.search("perubahan", t, re.I)),
        daerah=daerah,
        nasional=nasional,
    )


def _sel(baris: Sequence[Sel], i: int | None) -> Sel:
    return baris[i] if i is not None and i < len(baris) else None


def _kode_baris(baris: Sequence[Sel]) -> str | None:
    for s in baris[:KOLOM_KODE]:
        kode = rp.kode_dari(_norm(s)) if s is not None else None
        if kode is not None:
            return kode
    return None


def _capaian(kode: str, baris: Sequence[Sel], kol: _Kolom) -> rp.Capaian:
    teks_label = _norm(_sel(baris, kol.label)) or None
    nilai = rp.angka(_sel(baris, kol.skor))
    if nilai is None and kode in rp.PERSEN:
        nilai = rp.angka_dalam_label(teks_label)
    if not rp.nilai_sah(kode, nilai):
        nilai = None
    arah: rp.Arah | None = None
    jumlah: float | None = None
    for i in kol.perubahan:
        sel = _sel(baris, i)
        a, j = rp.perubahan(_norm(sel))
        arah = arah or a
        if j is None and arah is not None and isinstance(sel, int | float):
            j = abs(float(sel))  # a separate "Perubahan Nilai" column holds the amount
        jumlah = jumlah if jumlah is not None else j
    return rp.Capaian(
        kode=kode,
        label=rp.label(teks_label),
        nilai=nilai,
        arah=arah,
        perubahan=jumlah,
        peringkat_daerah=rp.peringkat(_norm(_sel(baris, kol.daerah))),
        peringkat_nasional=rp.peringkat(_norm(_sel(baris, kol.nasional))),
        teks_label=teks_label,
    )


def _identitas(
    judul: Sequence[Sequence[Sel]], nama_berkas: str | None
) -> tuple[int | None, int | None, str | None, str | None]:
    """(year in the title, year in the file name, NPSN, school name) from the rows above the
    header and the file name (RAPOR-PBD-<JENJANG>-<NAMA>-<NPSN>-<TAHUN>.xlsx)."""
    tahun: int | None = None
    tahun_berkas: int | None = None
    npsn: str | None = None
    nama: str | None = None
    for baris in judul:
        teks = [_norm(s) for s in baris if s is not None and _norm(s)]
        for i, t in enumerate(teks):
            if tahun is None and (m := _EDISI_JUDUL.search(t)):
                tahun = int(m.group(1) or m.group(2))
            if nama is None and (m := _NAMA_JUDUL.search(t)):
                nama = m.group(1).strip()
            if "npsn" in t.lower():
                m = _NPSN.search(t) or (_NPSN.search(teks[i + 1]) if i + 1 < len(teks) else None)
                npsn = npsn or (m.group(1) if m else None)
            if re.match(r"^nama\s+(satuan\s+pendidikan|sekolah)", t, re.I) and i + 1 < len(teks):
                nama = nama or teks[i + 1].lstrip(": ").strip() or None
    if nama_berkas:
        if npsn is None and (m := _NPSN.search(nama_berkas)):
            npsn = m.group(1)
        if m := _TAHUN.search(nama_berkas.replace(npsn or "-", "-")):
            tahun_berkas = int(m.group(1))
    return tahun, tahun_berkas, npsn, nama


def _urutan(lembar: Sequence[Lembar]) -> list[Lembar]:
    return sorted(lembar, key=lambda x: not _LEMBAR_LAPORAN.search(x[0]))


def baca(lembar: Sequence[Lembar], nama_berkas: str | None = None) -> HasilBaca:
    """Read the indicator table from the sheets of a workbook, or raise `TidakTerbaca`
    ("rapor_kosong": every sheet empty; "rapor_tanpa_tabel": no header with indicator rows)."""
    if not any(any(s is not None and _norm(s) for s in b) for _, isi in lembar for b in isi):
        raise TidakTerbaca("rapor_kosong")
    for nama, isi in _urutan(lembar):
        for n, baris in enumerate(isi[:BARIS_CARI_KEPALA]):
            if _jumlah_kepala(baris) < 3:
                continue
            kol = _petakan(baris)
            if kol is None:
                continue
            capaian: dict[str, rp.Capaian] = {}
            for data in isi[n + 1 :]:
                kode = _kode_baris(data)
                if kode is not None and kode not in capaian:
                    capaian[kode] = _capaian(kode, data, kol)
            if not any(c.label is not None or c.nilai is not None for c in capaian.values()):
                continue
            tahun, tahun_berkas, npsn, sekolah = _identitas(isi[:n], nama_berkas)
            edisi = tahun or kol.skor_tahun or tahun_berkas
            return HasilBaca(nama, edisi, npsn, sekolah, capaian)
    raise TidakTerbaca("rapor_tanpa_tabel")
