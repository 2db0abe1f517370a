"""The outbox dispatcher: one job claims due reminders, sends them paced below Telegram's
limits, and marks each outcome.

Why an outbox: PTB's jobs live in memory and APScheduler silently drops a job that missed its
time by more than a second, so a restart would lose or (re-planned naively) double reminders.
Here every planned message is a database row. A claim takes rows under a lease; a run that dies
leaves its rows to be claimed again when the lease runs out. A row is marked sent right after
Telegram accepted it: only a crash inside that one step could send a row twice."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.engine import Row
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)

from bot.layanan import Layanan
from bot.layanan.anggota import pengelola_sekolah
from db import grup as db_grup
from db import pengguna as db_pengguna
from db import pengingat as db_pengingat

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AturanKirim:
    """How fast and how stubbornly to send."""

    per_detik: float = 28.0  # Telegram allows about 30 messages a second in all
    jeda_per_chat: float = (
        1.0  # and about one a second to one chat (AIORateLimiter does not pace this)
    )
    sewa: timedelta = timedelta(minutes=2)
    batas_klaim: int = 200
    maks_percobaan: int = 5
    jeda_ulang: timedelta = timedelta(seconds=30)  # doubled at each failed attempt
    # Kinds whose words are tied to their day ("three days left"): after the bot was down
    # this long past their time, they are dropped rather than sent wrong.
    basi: tuple[tuple[str, timedelta], ...] = (("komitmen", timedelta(hours=20)),)


class Pengirim:
    """Sends what is due. One instance per running bot; `putaran` is the job's body."""

    def __init__(
        self,
        lay: Layanan,
        bot: Bot,
        aturan: AturanKirim | None = None,
        setelah_terkirim: Callable[[Layanan, Row], Awaitable[None]] | None = None,
        penyusun: Callable[[Layanan, Row], Awaitable[dict[str, Any] | None]] | None = None,
    ) -> None:
        self.lay = lay
        self.bot = bot
        self.aturan = aturan or AturanKirim()
        # What a sent row sets in motion (the next overdue reminder, an escalation).
        self.setelah_terkirim = setelah_terkirim
        # Builds the content of rows planned long ahead (a weekly digest) when they go out;
        # None means there is nothing to say any more, and the row is cancelled.
        self.penyusun = penyusun
        self._giliran = 0.0  # loop time of the next free overall slot
        self._terakhir_chat: dict[int, float] = {}
        self._kunci = asyncio.Lock()

    async def putaran(self) -> int:
        """Claim due rows and send them; returns how many went out. Runs never overlap."""
        async with self._kunci:
            sekarang = self.lay.sekarang()
            async with self.lay.mesin.begin() as conn:
                baris = await db_pengingat.klaim(
                    conn, sekarang, sekarang + self.aturan.sewa, self.aturan.batas_klaim
                )
            terkirim = 0
            diblokir: set[int] = set()
            for b in baris:
                if b.pengguna_id in diblokir:  # claimed with the row that found the block
                    await self._catat(db_pengingat.gagal, b.id, "diblokir", status="batal")
                    continue
                try:
                    hasil = await self._kirim(b)
                except Exception as exc:  # one bad row must not hold up the others
                    log.exception("reminder %s could not be sent", b.id)
                    await self._catat(db_pengingat.gagal, b.id, f"{type(exc).__name__}: {exc}")
                    continue
                if hasil is None:
                    diblokir.add(b.pengguna_id)
                else:
                    terkirim += hasil
            return terkirim

    async def _tunggu_giliran(self, chat_id: int) -> bool:
        """Wait for an overall slot; False when this chat had a message less than a second
        ago (the row is then put back a moment later instead of holding up the others)."""
        loop = asyncio.get_running_loop()
        sekarang = loop.time()
        terakhir = self._terakhir_chat.get(chat_id)
        if terakhir is not None and sekarang - terakhir < self.aturan.jeda_per_chat:
            return False
        tunggu = self._giliran - sekarang
        if tunggu > 0:
            await asyncio.sleep(tunggu)
        self._giliran = max(self._giliran, sekarang) + 1 / self.aturan.per_detik
        self._terakhir_chat[chat_id] = loop.time()
        if len(self._terakhir_chat) > 10_000:  # forget chats long quiet; memory stays flat
            batas = loop.time() - self.aturan.jeda_per_chat
            self._terakhir_chat = {k: v for k, v in self._terakhir_chat.items() if v >= batas}
        return True

    async def _kirim(self, b: Row) -> int | None:
        """1 sent, 0 not (put back or failed), None the user blocked the bot."""
        if not await self._tunggu_giliran(b.pengguna_id):
            await self._catat(
                db_pengingat.ulangi,
                b.id,
                self.lay.sekarang() + timedelta(seconds=self.aturan.jeda_per_chat),
                "jeda per chat",
                hitung=False,
            )
            return 0
        batas = dict(self.aturan.basi).get(b.jenis)
        if batas is not None and self.lay.sekarang() - b.jatuh_tempo > batas:
            await self._catat(db_pengingat.gagal, b.id, "kedaluwarsa", status="batal")
            return 0
        isi = b.isi
        if isi.get("dinamis"):
            isi = await self.penyusun(self.lay, b) if self.penyusun is not None else None
            if isi is None:
                await self._catat(db_pengingat.gagal, b.id, "tidak ada isi", status="batal")
                return 0
        bagian, tombol = self._susun(isi)
        try:
            for teks in bagian[:-1]:  # a long summary: the buttons go with the last part
                await self.bot.send_message(b.pengguna_id, teks)
            pesan = await self.bot.send_message(b.pengguna_id, bagian[-1], reply_markup=tombol)
        except Forbidden as exc:
            await self._diblokir(b, str(exc))
            return None
        except RetryAfter as exc:
            tunggu = (
                exc.retry_after
                if isinstance(exc.retry_after, timedelta)
                else timedelta(seconds=exc.retry_after)
            )
            await self._catat(
                db_pengingat.ulangi, b.id, self.lay.sekarang() + tunggu, str(exc), hitung=False
            )
            return 0
        except ChatMigrated as exc:
            await self._chat_pindah(b, exc.new_chat_id)
            return 0
        except BadRequest as exc:
            await self._catat(db_pengingat.gagal, b.id, str(exc))
            return 0
        except (TimedOut, NetworkError) as exc:
            await self._gagal_sementara(b, str(exc))
            return 0
        await self._catat(db_pengingat.terkirim, b.id, pesan.message_id, self.lay.sekarang())
        if self.setelah_terkirim is not None:
            await self.setelah_terkirim(self.lay, b)
        return 1

    def _susun(self, isi: dict[str, Any]) -> tuple[list[str], InlineKeyboardMarkup | None]:
        r = self.lay.render
        teks = r.pesan_panjang(isi["templat"], **isi.get("konteks", {}))
        baris = isi.get("tombol") or []
        if not baris:
            return teks, None
        return teks, InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        r.label(t["label"], **t.get("isian", {})), callback_data=t["data"]
                    )
                    for t in row
                ]
                for row in baris
            ]
        )

    async def _catat(self, fungsi: Any, *args: Any, **kwargs: Any) -> None:
        async with self.lay.mesin.begin() as conn:
            await fungsi(conn, *args, **kwargs)

    async def _gagal_sementara(self, b: Row, galat: str) -> None:
        if b.percobaan >= self.aturan.maks_percobaan:
            log.warning("reminder %s failed for good: %s", b.id, galat)
            await self._catat(db_pengingat.gagal, b.id, galat)
            return
        jeda = self.aturan.jeda_ulang * (2 ** (b.percobaan - 1))
        await self._catat(db_pengingat.ulangi, b.id, self.lay.sekarang() + jeda, galat)

    async def _diblokir(self, b: Row, galat: str) -> None:
        """The user blocked the bot: inactive, their waiting reminders cancelled, and the
        school's managers told once (a reminder of their own, keyed by this row). For a group
        chat (negative id): the bot was removed, so the group is unlinked instead."""
        pengelola = await pengelola_sekolah(self.lay, b.sekolah_id) if b.sekolah_id else []
        if b.pengguna_id < 0:
            await self._grup_terputus(b, galat, pengelola)
            return
        async with self.lay.mesin.begin() as conn:
            await db_pengingat.gagal(conn, b.id, galat)
            await db_pengguna.nonaktifkan(conn, b.pengguna_id)
            await db_pengingat.batalkan(conn, pengguna_id=b.pengguna_id)
            data = await db_pengguna.ambil(conn, b.pengguna_id)
            nama = data.nama if data else str(b.pengguna_id)
            for uid in pengelola:
                if uid == b.pengguna_id:
                    continue
                await db_pengingat.rencanakan(
                    conn,
                    kunci=f"diblokir:{b.pengguna_id}:{b.id}:{uid}",
                    pengguna_id=uid,
                    jenis="kabar_diblokir",
                    isi={"templat": "pengingat/diblokir", "konteks": {"nama": nama}},
                    jatuh_tempo=self.lay.sekarang(),
                    waktu=self.lay.sekarang(),
                    sekolah_id=b.sekolah_id,
                    rujukan=f"pengguna:{b.pengguna_id}",
                )

    async def _grup_terputus(self, b: Row, galat: str, pengelola: list[int]) -> None:
        async with self.lay.mesin.begin() as conn:
            await db_pengingat.gagal(conn, b.id, galat)
            g = await db_grup.untuk_chat(conn, b.pengguna_id)
            await db_grup.putuskan(conn, b.pengguna_id)
            await db_pengingat.batalkan(conn, pengguna_id=b.pengguna_id)
            if g is None:
                return
            for uid in pengelola:
                await db_pengingat.rencanakan(
                    conn,
                    kunci=f"grup_terputus:{b.pengguna_id}:{b.id}:{uid}",
                    pengguna_id=uid,
                    jenis="kabar_grup_terputus",
                    isi={"templat": "ringkasan/grup_terputus", "konteks": {"judul": g.judul}},
                    jatuh_tempo=self.lay.sekarang(),
                    waktu=self.lay.sekarang(),
                    sekolah_id=b.sekolah_id,
                    rujukan=f"grup:{b.pengguna_id}",
                )

    async def _chat_pindah(self, b: Row, baru: int) -> None:
        """A group became a supergroup under a new chat id: its link and its waiting rows move
        there, and this row goes again at once to the new id."""
        sekarang = self.lay.sekarang()
        async with self.lay.mesin.begin() as conn:
            await db_pengingat.gagal(conn, b.id, f"chat pindah ke {baru}", status="batal")
            await db_grup.pindah(conn, b.pengguna_id, baru)
            await db_pengingat.pindah_chat(conn, b.pengguna_id, baru)
            await db_pengingat.rencanakan(
                conn,
                kunci=b.kunci.replace(f":{b.pengguna_id}:", f":{baru}:"),
                pengguna_id=baru,
                jenis=b.jenis,
                isi=b.isi,
                jatuh_tempo=sekarang,
                waktu=sekarang,
                sekolah_id=b.sekolah_id,
                rujukan=b.rujukan,
            )
