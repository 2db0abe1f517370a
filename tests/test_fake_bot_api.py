"""Tests of the fake Bot API itself, driven by a tiny real PTB Application over HTTP."""

from __future__ import annotations

import datetime as dtm
import hashlib
import struct
import time
import zlib
from collections.abc import AsyncIterator
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, EndPointNotFound, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakes.bot_api import FakeBotApi
from tests.fakes.lifecycle import jalankan
from tests.fakes.pengguna import Pengguna

PDF = b"%PDF-1.4\n% laporan mutu\n" + bytes(range(256)) * 4
App = Application[Any, Any, Any, Any, Any, Any]


def _png(width: int = 3, height: int = 2) -> bytes:
    """A tiny valid PNG (so the fake can report its dimensions)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


# ------------------------------------------------------------------ the tiny bot


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_text(update.effective_message.text)


async def _menu(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    keyboard = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton("Setuju", callback_data="pilih:ya")],
            [InlineKeyboardButton("Tolak", callback_data="pilih:tidak")],
        ]
    )
    await update.effective_message.reply_text(
        "<b>Pilih</b> salah satu", parse_mode="HTML", reply_markup=keyboard
    )


async def _pilih(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    await query.answer()
    await query.edit_message_text(f"Dipilih: {query.data.removeprefix('pilih:')}")


async def _dokumen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_message.reply_document(PDF, filename="laporan.pdf", caption="Laporan")


async def _foto(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    file = await update.effective_message.photo[-1].get_file()
    data = await file.download_as_bytearray()
    await update.effective_message.reply_text(f"sha256 {hashlib.sha256(data).hexdigest()}")


def _build_app(api: FakeBotApi) -> App:
    app = (
        ApplicationBuilder()
        .token(api.token)
        .base_url(api.base_url)
        .base_file_url(api.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("start", _menu))
    app.add_handler(CommandHandler("dokumen", _dokumen))
    app.add_handler(CallbackQueryHandler(_pilih, pattern="^pilih:"))
    app.add_handler(MessageHandler(filters.PHOTO, _foto))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    return app


@pytest.fixture
async def berjalan(bot_api: FakeBotApi) -> AsyncIterator[App]:
    """The tiny bot, polling the fake."""
    async with jalankan(_build_app(bot_api), bot_api) as app:
        yield app


@pytest.fixture
async def bot(bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    """A bare PTB Bot wired to the fake (for request-level checks)."""
    async with Bot(
        bot_api.token, base_url=bot_api.base_url, base_file_url=bot_api.base_file_url
    ) as bot:
        yield bot


@pytest.fixture
def budi(bot_api: FakeBotApi) -> Pengguna:
    return Pengguna(bot_api, 1001, "Budi", username="budi_guru")


# ---------------------------------------------------------- through the Application


async def test_echo_over_http(bot_api: FakeBotApi, berjalan: App, budi: Pengguna) -> None:
    await budi.kirim("Halo <dunia> & semua")
    balasan = await budi.balasan()
    assert balasan.teks == "Halo <dunia> & semua"
    assert balasan.raw["from"]["username"] == "asisten_mutu_test_bot"
    assert balasan.raw["chat"] == {
        "id": 1001,
        "type": "private",
        "first_name": "Budi",
        "username": "budi_guru",
    }
    assert [c.method for c in bot_api.calls[:2]] == ["getMe", "deleteWebhook"]
    await budi.tidak_ada_balasan(tunggu=0.2)


async def test_button_press_edits_message_and_removes_keyboard(
    bot_api: FakeBotApi, berjalan: App, budi: Pengguna
) -> None:
    await budi.kirim("/start")
    menu = await budi.balasan()
    assert menu.teks == "Pilih salah satu"
    assert menu.html == "<b>Pilih</b> salah satu"
    assert menu.tombol == [["Setuju"], ["Tolak"]]
    assert menu.data_urut == [("Setuju", "pilih:ya"), ("Tolak", "pilih:tidak")]

    query_id = await budi.tekan("Tol")  # unique substring of "Tolak"
    jawaban = await budi.jawaban_callback(query_id)
    assert jawaban.ok
    await bot_api.wait_for_call("editMessageText")
    sekarang = budi.pesan(menu.message_id)
    assert sekarang.teks == "Dipilih: tidak"
    assert sekarang.tombol == []
    assert "edit_date" in sekarang.raw
    await budi.tidak_ada_balasan(tunggu=0.2)  # edits are not new messages

    with pytest.raises(AssertionError, match="Setuju"):
        await budi.tekan("Setuju", menu)  # the keyboard is gone now (current state)


async def test_document_upload_is_readable(
    bot_api: FakeBotApi, berjalan: App, budi: Pengguna
) -> None:
    await budi.kirim("/dokumen")
    pesan = await budi.balasan()
    assert pesan.dokumen_nama == "laporan.pdf"
    assert pesan.dokumen == PDF
    assert pesan.teks == "Laporan"
    document = pesan.raw["document"]
    assert document["mime_type"] == "application/pdf"
    assert document["file_size"] == len(PDF)
    assert bot_api.file_bytes(document["file_id"]) == PDF


async def test_photo_download_round_trip(
    bot_api: FakeBotApi, berjalan: App, budi: Pengguna
) -> None:
    foto = _png()
    await budi.kirim_foto(foto, caption="bukti")
    pesan = await budi.balasan()
    assert pesan.teks == f"sha256 {hashlib.sha256(foto).hexdigest()}"
    get_file = bot_api.calls_to("getfile")[0]
    assert get_file.result["file_path"].startswith("photos/")


async def test_updates_are_not_delivered_twice_across_restart(bot_api: FakeBotApi) -> None:
    budi = Pengguna(bot_api, 1001, "Budi")
    async with jalankan(_build_app(bot_api), bot_api):
        await budi.kirim("satu")
        assert (await budi.balasan()).teks == "satu"
    await budi.kirim("dua")  # arrives while the bot is down
    async with jalankan(_build_app(bot_api), bot_api):
        assert [p.teks for p in await budi.semua_balasan(diam=0.2)] == ["dua"]
    texts = [call.params["text"] for call in bot_api.calls_to("sendMessage")]
    assert texts == ["satu", "dua"]


async def test_stopping_is_fast(bot_api: FakeBotApi) -> None:
    async with jalankan(_build_app(bot_api), bot_api):
        await bot_api.idle(quiet=0.1)  # a long poll (timeout=1) is now in flight
        started = time.monotonic()
    assert time.monotonic() - started < 1.5


# ----------------------------------------------------------- request-level checks


async def test_html_validation(bot: Bot) -> None:
    for broken in ("<b>x", "a < b", "<br/>baris", "x</b>", '<span class="x">s</span>'):
        with pytest.raises(BadRequest, match="(?i)can't parse entities"):
            await bot.send_message(1001, broken, parse_mode="HTML")
    message = await bot.send_message(1001, "&lt;b&gt; &amp; &#39;ok&#39; > 1", parse_mode="HTML")
    assert message.text == "<b> & 'ok' > 1"
    plain = await bot.send_message(1001, "a < b")  # no parse_mode: anything goes
    assert plain.text == "a < b"


async def test_length_limits(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(1001, "x" * 4097)
    assert len((await bot.send_message(1001, "x" * 4096)).text) == 4096
    bold = await bot.send_message(1001, "<b>" + "x" * 4096 + "</b>", parse_mode="HTML")
    assert len(bold.text) == 4096
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(1001, "<b> </b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match="(?i)caption is too long"):
        await bot.send_document(1001, PDF, filename="a.pdf", caption="y" * 1025)


async def test_callback_data_limit(bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("x", callback_data="d" * 65)]])
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(1001, "menu", reply_markup=keyboard)


async def test_edit_not_modified_and_not_found(bot_api: FakeBotApi, bot: Bot) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    message = await bot.send_message(1001, "<b>Menu</b>", parse_mode="HTML", reply_markup=keyboard)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text(
            "<b>Menu</b>", 1001, message.message_id, parse_mode="HTML", reply_markup=keyboard
        )
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_reply_markup(1001, message.message_id, reply_markup=keyboard)
    edited = await bot.edit_message_text("Menu", 1001, message.message_id)  # entities differ
    assert edited.reply_markup is None  # no reply_markup -> keyboard removed
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", 1001, 999)


async def test_answer_unknown_callback_query(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query("123")


async def test_fail_next_429_is_retry_after(bot_api: FakeBotApi, bot: Bot) -> None:
    bot_api.fail_next("sendmessage", error_code=429, retry_after=3, chat_id=1001)
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1001, "halo")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)
    assert (await bot.send_message(1001, "halo")).text == "halo"


async def test_blocked_chat_is_forbidden(bot_api: FakeBotApi, bot: Bot) -> None:
    bot_api.block_chat(1001)
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(1001, "halo")
    with pytest.raises(Forbidden):
        await bot.send_chat_action(1001, "typing")
    assert (await bot.send_message(1002, "lain")).chat.id == 1002
    bot_api.unblock_chat(1001)
    await bot.send_message(1001, "halo")


async def test_enforced_limits_answer_429(bot_api: FakeBotApi, bot: Bot) -> None:
    bot_api.enforce_limits(overall_per_second=3, per_chat_per_second=1)
    await bot.send_message(1001, "satu")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1001, "dua")
    assert caught.value.retry_after >= dtm.timedelta(seconds=1)
    await bot.send_message(1002, "x")
    await bot.send_message(1003, "x")
    with pytest.raises(RetryAfter):
        await bot.send_message(1004, "x")  # overall limit
    assert bot_api.rejected_429 == 2


async def test_document_too_big_and_unknown_method(bot_api: FakeBotApi, bot: Bot) -> None:
    bot_api.max_document_bytes = 1000
    with pytest.raises(NetworkError, match="(?i)Request Entity Too Large"):
        await bot.send_document(1001, PDF, filename="besar.pdf")
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("fooBar")
    assert bot_api.calls[-1].response == {
        "ok": False,
        "error_code": 404,
        "description": "Not Found: method not found",
    }


async def test_members_chat_and_commands(bot_api: FakeBotApi, bot: Bot) -> None:
    bot_api.admins[-5001].add(1001)
    assert (await bot.get_chat_member(-5001, 1001)).status == "administrator"
    assert (await bot.get_chat_member(-5001, 1002)).status == "member"
    assert (await bot.get_chat(-5001)).type == "group"
    assert (await bot.get_me()).username == "asisten_mutu_test_bot"
    await bot.set_my_commands([("start", "Mulai"), ("bantuan", "Bantuan")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "bantuan"]
    with pytest.raises(BadRequest, match="(?i)BOT_COMMAND_INVALID"):
        await bot.set_my_commands([("Mulai", "huruf besar tidak boleh")])
    await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()


async def test_get_updates_offset_semantics(bot_api: FakeBotApi, bot: Bot) -> None:
    budi = Pengguna(bot_api, 1001, "Budi")
    await budi.kirim("/start abc")
    await budi.kirim("dua")
    first = await bot.get_updates(timeout=0)
    assert [u.message.text for u in first] == ["/start abc", "dua"]
    assert first[0].message.entities[0].length == 6
    again = await bot.get_updates(offset=first[0].update_id + 1, timeout=0)
    assert [u.message.text for u in again] == ["dua"]
    assert await bot.get_updates(offset=again[-1].update_id + 1, timeout=0) == ()
    assert await bot.get_updates(timeout=0) == ()  # confirmed updates are forgotten
