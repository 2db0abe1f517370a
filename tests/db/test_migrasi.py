"""The migrations build exactly the schema db/tabel.py describes."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from db.migrasi_api import tingkatkan
from db.tabel import metadata


def test_migrasi_sama_dengan_tabel(tmp_path: Path) -> None:
    berkas = tmp_path / "mutu.db"
    tingkatkan(f"sqlite+aiosqlite:///{berkas}")
    mesin = create_engine(f"sqlite:///{berkas}")
    with mesin.connect() as conn:
        beda = compare_metadata(MigrationContext.configure(conn), metadata)
    mesin.dispose()
    assert beda == []
