"""Updates of different users in parallel, each user's own updates strictly in order.

PTB processes updates one at a time by default, because a ConversationHandler assumes the
updates of one conversation arrive in order. That is a per-user need: two teachers answering
at the same moment need not wait for each other, and at a few hundred answers a second the
single queue is what limits a school district's bot. PTB ships no processor that keeps order
per user, so this one does: a lock per user (or chat) taken in arrival order.

Fairness: an update first waits for its user's turn and only then takes one of the
`max_concurrent_updates` slots. PTB's own `process_update` takes the slot first, so a user who
forwards a hundred files would hold a hundred slots while their updates queue behind each
other, and every other user would wait for a slot. Here a user holds at most one slot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


def kunci_urutan(update: object) -> int | None:
    """Whose updates must stay in order: the user, else the chat; None for neither."""
    if isinstance(update, Update):
        if update.effective_user is not None:
            return update.effective_user.id
        if update.effective_chat is not None:
            return update.effective_chat.id
    return None


class PemrosesPerPengguna(BaseUpdateProcessor):
    """Up to `max_concurrent_updates` updates at once, never two of the same user."""

    def __init__(self, max_concurrent_updates: int = 32) -> None:
        super().__init__(max_concurrent_updates)
        self._kunci: dict[int, asyncio.Lock] = {}
        self._antre: dict[int, int] = {}

    async def process_update(  # type: ignore[misc]  # PTB marks it final; see the docstring
        self, update: object, coroutine: Awaitable[Any]
    ) -> None:
        """Wait for this user's turn (asyncio.Lock is first come, first served), then a slot."""
        kunci = kunci_urutan(update)
        if kunci is None:
            async with self._semaphore:
                await self.do_process_update(update, coroutine)
            return
        gembok = self._kunci.setdefault(kunci, asyncio.Lock())
        self._antre[kunci] = self._antre.get(kunci, 0) + 1
        try:
            async with gembok, self._semaphore:
                await self.do_process_update(update, coroutine)
        finally:
            self._antre[kunci] -= 1
            if not self._antre[kunci]:  # nobody waits: forget the lock, memory stays flat
                del self._antre[kunci]
                del self._kunci[kunci]

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update (ordering and the slot are taken in `process_update`)."""
        await coroutine

    def antrean(self, kunci: int) -> int:
        """How many updates of this user are running or waiting (0 when none)."""
        return self._antre.get(kunci, 0)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to close."""
