"""The outbox dispatcher: one job claims due reminders, sends them paced below Telegram's
limits, and marks each outcome. Every message to a user other than the one being answered
goes this way (planned in the same transaction as the change it tells of).

Why an outbox: PTB's jobs live in memory and APScheduler silently drops a job that missed its
time by more than a second, so a restart would lose or (re-planned naively) double reminders.
Here every planned message is a database row. A claim takes rows under a lease and counts the
attempt; a run that dies leaves its rows to be claimed again when the lease runs out.

Outcomes. Once Telegram accepted a message, nothing after it can mark the row failed: the
follow-up planner's errors are logged and retried, never written as the row's outcome. An
outcome that cannot be written (the database refused) is kept in memory and written first on
the next run, which claims nothing new until it succeeds, so the row stays claimed by us and
is not sent again by this process. Outcomes are written only while our claim still holds the
row (same attempt number), so a run whose lease ran out cannot overwrite a newer claim.

What remains at-least-once: a crash (or a restart) after Telegram accepted a message and before
its outcome was committed, or a timeout on a send Telegram did accept, sends that row again
after its lease. A long message split in parts that fails after a part went out also repeats
the parts sent. Everything else is exactly once."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
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
from telegram.ext import Application

from bot import pengingat_tujuan
from bot.layanan import Layanan
from db import pengingat as db_pengingat

log = logging.getLogger(__name__)
KUNCI_PENGIRIM = "pengirim"  # where the running bot keeps its Pengirim in bot_data


@dataclass(frozen=True)
class AturanKirim:
    """How fast and how stubbornly to send."""

    per_detik: float = 29.0  # Telegram allows about 30 messages a second in all
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


@dataclass
class _Catatan:
    """An outcome to write for a claimed row, kept until the database took it."""

    baris: Row
    fungsi: Callable[..., Awaitable[bool]]
    args: tuple[Any, ...]
    kwargs: dict[str, Any] = field(default_factory=dict)
    susulan: bool = False  # run the follow-up planner once written (the row was sent)


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
        self._klaim_penuh = False  # the last claim took as many rows as it may
        self._tertunda: list[_Catatan] = []  # outcomes the database refused; written first
        self._susulan: list[tuple[Row, int]] = []  # follow-ups that raised, with their tries

    async def putaran(self) -> int:
        """Write what is pending, claim due rows and send them; returns how many went out.
        Runs never overlap."""
        async with self._kunci:
            self._klaim_penuh = False
            if not await self._tulis_tertunda():
                return 0  # the database still refuses: claim nothing, so send nothing twice
            await self._ulangi_susulan()
            sekarang = self.lay.sekarang()
            async with self.lay.mesin.begin() as conn:
                baris = await db_pengingat.klaim(
                    conn, sekarang, sekarang + self.aturan.sewa, self.aturan.batas_klaim
                )
            self._klaim_penuh = len(baris) >= self.aturan.batas_klaim
            return await self._kirim_semua(baris)

    async def putaran_beruntun(self, paling_lama: float) -> int:
        """Runs back to back while each claim comes back full, for at most `paling_lama`
        seconds: a burst of thousands goes out at the pacer's rate, not one batch per tick."""
        loop = asyncio.get_running_loop()
        akhir = loop.time() + paling_lama
        jumlah = await self.putaran()
        while self._klaim_penuh and loop.time() < akhir:
            jumlah += await self.putaran()
        return jumlah

    async def putaran_aman(self) -> None:
        """`putaran` for a task nobody awaits: an error is logged, the next tick tries again."""
        try:
            await self.putaran()
        except Exception:
            log.exception("outbox run failed; the next tick tries again")

    async def _kirim_semua(self, baris: list[Row]) -> int:
        """Send the claimed rows. A row whose chat had a message less than a second ago waits
        for the end of the batch (not holding up the others), then goes in a later pass."""
        loop = asyncio.get_running_loop()
        batas_tunggu = loop.time() + self.aturan.sewa.total_seconds() / 4
        terkirim = 0
        diblokir: set[int] = set()
        antre = baris
        while antre:
            tunda: list[Row] = []
            for b in antre:
                if b.pengguna_id in diblokir:  # claimed with the row that found the block
                    await self._catat(b, db_pengingat.gagal, "diblokir", status="batal")
                    continue
                if self.lay.sekarang() >= b.sewa_sampai:
                    continue  # our lease ran out: another run may have it now, leave it be
                if not await self._tunggu_giliran(b.pengguna_id):
                    tunda.append(b)
                    continue
                try:
                    hasil = await self._kirim(b)
                except Exception as exc:  # raised before Telegram accepted it (see _kirim)
                    log.exception("reminder %s could not be sent", b.id)
                    await self._catat(b, db_pengingat.gagal, f"{type(exc).__name__}: {exc}")
                    continue
                if hasil is None:
                    diblokir.add(b.pengguna_id)
                else:
                    terkirim += hasil
            if tunda and loop.time() + self.aturan.jeda_per_chat > batas_tunggu:
                for b in tunda:  # put back a moment later; the lease must not run out
                    saat = self.lay.sekarang() + timedelta(seconds=self.aturan.jeda_per_chat)
                    await self._catat(b, db_pengingat.ulangi, saat, "jeda per chat", hitung=False)
                break
            if tunda:
                await asyncio.sleep(self._sisa_jeda(tunda))
            antre = tunda
        return terkirim

    def _sisa_jeda(self, tunda: list[Row]) -> float:
        sekarang = asyncio.get_running_loop().time()
        sisa = [
            self._terakhir_chat.get(b.pengguna_id, 0.0) + self.aturan.jeda_per_chat - sekarang
            for b in tunda
        ]
        return max(min(sisa), 0.01)

    async def _tunggu_giliran(self, chat_id: int) -> bool:
        """Wait for an overall slot; False when this chat had a message less than a second
        ago (the row then waits for a later pass instead of holding up the others)."""
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
        """1 sent, 0 not (put back or failed), None the user blocked the bot. Raises only
        before Telegram accepted the message; after that, every error is handled here."""
        batas = dict(self.aturan.basi).get(b.jenis)
        if batas is not None and self.lay.sekarang() - b.jatuh_tempo > batas:
            await self._catat(b, db_pengingat.gagal, "kedaluwarsa", status="batal")
            return 0
        isi = b.isi
        if isi.get("dinamis"):
            isi = await self.penyusun(self.lay, b) if self.penyusun is not None else None
            if isi is None:
                await self._catat(b, db_pengingat.gagal, "tidak ada isi", status="batal")
                return 0
        bagian, tombol = self._susun(isi)
        try:
            for teks in bagian[:-1]:  # a long summary: the buttons go with the last part
                await self.bot.send_message(b.pengguna_id, teks)
            pesan = await self.bot.send_message(b.pengguna_id, bagian[-1], reply_markup=tombol)
        except Forbidden as exc:
            await pengingat_tujuan.diblokir(self.lay, b, str(exc))
            return None
        except RetryAfter as exc:
            tunggu = (
                exc.retry_after
                if isinstance(exc.retry_after, timedelta)
                else timedelta(seconds=exc.retry_after)
            )
            saat = self.lay.sekarang() + tunggu
            await self._catat(b, db_pengingat.ulangi, saat, str(exc), hitung=False)
            return 0
        except ChatMigrated as exc:
            await pengingat_tujuan.chat_pindah(self.lay, b, exc.new_chat_id)
            return 0
        except BadRequest as exc:
            await self._catat(b, db_pengingat.gagal, str(exc))
            return 0
        except (TimedOut, NetworkError) as exc:
            await self._gagal_sementara(b, str(exc))
            return 0
        # Accepted by Telegram: from here on the row is sent, whatever else fails.
        await self._catat(
            b, db_pengingat.terkirim, pesan.message_id, self.lay.sekarang(), susulan=True
        )
        return 1

    def _susun(self, isi: dict[str, Any]) -> tuple[list[str], InlineKeyboardMarkup | None]:
        r = self.lay.render
        # "teks": rendered when planned (bot.layanan.kabar); "templat": rendered now.
        teks = isi.get("teks") or r.pesan_panjang(isi["templat"], **isi.get("konteks", {}))
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

    async def _catat(
        self, b: Row, fungsi: Any, *args: Any, susulan: bool = False, **kwargs: Any
    ) -> None:
        """Write a row's outcome under our claim; if the database refuses, keep it for the
        next run (the row stays claimed by us meanwhile, so it is not sent again)."""
        catatan = _Catatan(b, fungsi, args, kwargs, susulan)
        if not await self._tulis(catatan):
            self._tertunda.append(catatan)

    async def _tulis(self, c: _Catatan) -> bool:
        """False when the database refused the write."""
        try:
            async with self.lay.mesin.begin() as conn:
                milik = await c.fungsi(
                    conn, c.baris.id, *c.args, percobaan=c.baris.percobaan, **c.kwargs
                )
        except Exception:
            log.exception("outcome of reminder %s not written; kept for the next run", c.baris.id)
            return False
        if not milik:
            log.warning("reminder %s was claimed again before its outcome was written", c.baris.id)
        elif c.susulan:
            await self._susul(c.baris, 1)
        return True

    async def _tulis_tertunda(self) -> bool:
        """Write the kept outcomes in order; True when none is left."""
        sisa: list[_Catatan] = []
        for c in self._tertunda:
            if sisa or not await self._tulis(c):  # after one refusal, keep the rest as they are
                sisa.append(c)
        self._tertunda = sisa
        return not sisa

    async def _susul(self, b: Row, ke: int) -> None:
        """Run the follow-up planner of a sent row; an error is retried on the next runs."""
        if self.setelah_terkirim is None:
            return
        try:
            await self.setelah_terkirim(self.lay, b)
        except Exception:
            log.exception("follow-up of reminder %s failed (try %s)", b.id, ke)
            if ke < self.aturan.maks_percobaan:
                self._susulan.append((b, ke + 1))

    async def _ulangi_susulan(self) -> None:
        antre, self._susulan = self._susulan, []
        for b, ke in antre:
            await self._susul(b, ke)

    async def _gagal_sementara(self, b: Row, galat: str) -> None:
        if b.percobaan >= self.aturan.maks_percobaan:
            log.warning("reminder %s failed for good: %s", b.id, galat)
            await self._catat(b, db_pengingat.gagal, galat)
            return
        jeda = self.aturan.jeda_ulang * (2 ** (b.percobaan - 1))
        await self._catat(b, db_pengingat.ulangi, self.lay.sekarang() + jeda, galat)


def kirim_segera(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Send what is due now, without waiting for the next tick: called by a handler right after
    it committed messages for other users to the outbox. The application awaits the task when it
    stops; the outbox rows are safe either way."""
    pengirim = app.bot_data.get(KUNCI_PENGIRIM)
    if isinstance(pengirim, Pengirim):
        app.create_task(pengirim.putaran_aman(), name="pengingat_segera")
