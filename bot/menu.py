"""Command menus per role: what Telegram shows when a user types "/"."""

from __future__ import annotations

import logging

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeChat,
    BotCommandScopeDefault,
)
from telegram.error import TelegramError

from bot.mutu.peran import Peran, perintah_untuk
from bot.render import Render

# What the bot answers in a group (everything else points to the private chat).
PERINTAH_GRUP = ("hubungkan",)

log = logging.getLogger(__name__)


def daftar_perintah(render: Render, peran: Peran | None) -> list[BotCommand]:
    """The menu for a role (None: a user with no school)."""
    return [BotCommand(p, render.label(f"perintah.{p}")) for p in perintah_untuk(peran)]


async def pasang_bawaan(bot: Bot, render: Render) -> None:
    """The menu everyone sees before they belong to a school, and the menu of every group
    (where the bot serves only /hubungkan)."""
    await bot.set_my_commands(daftar_perintah(render, None), scope=BotCommandScopeDefault())
    await bot.set_my_commands(
        [BotCommand(p, render.label(f"perintah.{p}")) for p in PERINTAH_GRUP],
        scope=BotCommandScopeAllGroupChats(),
    )


async def pasang_untuk(bot: Bot, render: Render, pengguna_id: int, peran: Peran | None) -> None:
    """The menu of one user's private chat, after their role or school changed. A menu is a
    convenience: failing to set it never fails the action that changed the role."""
    try:
        await bot.set_my_commands(
            daftar_perintah(render, peran), scope=BotCommandScopeChat(pengguna_id)
        )
    except TelegramError as exc:
        log.warning("menu for %s not set: %s", pengguna_id, exc)
