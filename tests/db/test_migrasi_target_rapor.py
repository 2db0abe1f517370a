"""0013_target_rapor: a new table for the next cycle's target per Rapor Pendidikan indicator,
on SQLite and PostgreSQL; going back drops it and leaves the rest as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from db.migrasi_api import konfigurasi, url_sinkron


def _naik_turun(url: str) -> None:
    command.upgrade(konfigurasi(url), "0012_ia2024")
    mesin = create_engine(url_sinkron(url))
    assert "target_rapor" not in inspect(mesin).get_table_names()
    command.upgrade(konfigurasi(url), "0013_target_rapor")
    with mesin.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO sekolah (id, npsn, nama, jenjang, kabupaten, provinsi, zona_waktu,"
                " dibuat_pada) VALUES (1, '20401234', 'SD Uji', 'SD', 'Sleman', 'DIY',"
                " 'Asia/Jakarta', '2026-12-06 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO siklus (id, sekolah_id, tahun_ajaran, tahap, status, dibuka_pada)"
                " VALUES (1, 1, '2026/2027', 5, 'terbuka', '2026-12-06 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO target_rapor (siklus_id, kode, label, nilai_minimum, edisi,"
                " ditetapkan_pada) VALUES (1, 'A.1', 'sedang', 38.5, 'Rapor Pendidikan 2025',"
                " '2026-12-06 00:00:00')"
            )
        )
    # The report's own labels only; Tidak Tersedia is no target.
    with pytest.raises(IntegrityError), mesin.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO target_rapor (siklus_id, kode, label, edisi, ditetapkan_pada)"
                " VALUES (1, 'D.8', 'tidak_tersedia', 'x', '2026-12-06 00:00:00')"
            )
        )
    with pytest.raises(IntegrityError), mesin.begin() as conn:  # one target per indicator
        conn.execute(
            text(
                "INSERT INTO target_rapor (siklus_id, kode, label, edisi, ditetapkan_pada)"
                " VALUES (1, 'A.1', 'baik', 'x', '2026-12-06 00:00:00')"
            )
        )
    with mesin.connect() as conn:
        baris = conn.execute(text("SELECT kode, label, nilai_minimum FROM target_rapor")).all()
    assert [tuple(b) for b in baris] == [("A.1", "sedang", 38.5)]
    command.downgrade(konfigurasi(url), "0012_ia2024")
    assert "target_rapor" not in inspect(mesin).get_table_names()
    with mesin.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM siklus")).scalar() == 1
    mesin.dispose()


def test_naik_turun_sqlite(tmp_path: Path) -> None:
    _naik_turun(f"sqlite+aiosqlite:///{tmp_path / 'mutu.db'}")


def test_naik_turun_postgresql(url_postgresql: str) -> None:
    _naik_turun(url_postgresql)
