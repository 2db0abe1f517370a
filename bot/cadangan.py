"""Backup and restore of a deployment: the SQLite database and the evidence files together.

The database is copied first (SQLite's online backup: a consistent snapshot while the bot
runs), the files second. An evidence file is written before the row that names it is committed
(bot/layanan/bukti.py), so every row in the snapshot finds its file in the copy. A file erased
after the snapshot (/hapusdata) may be missing from it; the erasure then also reaches this
backup, as it should."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from bot.config import KonfigurasiSalah

NAMA_DB = "asisten-mutu.db"
FOLDER_DATA = "data"
# The database's own files in DATA_DIR: copied by the online backup, never by file copy.
_AKHIRAN_DB = ("", "-wal", "-shm", "-journal", ".kunci")


def _berkas_db(db: Path) -> set[Path]:
    return {db.with_name(db.name + a).resolve() for a in _AKHIRAN_DB}


def cadangkan(db: Path, data_dir: Path, tujuan: Path) -> tuple[int, int]:
    """Write `tujuan`/asisten-mutu.db and `tujuan`/data/ (DATA_DIR without the database);
    `tujuan` must not exist. Returns (files copied, bytes copied)."""
    if not db.exists():
        raise KonfigurasiSalah(f"no database at {db}: nothing to back up")
    if tujuan.exists():
        raise KonfigurasiSalah(f"{tujuan} exists already; choose a new folder name")
    sementara = tujuan.with_name(tujuan.name + ".sebagian")
    if sementara.exists():
        raise KonfigurasiSalah(f"{sementara} is left from an interrupted backup; remove it first")
    sementara.mkdir(parents=True)
    with sqlite3.connect(db) as asal, sqlite3.connect(sementara / NAMA_DB) as salinan:
        asal.backup(salinan)
    jumlah = ukuran = 0
    lewati = _berkas_db(db)
    if data_dir.exists():
        for path in sorted(data_dir.rglob("*")):
            if not path.is_file() or path.resolve() in lewati or path.suffix == ".tmp":
                continue
            sasaran = sementara / FOLDER_DATA / path.relative_to(data_dir)
            sasaran.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, sasaran)
            jumlah += 1
            ukuran += path.stat().st_size
    # Only a finished backup carries the name asked for.
    sementara.rename(tujuan)
    return jumlah, ukuran


def pulihkan(sumber: Path, db: Path, data_dir: Path) -> int:
    """Restore a backup folder into an empty DATA_DIR and a database file that does not exist
    yet. Evidence paths are stored relative to DATA_DIR, so the rows need no change. Returns
    the files restored."""
    if not (sumber / NAMA_DB).is_file():
        raise KonfigurasiSalah(f"{sumber} is not a backup made by asisten-mutu backup")
    if db.exists():
        raise KonfigurasiSalah(f"a database exists at {db}; restore only into an empty place")
    if data_dir.exists() and any(data_dir.iterdir()):
        raise KonfigurasiSalah(f"{data_dir} is not empty; restore only into an empty data folder")
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
    db.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(sumber / NAMA_DB) as asal, sqlite3.connect(db) as baru:
        asal.backup(baru)
    return jumlah
