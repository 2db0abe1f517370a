"""Evidence files, whatever they prove: a photo or PDF kept as its Telegram file id plus a
local copy named by its sha256 under the data folder, and one record."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncConnection

from bot.layanan import Ditolak, Layanan
from bot.mutu.validasi import nama_berkas
from db import bukti as db_bukti

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
    path = await asyncio.to_thread(
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
        path=str(path),
        waktu=lay.sekarang(),
    )


def tulis_berkas(data_dir: Path, sekolah_id: int, sha: str, akhiran: str, isi: bytes) -> Path:
    """Write an evidence file once, named by its sha256, atomically (blocking: use a thread)."""
    folder = data_dir / "bukti" / str(sekolah_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{sha}{akhiran}"
    if not path.exists():
        sementara = path.with_suffix(path.suffix + ".tmp")
        sementara.write_bytes(isi)
        sementara.replace(path)  # a crash leaves no half-written evidence
    return path
