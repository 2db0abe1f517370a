"""Alembic environment. Migrations run on a synchronous driver: for SQLite the standard
library's sqlite3, so they can run before the bot's event loop starts, and inside tests."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from db.migrasi_api import url_sinkron
from db.tabel import metadata

config = context.config


def jalankan_migrasi() -> None:
    url = url_sinkron(config.get_main_option("sqlalchemy.url") or "")
    mesin = create_engine(url, poolclass=pool.NullPool)
    with mesin.connect() as koneksi:
        context.configure(
            connection=koneksi,
            target_metadata=metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    mesin.dispose()


jalankan_migrasi()
