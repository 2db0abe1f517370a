"""A fake Telegram Bot API HTTP server for tests (aiohttp.web, bound to 127.0.0.1).

The real ``telegram.ext.Application`` talks to it over HTTP::

    async with FakeBotApi() as api:
        app = (
            ApplicationBuilder()
            .token(api.token)
            .base_url(api.base_url)
            .base_file_url(api.base_file_url)
            .build()
        )

The fake keeps Telegram-like state (messages per chat, files, callback queries, pending
updates), validates requests the way Telegram does where it matters for our bot (HTML
parse mode, length limits, callback_data size, "message is not modified", ...) and offers
fault injection (``fail_next``, ``block_chat``, ``enforce_limits``) plus waiting
primitives (``wait_for_call``, ``idle``, ``outbox``).
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import inspect
import json
import math
import re
import struct
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any

from aiohttp import web

TOKEN = "7000000001:AAF-asisten-mutu-fake-token-0123456789"
BOT_ID = 7000000001
BOT_USER: dict[str, Any] = {
    "id": BOT_ID,
    "is_bot": True,
    "first_name": "Asisten Mutu",
    "username": "asisten_mutu_test_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
    "can_connect_to_business": False,
    "has_main_web_app": False,
}

MB = 1024 * 1024
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    413: "Request Entity Too Large",
    500: "Internal Server Error",
    502: "Bad Gateway",
}

METHODS = (
    "getMe", "deleteWebhook", "getUpdates", "sendMessage", "editMessageText",
    "editMessageReplyMarkup", "editMessageCaption", "answerCallbackQuery", "deleteMessage",
    "sendChatAction", "setMyCommands", "deleteMyCommands", "getMyCommands",
    "setMyDescription", "setMyShortDescription", "sendDocument", "sendPhoto", "getFile",
    "getChatMember", "getChat", "setWebhook", "getWebhookInfo",
)  # fmt: skip
RATE_LIMITED = frozenset({"sendMessage", "sendDocument", "sendPhoto"})
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice",
    "upload_document", "choose_sticker", "find_location", "record_video_note",
    "upload_video_note",
})  # fmt: skip
DEFAULT_UPDATE_TYPES_EXCLUDED = frozenset(
    {"chat_member", "message_reaction", "message_reaction_count"}
)
ADMIN_RIGHTS: dict[str, bool] = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": True,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": True,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}

# Form fields PTB sends as JSON strings / ints / booleans (everything arrives as text).
JSON_KEYS = frozenset({
    "reply_markup", "entities", "caption_entities", "allowed_updates", "commands", "scope",
    "link_preview_options", "reply_parameters", "media", "results", "permissions",
})  # fmt: skip
INT_KEYS = frozenset({
    "chat_id", "message_id", "from_chat_id", "offset", "limit", "timeout", "user_id",
    "cache_time", "message_thread_id", "reply_to_message_id",
})  # fmt: skip
BOOL_KEYS = frozenset({
    "disable_notification", "protect_content", "show_alert", "drop_pending_updates",
    "allow_sending_without_reply", "disable_web_page_preview", "has_spoiler",
    "disable_content_type_detection", "show_caption_above_media",
})  # fmt: skip
_INT_RE = re.compile(r"-?\d+")


# --------------------------------------------------------------------------- data types


@dataclass
class Call:
    """One HTTP call the bot made to the fake (recorded on arrival)."""

    method: str
    params: dict[str, Any]
    at: float
    seq: int = 0
    response: dict[str, Any] | None = None

    @property
    def done(self) -> bool:
        """True once the fake has produced a response for this call."""
        return self.response is not None

    @property
    def ok(self) -> bool | None:
        """``response["ok"]`` or None while the call is still in flight."""
        return None if self.response is None else bool(self.response.get("ok"))

    @property
    def result(self) -> Any:
        """The ``result`` of a successful call (None otherwise)."""
        return (self.response or {}).get("result")

    @property
    def error(self) -> str | None:
        """The ``description`` of a failed call (None otherwise)."""
        return (self.response or {}).get("description")

    def describe(self) -> str:
        """A one-line human readable summary, for assertion messages."""
        shown = ", ".join(
            f"{key}={'…' if key == 'reply_markup' else _short(value)}"
            for key, value in self.params.items()
        )
        outcome = "…" if self.response is None else ("ok" if self.ok else f"ERR {self.error}")
        return f"#{self.seq} {self.method}({shown}) -> {outcome}"


@dataclass
class Upload:
    """A file part of a multipart request."""

    filename: str | None
    content_type: str
    data: bytes = field(repr=False)

    def __repr__(self) -> str:
        return f"Upload({self.filename!r}, {self.content_type!r}, {len(self.data)} bytes)"


@dataclass
class StoredFile:
    """A file known to the fake (uploaded by the bot or sent by a simulated user)."""

    file_id: str
    file_unique_id: str
    kind: str
    data: bytes = field(repr=False)
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    width: int = 0
    height: int = 0

    def as_file(self) -> dict[str, Any]:
        """Bot API ``File`` object (getFile result)."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }

    def as_document(self) -> dict[str, Any]:
        """Bot API ``Document`` object."""
        doc: dict[str, Any] = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }
        if self.file_name:
            doc["file_name"] = self.file_name
        if self.mime_type:
            doc["mime_type"] = self.mime_type
        return doc

    def as_photo(self) -> list[dict[str, Any]]:
        """Bot API ``photo`` field: a list with one ``PhotoSize``."""
        return [
            {
                "file_id": self.file_id,
                "file_unique_id": self.file_unique_id,
                "file_size": len(self.data),
                "width": self.width,
                "height": self.height,
            }
        ]


class ApiError(Exception):
    """A Telegram-shaped error response (``{"ok": false, ...}``)."""

    def __init__(
        self,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ):
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram would send."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        if self.migrate_to_chat_id is not None:
            body["parameters"] = {"migrate_to_chat_id": self.migrate_to_chat_id}
        return body


def bad_request(reason: str) -> ApiError:
    """400 "Bad Request: <reason>"."""
    return ApiError(400, f"Bad Request: {reason}")


@dataclass
class _Fault:
    method: str
    error_code: int
    description: str
    retry_after: int | None
    chat_id: int | str | None
    remaining: int
    migrate_to_chat_id: int | None = None


@dataclass
class _Webhook:
    url: str
    secret: str | None
    task: asyncio.Task[None]


class _Signal:
    """Edge-triggered wake-up usable from sync code: ``fire()`` wakes every waiter."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        self._event.set()
        self._event = asyncio.Event()

    def current(self) -> asyncio.Event:
        """Grab BEFORE checking the condition, then wait on it (no lost wake-ups)."""
        return self._event


async def _wait_event(event: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(event.wait(), max(seconds, 0))
    except TimeoutError:
        pass


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _public(message: dict[str, Any]) -> dict[str, Any]:
    """Deep copy of a stored message without the fake's private ``_keys``."""
    return {k: copy.deepcopy(v) for k, v in message.items() if not k.startswith("_")}


def _as_int(value: Any) -> Any:
    if isinstance(value, str) and _INT_RE.fullmatch(value.strip()):
        return int(value)
    return value


def decode_param(key: str, value: Any) -> Any:
    """Decode one form value the way Telegram interprets it (JSON fields, ints, bools)."""
    if not isinstance(value, str):
        return value
    if key in JSON_KEYS:
        try:
            return json.loads(value)
        except ValueError:
            return value
    if key in INT_KEYS:
        return _as_int(value)
    if key in BOOL_KEYS and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


def _image_size(data: bytes) -> tuple[int, int]:
    """(width, height) of a PNG; a plausible default for anything else."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
        return int(width), int(height)
    return 640, 480


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


# ----------------------------------------------------------------------- HTML parse mode

_HTML_TAGS = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underline",
    "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "span": "spoiler", "tg-spoiler": "spoiler", "a": "text_link",
    "code": "code", "pre": "pre", "blockquote": "blockquote", "tg-emoji": "custom_emoji",
}  # fmt: skip
_HTML_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}


class _TelegramHtml(HTMLParser):
    """Telegram's HTML subset: supported tags only, balanced, limited named entities.

    Bare ``>`` and a bare ``&`` that does not form ``&name;`` are accepted like Telegram
    does. Unsupported named entities such as ``&nbsp;`` are rejected (Telegram would show
    them literally, which is a bug in our messages anyway).
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self._source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._parts: list[str] = []
        self._length = 0
        self._open: list[tuple[str, str, int, dict[str, str]]] = []
        self.entities: list[dict[str, Any]] = []

    def parse(self) -> tuple[str, list[dict[str, Any]]]:
        self.feed(self._source)
        self.close()
        if self._open:
            tag = self._open[-1][0]
            raise bad_request(
                f"can't parse entities: Can't find end tag corresponding to start tag \"{tag}\""
            )
        return "".join(self._parts), self.entities

    def _index(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _fail(self, reason: str, extra: int = 0) -> None:
        offset = len(self._source[: self._index() + extra].encode())
        raise bad_request(f"can't parse entities: {reason} at byte offset {offset}")

    def _text(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = _HTML_TAGS.get(tag)
        if kind is None:
            self._fail(f'Unsupported start tag "{tag}"')
            return
        attributes = {name: value or "" for name, value in attrs}
        if tag == "span" and attributes.get("class") != "tg-spoiler":
            self._fail('Tag "span" must have class "tg-spoiler"')
        if tag == "tg-emoji" and not attributes.get("emoji-id"):
            self._fail('Tag "tg-emoji" must have attribute "emoji-id"')
        if tag == "blockquote" and "expandable" in attributes:
            kind = "expandable_blockquote"
        self._open.append((tag, kind, self._length, attributes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._fail(f'Unsupported start tag "{tag}"')

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            self._fail(f'Unexpected end tag "{tag}"')
            return
        open_tag, kind, start, attributes = self._open.pop()
        if open_tag != tag:
            self._fail(f'Unmatched end tag, expected "</{open_tag}>", found "</{tag}>"')
        if self._length > start:
            entity: dict[str, Any] = {"type": kind, "offset": start, "length": self._length - start}
            if kind == "text_link":
                entity["url"] = attributes.get("href", "")
            if kind == "custom_emoji":
                entity["custom_emoji_id"] = attributes["emoji-id"]
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        if "<" in data:
            self._fail('Unsupported start tag ""', extra=data.index("<"))
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        terminated = self._source.startswith(";", self._index() + 1 + len(name))
        if not terminated:
            self._text("&" + name)
        elif name in _HTML_ENTITIES:
            self._text(_HTML_ENTITIES[name])
        else:
            self._fail(f'Unsupported HTML entity "&{name};"')

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            self._text(chr(code))
        except (ValueError, OverflowError):
            self._fail(f'Invalid character reference "&#{name};"')

    def handle_comment(self, data: str) -> None:
        self._fail('Unsupported start tag "!--"')

    def handle_decl(self, decl: str) -> None:
        self._fail('Unsupported start tag "!"')

    def handle_pi(self, data: str) -> None:
        self._fail('Unsupported start tag "?"')

    def unknown_decl(self, data: str) -> None:
        self._fail('Unsupported start tag "!"')


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Validate Telegram HTML; return (plain text, entities) or raise a 400 ApiError."""
    return _TelegramHtml(source).parse()


# ------------------------------------------------------------------------ reply markup


def validate_markup(markup: Any) -> dict[str, Any] | None:
    """Check an inline keyboard like Telegram; returns it (None for "no markup")."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    rows = markup.get("inline_keyboard")
    if rows is None:
        return markup
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for button in (button for row in rows for button in row):
        _validate_button(button)
    return markup


def _validate_button(button: Any) -> None:
    if not isinstance(button, dict) or not str(button.get("text", "")).strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = set(button) - {"text", "style", "icon_custom_emoji_id"}
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if "callback_data" in button:
        size = len(str(button["callback_data"]).encode())
        if not 1 <= size <= CALLBACK_DATA_LIMIT:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button and not str(button["url"]).strip():
        raise bad_request("BUTTON_URL_INVALID")


# ------------------------------------------------------------------------- rate limits


class _RateLimits:
    """Sliding one-second windows: overall and per chat."""

    def __init__(self, overall_per_second: int, per_chat_per_second: int) -> None:
        self.overall = overall_per_second
        self.per_chat = per_chat_per_second
        self._all: deque[float] = deque()
        self._chats: defaultdict[Any, deque[float]] = defaultdict(deque)

    @staticmethod
    def _prune(window: deque[float], now: float) -> None:
        while window and window[0] <= now - 1.0:
            window.popleft()

    def retry_after(self, chat_id: Any, now: float) -> int | None:
        """Seconds to wait if one more send now would exceed a limit, else None."""
        chat = self._chats[chat_id]
        self._prune(self._all, now)
        self._prune(chat, now)
        for window, limit in ((self._all, self.overall), (chat, self.per_chat)):
            if len(window) >= limit:
                return max(1, math.ceil(window[0] + 1.0 - now))
        return None

    def record(self, chat_id: Any, now: float) -> None:
        """Count one successful send."""
        self._all.append(now)
        self._chats[chat_id].append(now)


# --------------------------------------------------------------------------- the server


class FakeBotApi:
    """Fake Telegram Bot API server; see the module docstring."""

    max_document_bytes = 50 * MB
    max_photo_bytes = 10 * MB
    max_download_bytes = 20 * MB
    callback_query_ttl = 15.0

    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.incoming: dict[tuple[int, int], dict[str, Any]] = {}
        self.deleted: set[tuple[int, int]] = set()
        self.users: dict[int, dict[str, Any]] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.admins: defaultdict[int, set[int]] = defaultdict(set)
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.rejected_429 = 0
        self._port: int | None = None
        self._runner: web.AppRunner | None = None
        self._closing = False
        self._message_ids: defaultdict[int, int] = defaultdict(int)
        self._outboxes: dict[int, asyncio.Queue[dict[str, Any]]] = {}
        self._files: dict[str, StoredFile] = {}
        self._files_by_path: dict[str, StoredFile] = {}
        self._file_seq = 0
        self._query_seq = 0
        self._open_queries: dict[str, float] = {}
        self._updates: list[dict[str, Any]] = []
        self._last_update_id = 0
        self._delivered_upto = 0
        self._allowed_updates: frozenset[str] | None = None
        self._poll_generation = 0
        self._update_signal = _Signal()
        self._call_signal = _Signal()
        self._consumed: set[int] = set()
        self._in_flight = 0
        self._last_activity = time.monotonic()
        self._faults: list[_Fault] = []
        self._blocked: set[int] = set()
        self._limits: _RateLimits | None = None
        self._webhook: _Webhook | None = None
        self.webhook_responses: list[int] = []  # HTTP status of every delivery attempt
        self._handlers: dict[str, Callable[[dict[str, Any]], Any]] = {
            "getMe": lambda params: dict(BOT_USER),
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "editMessageCaption": self._edit_message_caption,
            "answerCallbackQuery": self._answer_callback_query,
            "deleteMessage": self._delete_message,
            "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": self._get_my_commands,
            "setMyDescription": lambda p: self._set_description(p, "description"),
            "setMyShortDescription": lambda p: self._set_description(p, "short_description"),
            "sendDocument": self._send_document,
            "sendPhoto": self._send_photo,
            "getFile": self._get_file,
            "getChatMember": self._get_chat_member,
            "getChat": self._get_chat,
        }
        self._canonical = {name.lower(): name for name in self._handlers}

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Start serving on 127.0.0.1 with a free port."""
        app = web.Application(client_max_size=self.max_document_bytes + 8 * MB)
        app.router.add_route("*", "/bot{token}/{method}", self._route_method)
        app.router.add_get("/file/bot{token}/{file_path:.*}", self._route_file)
        self._runner = web.AppRunner(
            app, handler_cancellation=True, shutdown_timeout=0.5, access_log=None
        )
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = self._runner.addresses[0][1]

    async def stop(self) -> None:
        """Wake long polls and shut the server down."""
        self._closing = True
        self._update_signal.fire()
        if self._webhook is not None:
            self._webhook.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook.task
            self._webhook = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotApi:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        """The TCP port (only after ``start()``)."""
        if self._port is None:
            raise RuntimeError("FakeBotApi is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder().base_url(...)``."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder().base_file_url(...)``."""
        return f"http://127.0.0.1:{self.port}/file/bot"

    # ------------------------------------------------------------------ HTTP layer

    async def _route_method(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        method = self._canonical.get(name.lower(), name)
        try:
            params = await self._read_params(request)
        except ApiError as err:
            params, early_error = {}, err
        else:
            early_error = None
        call = self._record(method, params)
        counted = method != "getUpdates"  # long polls are not bot activity
        self._in_flight += counted
        try:
            body = await self._execute(call, early_error)
        finally:
            self._in_flight -= counted
            if counted:
                self._touch()
        call.response = body
        self._call_signal.fire()
        return web.json_response(body, status=body.get("error_code", 200))

    async def _read_params(self, request: web.Request) -> dict[str, Any]:
        raw: dict[str, Any] = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            raw.update(await self._read_body(request))
        return {key: decode_param(key, value) for key, value in raw.items()}

    @staticmethod
    async def _read_body(request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError as err:
                raise bad_request("can't parse JSON object") from err
            return body if isinstance(body, dict) else {}
        try:
            form = await request.post()
        except web.HTTPRequestEntityTooLarge as err:
            raise ApiError(413, "Request Entity Too Large") from err
        body: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                body[key] = Upload(value.filename, value.content_type, value.file.read())
            else:
                body[key] = value
        return body

    async def _route_file(self, request: web.Request) -> web.Response:
        stored = self._files_by_path.get(request.match_info["file_path"])
        if stored is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(body=stored.data, content_type="application/octet-stream")

    def _record(self, method: str, params: dict[str, Any]) -> Call:
        call = Call(method=method, params=params, at=time.monotonic(), seq=len(self.calls))
        self.calls.append(call)
        if method != "getUpdates":
            self._touch()
            self._last_method = method
        return call

    def _touch(self) -> None:
        self._last_activity = time.monotonic()

    async def _execute(self, call: Call, early_error: ApiError | None) -> dict[str, Any]:
        try:
            if early_error is not None:
                raise early_error
            handler = self._handlers.get(call.method)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            self._precheck(call.method, call.params)
            result = handler(call.params)
            if inspect.isawaitable(result):
                result = await result
            self._after_success(call.method, call.params)
            return {"ok": True, "result": result}
        except ApiError as err:
            return err.payload()

    # ------------------------------------------------------- faults, blocks, limits

    def fail_next(
        self,
        method: str,
        *,
        error_code: int,
        description: str | None = None,
        retry_after: int | None = None,
        chat_id: int | str | None = None,
        times: int = 1,
        migrate_to_chat_id: int | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` (optionally only for ``chat_id``) fail.

        A 429 always carries ``parameters.retry_after`` (default 1 second); a group that became
        a supergroup answers 400 with ``parameters.migrate_to_chat_id``.
        """
        if error_code == 429 and retry_after is None:
            retry_after = 1
        if description is None:
            description = DEFAULT_DESCRIPTIONS.get(error_code, "Error")
            if error_code == 429:
                description = f"Too Many Requests: retry after {retry_after}"
        canonical = self._canonical.get(method.lower(), method)
        self._faults.append(
            _Fault(
                canonical, error_code, description, retry_after, chat_id, times, migrate_to_chat_id
            )
        )

    def block_chat(self, chat_id: int) -> None:
        """From now on every send*/edit* to ``chat_id`` fails with 403."""
        self._blocked.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        """Undo ``block_chat``."""
        self._blocked.discard(chat_id)

    def enforce_limits(self, overall_per_second: int = 30, per_chat_per_second: int = 1) -> None:
        """Reply 429 to sendMessage/sendPhoto/sendDocument beyond these rates.

        Rejections are counted in ``rejected_429`` (injected ``fail_next`` 429s are not).
        """
        self._limits = _RateLimits(overall_per_second, per_chat_per_second)

    def relax_limits(self) -> None:
        """Stop enforcing rate limits."""
        self._limits = None

    def _precheck(self, method: str, params: dict[str, Any]) -> None:
        chat_id = params.get("chat_id")
        self._apply_fault(method, chat_id)
        if chat_id in self._blocked and method.startswith(("send", "edit")):
            reason = "bot was blocked by the user"
            if isinstance(chat_id, int) and chat_id < 0:
                reason = "bot was kicked from the group chat"
            raise ApiError(403, f"Forbidden: {reason}")
        if self._limits is not None and method in RATE_LIMITED:
            retry = self._limits.retry_after(chat_id, time.monotonic())
            if retry is not None:
                self.rejected_429 += 1
                raise ApiError(429, f"Too Many Requests: retry after {retry}", retry_after=retry)

    def _apply_fault(self, method: str, chat_id: Any) -> None:
        for fault in self._faults:
            if fault.method != method or fault.remaining <= 0:
                continue
            if fault.chat_id is not None and fault.chat_id != chat_id:
                continue
            fault.remaining -= 1
            raise ApiError(
                fault.error_code, fault.description, fault.retry_after, fault.migrate_to_chat_id
            )

    def _after_success(self, method: str, params: dict[str, Any]) -> None:
        if self._limits is not None and method in RATE_LIMITED:
            self._limits.record(params.get("chat_id"), time.monotonic())

    # ------------------------------------------------------------- users, chats, files

    def register_user(
        self, user_id: int, first_name: str, username: str | None = None
    ) -> dict[str, Any]:
        """Remember a (simulated) user; also registers the private chat with them."""
        user: dict[str, Any] = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": "id",
        }
        chat: dict[str, Any] = {"id": user_id, "type": "private", "first_name": first_name}
        if username:
            user["username"] = username
            chat["username"] = username
        self.users[user_id] = user
        self.chats.setdefault(user_id, chat)
        return dict(user)

    def register_chat(self, chat_id: int, title: str | None = None) -> dict[str, Any]:
        """Remember a group chat (negative id) with a title."""
        chat = self.chat(chat_id)
        if title and chat_id < 0:
            chat["title"] = title
        self.chats[chat_id] = chat
        return dict(chat)

    def chat(self, chat_id: int) -> dict[str, Any]:
        """Bot API ``Chat`` object for ``chat_id`` (defaults for unknown chats)."""
        if chat_id in self.chats:
            return dict(self.chats[chat_id])
        if chat_id > 0:
            return {"id": chat_id, "type": "private", "first_name": f"User {chat_id}"}
        kind = "supergroup" if chat_id <= -1_000_000_000_000 else "group"
        return {"id": chat_id, "type": kind, "title": f"Grup {chat_id}"}

    def next_message_id(self, chat_id: int) -> int:
        """Allocate the next message_id in a chat (shared by bot and users, as in Telegram)."""
        self._message_ids[chat_id] += 1
        return self._message_ids[chat_id]

    def outbox(self, chat_id: int) -> asyncio.Queue[dict[str, Any]]:
        """Queue of NEW messages the bot created in ``chat_id`` (live dicts, edits apply)."""
        if chat_id not in self._outboxes:
            self._outboxes[chat_id] = asyncio.Queue()
        return self._outboxes[chat_id]

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Current (not deleted) bot messages in a chat, oldest first."""
        found = [msg for (cid, _), msg in self.messages.items() if cid == chat_id]
        return sorted(found, key=lambda msg: msg["message_id"])

    def store_file(
        self,
        data: bytes,
        *,
        kind: str = "document",
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> StoredFile:
        """Put bytes in the file store (kind "document" or "photo") and return the record."""
        self._file_seq += 1
        seq = self._file_seq
        if kind == "photo":
            prefix, path = "AgAC", f"photos/file_{seq}.jpg"
            width, height = _image_size(data)
        else:
            suffix = PurePosixPath(file_name).suffix if file_name else ""
            prefix, path = "BQAC", f"documents/file_{seq}{suffix}"
            width, height = 0, 0
        stored = StoredFile(
            file_id=f"{prefix}-{kind}-{seq:05d}",
            file_unique_id=f"AQAD{seq:05d}",
            kind=kind,
            data=bytes(data),
            file_path=path,
            file_name=file_name,
            mime_type=mime_type,
            width=width,
            height=height,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def file_bytes(self, file_id: str) -> bytes:
        """The bytes behind a file_id (uploaded by the bot or sent by a user)."""
        if file_id not in self._files:
            raise KeyError(f"unknown file_id {file_id!r}; known: {sorted(self._files)}")
        return self._files[file_id].data

    # ------------------------------------------------------------------ updates

    def push_update(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates (assigns ``update_id``) and wake long polls."""
        self._last_update_id += 1
        self._updates.append({**update, "update_id": self._last_update_id})
        self._update_signal.fire()
        return self._last_update_id

    def push_text(self, chat_id: int, user: dict[str, Any], text: str) -> dict[str, Any]:
        """A user sends ``text``; a leading "/command" gets a ``bot_command`` entity."""
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            fields["entities"] = [
                {"type": "bot_command", "offset": 0, "length": _utf16_len(command)}
            ]
        return self._push_incoming(chat_id, user, fields)

    def push_photo(
        self, chat_id: int, user: dict[str, Any], data: bytes, caption: str | None = None
    ) -> dict[str, Any]:
        """A user sends a photo (bytes go to the file store, downloadable via getFile)."""
        stored = self.store_file(data, kind="photo")
        fields: dict[str, Any] = {"photo": stored.as_photo()}
        if caption:
            fields["caption"] = caption
        return self._push_incoming(chat_id, user, fields)

    def push_document(
        self,
        chat_id: int,
        user: dict[str, Any],
        data: bytes,
        file_name: str,
        mime_type: str,
        caption: str | None = None,
    ) -> dict[str, Any]:
        """A user sends a document (bytes go to the file store)."""
        stored = self.store_file(data, kind="document", file_name=file_name, mime_type=mime_type)
        fields: dict[str, Any] = {"document": stored.as_document()}
        if caption:
            fields["caption"] = caption
        return self._push_incoming(chat_id, user, fields)

    def push_callback(self, user: dict[str, Any], message: dict[str, Any], data: str) -> str:
        """A user presses an inline button on ``message``; returns the callback query id."""
        self._query_seq += 1
        query_id = str(4_200_000_000_000 + self._query_seq)
        self._open_queries[query_id] = time.monotonic()
        chat_id = message["chat"]["id"]
        query = {
            "id": query_id,
            "from": dict(user),
            "message": _public(message),
            "chat_instance": f"{abs(chat_id)}000{BOT_ID % 1000}",
            "data": data,
        }
        self.push_update({"callback_query": query})
        return query_id

    def _push_incoming(
        self, chat_id: int, user: dict[str, Any], fields: dict[str, Any]
    ) -> dict[str, Any]:
        message = {
            "message_id": self.next_message_id(chat_id),
            "from": dict(user),
            "chat": self.chat(chat_id),
            "date": int(time.time()),
            **fields,
        }
        self.incoming[(chat_id, message["message_id"])] = message
        self.push_update({"message": copy.deepcopy(message)})
        return message

    # ------------------------------------------------------------------ waiting

    def calls_to(self, method: str) -> list[Call]:
        """All recorded calls of ``method`` (case-insensitive), oldest first."""
        canonical = self._canonical.get(method.lower(), method)
        return [call for call in self.calls if call.method == canonical]

    def mark(self) -> int:
        """Cursor for ``wait_for_call(after=...)``: calls recorded from now on."""
        return len(self.calls)

    async def wait_for_call(
        self,
        method: str,
        predicate: Callable[[Call], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - part of the test API
        *,
        after: int = 0,
    ) -> Call:
        """Return the oldest finished, not yet returned call of ``method`` matching ``predicate``.

        Each call is handed out at most once (queue semantics), so an action's call is
        found whether it happened before or after waiting started. Use ``after=api.mark()``
        to ignore older calls. Raises AssertionError on timeout.
        """
        canonical = self._canonical.get(method.lower(), method)
        deadline = time.monotonic() + timeout
        while True:
            wake = self._call_signal.current()
            for call in self.calls[after:]:
                if self._matches(call, canonical, predicate):
                    self._consumed.add(call.seq)
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"no {canonical} call within {timeout}s; recent calls:\n"
                    + self.describe_calls()
                )
            await _wait_event(wake, remaining)

    def _matches(self, call: Call, method: str, predicate: Callable[[Call], bool] | None) -> bool:
        if call.method != method or not call.done or call.seq in self._consumed:
            return False
        return predicate is None or predicate(call)

    async def idle(self, quiet: float = 0.2, timeout: float = 10.0) -> None:  # noqa: ASYNC109
        """Wait until every pushed update was fetched and the bot made no call for ``quiet`` s.

        (Long polls are not activity; a delivered update counts as activity.)
        Raises AssertionError on timeout.
        """
        deadline = time.monotonic() + timeout
        while True:
            now = time.monotonic()
            undelivered = self._undelivered()
            # A pressed button is still being handled until it is answered (a handler may do
            # database work before its first call, longer than `quiet` on a loaded machine).
            menunggu = [q for q, t in self._open_queries.items() if now - t < 3.0]
            # Handlers answer a button first and then edit; between the two a cold template
            # may compile. After an answer, allow the follow-up a longer moment to come.
            tenang = (
                quiet * 3 if getattr(self, "_last_method", "") == "answerCallbackQuery" else quiet
            )
            if (
                not undelivered
                and not self._in_flight
                and not menunggu
                and now - self._last_activity >= tenang
            ):
                return
            if now >= deadline:
                raise AssertionError(
                    f"bot not idle after {timeout}s (unfetched updates {undelivered}, "
                    f"{self._in_flight} calls in flight; is the Application polling?)\n"
                    + self.describe_calls()
                )
            await asyncio.sleep(min(0.02, quiet))

    def _undelivered(self) -> list[int]:
        return [u["update_id"] for u in self._updates if u["update_id"] > self._delivered_upto]

    def describe_calls(self, last: int = 8, include_get_updates: bool = False) -> str:
        """The last few calls as text (for assertion messages)."""
        calls = [c for c in self.calls if include_get_updates or c.method != "getUpdates"]
        lines = [f"  {call.describe()}" for call in calls[-last:]]
        return "\n".join(lines) if lines else "  (no calls)"

    # ------------------------------------------------------------ getUpdates & webhook

    def _delete_webhook(self, params: dict[str, Any]) -> bool:
        if self._webhook is not None:
            self._webhook.task.cancel()
            self._webhook = None
        if params.get("drop_pending_updates"):
            self._delivered_upto = self._last_update_id
            self._updates.clear()
        return True

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        self._poll_generation += 1
        generation = self._poll_generation
        self._update_signal.fire()  # an older long poll is terminated (409) like Telegram
        self._confirm(int(params.get("offset") or 0))
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = frozenset(params["allowed_updates"]) or None
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        deadline = time.monotonic() + max(float(params.get("timeout") or 0), 0.0)
        while True:
            wake = self._update_signal.current()
            batch = self._pending(limit)
            remaining = deadline - time.monotonic()
            if batch or remaining <= 0 or self._closing:
                break
            await _wait_event(wake, remaining)
            if generation != self._poll_generation:
                raise ApiError(
                    409,
                    "Conflict: terminated by other getUpdates request; make sure that only "
                    "one bot instance is running",
                )
        if batch:
            self._delivered_upto = max(self._delivered_upto, batch[-1]["update_id"])
            self._touch()
        return copy.deepcopy(batch)

    def _set_webhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url:
            return self._delete_webhook(params)
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise bad_request("secret token contains unallowed characters")
        if self._webhook is not None:
            self._webhook.task.cancel()
        if params.get("drop_pending_updates"):
            self._delivered_upto = self._last_update_id
            self._updates.clear()
        if isinstance(params.get("allowed_updates"), list):
            self._allowed_updates = frozenset(params["allowed_updates"]) or None
        self._update_signal.fire()  # a running long poll ends, as Telegram ends it
        task = asyncio.get_running_loop().create_task(self._deliver(url, secret))
        self._webhook = _Webhook(url, None if secret is None else str(secret), task)
        return True

    def _get_webhook_info(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self._webhook.url if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending(100)),
        }

    async def _deliver(self, url: str, secret: str | None) -> None:
        """POST each update to the webhook in order, one at a time; a non-200 answer or a
        connection error is retried after a short pause, as Telegram retries."""
        import aiohttp  # the test extra has it; only webhook tests need a client

        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with aiohttp.ClientSession() as session:
            while not self._closing:
                wake = self._update_signal.current()
                batch = self._pending(1)
                if not batch:
                    await _wait_event(wake, 1.0)
                    continue
                update = batch[0]
                try:
                    async with session.post(url, json=update, headers=headers) as response:
                        status = response.status
                except aiohttp.ClientError:
                    status = 0
                self.webhook_responses.append(status)
                if status != 200:
                    await asyncio.sleep(0.2)
                    continue
                self._delivered_upto = max(self._delivered_upto, update["update_id"])
                self._confirm(update["update_id"] + 1)
                self._touch()

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]

    def _pending(self, limit: int) -> list[dict[str, Any]]:
        self._updates = [u for u in self._updates if self._wanted(u)]
        return self._updates[:limit]

    def _wanted(self, update: dict[str, Any]) -> bool:
        kind = next((key for key in update if key != "update_id"), "")
        if self._allowed_updates is None:
            return kind not in DEFAULT_UPDATE_TYPES_EXCLUDED
        return kind in self._allowed_updates

    # ------------------------------------------------------------------ helpers

    def _chat_id(self, params: dict[str, Any]) -> int:
        chat_id = params.get("chat_id")
        if chat_id is None or chat_id == "":
            raise bad_request("chat_id is empty")
        if isinstance(chat_id, int):
            return chat_id
        name = str(chat_id).removeprefix("@")
        for known in self.chats.values():
            if known.get("username") == name:
                return int(known["id"])
        raise bad_request("chat not found")

    def _render(self, params: dict[str, Any], key: str) -> dict[str, Any]:
        """Validate ``text``/``caption`` (+ parse_mode) and return the fields to store."""
        limit = TEXT_LIMIT if key == "text" else CAPTION_LIMIT
        source = "" if params.get(key) is None else str(params[key])
        parse_mode = params.get("parse_mode")
        entities_key = "entities" if key == "text" else "caption_entities"
        if isinstance(parse_mode, str) and parse_mode.lower() == "html":
            plain, entities = parse_html(source)
        else:
            plain, entities = source, list(params.get(entities_key) or [])
        stripped = plain.strip()
        shift = len(plain) - len(plain.lstrip())
        entities = [{**e, "offset": max(0, e.get("offset", 0) - shift)} for e in entities]
        if not stripped:
            if key == "caption":
                return {}
            raise bad_request("message text is empty")
        if len(stripped) > limit:
            raise bad_request(f"message {'' if key == 'text' else 'caption '}is too long")
        return {key: stripped, "_html": source, "_parse_mode": parse_mode, "_entities": entities}

    def _markup_fields(self, params: dict[str, Any]) -> dict[str, Any]:
        markup = validate_markup(params.get("reply_markup"))
        if markup is None:
            return {}
        if "inline_keyboard" in markup:
            return {"reply_markup": markup}
        return {"_keyboard": markup}  # reply keyboards are not part of the returned Message

    def _reply_fields(self, chat_id: int, params: dict[str, Any]) -> dict[str, Any]:
        reply = params.get("reply_parameters")
        reply = reply if isinstance(reply, dict) else {}
        message_id = reply.get("message_id", params.get("reply_to_message_id"))
        if message_id is None:
            return {}
        key = (int(reply.get("chat_id", chat_id)), int(message_id))
        original = self.messages.get(key) or self.incoming.get(key)
        if original is not None:
            return {"reply_to_message": _public(original)}
        if reply.get("allow_sending_without_reply") or params.get("allow_sending_without_reply"):
            return {}
        raise bad_request("message to be replied not found")

    def _create_message(self, chat_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        message = {
            "message_id": self.next_message_id(chat_id),
            "from": dict(BOT_USER),
            "chat": self.chat(chat_id),
            "date": int(time.time()),
            **fields,
        }
        self.messages[(chat_id, message["message_id"])] = message
        self.outbox(chat_id).put_nowait(message)
        return _public(message)

    def _resolve_file(self, params: dict[str, Any], key: str) -> StoredFile:
        value = params.get(key)
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value.removeprefix("attach://"))
        if isinstance(value, Upload):
            limit = self.max_photo_bytes if key == "photo" else self.max_document_bytes
            if len(value.data) > limit:
                raise ApiError(413, "Request Entity Too Large")
            return self.store_file(
                value.data, kind=key, file_name=value.filename, mime_type=value.content_type
            )
        if isinstance(value, str) and value in self._files:
            return self._files[value]
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        if isinstance(value, str) and value:
            raise bad_request("wrong file identifier/HTTP URL specified")
        raise bad_request(f"there is no {key} in the request")

    def _target(self, params: dict[str, Any], action: str = "edit") -> dict[str, Any]:
        if params.get("inline_message_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        key = (self._chat_id(params), _as_int(params.get("message_id")))
        if key in self.incoming and action == "edit":
            raise bad_request("message can't be edited")
        message = self.messages.get(key)
        if message is None:
            raise bad_request(f"message to {action} not found")
        return message

    @staticmethod
    def _apply_markup(message: dict[str, Any], markup: dict[str, Any] | None) -> None:
        if markup is not None and "inline_keyboard" in markup:
            message["reply_markup"] = markup
        else:
            message.pop("reply_markup", None)
        message["edit_date"] = int(time.time())

    # ------------------------------------------------------------------ sending

    def _send_message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        fields = self._render(params, "text")
        fields.update(self._markup_fields(params))
        fields.update(self._reply_fields(chat_id, params))
        return self._create_message(chat_id, fields)

    def _send_document(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        stored = self._resolve_file(params, "document")
        fields = {"document": stored.as_document(), **self._render(params, "caption")}
        fields.update(self._markup_fields(params))
        fields.update(self._reply_fields(chat_id, params))
        return self._create_message(chat_id, fields)

    def _send_photo(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        stored = self._resolve_file(params, "photo")
        fields = {"photo": stored.as_photo(), **self._render(params, "caption")}
        fields.update(self._markup_fields(params))
        fields.update(self._reply_fields(chat_id, params))
        return self._create_message(chat_id, fields)

    def _send_chat_action(self, params: dict[str, Any]) -> bool:
        self._chat_id(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True

    # ------------------------------------------------------------------ editing

    def _edit_message_text(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._target(params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        fields = self._render(params, "text")
        markup = validate_markup(params.get("reply_markup"))
        if (
            message["text"] == fields["text"]
            and message.get("_entities") == fields["_entities"]
            and message.get("reply_markup") == markup
        ):
            raise bad_request(NOT_MODIFIED)
        message.update(fields)
        self._apply_markup(message, markup)
        return _public(message)

    def _edit_message_caption(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._target(params)
        if "text" in message:
            raise bad_request("there is no caption in the message to edit")
        fields = self._render(params, "caption")
        markup = validate_markup(params.get("reply_markup"))
        if (
            message.get("caption") == fields.get("caption")
            and message.get("_entities", []) == fields.get("_entities", [])
            and message.get("reply_markup") == markup
        ):
            raise bad_request(NOT_MODIFIED)
        for key in ("caption", "_html", "_parse_mode", "_entities"):
            message.pop(key, None)
        message.update(fields)
        self._apply_markup(message, markup)
        return _public(message)

    def _edit_message_reply_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._target(params)
        markup = validate_markup(params.get("reply_markup"))
        if message.get("reply_markup") == markup:
            raise bad_request(NOT_MODIFIED)
        self._apply_markup(message, markup)
        return _public(message)

    def _delete_message(self, params: dict[str, Any]) -> bool:
        key = (self._chat_id(params), _as_int(params.get("message_id")))
        store = self.messages if key in self.messages else self.incoming
        if key not in store:
            raise bad_request("message to delete not found")
        del store[key]
        self.deleted.add(key)
        return True

    # ------------------------------------------------------------ callbacks & files

    def _answer_callback_query(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        opened = self._open_queries.pop(query_id, None)
        if opened is None or time.monotonic() - opened > self.callback_query_ttl:
            raise bad_request(QUERY_TOO_OLD)
        self.callback_answers[query_id] = dict(params)
        return True

    def _get_file(self, params: dict[str, Any]) -> dict[str, Any]:
        stored = self._files.get(str(params.get("file_id", "")))
        if stored is None:
            raise bad_request("invalid file_id")
        if len(stored.data) > self.max_download_bytes:
            raise bad_request("file is too big")
        return stored.as_file()

    # ------------------------------------------------------------ commands & chats

    @staticmethod
    def _commands_key(params: dict[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _set_my_commands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("commands must be an array of at most 100 BotCommand")
        for command in commands:
            name = str(command.get("command", "")) if isinstance(command, dict) else ""
            if not re.fullmatch(r"[a-z0-9_]{1,32}", name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(params)] = commands
        return True

    def _delete_my_commands(self, params: dict[str, Any]) -> bool:
        self.commands.pop(self._commands_key(params), None)
        return True

    def _get_my_commands(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        return list(self.commands.get(self._commands_key(params), []))

    def _set_description(self, params: dict[str, Any], key: str) -> bool:
        language = str(params.get("language_code") or "")
        self.descriptions[(key, language)] = str(params.get(key) or "")
        return True

    def _get_chat_member(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        user_id = _as_int(params.get("user_id"))
        if not isinstance(user_id, int):
            raise bad_request("invalid user_id specified")
        user = self.users.get(user_id) or {
            "id": user_id,
            "is_bot": False,
            "first_name": f"User {user_id}",
        }
        if user_id in self.admins.get(chat_id, set()):
            return {"status": "administrator", "user": dict(user), **ADMIN_RIGHTS}
        return {"status": "member", "user": dict(user)}

    def _get_chat(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            **self.chat(self._chat_id(params)),
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }
