"""Splitting a long Telegram HTML message into messages Telegram accepts (4096 characters),
cleanly: at a blank line if possible, else at a line end, else between words; never inside a
tag; a tag open across a cut is closed before it and opened again after it."""

from __future__ import annotations

import re

BATAS = 4096
# Room kept for the closing and reopening tags added at a cut.
_CADANGAN = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>")
# A space that is not inside a tag (attributes may hold spaces).
_SPASI_LUAR_TAG = re.compile(r" (?![^<]*>)")


def potong_html(teks: str, batas: int = BATAS) -> list[str]:
    """The message as one or more pieces of at most `batas` characters, each valid on its own."""
    if len(teks) <= batas:
        return [teks]
    bagian = _kemas(teks, batas - _CADANGAN, ("\n\n", "\n", " "))
    return _seimbangkan(bagian)


def _kemas(teks: str, batas: int, pemisah: tuple[str, ...]) -> list[str]:
    """Greedy packing at the coarsest separator; pieces still too long go one level finer."""
    if len(teks) <= batas:
        return [teks]
    if not pemisah:
        return _potong_keras(teks, batas)
    sep, sisa = pemisah[0], pemisah[1:]
    potongan = _SPASI_LUAR_TAG.split(teks) if sep == " " else teks.split(sep)
    hasil: list[str] = []
    for p in potongan:
        for q in _kemas(p, batas, sisa) if len(p) > batas else [p]:
            if hasil and len(hasil[-1]) + len(sep) + len(q) <= batas:
                hasil[-1] += sep + q
            else:
                hasil.append(q)
    return hasil


def _potong_keras(teks: str, batas: int) -> list[str]:
    """A single word longer than a message: cut it, but never inside a tag or an entity."""
    hasil, i = [], 0
    while i < len(teks):
        j = min(i + batas, len(teks))
        awal_tag, awal_entitas = teks.rfind("<", i, j), teks.rfind("&", i, j)
        if awal_tag > teks.rfind(">", i, j):
            j = awal_tag
        elif awal_entitas > teks.rfind(";", i, j):
            j = awal_entitas
        j = max(j, i + 1)
        hasil.append(teks[i:j])
        i = j
    return hasil


def _seimbangkan(bagian: list[str]) -> list[str]:
    """Close the tags a piece leaves open, and reopen them at the start of the next."""
    hasil: list[str] = []
    terbuka: list[tuple[str, str]] = []  # (name, the opening tag as written)
    for b in bagian:
        awalan = "".join(tag for _, tag in terbuka)
        for cocok in _TAG.finditer(b):
            tutup, nama = cocok.group(1), cocok.group(2).lower()
            if tutup:
                for i in range(len(terbuka) - 1, -1, -1):
                    if terbuka[i][0] == nama:
                        del terbuka[i]
                        break
            elif not cocok.group(0).endswith("/>"):
                terbuka.append((nama, cocok.group(0)))
        akhiran = "".join(f"</{nama}>" for nama, _ in reversed(terbuka))
        hasil.append(awalan + b + akhiran)
    return hasil
