"""/batal: leave whatever is running, with nothing half-saved."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler, ConversationHandler

from bot.akses import akses
from bot.layanan import pendaftaran
from bot.layanan.aktor import Aktor
from percakapan._umum import PRIBADI, Konteks, balas, layanan


@akses("batal")
async def batal(update: Update, context: Konteks, aktor: Aktor) -> int:
    """Fallback of every conversation: drop the user's drafts and end it."""
    lay = layanan(context)
    await pendaftaran.batalkan(lay, aktor.pengguna_id)
    await balas(update, context, lay.render.pesan("batal", ada=True))
    return ConversationHandler.END


@akses("batal", ditolak=None)
async def batal_tanpa_proses(update: Update, context: Konteks, aktor: Aktor) -> None:
    """/batal when no conversation is running (drafts, if any, still go)."""
    lay = layanan(context)
    ada = await pendaftaran.batalkan(lay, aktor.pengguna_id)
    await balas(update, context, lay.render.pesan("batal", ada=ada))


def fallback() -> CommandHandler:
    """The /batal fallback every ConversationHandler lists first."""
    return CommandHandler("batal", batal, filters=PRIBADI)


def penangan_global() -> list[CommandHandler]:
    """/batal outside any conversation."""
    return [CommandHandler("batal", batal_tanpa_proses, filters=PRIBADI)]
