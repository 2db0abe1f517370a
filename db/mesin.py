"""The async engine, with SQLite set up for a bot that must not lose data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine


def path_sqlite(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory ones."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def libpq_postgresql(url: str) -> tuple[str, str | None] | None:
    """A PostgreSQL URL as libpq reads it (for pg_dump and pg_restore), without its password,
    and the password apart (given to them in PGPASSWORD, never on a command line); None for
    other databases."""
    u = make_url(url)
    if u.get_backend_name() != "postgresql":
        return None
    tanpa_sandi = u.set(drivername="postgresql", password=None)
    return tanpa_sandi.render_as_string(hide_password=False), u.password


def buat_mesin(url: str) -> AsyncEngine:
    """Create the engine; for SQLite: WAL with synchronous=FULL, foreign keys on, a busy
    timeout, its folder made. The pragmas are set on every new connection."""
    berkas = path_sqlite(url)
    if berkas is not None:
        berkas.parent.mkdir(parents=True, exist_ok=True)
    # Statement parameters are people's names and words: errors and logs must not quote them.
    if make_url(url).get_backend_name() != "sqlite":
        return create_async_engine(url, hide_parameters=True)
    # SQLite has one writer at a time, and a writer that finds the file locked backs off in
    # sleeps of up to 100 ms. One shared connection, handed out in arrival order by the pool,
    # keeps every transaction short and none of them sleeping. The rule that follows: never
    # open a second connection while holding one (it would wait for itself).
    mesin = create_async_engine(
        url, pool_size=1, max_overflow=0, pool_timeout=60, hide_parameters=True
    )
    event.listen(mesin.sync_engine, "connect", _pragma_sqlite)
    return mesin


def _pragma_sqlite(dbapi_conn: Any, _record: Any) -> None:
    kursor = dbapi_conn.cursor()
    kursor.execute("PRAGMA journal_mode=WAL")
    kursor.execute("PRAGMA foreign_keys=ON")
    kursor.execute("PRAGMA busy_timeout=5000")
    # FULL: a commit is on disk before it returns, so a confirmed answer survives power
    # loss (NORMAL in WAL mode may lose the last transactions).
    kursor.execute("PRAGMA synchronous=FULL")
    kursor.close()
