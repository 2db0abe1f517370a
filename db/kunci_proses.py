"""One active bot process per database; on PostgreSQL a second one waits as a standby.

Two processes polling Telegram with one token take each other's updates, and both would
dispatch the reminder outbox. So one process is active at a time:

- SQLite: an advisory lock (flock) on a file beside the database. A second process refuses
  to start: a standby needs a database on another machine, which SQLite is not.
- PostgreSQL: a session-level advisory lock (`pg_try_advisory_lock`) held on a connection of
  its own for the life of the process. A second process waits, trying again every few seconds,
  and becomes active when the first one's connection ends. The server drops the lock when that
  connection closes, however the process ended (kill -9 included), so takeover needs nobody.

In both cases the operating system or the server releases the lock of a dead process: a crash
never leaves a stale lock behind."""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

# The advisory lock's key: any bigint fixed for this application ("asisten-mutu" in ASCII).
KUNCI_AKTIF = 0x61736D75747501
JEDA_SIAGA = 2.0  # seconds between a standby's tries


class SudahBerjalan(Exception):
    """Another process holds the database's lock."""


def kunci_sqlite(berkas_db: Path) -> int:
    """Take the lock of `berkas_db` for this process and return its file descriptor (keep it
    open while running). Raises `SudahBerjalan` at once when another process holds it."""
    berkas_db.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(berkas_db.with_name(berkas_db.name + ".kunci"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise SudahBerjalan(str(berkas_db)) from None
    return fd


class KunciPostgresql:
    """The active process's advisory lock on PostgreSQL, on a connection of its own."""

    def __init__(self, url: str) -> None:
        import psycopg  # the synchronous driver the migrations use too

        u = make_url(url)
        self._dsn = u.set(drivername="postgresql").render_as_string(hide_password=False)
        self._psycopg = psycopg
        self._conn: Any = None

    def coba(self) -> bool:
        """Try once to become active; True when this process now holds the lock."""
        if self._conn is None or self._conn.closed:
            self._conn = self._psycopg.connect(self._dsn, autocommit=True)
        baris = self._conn.execute("SELECT pg_try_advisory_lock(%s)", (KUNCI_AKTIF,)).fetchone()
        return bool(baris and baris[0])

    def tunggu(
        self, jeda: float = JEDA_SIAGA, berhenti: Callable[[], bool] = lambda: False
    ) -> bool:
        """Wait as a standby until this process holds the lock (True), or `berhenti()`."""
        menunggu = False
        while not berhenti():
            try:
                if self.coba():
                    if menunggu:
                        log.info("standby: the active process is gone, taking over")
                    return True
            except self._psycopg.OperationalError as exc:
                log.warning(
                    "standby: database not reachable (%s), trying again", type(exc).__name__
                )
                self._conn = None
            if not menunggu:
                log.info("standby: another process is active on this database, waiting")
                menunggu = True
            time.sleep(jeda)
        return False

    def masih_dipegang(self) -> bool:
        """Whether the lock's connection is still alive (so the lock is still ours)."""
        if self._conn is None or self._conn.closed:
            return False
        try:
            self._conn.execute("SELECT 1")
        except self._psycopg.Error:
            return False
        return True

    def lepas(self) -> None:
        """Close the lock's connection; the server releases the lock with it."""
        if self._conn is not None and not self._conn.closed:
            self._conn.close()
