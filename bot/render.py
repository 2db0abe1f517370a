"""The jinja2 environment for `templat/`: chat messages (Telegram HTML) and labels."""

from __future__ import annotations

import html
import re
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from babel.dates import format_date, format_datetime, get_day_names
from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from bot.mutu.potong import potong_html

FOLDER_TEMPLAT = Path(__file__).resolve().parent.parent / "templat"
BATAS_PESAN = 4096
LOKAL = "id_ID"

_SINGKATAN_ZONA = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def tanggal(nilai: date | datetime, zona: str | None = None) -> str:
    """'Senin, 7 Desember 2026' (a datetime is first moved to the zone)."""
    if isinstance(nilai, datetime) and zona:
        nilai = nilai.astimezone(ZoneInfo(zona))
    return format_date(nilai, format="EEEE, d MMMM y", locale=LOKAL)


def nama_hari(hari: int) -> str:
    """'Jumat' for 4 (Monday is 0)."""
    return str(get_day_names("wide", locale=LOKAL)[hari])


def tanggal_pendek(nilai: date | datetime) -> str:
    """'15 Jan 2027'"""
    return format_date(nilai, format="d MMM y", locale=LOKAL)


def tanggal_waktu(nilai: datetime, zona: str) -> str:
    """'Senin, 7 Desember 2026 pukul 14.30 WIB' in the school's zone."""
    lokal = nilai.astimezone(ZoneInfo(zona))
    teks = format_datetime(lokal, format="EEEE, d MMMM y 'pukul' HH.mm", locale=LOKAL)
    return f"{teks} {_SINGKATAN_ZONA.get(zona, zona)}"


def angka(nilai: float | int, desimal: int = 0) -> str:
    """Indonesian number format: 1.500,25."""
    pola = "#,##0" + ("." + "0" * desimal if desimal else "")
    return format_decimal(nilai, format=pola, locale=LOKAL)


def rupiah(nilai: int) -> str:
    """Rp1.500.000"""
    return "Rp" + angka(nilai)


def singkatan_zona(zona: str) -> str:
    """WIB, WITA or WIT."""
    return _SINGKATAN_ZONA.get(zona, zona)


class Render:
    """Renders chat messages from `templat/pesan/*.html` and labels from `templat/label.yaml`."""

    def __init__(self, folder: Path = FOLDER_TEMPLAT) -> None:
        self.folder = folder
        self.env = Environment(
            loader=FileSystemLoader(folder),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.env.filters.update(
            tanggal=tanggal,
            tanggal_waktu=tanggal_waktu,
            tanggal_pendek=tanggal_pendek,
            nama_hari=nama_hari,
            jam=lambda nilai: f"{nilai:%H.%M}",
            angka=angka,
            rupiah=rupiah,
            skor=lambda nilai: angka(nilai, 2),
            zona=singkatan_zona,
            peran=self.nama_peran,
        )
        self.env.globals["label"] = self.label

    @cached_property
    def _label(self) -> dict[str, Any]:
        with (self.folder / "label.yaml").open(encoding="utf-8") as berkas:
            return yaml.safe_load(berkas)

    def label(self, kunci: str, /, **isian: object) -> str:
        """A short text by dotted key (`tombol.daftar`), with `{name}` fields filled in."""
        nilai: Any = self._label
        for bagian in kunci.split("."):
            nilai = nilai[bagian]
        if not isinstance(nilai, str):
            raise KeyError(f"label {kunci!r} is not a text")
        return nilai.format(**isian) if isian else nilai

    def label_html(self, kunci: str, /, **isian: object) -> str:
        """A label for text Telegram reads as HTML (a photo's caption): the fields filled in
        are escaped, so a name like "SMP <Negeri> & 1" shows as written."""
        return self.label(kunci, **{k: html.escape(str(v), quote=False) for k, v in isian.items()})

    def daftar(self, kunci: str) -> list[str]:
        """A list of short texts by key (`hari_pendek`)."""
        nilai = self._label[kunci]
        if not isinstance(nilai, list):
            raise KeyError(f"label {kunci!r} is not a list")
        return [str(v) for v in nilai]

    def nama_peran(self, peran: str) -> str:
        """The role as people say it ("Kepala Sekolah")."""
        return self.label(f"peran.{peran}")

    def pesan_panjang(self, templat: str, /, **konteks: object) -> list[str]:
        """Render, then split into messages Telegram accepts (see bot.mutu.potong)."""
        return potong_html(self._isi(templat, konteks))

    def _isi(self, templat: str, konteks: dict[str, object], akhiran: str = "html") -> str:
        teks = self.env.get_template(f"pesan/{templat}.{akhiran}").render(**konteks)
        return re.sub(r"\n{3,}", "\n\n", teks).strip()

    def teks(self, templat: str, /, **konteks: object) -> str:
        """Render `pesan/<templat>.txt` to plain text (not escaped): words a person keeps and
        edits, such as a DKA draft, stored as they are and escaped where they are shown."""
        return self._isi(templat, konteks, "txt")

    def pesan(self, templat: str, /, **konteks: object) -> str:
        """Render `pesan/<templat>.html` to Telegram HTML, at most 4096 characters."""
        teks = self._isi(templat, konteks)
        if len(teks) > BATAS_PESAN:
            raise ValueError(f"message {templat!r} is {len(teks)} characters; split it first")
        return teks
