"""The bot in groups: /hubungkan links the school's group (the weekly summary is posted there
too); any other command meant for the bot gets a pointer to the private chat; nothing else is
answered. Leaving or being removed from a group unlinks it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import (
    ChatMember,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.ext import (
    BaseHandler,
    ChatMemberHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.akses import akses, tombol
from bot.layanan import grup
from bot.layanan.aktor import Aktor
from bot.layanan.ringkasan import WAKTU_SEKOLAH
from bot.mutu.peran import IZIN
from bot.tombol import Tombol
from percakapan._umum import (
    PRIBADI,
    Konteks,
    balas,
    galat,
    jawab_tombol,
    layanan,
    papan,
    penangan_tombol,
    ubah,
)

GRUP = filters.ChatType.GROUPS
ADMIN = (ChatMember.ADMINISTRATOR, ChatMember.OWNER)


@akses("hubungkan", ditolak=None)
async def hubungkan_di_grup(update: Update, context: Konteks, aktor: Aktor) -> None:
    """/hubungkan sent in a group by an admin of it who manages a school."""
    lay = layanan(context)
    chat, user = update.effective_chat, update.effective_user
    assert chat is not None and user is not None
    anggota = await context.bot.get_chat_member(chat.id, user.id)
    if anggota.status not in ADMIN:
        await galat(update, context, "grup_bukan_admin")
        return
    sekolah = await grup.hubungkan(lay, aktor, chat.id, chat.title or str(chat.id))
    await balas(
        update, context, lay.render.pesan("grup/terhubung", sekolah=sekolah, waktu=WAKTU_SEKOLAH)
    )


@akses("hubungkan", ditolak=None)
async def hubungkan_pribadi(update: Update, context: Konteks, aktor: Aktor) -> None:
    """/hubungkan in the private chat: which group is linked, how to link one, and a button to
    unlink."""
    lay = layanan(context)
    g = await grup.lihat(lay, aktor)
    assert aktor.aktif is not None
    tombol = papan([[(lay.render.label("tombol.putuskan_grup"), Putuskan())]]) if g else None
    await balas(
        update,
        context,
        lay.render.pesan(
            "grup/status", grup=g, sekolah=aktor.aktif.sekolah_nama, waktu=WAKTU_SEKOLAH
        ),
        tombol,
    )


@dataclass(frozen=True)
class Putuskan(Tombol, awalan="grp:putus"):
    pass


@tombol(Putuskan, "hubungkan", ditolak=None, di_tombol=True)
async def putuskan(update: Update, context: Konteks, aktor: Aktor, t: Putuskan) -> None:
    """Unlink the school's group (a second press is told nothing is linked, in the button's
    answer)."""
    lay = layanan(context)
    g = await grup.putuskan(lay, aktor)
    await jawab_tombol(update)
    assert aktor.aktif is not None
    await ubah(
        update, lay.render.pesan("grup/diputus", judul=g.judul, sekolah=aktor.aktif.sekolah_nama)
    )


def untuk_bot_ini(teks: str, username: str) -> bool:
    """Whether a command in a group is meant for this bot: addressed to it by name, or one of
    its commands without a name (another bot's commands are left alone)."""
    kata = teks.split(maxsplit=1)[0][1:]
    nama, _, tujuan = kata.partition("@")
    if tujuan:
        return tujuan.lower() == username.lower()
    return nama.lower() in IZIN


class _UntukBotIni(filters.MessageFilter):
    """Lets through only group commands meant for this bot, before any handler (or the access
    check, which records the user) runs."""

    def filter(self, message: Message) -> bool:
        return bool(message.text) and untuk_bot_ini(message.text or "", message.get_bot().username)


@akses("bantuan", ditolak=None)
async def arahkan_ke_pribadi(update: Update, context: Konteks, aktor: Aktor) -> None:
    """Any other command for the bot in a group: point to the private chat."""
    lay = layanan(context)
    tombol = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    lay.render.label("tombol.buka_chat_pribadi"),
                    url=f"https://t.me/{context.bot.username}",
                )
            ]
        ]
    )
    await balas(update, context, lay.render.pesan("grup/pribadi"), tombol)


# The two handlers below react to Telegram's own news about a group (the bot's membership, a
# group upgraded to a supergroup): no user acts, so there is no role to check.


async def grup_pindah(update: Update, context: Konteks) -> None:
    """A group became a supergroup under a new chat id: the link follows it."""
    pesan = update.effective_message
    if pesan is not None and pesan.migrate_to_chat_id:
        await grup.pindah(layanan(context), pesan.chat.id, pesan.migrate_to_chat_id)


async def status_bot(update: Update, context: Konteks) -> None:
    """The bot's own membership changed: leaving or being removed from a group unlinks it."""
    perubahan: ChatMemberUpdated | None = update.my_chat_member
    if perubahan is None or perubahan.chat.type == "private":
        return
    if perubahan.new_chat_member.status in (ChatMember.LEFT, ChatMember.BANNED):
        await grup.bot_keluar(layanan(context), perubahan.chat.id)


def penangan() -> list[BaseHandler[Any, Any, Any]]:
    """/hubungkan in groups and in private, the unlink button and the bot's membership."""
    return [
        CommandHandler("hubungkan", hubungkan_di_grup, filters=GRUP),
        CommandHandler("hubungkan", hubungkan_pribadi, filters=PRIBADI),
        penangan_tombol(putuskan),
        ChatMemberHandler(status_bot, ChatMemberHandler.MY_CHAT_MEMBER),
        MessageHandler(filters.StatusUpdate.MIGRATE, grup_pindah),
    ]


def penangan_sisa() -> list[BaseHandler[Any, Any, Any]]:
    """Commands in groups that no handler took (registered with the catch-alls)."""
    return [MessageHandler(GRUP & filters.COMMAND & _UntukBotIni(), arahkan_ke_pribadi)]
