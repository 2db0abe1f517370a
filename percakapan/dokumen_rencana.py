"""Sending the Rencana Pemenuhan Mutu as DOCX and PDF, and (when the plan holds a Rapor
Pendidikan problem) the Lembar Kerja RKT as XLSX and DOCX, built off the event loop."""

from __future__ import annotations

import asyncio

from telegram.constants import ChatAction

from bot.dokumen import rencana as dok
from bot.dokumen import rkt as dok_rkt
from bot.layanan import rencana
from bot.layanan.aktor import Aktor
from percakapan._umum import Konteks, layanan


async def kirim(context: Konteks, aktor: Aktor, chat_id: int) -> None:
    """Build the files and send them to the chat, showing 'sending a document' meanwhile."""
    lay = layanan(context)
    data = await rencana.dokumen(lay, aktor)  # a refusal is told by the access check
    await context.bot.send_chat_action(chat_id, ChatAction.UPLOAD_DOCUMENT)
    docx, pdf = await asyncio.gather(
        asyncio.to_thread(dok.buat_docx, data), asyncio.to_thread(dok.buat_pdf, data)
    )
    await context.bot.send_document(chat_id, docx, filename=dok.nama_berkas(data, "docx"))
    await context.bot.send_document(chat_id, pdf, filename=dok.nama_berkas(data, "pdf"))
    if not await rencana.ada_masalah_rapor(lay, aktor):
        return  # a plan of the school's own evaluation only: no RKT sheet (as before PBD)
    rkt = await rencana.dokumen_rkt(lay, aktor)
    xlsx, docx_rkt = await asyncio.gather(
        asyncio.to_thread(dok_rkt.buat_xlsx, rkt), asyncio.to_thread(dok_rkt.buat_docx, rkt)
    )
    await context.bot.send_document(chat_id, xlsx, filename=dok_rkt.nama_berkas(rkt, "xlsx"))
    await context.bot.send_document(chat_id, docx_rkt, filename=dok_rkt.nama_berkas(rkt, "docx"))
