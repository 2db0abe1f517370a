"""Simulated Telegram users ("pengguna") talking to the bot through ``FakeBotApi``."""

from __future__ import annotations

import asyncio
import copy
import time
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.bot_api import Call, FakeBotApi

# The start of the bot's generic error message (templat/pesan/kesalahan.html): a helper that
# skips over it would hide a crash behind a later, expected message.
PESAN_GALAT = "Maaf, terjadi kesalahan"


@dataclass
class Pesan:
    """Snapshot of one bot message as the user sees it."""

    message_id: int
    chat_id: int
    teks: str
    html: str
    tombol: list[list[str]] = field(default_factory=list)
    data: dict[str, str] = field(default_factory=dict)
    data_urut: list[tuple[str, str]] = field(default_factory=list)
    dokumen_nama: str | None = None
    dokumen: bytes | None = None
    foto: bytes | None = None
    raw: dict[str, Any] = field(default_factory=dict)

    @property
    def tombol_datar(self) -> list[str]:
        """All button labels, row by row, as one flat list."""
        return [label for row in self.tombol for label in row]

    @classmethod
    def dari(cls, api: FakeBotApi, message: dict[str, Any]) -> Pesan:
        """Build a snapshot from a stored message dict."""
        rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
        buttons = [button for row in rows for button in row]
        pairs = [(b["text"], b["callback_data"]) for b in buttons if "callback_data" in b]
        document = message.get("document")
        photo = message.get("photo")
        return cls(
            message_id=message["message_id"],
            chat_id=message["chat"]["id"],
            teks=message.get("text", message.get("caption", "")),
            html=message.get("_html", message.get("text", message.get("caption", ""))),
            tombol=[[button["text"] for button in row] for row in rows],
            data=dict(pairs),
            data_urut=pairs,
            dokumen_nama=document.get("file_name") if document else None,
            dokumen=api.file_bytes(document["file_id"]) if document else None,
            foto=api.file_bytes(photo[-1]["file_id"]) if photo else None,
            raw=copy.deepcopy(message),
        )


class Pengguna:
    """A simulated user in a private chat (or in a group when ``chat_id`` < 0)."""

    def __init__(
        self,
        api: FakeBotApi,
        user_id: int,
        nama: str,
        username: str | None = None,
        chat_id: int | None = None,
    ) -> None:
        self.api = api
        self.id = user_id
        self.nama = nama
        self.chat_id = user_id if chat_id is None else chat_id
        self.user = api.register_user(user_id, nama, username)
        if self.chat_id < 0 and self.chat_id not in api.chats:
            api.register_chat(self.chat_id)

    def __repr__(self) -> str:
        return f"Pengguna({self.id}, {self.nama!r}, chat_id={self.chat_id})"

    @property
    def _outbox(self) -> asyncio.Queue[dict[str, Any]]:
        return self.api.outbox(self.chat_id)

    # ----------------------------------------------------------------- sending

    async def kirim(self, teks: str) -> int:
        """Send a text message (commands get a bot_command entity); returns its message_id."""
        return self.api.push_text(self.chat_id, self.user, teks)["message_id"]

    async def kirim_foto(self, isi: bytes, caption: str | None = None) -> int:
        """Send a photo; returns its message_id."""
        return self.api.push_photo(self.chat_id, self.user, isi, caption)["message_id"]

    async def kirim_dokumen(
        self, isi: bytes, nama_file: str, mime_type: str, caption: str | None = None
    ) -> int:
        """Send a document; returns its message_id."""
        message = self.api.push_document(
            self.chat_id, self.user, isi, nama_file, mime_type, caption
        )
        return message["message_id"]

    async def tekan(self, label: str, pesan: Pesan | None = None) -> str:
        """Press an inline button by label (exact, else a unique substring).

        Looks on ``pesan`` (its current state) or else on the newest bot message in this
        chat showing such a button. Returns the callback query id.
        """
        candidates = [self._current(pesan)] if pesan else self.api.bot_messages(self.chat_id)[::-1]
        for exact in (True, False):
            for message in candidates:
                button = _find_button(message, label, exact=exact)
                if button is not None:
                    return await self._press(message, button)
        raise AssertionError(
            f"{self}: no button {label!r}; visible buttons:\n{self._visible_buttons(candidates)}"
        )

    async def tekan_data(self, data: str, pesan: Pesan) -> str:
        """Press a button with arbitrary callback ``data`` on ``pesan`` (e.g. stale buttons)."""
        key = (self.chat_id, pesan.message_id)
        message = self.api.messages.get(key, pesan.raw)
        return self.api.push_callback(self.user, message, data)

    async def _press(self, message: dict[str, Any], button: dict[str, Any]) -> str:
        if "callback_data" not in button:
            raise AssertionError(f"button {button['text']!r} is not a callback button: {button}")
        return self.api.push_callback(self.user, message, button["callback_data"])

    # ----------------------------------------------------------------- receiving

    async def balasan(self, timeout: float = 10.0) -> Pesan:  # noqa: ASYNC109
        """The next NEW bot message in this chat."""
        try:
            message = await asyncio.wait_for(self._outbox.get(), timeout)
        except TimeoutError:
            raise AssertionError(
                f"{self}: no bot message within {timeout}s; last calls:\n"
                + self.api.describe_calls()
            ) from None
        return Pesan.dari(self.api, message)

    async def balasan_berisi(self, potongan: str, timeout: float = 10.0) -> Pesan:  # noqa: ASYNC109
        """Skip bot messages until one whose text/caption contains ``potongan``."""
        skipped: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                message = await asyncio.wait_for(self._outbox.get(), max(remaining, 0))
            except TimeoutError:
                raise AssertionError(
                    f"{self}: no bot message containing {potongan!r} within {timeout}s; "
                    f"skipped: {skipped}\nlast calls:\n{self.api.describe_calls()}"
                ) from None
            pesan = Pesan.dari(self.api, message)
            if potongan in pesan.teks:
                return pesan
            if PESAN_GALAT in pesan.teks:
                raise AssertionError(
                    f"{self}: the bot answered with its error message while waiting for "
                    f"{potongan!r}; skipped: {skipped}\nlast calls:\n{self.api.describe_calls()}"
                )
            skipped.append(pesan.teks)

    async def semua_balasan(
        self,
        diam: float = 0.3,
        timeout: float = 10.0,  # noqa: ASYNC109
        boleh_galat: bool = False,
    ) -> list[Pesan]:
        """Every new bot message until the bot is idle for ``diam`` seconds.

        Fails when one of them is the bot's generic error message, unless ``boleh_galat``.
        """
        await self.api.idle(quiet=diam, timeout=timeout)
        semua = [Pesan.dari(self.api, message) for message in self._drain()]
        galat = [pesan.teks for pesan in semua if PESAN_GALAT in pesan.teks]
        if galat and not boleh_galat:
            raise AssertionError(f"{self}: the bot answered with its error message: {galat}")
        return semua

    async def tidak_ada_balasan(self, tunggu: float = 0.5) -> None:
        """Assert the bot sends no new message here (checked once the bot is idle)."""
        await self.api.idle(quiet=tunggu)
        unexpected = [Pesan.dari(self.api, message).teks for message in self._drain()]
        if unexpected:
            raise AssertionError(f"{self}: expected no bot message, got {unexpected}")

    async def jawaban_callback(self, query_id: str, timeout: float = 10.0) -> Call:  # noqa: ASYNC109
        """Wait for the bot's answerCallbackQuery for ``query_id``."""
        return await self.api.wait_for_call(
            "answerCallbackQuery",
            lambda call: str(call.params.get("callback_query_id")) == query_id,
            timeout=timeout,
        )

    def pesan(self, message_id: int) -> Pesan:
        """Current state (after edits) of a bot message in this chat."""
        message = self.api.messages.get((self.chat_id, message_id))
        if message is None:
            state = "deleted" if (self.chat_id, message_id) in self.api.deleted else "unknown"
            raise AssertionError(f"{self}: bot message {message_id} is {state}")
        return Pesan.dari(self.api, message)

    def pesan_terakhir(self) -> Pesan | None:
        """Current state of the newest bot message in this chat, if any."""
        messages = self.api.bot_messages(self.chat_id)
        return Pesan.dari(self.api, messages[-1]) if messages else None

    # ----------------------------------------------------------------- helpers

    def _current(self, pesan: Pesan) -> dict[str, Any]:
        return self.api.messages.get((pesan.chat_id, pesan.message_id), pesan.raw)

    def _drain(self) -> list[dict[str, Any]]:
        drained = []
        while not self._outbox.empty():
            drained.append(self._outbox.get_nowait())
        return drained

    @staticmethod
    def _visible_buttons(messages: list[dict[str, Any]]) -> str:
        lines = []
        for message in messages[:5]:
            rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
            if rows:
                labels = [[button["text"] for button in row] for row in rows]
                lines.append(f"  message {message['message_id']}: {labels}")
        return "\n".join(lines) or "  (no inline keyboards)"


def _find_button(message: dict[str, Any], label: str, *, exact: bool) -> dict[str, Any] | None:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    buttons = [button for row in rows for button in row]
    if exact:
        return next((button for button in buttons if button["text"] == label), None)
    partial = [button for button in buttons if label in button["text"]]
    if len(partial) > 1:
        labels = [button["text"] for button in partial]
        raise AssertionError(f"button label {label!r} is ambiguous: {labels}")
    return partial[0] if partial else None
