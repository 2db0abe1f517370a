"""The composition root: builds the Application, its persistence, rate limiter and handlers."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, Defaults

from bot import menu
from bot.akses import KUNCI_LAYANAN, Konteks
from bot.config import Settings
from bot.layanan import Layanan, pengingat_berkala, pengingat_rencana
from bot.layanan import privasi as privasi_layanan
from bot.layanan import ringkasan as ringkasan_mingguan
from bot.layanan.instrumen import daftarkan_bawaan
from bot.pemroses import PemrosesPerPengguna
from bot.pengingat import KUNCI_PENGIRIM, AturanKirim, Pengirim
from bot.permintaan import PermintaanUlang
from bot.persistensi import PersistensiSql, simpan_tiap_update
from bot.render import Render
from db.mesin import buat_mesin
from percakapan import (
    akreditasi,
    anggota,
    batal,
    gabung,
    grup,
    komitmen_pic,
    laporan,
    monev,
    pemetaan,
    pendaftaran,
    pengaturan,
    perencanaan,
    privasi,
    rapor,
    ringkasan,
    strategi,
    umum,
    undangan,
)

log = logging.getLogger(__name__)

# Explicit: Telegram keeps the last list when none is given.
ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]


def buat_aplikasi(settings: Settings, jam: Callable[[], datetime] | None = None) -> Application:  # type: ignore[type-arg]
    """Build the bot. `jam` replaces the clock (tests)."""
    mesin = buat_mesin(settings.database_url)
    lay = Layanan(
        mesin=mesin, settings=settings, render=Render(), jam=jam or (lambda: datetime.now(UTC))
    )

    async def post_init(app: Application) -> None:  # type: ignore[type-arg]
        app.bot_data[KUNCI_LAYANAN] = lay
        await daftarkan_bawaan(lay)  # a broken instrument stops start-up here
        pengirim = Pengirim(
            lay,
            app.bot,
            AturanKirim(sewa=timedelta(seconds=settings.pengingat_sewa)),
            setelah_terkirim=pengingat_rencana.setelah_terkirim,
            penyusun=pengingat_berkala.susun,
        )
        app.bot_data[KUNCI_PENGIRIM] = pengirim
        assert app.job_queue is not None

        async def putaran(_: object) -> None:
            # Until the next tick at most; the tick after starts a new run.
            await pengirim.putaran_beruntun(settings.pengingat_interval * 0.9)

        # One job for every reminder: the outbox table is the schedule (see bot/pengingat.py).
        app.job_queue.run_repeating(
            putaran,
            interval=settings.pengingat_interval,
            first=settings.pengingat_interval,
            name="pengingat",
            job_kwargs={"max_instances": 1, "coalesce": True},
        )

        async def rencanakan_ringkasan(_: object) -> None:
            await ringkasan_mingguan.rencanakan_mingguan(lay)

        # Weekly summaries are derived from the members and groups in the database, so a new
        # koordinator or a linked group is picked up within the hour without a hook.
        app.job_queue.run_repeating(
            rencanakan_ringkasan,
            interval=3600,
            first=settings.pengingat_interval,
            name="ringkasan_mingguan",
            job_kwargs={"max_instances": 1, "coalesce": True},
        )

        async def retensi(_: object) -> None:
            jumlah = await privasi_layanan.hapus_kedaluwarsa(lay)
            if jumlah:
                log.info("retention: %d users without a school erased", jumlah)

        # Personal data is not kept longer than needed (README, "Data pribadi").
        app.job_queue.run_repeating(
            retensi,
            interval=86400,
            first=settings.pengingat_interval,
            name="retensi",
            job_kwargs={"max_instances": 1, "coalesce": True},
        )
        await menu.pasang_bawaan(app.bot, lay.render)

    async def post_shutdown(app: Application) -> None:  # type: ignore[type-arg]
        await mesin.dispose()

    app = (
        ApplicationBuilder()
        .token(settings.token())
        .base_url(settings.telegram_api_url)
        .base_file_url(settings.telegram_file_url)
        # A request that never reached Telegram is repeated (bot/permintaan.py).
        .request(PermintaanUlang())
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(settings.default_timezone)))
        .persistence(PersistensiSql(mesin, settings.persistence_interval, jam=lay.jam))
        .rate_limiter(
            AIORateLimiter(overall_max_rate=settings.rate_limit_per_second, max_retries=3)
        )
        .concurrent_updates(PemrosesPerPengguna(settings.concurrent_updates))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    # Services are reachable before post_init too (tests build handlers first).
    app.bot_data[KUNCI_LAYANAN] = lay
    # One group: within a group the first matching handler wins, so the catch-alls go last.
    app.add_handlers(
        [
            *pendaftaran.penangan(),
            *gabung.penangan(),
            *undangan.penangan(),
            *anggota.penangan(),
            *pemetaan.penangan(),
            *perencanaan.penangan(),
            *komitmen_pic.penangan(),
            *monev.penangan(),
            *akreditasi.penangan(),
            *rapor.penangan(),
            *laporan.penangan(),
            *pengaturan.penangan(),
            *ringkasan.penangan(),
            *grup.penangan(),
            *strategi.penangan(),
            *privasi.penangan(),
            *umum.penangan(),
            *batal.penangan_global(),
            *grup.penangan_sisa(),
            *umum.penangan_sisa(),
        ]
    )
    simpan_tiap_update(app)  # a standby continues a conversation where it was
    app.add_error_handler(tangani_galat)
    return app


def jenis_update(update: object) -> str:
    """An update as "update 123 (callback_query)": nothing of its content."""
    if not isinstance(update, Update):
        return type(update).__name__
    jenis = next(
        (k for k in ("message", "callback_query", "my_chat_member") if getattr(update, k)),
        "lain",
    )
    return f"update {update.update_id} ({jenis})"


async def tangani_galat(update: object, context: Konteks) -> None:
    """Log the error, tell the operators, and never leave the user without an answer."""
    galat = context.error
    if isinstance(galat, BadRequest) and (
        "not modified" in galat.message.lower() or "query is too old" in galat.message.lower()
    ):
        return
    sementara = isinstance(galat, (RetryAfter, TimedOut, NetworkError)) and not isinstance(
        galat, BadRequest
    )
    # The update by id and type only: its text, names and usernames are personal data.
    if sementara:  # already retried where safe (bot/permintaan.py); no operator alert
        log.warning(
            "transient Telegram error (%s) while handling %s",
            type(galat).__name__,
            jenis_update(update),
        )
    else:
        log.error("error while handling %s", jenis_update(update), exc_info=galat)
    lay: Layanan = context.application.bot_data[KUNCI_LAYANAN]
    # Even when the answer failed to go out, the user is told to try again, not left waiting.
    if isinstance(update, Update) and update.effective_chat and not isinstance(galat, Forbidden):
        try:
            await context.bot.send_message(update.effective_chat.id, lay.render.pesan("kesalahan"))
        except Exception:  # the error path must not raise again
            log.exception("could not tell the user about the error")
    if sementara:
        return
    # The error's class and where it happened; its message may quote user input or SQL
    # parameters, so operators read it in the log, not in a chat.
    ringkas = html.escape(f"{type(galat).__name__} ({jenis_update(update)})")
    for admin in lay.settings.admin_ids:
        try:
            await context.bot.send_message(
                admin, f"<b>Galat Asisten Mutu</b>\n<code>{ringkas}</code>"
            )
        except Exception:
            log.exception("could not notify admin %s", admin)
