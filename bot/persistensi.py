"""python-telegram-bot persistence on our own database (not pickle).

Only conversation states are kept here; everything a user entered lives in the domain tables,
written before the bot replies. PTB writes these states every `update_interval` seconds and
once more at shutdown; `simpan_tiap_update` also writes them right after each update, so a
standby that takes over from a killed process (or a restart after a crash) routes the user's
next message to the step they were on. Handlers still derive the step from the domain tables:
the state only routes the update."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram import Update
from telegram.ext import Application, BasePersistence, PersistenceInput, TypeHandler

from db import status_percakapan

KunciPercakapan = tuple[int | str, ...]
CDCData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]
GRUP_SIMPAN = 1_000  # after every handler group the bot uses


def simpan_tiap_update(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Write the conversation states an update changed as soon as it is handled, not on PTB's
    next tick (up to `update_interval` seconds later, lost if the process is killed meanwhile).
    PTB writes only the states touched since its last write, and `PersistensiSql` skips those
    whose value did not change, so an update that leaves every state as it was costs nothing."""

    async def simpan(_: Update, context: Any) -> None:
        await context.application.update_persistence()

    app.add_handler(TypeHandler(Update, simpan), group=GRUP_SIMPAN)


class PersistensiSql(BasePersistence[dict[str, Any], dict[str, Any], dict[str, Any]]):
    """Conversation states in the `status_percakapan` table; user, chat and bot data unused."""

    def __init__(
        self,
        mesin: AsyncEngine,
        update_interval: float = 2.0,
        jam: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=False, callback_data=False
            ),
            update_interval=update_interval,
        )
        self._mesin = mesin
        self._jam = jam
        # What the table holds, as this process wrote or read it (one active process writes).
        self._tersimpan: dict[tuple[str, str], str] = {}

    async def get_conversations(self, name: str) -> dict[KunciPercakapan, object]:
        async with self._mesin.connect() as conn:
            baris = await status_percakapan.semua(conn, name)
        self._tersimpan.update({(name, k): v for k, v in baris.items()})
        return {tuple(json.loads(k)): json.loads(v) for k, v in baris.items()}

    async def update_conversation(
        self, name: str, key: KunciPercakapan, new_state: object | None
    ) -> None:
        status = None if new_state is None else json.dumps(new_state)
        kunci = json.dumps(list(key))
        if self._tersimpan.get((name, kunci)) == status:
            return  # unchanged: nothing to write
        async with self._mesin.begin() as conn:
            await status_percakapan.simpan(conn, name, kunci, status, self._jam())
        if status is None:
            self._tersimpan.pop((name, kunci), None)
        else:
            self._tersimpan[(name, kunci)] = status

    async def flush(self) -> None:
        """Every write is committed as it happens; nothing is buffered here."""

    # The kinds of data below are switched off by `store_data`; PTB never calls them, but
    # BasePersistence declares them abstract.
    async def get_user_data(self) -> dict[int, dict[str, Any]]:
        return {}

    async def get_chat_data(self) -> dict[int, dict[str, Any]]:
        return {}

    async def get_bot_data(self) -> dict[str, Any]:
        return {}

    async def get_callback_data(self) -> CDCData | None:
        return None

    async def update_user_data(self, user_id: int, data: dict[str, Any]) -> None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict[str, Any]) -> None:
        return None

    async def update_bot_data(self, data: dict[str, Any]) -> None:
        return None

    async def update_callback_data(self, data: CDCData) -> None:
        return None

    async def drop_user_data(self, user_id: int) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def refresh_user_data(self, user_id: int, user_data: dict[str, Any]) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[str, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: dict[str, Any]) -> None:
        return None
