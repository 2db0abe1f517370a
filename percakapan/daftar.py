"""Long lists in chat: one page of buttons at a time, ‹ › to move, and a name search.

A message holds at most 4096 characters and a keyboard about 100 buttons; a school of 150
members or a pengawas with 300 schools passes both at once. Every list a school can grow goes
through here, ten entries a page (`_umum.PER_HALAMAN`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.render import Render
from percakapan._umum import (
    PER_HALAMAN,
    Tombol,
    TombolPapan,
    halaman,
    navigasi_halaman,
    papan,
)

T = TypeVar("T")

BATAS_DATA = 64  # bytes of callback_data Telegram accepts
BATAS_CARI = 40  # bytes of a typed search kept (it rides in the page buttons' data)


@dataclass(frozen=True)
class Halaman(Generic[T]):
    """One page of a list: its entries, where it starts, which page of how many."""

    isi: Sequence[T]
    nomor: int
    jumlah: int
    total: int

    @property
    def awal(self) -> int:
        """How many entries come before this page (for numbering 11, 12, …)."""
        return self.nomor * PER_HALAMAN


def potong(daftar: Sequence[T], nomor: int) -> Halaman[T]:
    """Page `nomor` of the list (kept in range: a stale page button shows the last page)."""
    isi, nomor, jumlah = halaman(daftar, nomor)
    return Halaman(isi, nomor, jumlah, len(daftar))


def navigasi(r: Render, h: Halaman[T], awalan: str, akhiran: str = "") -> list[Tombol]:
    """The ‹ › row for a page; each button's data is `awalan`, the page, then `akhiran`."""
    baris = navigasi_halaman(
        r.label("tombol.halaman_sebelum"),
        r.label("tombol.halaman_berikut"),
        h.nomor,
        h.jumlah,
        awalan,
    )
    return [(label, data + akhiran) for label, data in baris]


def kata_cari(teks: str) -> str:
    """A typed search as kept: spaces collapsed, lower case, cut to `BATAS_CARI` bytes on a
    character boundary, without ':' (the separator of callback_data)."""
    kata = " ".join(teks.replace(":", " ").split()).casefold()
    return kata.encode()[:BATAS_CARI].decode(errors="ignore").strip()


def saring(daftar: Sequence[T], kata: str, nama: Callable[[T], str]) -> list[T]:
    """The entries whose name contains the search, ignoring case."""
    return [x for x in daftar if kata in nama(x).casefold()]


def papan_pilihan(
    r: Render, pilihan: Sequence[TombolPapan], nomor: int, awalan: str
) -> InlineKeyboardMarkup:
    """A page of choices, one button a row, then ‹ › whose data is `awalan` and the page."""
    h = potong(pilihan, nomor)
    baris: list[list[TombolPapan]] = [[tombol] for tombol in h.isi]
    if nav := navigasi(r, h, awalan):
        baris.append(list(nav))
    return papan(baris)


async def ganti_tombol(update: Update, tombol: InlineKeyboardMarkup) -> None:
    """Show another page of buttons under the same question (its text stays)."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(tombol)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise
