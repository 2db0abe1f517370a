"""Evidence files, whatever they prove: a photo or PDF kept as its Telegram file id plus a
local copy named by its sha256 under the data folder, and one record.

Durability: the copy is written to a temporary file, fsynced, renamed into place and its folder
fsynced before the caller's transaction (which links it) commits, so a confirmed answer never
points to a file a power loss took away. Its path is stored relative to DATA_DIR (the working
folder may differ from one start to the next); `jalur` finds it again."""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.layanan import Ditolak, Layanan
from bot.mutu.validasi import nama_berkas
from db import bukti as db_bukti
from db.jenis import AsyncConnection

BATAS_BUKTI = 20 * 1024 * 1024  # what a bot may download from Telegram
JENIS_BUKTI = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}


@dataclass(frozen=True)
class Berkas:
    """A file as it arrived in the chat."""

    file_id: str
    file_unique_id: str
    nama_file: str | None
    mime: str
    isi: bytes


def periksa(berkas: Berkas) -> None:
    """Refuse a type or size we do not keep, before anything is written."""
    if berkas.mime not in JENIS_BUKTI:
        raise Ditolak("bukti_jenis")
    if len(berkas.isi) > BATAS_BUKTI:
        raise Ditolak("bukti_besar")


async def simpan(
    conn: AsyncConnection,
    lay: Layanan,
    berkas: Berkas,
    *,
    sekolah_id: int,
    siklus_id: int,
    pengguna_id: int,
    sumber: str,
) -> int:
    """Write the local copy (off the event loop) and record it in the caller's transaction."""
    periksa(berkas)
    sha = hashlib.sha256(berkas.isi).hexdigest()
    akhiran = JENIS_BUKTI[berkas.mime]
    relatif = await asyncio.to_thread(
        tulis_berkas, lay.settings.data_dir, sekolah_id, sha, akhiran, berkas.isi
    )
    return await db_bukti.simpan(
        conn,
        sekolah_id=sekolah_id,
        siklus_id=siklus_id,
        pengguna_id=pengguna_id,
        sumber=sumber,
        file_id=berkas.file_id,
        file_unique_id=berkas.file_unique_id,
        nama_file=nama_berkas(berkas.nama_file),
        mime=berkas.mime,
        ukuran=len(berkas.isi),
        sha256=sha,
        path=relatif.as_posix(),
        waktu=lay.sekarang(),
    )


def jalur(data_dir: Path, path: str) -> Path:
    """The file behind a stored evidence path: relative paths are under DATA_DIR."""
    return data_dir / path


def tulis_berkas(data_dir: Path, sekolah_id: int, sha: str, akhiran: str, isi: bytes) -> Path:
    """Write an evidence file once, named by its sha256, durably (blocking: use a thread);
    returns its path relative to `data_dir`."""
    relatif = Path("bukti") / str(sekolah_id) / f"{sha}{akhiran}"
    path = data_dir / relatif
    if path.exists():
        return relatif
    _buat_folder(path.parent)
    fd, sementara = tempfile.mkstemp(dir=path.parent, prefix=f".{sha}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(isi)
            f.flush()
            os.fsync(f.fileno())  # the bytes are on disk before the name points to them
        os.replace(sementara, path)  # a crash leaves no half-written evidence
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)  # and the new name is on disk too
    return relatif


def _buat_folder(folder: Path) -> None:
    """Make the folder and its missing parents, each new one fsynced into its parent."""
    if folder.is_dir():
        return
    _buat_folder(folder.parent)
    folder.mkdir(exist_ok=True)
    _fsync_folder(folder.parent)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
