"""The environment of `templat/dokumen/` (labels, Indonesian formats) and HTML to PDF.

Plain sync functions: WeasyPrint is CPU work, so callers run them through `asyncio.to_thread`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml
from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bot.dokumen.docx import BlokTandaTangan
from bot.render import FOLDER_TEMPLAT, LOKAL, angka, rupiah, tanggal, tanggal_pendek, tanggal_waktu

FOLDER_DOKUMEN = FOLDER_TEMPLAT / "dokumen"
BERKAS_LABEL = FOLDER_DOKUMEN / "label_dokumen.yaml"


def tanggal_panjang(nilai: date) -> str:
    """'7 Desember 2026': the date under a signature or after a status, without the weekday."""
    return format_date(nilai, format="d MMMM y", locale=LOKAL)


def skor(nilai: float | None) -> str:
    """'2,77', or the no-value mark when there is no score yet."""
    return label("umum.tanpa_nilai") if nilai is None else angka(nilai, 2)


def waktu_dibuat(nilai: datetime) -> str:
    """When a document was made, in the zone the datetime carries ('... pukul 14.30 WIB').

    The caller passes the school's local time; a datetime in UTC says so rather than pass
    for local time."""
    kunci = getattr(nilai.tzinfo, "key", None)
    if kunci:
        return tanggal_waktu(nilai, kunci)
    teks = label("umum.waktu", tanggal=tanggal(nilai), jam=f"{nilai:%H.%M}")
    zona = nilai.tzname()
    return f"{teks} {zona}" if zona else teks


@cache
def semua_label(berkas: Path = BERKAS_LABEL) -> dict[str, Any]:
    """All document labels (templat/dokumen/label_dokumen.yaml) as one nested dict."""
    with berkas.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def label(kunci: str, /, **isian: object) -> str:
    """A document's text by dotted key (`rencana.judul`), with `{name}` fields filled in."""
    nilai: Any = semua_label()
    for bagian in kunci.split("."):
        nilai = nilai[bagian]
    if not isinstance(nilai, str):
        raise KeyError(f"label {kunci!r} is not a text")
    return nilai.format(**isian) if isian else nilai


@cache
def lingkungan() -> Environment:
    """jinja2 over `templat/dokumen/`, autoescaping every template: user text is never markup."""
    env = Environment(
        loader=FileSystemLoader(FOLDER_DOKUMEN),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        rupiah=rupiah,
        angka=angka,
        skor=skor,
        tanggal=tanggal,
        tanggal_panjang=tanggal_panjang,
        tanggal_pendek=tanggal_pendek,
        waktu_dibuat=waktu_dibuat,
    )
    env.globals["label"] = label
    return env


def render_html(templat: str, /, **konteks: object) -> str:
    """Render `templat/dokumen/<templat>.html` to a full HTML page."""
    return lingkungan().get_template(f"{templat}.html").render(**konteks)


def html_ke_pdf(html: str) -> bytes:
    """PDF bytes of an HTML page; relative URLs resolve inside `templat/dokumen/`."""
    # Imported here: WeasyPrint loads Pango at import, which only document building needs.
    from weasyprint import HTML

    pdf = HTML(string=html, base_url=str(FOLDER_DOKUMEN)).write_pdf()
    assert pdf is not None  # write_pdf returns bytes when no target is given
    return pdf


def pdf_dari_templat(templat: str, /, **konteks: object) -> bytes:
    """Render `templat/dokumen/<templat>.html` and make it a PDF."""
    return html_ke_pdf(render_html(templat, **konteks))


def nama_ascii(teks: str) -> str:
    """A name fit for a file name: ASCII letters and digits joined by hyphens."""
    polos = unicodedata.normalize("NFKD", teks).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", polos).strip("-")


def rentang_sama(nilai: list[str]) -> list[int]:
    """Spans of runs of equal values, for merged table cells: [a, a, b] -> [2, 0, 1]."""
    hasil = [0] * len(nilai)
    awal = 0
    for i in range(1, len(nilai) + 1):
        if i == len(nilai) or nilai[i] != nilai[awal]:
            hasil[awal] = i - awal
            awal = i
    return hasil


def tempat_tanggal(tempat: str, tanggal: date) -> str:
    """'Sleman, 7 Desember 2026'; just the date when the place is not known."""
    teks = tanggal_panjang(tanggal)
    return label("umum.tempat_tanggal", tempat=tempat, tanggal=teks) if tempat.strip() else teks


def tanda_tangan_sekolah(
    bagian: str, tempat: str, tanggal: date, kepala_sekolah: str, ketua_tpmps: str
) -> tuple[BlokTandaTangan, BlokTandaTangan]:
    """The two signature blocks a school document ends with: the kepala sekolah on the left
    (under `<bagian>.ttd.kiri_atas`), the TPMPS lead on the right under place and date."""
    return (
        BlokTandaTangan(
            label(f"{bagian}.ttd.kiri_atas"), label(f"{bagian}.ttd.kepala_sekolah"), kepala_sekolah
        ),
        BlokTandaTangan(
            tempat_tanggal(tempat, tanggal), label(f"{bagian}.ttd.ketua_tpmps"), ketua_tpmps
        ),
    )


class _BernomorMasalah(Protocol):
    # Read-only, so frozen dataclass rows satisfy it.
    @property
    def nomor_masalah(self) -> int: ...


B = TypeVar("B", bound=_BernomorMasalah)


def per_masalah(baris: Iterable[B]) -> list[list[B]]:
    """Table rows grouped by their masalah number, in order of first appearance (the plan and
    the monev tables write each masalah once over its rows)."""
    kelompok: dict[int, list[B]] = {}
    for b in baris:
        kelompok.setdefault(b.nomor_masalah, []).append(b)
    return list(kelompok.values())
