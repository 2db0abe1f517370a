"""Small helpers every conversation uses: keyboards, replying, editing."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import (
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    PhotoSize,
    Update,
)
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import CallbackQueryHandler, ConversationHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.akses import Konteks, akses, jawab_tombol, layanan, tolak_di_latar
from bot.layanan import Ditolak
from bot.layanan.aktor import Aktor
from bot.layanan.bukti import BATAS_BUKTI, JENIS_BUKTI, Berkas
from bot.layanan.jenis_berkas import jenis_isi, tampak_seperti
from bot.render import Render
from bot.tombol import Tombol as DataTombol

__all__ = [
    "PRIBADI",
    "Konteks",
    "balas",
    "bangun_sekali",
    "percakapan",
    "galat",
    "halaman",
    "hapus_tombol",
    "jawab_tombol",
    "layanan",
    "papan",
    "navigasi_halaman",
    "navigasi_jenis",
    "penangan_sela",
    "ubah",
    "unduh_berkas",
]

log = logging.getLogger(__name__)

# Conversations run in private chats; groups get only what is meant for them.
PRIBADI = filters.ChatType.PRIVATE

# The documents being built, as (user, kind, school), kept in bot_data (never persisted).
KUNCI_BERJALAN = "dokumen_berjalan"
# Telegram shows a chat action for about 5 seconds; a longer build repeats it.
JEDA_AKSI = 4.0

Tombol = tuple[str, str]
# A button on a keyboard: its label and a typed button (bot/tombol.py), or the data string
# of a module that does not use typed buttons yet.
TombolPapan = tuple[str, str | DataTombol]
T = TypeVar("T")
PER_HALAMAN = 10  # items per page of a long list of buttons (one message stays under 4096)


def halaman(daftar: Sequence[T], nomor: int) -> tuple[Sequence[T], int, int]:
    """One page of a list: (its items, the page number kept in range, the number of pages)."""
    jumlah = max(1, -(-len(daftar) // PER_HALAMAN))
    nomor = min(max(nomor, 0), jumlah - 1)
    return daftar[nomor * PER_HALAMAN : (nomor + 1) * PER_HALAMAN], nomor, jumlah


def navigasi_halaman(
    sebelum: str, berikut: str, nomor: int, jumlah: int, awalan: str
) -> list[Tombol]:
    """The ‹ › row of a paged list; each button's data is `awalan` and the page it opens."""
    baris = []
    if nomor > 0:
        baris.append((sebelum, f"{awalan}{nomor - 1}"))
    if nomor + 1 < jumlah:
        baris.append((berikut, f"{awalan}{nomor + 1}"))
    return baris


def navigasi_jenis(
    r: Render, nomor: int, jumlah: int, ke: Callable[[int], DataTombol]
) -> list[TombolPapan]:
    """The ‹ › row of a paged list of typed buttons; `ke(n)` is the button opening page n."""
    baris: list[TombolPapan] = []
    if nomor > 0:
        baris.append((r.label("tombol.halaman_sebelum"), ke(nomor - 1)))
    if nomor + 1 < jumlah:
        baris.append((r.label("tombol.halaman_berikut"), ke(nomor + 1)))
    return baris


def papan(baris: Sequence[Sequence[TombolPapan]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback_data)."""
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(label, callback_data=d if isinstance(d, str) else d.data())
                for label, d in row
            ]
            for row in baris
        ]
    )


async def balas(
    update: Update, context: Konteks, teks: str, tombol: InlineKeyboardMarkup | None = None
) -> Message:
    """Send a new message to the chat of the update."""
    assert update.effective_chat is not None
    return await context.bot.send_message(update.effective_chat.id, teks, reply_markup=tombol)


async def ubah(update: Update, teks: str, tombol: InlineKeyboardMarkup | None = None) -> None:
    """Edit the message whose button was pressed (dropping its buttons unless new ones are
    given); an edit that changes nothing is fine."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_text(teks, reply_markup=tombol)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def hapus_tombol(update: Update) -> None:
    """Take the buttons off the message whose button was pressed."""
    query = update.callback_query
    if query is None or query.message is None:
        return
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


async def galat(update: Update, context: Konteks, alasan: str, **rincian: object) -> None:
    """Tell the user, in one line, why something was refused."""
    r = layanan(context).render
    await balas(update, context, r.pesan("galat", galat=r.label(f"galat.{alasan}", **rincian)))


def penangan_tombol(fungsi: Any) -> CallbackQueryHandler[Any, Any]:
    """The handler of one kind of typed button, registered by its type: `fungsi` is wrapped
    by `bot.akses.tombol`, which names the kind; the pattern is that kind's prefix."""
    jenis: type[DataTombol] = fungsi.jenis  # type: ignore[attr-defined]
    return CallbackQueryHandler(fungsi, pattern=jenis.cocok)


def percakapan(**opsi: Any) -> ConversationHandler[Any]:
    """A ConversationHandler keyed per chat and user, with buttons inside its states.

    PTB warns that with per_message=False a CallbackQueryHandler "will not be tracked for
    every message". That is what we want: a user has one current question, and every button
    carries what it acts on, so a stale press is recognised by its callback_data."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
        return ConversationHandler(per_chat=True, per_user=True, per_message=False, **opsi)


async def unduh_berkas(pesan: Message) -> Berkas:
    """The photo or document of a message, downloaded and typed by its content (magic bytes):
    a file too big is refused (`Ditolak`) before anything is downloaded, one whose content is
    not a type we keep after, whatever its name or the client's MIME claim says."""
    berkas: PhotoSize | Document
    klaim: str | None
    if pesan.photo:
        berkas, nama, klaim = pesan.photo[-1], None, "image/jpeg"
    elif pesan.document:
        berkas, nama, klaim = pesan.document, pesan.document.file_name, pesan.document.mime_type
    else:
        raise Ditolak("bukti_jenis")
    if (berkas.file_size or 0) > BATAS_BUKTI:
        raise Ditolak("bukti_besar")
    isi = bytes(await (await berkas.get_file()).download_as_bytearray())
    mime = jenis_isi(isi)
    if mime not in JENIS_BUKTI:
        raise Ditolak("bukti_isi" if tampak_seperti(nama, klaim, JENIS_BUKTI) else "bukti_jenis")
    return Berkas(berkas.file_id, berkas.file_unique_id, nama, mime, isi)


def penangan_sela(perintah: str, kegiatan: str, status: str) -> MessageHandler:
    """The fallback for another command while a conversation waits for typing: say what is
    going on (`kegiatan` names it in templat/label.yaml) and stay in `status`."""

    @akses(perintah)
    async def sela(update: Update, context: Konteks, aktor: Aktor) -> str:
        r = layanan(context).render
        await balas(update, context, r.pesan("sela", kegiatan=r.label(f"kegiatan.{kegiatan}")))
        return status

    return MessageHandler(PRIBADI & filters.COMMAND, sela)


async def _aksi_berulang(context: Konteks, chat_id: int) -> None:
    """'Sending a document…' until cancelled; a failed chat action only ends the showing."""
    while True:
        try:
            await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
        except TelegramError as galat_aksi:
            log.info("chat action not shown: %s", galat_aksi)
            return
        await asyncio.sleep(JEDA_AKSI)


def bangun_sekali(
    update: Update,
    context: Konteks,
    tanda: tuple[int, str, int],
    kerja: Callable[[int], Awaitable[None]],
) -> bool:
    """Run `kerja(chat_id)` (build a document and send it) as a task, so the user's next
    update is not held up, with "sending a document" shown until it ends. False, and nothing
    started, while a build with the same `tanda` (user, kind, school) is still running: the
    caller then says "sedang disiapkan". A refusal (`Ditolak`) inside is told to the user."""
    assert update.effective_chat is not None
    chat_id = update.effective_chat.id
    berjalan: set[tuple[int, str, int]] = context.bot_data.setdefault(KUNCI_BERJALAN, set())
    if tanda in berjalan:
        return False
    berjalan.add(tanda)

    async def jalan() -> None:
        aksi = asyncio.create_task(_aksi_berulang(context, chat_id))
        try:
            await tolak_di_latar(context, chat_id, kerja(chat_id))
        finally:
            aksi.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await aksi
            berjalan.discard(tanda)

    context.application.create_task(jalan(), update=update)
    return True
