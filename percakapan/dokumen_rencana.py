"""Sending the Rencana Pemenuhan Mutu as DOCX and PDF, built off the event loop."""

from __future__ import annotations

import asyncio

from telegram.constants import ChatAction

from bot.dokumen import rencana as dok
from bot.layanan import rencana
from bot.layanan.aktor import Aktor
from percakapan._umum import Konteks, layanan


async def kirim(context: Konteks, aktor: Aktor, chat_id: int) -> None:
    """Build both files and send them to the chat, showing 'sending a document' meanwhile."""
    lay = layanan(context)
    data = await rencana.dokumen(lay, aktor)  # a refusal is told by the access check
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
    docx, pdf = await asyncio.gather(
        asyncio.to_thread(dok.buat_docx, data), asyncio.to_thread(dok.buat_pdf, data)
    )
    await context.bot.send_document(chat_id, docx, filename=dok.nama_berkas(data, "docx"))
    await context.bot.send_document(chat_id, pdf, filename=dok.nama_berkas(data, "pdf"))
