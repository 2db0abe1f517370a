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


def test_path_bukti_dijadikan_relatif_terhadap_data_dir(tmp_path: Path) -> None:
    """0009: stored evidence paths (absolute, or relative to the folder the bot ran in) become
    bukti/<school>/<file>, relative to DATA_DIR; going back restores the default's form."""
    from alembic import command
    from sqlalchemy import text

    from db.migrasi_api import konfigurasi

    url = f"sqlite+aiosqlite:///{tmp_path / 'mutu.db'}"
    command.upgrade(konfigurasi(url), "0008")
    mesin = create_engine(f"sqlite:///{tmp_path / 'mutu.db'}")
    lama = {1: "/srv/asisten/data/bukti/3/ab12.pdf", 2: "data/bukti/3/cd34.jpg"}
    with mesin.begin() as conn:  # foreign keys are off on this plain connection
        for i, path in lama.items():
            conn.execute(
                text(
                    "INSERT INTO bukti (id, sekolah_id, siklus_id, pengguna_id, sumber, file_id,"
                    " file_unique_id, mime, ukuran, sha256, path, dibuat_pada) VALUES"
                    " (:i, 3, 1, 1, 'laporan', 'f', 'u', 'application/pdf', 1, 'x', :p,"
                    " '2026-12-05 00:00:00')"
                ),
                {"i": i, "p": path},
            )

    def semua() -> dict[int, str]:
        with mesin.connect() as conn:
            return dict(conn.execute(text("SELECT id, path FROM bukti")).all())  # type: ignore[arg-type]

    command.upgrade(konfigurasi(url), "head")
    assert semua() == {1: "bukti/3/ab12.pdf", 2: "bukti/3/cd34.jpg"}
    command.downgrade(konfigurasi(url), "0008")
    assert semua() == {1: "data/bukti/3/ab12.pdf", 2: "data/bukti/3/cd34.jpg"}
    mesin.dispose()
