"""The one access check every handler goes through.

`@akses("undang")` resolves the acting user (recording the visit), checks their role in their
active school against `bot.mutu.peran.IZIN`, and passes the `Aktor` to the handler. A refusal
is a polite message and changes nothing. School scope is then kept by the use-cases: each
reads and writes only `aktor.sekolah_id`, and checks that ids carried by buttons belong to it.

A use-case's refusal (`Ditolak`) raised in the handler is turned into the user's message here
too: the button is answered and the reason sent, so handlers hold only the success path.
`@tombol(Jenis, "akreditasi")` does the same for one kind of typed button (bot/tombol.py) and
passes the decoded button; a stale or crafted one is refused with the stale-button message."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram import Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ContextTypes, ConversationHandler

from bot.layanan import Ditolak, Layanan
from bot.layanan.aktor import Aktor, kenali
from bot.mutu.peran import IZIN, IZIN_AKSI, boleh, izin_untuk
from bot.tombol import Tombol

Konteks = ContextTypes.DEFAULT_TYPE
Penangan = Callable[[Update, Konteks, Aktor], Awaitable[Any]]
T = TypeVar("T")
TB = TypeVar("TB", bound=Tombol)
PenanganTombol = Callable[[Update, Konteks, Aktor, TB], Awaitable[Any]]
# What a handler does with a use-case's refusal in place of the one-line message: typically
# the question again, the reason in it. Returns the state to stay in.
SaatDitolak = Callable[[Update, Konteks, Aktor, Ditolak], Awaitable[Any]]

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


def akses(
    perintah: str,
    *,
    ditolak: object = ConversationHandler.END,
    di_tombol: bool = False,
    saat_ditolak: SaatDitolak | None = None,
) -> Callable[[Penangan], Any]:
    """Wrap a handler with the access check for `perintah` (a key of `IZIN`). `ditolak` is what
    the handler returns after a refusal: a conversation state, or an async function of
    (context, aktor) that gives it. With `di_tombol`, a use-case's refusal of a button press
    is told in the button's answer alone (a short notice, no message). With `saat_ditolak`,
    a use-case's refusal goes to it instead: it answers the button, tells the user (the
    question again, with the reason) and returns the state."""
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
                # A state function asks the user's draft (and may ask again): not for a role
                # that may not go on at all.
                return ConversationHandler.END if callable(ditolak) else ditolak
            try:
                return await fungsi(update, context, aktor)
            except Ditolak as tolak:
                if saat_ditolak is not None:
                    return await saat_ditolak(update, context, aktor, tolak)
                await tolakan(update, context, tolak, di_tombol=di_tombol)
                if callable(ditolak):  # the state to stay in depends on the user's draft
                    return await ditolak(context, aktor)
                return ditolak

        return pembungkus

    return hias


async def tolakan(
    update: Update, context: Konteks, tolak: Ditolak, *, di_tombol: bool = False
) -> None:
    """Tell the user why a use-case refused: the button answered, the reason sent (or, with
    `di_tombol` on a button press, the reason as the button's answer)."""
    if update.effective_chat is None:
        return
    r = layanan(context).render
    if di_tombol and update.callback_query is not None:
        await jawab_tombol(update, r.label(f"galat.{tolak.alasan}", **tolak.rincian))
        return
    await jawab_tombol(update)
    await kirim_tolakan(context, update.effective_chat.id, tolak)


async def kirim_tolakan(context: Konteks, chat_id: int, tolak: Ditolak) -> None:
    """The one-line message of a refusal, sent to `chat_id`."""
    r = layanan(context).render
    teks = r.pesan("galat", galat=r.label(f"galat.{tolak.alasan}", **tolak.rincian))
    await context.bot.send_message(chat_id, teks)


async def tolak_di_latar(context: Konteks, chat_id: int, kerja: Awaitable[None]) -> None:
    """Run work started by a handler in the background (a document being built): a refusal
    raised there is told in `chat_id`, as `@akses` tells one raised in the handler."""
    try:
        await kerja
    except Ditolak as tolak:
        await kirim_tolakan(context, chat_id, tolak)


def tombol(
    jenis: type[TB],
    perintah: str,
    *,
    ditolak: object = ConversationHandler.END,
    di_tombol: bool = False,
    saat_ditolak: SaatDitolak | None = None,
) -> Callable[[PenanganTombol[TB]], Callable[[Update, Konteks], Awaitable[Any]]]:
    """Wrap the handler of one kind of button: the access check for `perintah`, then the
    button decoded from the query (a stale or crafted one refused), then the handler."""

    def hias(fungsi: PenanganTombol[TB]) -> Callable[[Update, Konteks], Awaitable[Any]]:
        @akses(perintah, ditolak=ditolak, di_tombol=di_tombol, saat_ditolak=saat_ditolak)
        @functools.wraps(fungsi)
        async def pembungkus(update: Update, context: Konteks, aktor: Aktor) -> Any:
            query = update.callback_query
            data = query.data if query is not None else None
            if not isinstance(data, str):
                raise Ditolak("tombol_usang")
            return await fungsi(update, context, aktor, jenis.baca(data))

        pembungkus.jenis = jenis  # type: ignore[attr-defined]
        return pembungkus

    return hias
