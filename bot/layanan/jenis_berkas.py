"""What a file is, read from its content: its magic bytes, not the name or the MIME type the
client claims. A Word file or a ZIP renamed `rkt.pdf` arrives from Telegram as
`application/pdf`, and the assessors' system would refuse it later."""

from __future__ import annotations

from pathlib import PurePath

import puremagic


def jenis_isi(isi: bytes) -> str | None:
    """The MIME type the content shows (e.g. "application/pdf"); None when unrecognised."""
    if not isi:
        return None
    try:
        return puremagic.from_string(isi, mime=True) or None
    except (puremagic.PureError, ValueError):
        return None


def tampak_seperti(nama_file: str | None, mime_klaim: str | None, diterima: dict[str, str]) -> bool:
    """Whether the name or the client's claim says one of the accepted types (`diterima` maps
    MIME type to suffix): then a refused content was disguised, and we say so."""
    akhiran = PurePath(nama_file).suffix.lower() if nama_file else ""
    return mime_klaim in diterima or (bool(akhiran) and akhiran in {*diterima.values(), ".jpeg"})
