"""One bot process per SQLite database.

Two `asisten-mutu run` on one SQLite file would both poll Telegram with the same token (each
taking the other's updates) and both dispatch the reminder outbox. An advisory lock on a file
beside the database, held for the life of the process, lets the second one refuse at start-up.
The operating system drops the lock when the process ends, however it ends (kill -9 included),
so a crash never leaves a stale lock behind."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path


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
