"""Run the Alembic migrations from code (the CLI and tests), without an alembic.ini."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import make_url

from db.mesin import path_sqlite

FOLDER_MIGRASI = Path(__file__).resolve().parent / "migrasi"


def url_sinkron(url: str) -> str:
    """The same database through a synchronous driver (aiosqlite -> sqlite3, asyncpg -> psycopg)."""
    u = make_url(url)
    driver = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg"}.get(u.get_backend_name())
    if driver is None:
        return url
    return u.set(drivername=driver).render_as_string(hide_password=False)


def konfigurasi(url: str) -> Config:
    """An Alembic config pointing at our migrations and the given database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(FOLDER_MIGRASI))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def tingkatkan(url: str) -> None:
    """Bring the database to the newest schema (creates the SQLite file and folder if needed)."""
    berkas = path_sqlite(url)
    if berkas is not None:
        berkas.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(konfigurasi(url), "head")
