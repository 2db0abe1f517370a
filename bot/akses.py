"""The one access check every handler goes through.

`@akses("undang")` resolves the acting user (recording the visit), checks their role in their
active school against `bot.mutu.peran.IZIN`, and passes the `Aktor` to the handler. A refusal
is a polite message and changes nothing. School scope is then kept by the use-cases: each
reads and writes only `aktor.sekolah_id`, and checks that ids carried by buttons belong to it."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram import Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes, ConversationHandler

from bot.layanan import Layanan
from bot.layanan.aktor import Aktor, kenali
from bot.mutu.peran import IZIN, IZIN_AKSI, boleh, izin_untuk

Konteks = ContextTypes.DEFAULT_TYPE
Penangan = Callable[[Update, Konteks, Aktor], Awaitable[Any]]
T = TypeVar("T")

KUNCI_LAYANAN = "layanan"


def layanan(context: Konteks) -> Layanan:
    """The use-case container created in `post_init`."""
    return context.application.bot_data[KUNCI_LAYANAN]  # type: ignore[no-any-return]


async def jawab_tombol(update: Update, teks: str | None = None) -> None:
    """Answer a button press once; a query that is too old is no error for the user."""
    if update.callback_query is None:
        return
    try:
        await update.callback_query.answer(teks)
    except BadRequest:
        pass


def akses(perintah: str, *, ditolak: object = ConversationHandler.END) -> Callable[[Penangan], Any]:
    """Wrap a handler with the access check for `perintah` (a key of `IZIN`)."""
    if perintah not in IZIN and perintah not in IZIN_AKSI:
        raise KeyError(f"{perintah!r} is neither in IZIN nor in IZIN_AKSI")

    def hias(fungsi: Penangan) -> Callable[[Update, Konteks], Awaitable[Any]]:
        @functools.wraps(fungsi)
        async def pembungkus(update: Update, context: Konteks) -> Any:
            user = update.effective_user
            if user is None or update.effective_chat is None:
                return ditolak
            lay = layanan(context)
            pribadi = update.effective_chat.type == ChatType.PRIVATE
            aktor = await kenali(lay, user.id, user.full_name, user.username, pribadi=pribadi)
            if not boleh(perintah, aktor.peran):
                await jawab_tombol(update, lay.render.label("notifikasi.ditolak"))
                izin = izin_untuk(perintah) or frozenset()
                teks = lay.render.pesan(
                    "akses_ditolak",
                    perintah=perintah if perintah in IZIN else None,
                    punya_sekolah=aktor.aktif is not None,
                    peran=aktor.peran,
                    sekolah=aktor.aktif.sekolah_nama if aktor.aktif else None,
                    peran_boleh=sorted(izin),
                    grup=not pribadi,  # nothing about the person in front of a group
                )
                await context.bot.send_message(update.effective_chat.id, teks)
                return ditolak
            return await fungsi(update, context, aktor)

        return pembungkus

    return hias
