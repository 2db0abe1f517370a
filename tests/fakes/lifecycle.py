"""Run a real PTB ``Application`` against ``FakeBotApi`` inside a test (no run_polling)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application

from bot.config import OpsiWebhook
from tests.fakes.bot_api import FakeBotApi

POLL_TIMEOUT = 1  # seconds of getUpdates long polling; stopping cancels the poll anyway


@asynccontextmanager
async def jalankan(
    app: Application[Any, Any, Any, Any, Any, Any],
    api: FakeBotApi,
    allowed_updates: Sequence[str] | None = None,
    *,
    drop_pending_updates: bool = False,
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """Mirror ``Application.run_polling`` step by step, yielding the running app.

    Order: initialize -> post_init -> start_polling -> start -> (body) -> updater.stop ->
    stop -> post_stop -> shutdown -> post_shutdown.
    """
    _check_wiring(app, api)
    updater = app.updater
    if updater is None:
        raise ValueError("the Application was built without an Updater")
    try:
        async with app:
            try:
                if app.post_init:
                    await app.post_init(app)
                await updater.start_polling(
                    poll_interval=0,
                    timeout=POLL_TIMEOUT,
                    allowed_updates=allowed_updates,
                    drop_pending_updates=drop_pending_updates,
                )
                await app.start()
                yield app
            finally:
                await _stop(app)
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)


async def _stop(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    if app.post_stop:
        await app.post_stop(app)


def _check_wiring(app: Application[Any, Any, Any, Any, Any, Any], api: FakeBotApi) -> None:
    if not app.bot.base_url.startswith(api.base_url):
        raise ValueError(
            f"the Application talks to {app.bot.base_url!r}, not to the fake at "
            f"{api.base_url!r}; build it with .base_url(api.base_url)"
            ".base_file_url(api.base_file_url)"
        )


@asynccontextmanager
async def jalankan_webhook(
    app: Application[Any, Any, Any, Any, Any, Any],
    api: FakeBotApi,
    opsi: OpsiWebhook,
    allowed_updates: Sequence[str] | None = None,
) -> AsyncIterator[Application[Any, Any, Any, Any, Any, Any]]:
    """Mirror ``Application.run_webhook`` step by step with the options `asisten-mutu run
    --webhook` passes; the fake then posts updates to the webhook instead of serving polls."""
    _check_wiring(app, api)
    updater = app.updater
    if updater is None:
        raise ValueError("the Application was built without an Updater")
    try:
        async with app:
            try:
                if app.post_init:
                    await app.post_init(app)
                await updater.start_webhook(
                    listen=opsi.listen,
                    port=opsi.port,
                    url_path=opsi.url_path,
                    webhook_url=opsi.webhook_url,
                    secret_token=opsi.secret_token,
                    allowed_updates=allowed_updates,
                )
                await app.start()
                yield app
            finally:
                await _stop(app)
    finally:
        if app.post_shutdown:
            await app.post_shutdown(app)
