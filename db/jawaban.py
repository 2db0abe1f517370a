"""Stage-1 answers, skipped questions and each respondent's current question."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import jawaban, keanggotaan, lewatan, pengguna, posisi_kuesioner
from db.upsert import upsert


async def milik(conn: AsyncConnection, siklus_id: int, pengguna_id: int) -> list[Row]:
    """One respondent's answers in a cycle."""
    hasil = await conn.execute(
        select(jawaban).where(
            jawaban.c.siklus_id == siklus_id, jawaban.c.pengguna_id == pengguna_id
        )
    )
    return list(hasil)


async def simpan(
    conn: AsyncConnection,
    *,
    siklus_id: int,
    pengguna_id: int,
    responden: str,
    pertanyaan_kode: str,
    nilai: str,
    waktu: datetime,
    dilewati: bool = True,
) -> None:
    """Store or replace one answer; a returned answer becomes valid again, and a skipped
    question is no longer skipped (`dilewati=False` when the caller knows it was not)."""
    await upsert(
        conn,
        jawaban,
        {
            "siklus_id": siklus_id,
            "pengguna_id": pengguna_id,
            "responden": responden,
            "pertanyaan_kode": pertanyaan_kode,
            "nilai": nilai,
            "status": "sah",
            "komentar": None,
            "dijawab_pada": waktu,
            "diperbarui_pada": waktu,
        },
        kunci=("siklus_id", "pengguna_id", "pertanyaan_kode"),
        perbarui=("responden", "nilai", "status", "komentar", "diperbarui_pada"),
    )
    if not dilewati:
        return
    await conn.execute(
        delete(lewatan).where(
            lewatan.c.siklus_id == siklus_id,
            lewatan.c.pengguna_id == pengguna_id,
            lewatan.c.pertanyaan_kode == pertanyaan_kode,
        )
    )


async def kembalikan(
    conn: AsyncConnection, siklus_id: int, pengguna_id: int, pertanyaan_kode: str, komentar: str
) -> bool:
    """Mark an answer as sent back with a comment; False when there is no such answer."""
    hasil = await conn.execute(
        update(jawaban)
        .where(
            jawaban.c.siklus_id == siklus_id,
            jawaban.c.pengguna_id == pengguna_id,
            jawaban.c.pertanyaan_kode == pertanyaan_kode,
        )
        .values(status="dikembalikan", komentar=komentar)
    )
    return hasil.rowcount == 1


async def lewati(
    conn: AsyncConnection, siklus_id: int, pengguna_id: int, pertanyaan_kode: str, waktu: datetime
) -> None:
    """Mark a question skipped (again: it moves to the back of the queue)."""
    await upsert(
        conn,
        lewatan,
        {
            "siklus_id": siklus_id,
            "pengguna_id": pengguna_id,
            "pertanyaan_kode": pertanyaan_kode,
            "waktu": waktu,
        },
        kunci=("siklus_id", "pengguna_id", "pertanyaan_kode"),
        perbarui=("waktu",),
    )


async def lewatan_milik(
    conn: AsyncConnection, siklus_id: int, pengguna_id: int
) -> dict[str, datetime]:
    """Skipped question codes of one respondent, with when they were skipped."""
    hasil = await conn.execute(
        select(lewatan.c.pertanyaan_kode, lewatan.c.waktu).where(
            lewatan.c.siklus_id == siklus_id, lewatan.c.pengguna_id == pengguna_id
        )
    )
    return {kode: waktu for kode, waktu in hasil}


async def posisi(conn: AsyncConnection, siklus_id: int, pengguna_id: int) -> str | None:
    """The question the respondent has in front of them."""
    hasil = await conn.execute(
        select(posisi_kuesioner.c.pertanyaan_kode).where(
            posisi_kuesioner.c.siklus_id == siklus_id, posisi_kuesioner.c.pengguna_id == pengguna_id
        )
    )
    return hasil.scalar_one_or_none()


async def atur_posisi(
    conn: AsyncConnection, siklus_id: int, pengguna_id: int, pertanyaan_kode: str, waktu: datetime
) -> None:
    """Set the current question."""
    await upsert(
        conn,
        posisi_kuesioner,
        {
            "siklus_id": siklus_id,
            "pengguna_id": pengguna_id,
            "pertanyaan_kode": pertanyaan_kode,
            "diperbarui_pada": waktu,
        },
        kunci=("siklus_id", "pengguna_id"),
        perbarui=("pertanyaan_kode", "diperbarui_pada"),
    )


async def hapus_posisi(conn: AsyncConnection, siklus_id: int, pengguna_id: int) -> None:
    """No question in front of the respondent any more."""
    await conn.execute(
        delete(posisi_kuesioner).where(
            posisi_kuesioner.c.siklus_id == siklus_id, posisi_kuesioner.c.pengguna_id == pengguna_id
        )
    )


async def siklus_semua(conn: AsyncConnection, siklus_id: int) -> list[Row]:
    """Every answer of a cycle with the respondent's name (for scoring and progress)."""
    hasil = await conn.execute(
        select(
            jawaban.c.pengguna_id,
            jawaban.c.responden,
            jawaban.c.pertanyaan_kode,
            jawaban.c.nilai,
            jawaban.c.status,
            pengguna.c.nama,
        )
        .join(pengguna, pengguna.c.id == jawaban.c.pengguna_id)
        .where(jawaban.c.siklus_id == siklus_id)
    )
    return list(hasil)


async def responden_sekolah(conn: AsyncConnection, sekolah_id: int) -> list[Row]:
    """Active members of a school with their names and roles (who may answer)."""
    hasil = await conn.execute(
        select(keanggotaan.c.pengguna_id, keanggotaan.c.peran, pengguna.c.nama, pengguna.c.aktif)
        .join(pengguna, pengguna.c.id == keanggotaan.c.pengguna_id)
        .where(and_(keanggotaan.c.sekolah_id == sekolah_id, keanggotaan.c.aktif.is_(True)))
        .order_by(pengguna.c.nama)
    )
    return list(hasil)
