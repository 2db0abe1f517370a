"""python-telegram-bot persistence on our own database (not pickle).

Only conversation states are kept here; everything a user entered lives in the domain tables,
written before the bot replies. PTB writes these states every `update_interval` seconds and
once more at shutdown, so after a crash a state may be a few seconds old: handlers therefore
derive the step from the domain tables, and the state only routes the update."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine
from telegram.ext import BasePersistence, PersistenceInput

from db import status_percakapan

KunciPercakapan = tuple[int | str, ...]
CDCData = tuple[list[tuple[str, float, dict[str, Any]]], dict[str, str]]


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

    async def get_conversations(self, name: str) -> dict[KunciPercakapan, object]:
        async with self._mesin.connect() as conn:
            baris = await status_percakapan.semua(conn, name)
        return {tuple(json.loads(k)): json.loads(v) for k, v in baris.items()}

    async def update_conversation(
        self, name: str, key: KunciPercakapan, new_state: object | None
    ) -> None:
        status = None if new_state is None else json.dumps(new_state)
        async with self._mesin.begin() as conn:
            await status_percakapan.simpan(conn, name, json.dumps(list(key)), status, self._jam())

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
