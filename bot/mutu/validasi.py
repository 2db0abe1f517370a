"""Checks and normalisation of what people type during onboarding."""

from __future__ import annotations

import re
from datetime import date

# NPSN: 8 characters, digits or capital letters (the source says "kombinasi huruf dan angka";
# every real example is 8 digits).
_POLA_NPSN = re.compile(r"^[0-9A-Z]{8}$")
_POLA_KODE = re.compile(r"^[A-Z0-9]{6,16}$")

JENJANG: tuple[str, ...] = ("SD", "SMP", "SMA", "SMK", "SLB", "MI", "MTs", "MA")
ZONA_WAKTU: tuple[str, ...] = ("Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura")


def npsn(teks: str) -> str | None:
    """The NPSN in canonical form (spaces removed, upper case), or None when invalid."""
    calon = re.sub(r"[\s.-]", "", teks).upper()
    return calon if _POLA_NPSN.match(calon) else None


def nama_wilayah(teks: str, *, minimal: int = 3, maksimal: int = 100) -> str | None:
    """A school, district or province name: trimmed, single-spaced, letters present."""
    bersih = " ".join(teks.split())
    if not minimal <= len(bersih) <= maksimal or not re.search(r"[A-Za-z]", bersih):
        return None
    return bersih


def kode_undangan(teks: str) -> str | None:
    """An invite code as typed (case and spaces forgiven), or None when it cannot be one."""
    calon = re.sub(r"\s", "", teks).upper()
    return calon if _POLA_KODE.match(calon) else None


def tahun_ajaran(hari: date) -> str:
    """The school year a date falls in; it runs from July to June (e.g. "2026/2027")."""
    awal = hari.year if hari.month >= 7 else hari.year - 1
    return f"{awal}/{awal + 1}"


PANJANG_NAMA_BERKAS = 200  # the column bukti.nama_file; Telegram allows longer names


def nama_berkas(nama: str | None, maksimal: int = PANJANG_NAMA_BERKAS) -> str | None:
    """A file name as sent, shortened to `maksimal` characters with its extension kept (a
    long name is cut in its stem, so "laporan ... .pdf" stays a .pdf)."""
    if nama is None or len(nama) <= maksimal:
        return nama
    titik = nama.rfind(".")
    akhiran = nama[titik:] if 0 < titik and len(nama) - titik <= 10 else ""
    return nama[: maksimal - len(akhiran)].rstrip() + akhiran
