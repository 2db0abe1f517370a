"""Backup and restore of a deployment: the database and the evidence files together.

The database is copied first (SQLite's online backup, or PostgreSQL's pg_dump: a consistent
snapshot while the bot runs), the files second. An evidence file is written before the row that
names it is committed (bot/layanan/bukti.py), so every row in the snapshot finds its file in the
copy. A file erased after the snapshot (/hapusdata) may be missing from it; the erasure then also
reaches this backup, as it should."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from bot.config import KonfigurasiSalah
from db.mesin import libpq_postgresql

NAMA_DB = "asisten-mutu.db"
NAMA_DUMP = "asisten-mutu.pgdump"  # pg_dump's custom format
FOLDER_DATA = "data"
# The database's own files in DATA_DIR: copied by the online backup, never by file copy.
_AKHIRAN_DB = ("", "-wal", "-shm", "-journal", ".kunci")


def _berkas_db(db: Path) -> set[Path]:
    return {db.with_name(db.name + a).resolve() for a in _AKHIRAN_DB}


def _folder_baru(tujuan: Path) -> Path:
    """The folder a backup is written into before it carries its name; `tujuan` must not exist."""
    if tujuan.exists():
        raise KonfigurasiSalah(f"{tujuan} exists already; choose a new folder name")
    sementara = tujuan.with_name(tujuan.name + ".sebagian")
    if sementara.exists():
        raise KonfigurasiSalah(f"{sementara} is left from an interrupted backup; remove it first")
    sementara.mkdir(parents=True)
    return sementara


def _salin_data(data_dir: Path, sementara: Path, lewati: set[Path]) -> tuple[int, int]:
    """DATA_DIR without the database's own files into `sementara`/data/; a finished backup
    then gets its name. Returns (files copied, bytes copied)."""
    jumlah = ukuran = 0
    if data_dir.exists():
        for path in sorted(data_dir.rglob("*")):
            if not path.is_file() or path.resolve() in lewati or path.suffix == ".tmp":
                continue
            sasaran = sementara / FOLDER_DATA / path.relative_to(data_dir)
            sasaran.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, sasaran)
            jumlah += 1
            ukuran += path.stat().st_size
    return jumlah, ukuran


def _data_kosong(data_dir: Path) -> None:
    if data_dir.exists() and any(data_dir.iterdir()):
        raise KonfigurasiSalah(f"{data_dir} is not empty; restore only into an empty data folder")


def _pulihkan_data(sumber: Path, data_dir: Path) -> int:
    data_dir.mkdir(parents=True, exist_ok=True)
    jumlah = 0
    folder = sumber / FOLDER_DATA
    if folder.exists():
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                sasaran = data_dir / path.relative_to(folder)
                sasaran.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, sasaran)
                jumlah += 1
    return jumlah


def cadangkan(db: Path, data_dir: Path, tujuan: Path) -> tuple[int, int]:
    """Write `tujuan`/asisten-mutu.db and `tujuan`/data/ (DATA_DIR without the database);
    `tujuan` must not exist. Returns (files copied, bytes copied)."""
    if not db.exists():
        raise KonfigurasiSalah(f"no database at {db}: nothing to back up")
    sementara = _folder_baru(tujuan)
    with sqlite3.connect(db) as asal, sqlite3.connect(sementara / NAMA_DB) as salinan:
        asal.backup(salinan)
    hasil = _salin_data(data_dir, sementara, _berkas_db(db))
    # Only a finished backup carries the name asked for.
    sementara.rename(tujuan)
    return hasil


def pulihkan(sumber: Path, db: Path, data_dir: Path) -> int:
    """Restore a backup folder into an empty DATA_DIR and a database file that does not exist
    yet. Evidence paths are stored relative to DATA_DIR, so the rows need no change. Returns
    the files restored."""
    if not (sumber / NAMA_DB).is_file():
        raise KonfigurasiSalah(f"{sumber} is not a backup made by asisten-mutu backup on SQLite")
    if db.exists():
        raise KonfigurasiSalah(f"a database exists at {db}; restore only into an empty place")
    _data_kosong(data_dir)
    jumlah = _pulihkan_data(sumber, data_dir)
    db.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(sumber / NAMA_DB) as asal, sqlite3.connect(db) as baru:
        asal.backup(baru)
    return jumlah


def _program_pg(nama: str, url: str, *argumen: str) -> None:
    """Run pg_dump or pg_restore on the database at `url` (its password in PGPASSWORD)."""
    libpq = libpq_postgresql(url)
    assert libpq is not None
    program = shutil.which(nama)
    if program is None:
        raise KonfigurasiSalah(f"{nama} not found; install PostgreSQL's client programs")
    alamat, sandi = libpq
    env = dict(os.environ)
    if sandi is not None:
        env["PGPASSWORD"] = sandi
    hasil = subprocess.run(
        [program, "--dbname", alamat, *argumen], env=env, capture_output=True, text=True
    )
    if hasil.returncode != 0:
        baris = (hasil.stderr.strip().splitlines() or ["exit code " + str(hasil.returncode)])[0]
        raise KonfigurasiSalah(f"{nama} failed: {baris}")


def cadangkan_postgresql(url: str, data_dir: Path, tujuan: Path) -> tuple[int, int]:
    """Write `tujuan`/asisten-mutu.pgdump (pg_dump, custom format, one consistent snapshot)
    and `tujuan`/data/; `tujuan` must not exist. Returns (files copied, bytes copied)."""
    sementara = _folder_baru(tujuan)
    _program_pg(
        "pg_dump", url, "--format=custom", "--no-owner", "--no-privileges",
        "--file", str(sementara / NAMA_DUMP),
    )  # fmt: skip
    hasil = _salin_data(data_dir, sementara, set())
    sementara.rename(tujuan)
    return hasil


def pulihkan_postgresql(sumber: Path, url: str, data_dir: Path) -> int:
    """Restore a PostgreSQL backup folder into an empty database (one transaction: a database
    that holds tables already is refused and left as it was) and an empty DATA_DIR."""
    if not (sumber / NAMA_DUMP).is_file():
        raise KonfigurasiSalah(
            f"{sumber} is not a backup made by asisten-mutu backup on PostgreSQL"
        )
    _data_kosong(data_dir)
    _program_pg(
        "pg_restore", url, "--no-owner", "--no-privileges", "--single-transaction",
        "--exit-on-error", str(sumber / NAMA_DUMP),
    )  # fmt: skip
    return _pulihkan_data(sumber, data_dir)
