"""The reminder outbox: planning rows, claiming due ones under a lease, marking the outcome."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import and_, select, union_all, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import pengingat
from db.upsert import upsert


async def rencanakan(
    conn: AsyncConnection,
    *,
    kunci: str,
    pengguna_id: int,
    jenis: str,
    isi: dict[str, Any],
    jatuh_tempo: datetime,
    waktu: datetime,
    sekolah_id: int | None = None,
    rujukan: str | None = None,
) -> None:
    """Plan a message under a unique key. Planning the same key again moves a row that is
    still waiting; a row already sent (or being sent) is left alone, so nothing goes twice."""
    await upsert(
        conn,
        pengingat,
        {
            "kunci": kunci,
            "sekolah_id": sekolah_id,
            "pengguna_id": pengguna_id,
            "jenis": jenis,
            "rujukan": rujukan,
            "isi": isi,
            "jatuh_tempo": jatuh_tempo,
            "dibuat_pada": waktu,
        },
        kunci=("kunci",),
        perbarui=("pengguna_id", "isi", "jatuh_tempo"),
        syarat=pengingat.c.status.in_(("direncanakan", "batal")),
        setel_ulang={"status": "direncanakan"},
    )


def _jatuh_tempo(sekarang: datetime, batas: int, lewati_terkunci: bool = False) -> Any:
    """Ids due now: waiting rows past their time, and claims whose lease ran out (a run that
    died). Two indexed range scans, joined; the planner never scans the whole table.

    `lewati_terkunci` (PostgreSQL): rows another dispatcher is claiming right now are skipped
    (FOR UPDATE SKIP LOCKED), so a second claimer takes the next rows instead of waiting for
    the first one's rows and then finding them gone."""
    menunggu = (
        select(pengingat.c.id, pengingat.c.jatuh_tempo)
        .where(pengingat.c.status == "direncanakan", pengingat.c.jatuh_tempo <= sekarang)
        .order_by(pengingat.c.jatuh_tempo)
        .limit(batas)
    )
    kedaluwarsa = (
        select(pengingat.c.id, pengingat.c.jatuh_tempo)
        .where(pengingat.c.status == "mengirim", pengingat.c.sewa_sampai <= sekarang)
        .limit(batas)
    )
    if lewati_terkunci:
        menunggu = menunggu.with_for_update(skip_locked=True)
        kedaluwarsa = kedaluwarsa.with_for_update(skip_locked=True)
    a, b = menunggu.subquery(), kedaluwarsa.subquery()  # SQLite: LIMIT only inside subqueries
    gabungan = union_all(
        select(a.c.id, a.c.jatuh_tempo), select(b.c.id, b.c.jatuh_tempo)
    ).subquery()
    return select(gabungan.c.id).order_by(gabungan.c.jatuh_tempo).limit(batas)


async def jatuh_tempo(conn: AsyncConnection, sekarang: datetime, batas: int) -> list[int]:
    """The ids that are due (read only; for measuring and the coordinator's view)."""
    return list((await conn.execute(_jatuh_tempo(sekarang, batas))).scalars())


async def klaim(
    conn: AsyncConnection, sekarang: datetime, sewa_sampai: datetime, batas: int
) -> list[Row]:
    """Take up to `batas` due rows for sending until `sewa_sampai`; returns them."""
    hasil = await conn.execute(
        update(pengingat)
        .where(
            pengingat.c.id.in_(
                _jatuh_tempo(sekarang, batas, lewati_terkunci=conn.dialect.name == "postgresql")
            ),
            # Re-checked in the UPDATE itself: another claimer may have taken a row meanwhile.
            (pengingat.c.status == "direncanakan")
            | and_(pengingat.c.status == "mengirim", pengingat.c.sewa_sampai <= sekarang),
        )
        .values(status="mengirim", sewa_sampai=sewa_sampai, percobaan=pengingat.c.percobaan + 1)
        .returning(*pengingat.c)
    )
    return sorted(hasil, key=lambda b: b.jatuh_tempo)


def _milik(pengingat_id: int, percobaan: int | None) -> list[Any]:
    """The row, and with an attempt number: only while that claim still holds it. A sender
    whose lease ran out and whose row was claimed again (the attempt counter moved on) can
    no longer write an outcome over the new claimer's."""
    syarat: list[Any] = [pengingat.c.id == pengingat_id]
    if percobaan is not None:
        syarat += [pengingat.c.status == "mengirim", pengingat.c.percobaan == percobaan]
    return syarat


async def terkirim(
    conn: AsyncConnection,
    pengingat_id: int,
    pesan_id: int,
    waktu: datetime,
    *,
    percobaan: int | None = None,
) -> bool:
    """The message went out. False when the claim `percobaan` no longer holds the row."""
    hasil = await conn.execute(
        update(pengingat)
        .where(*_milik(pengingat_id, percobaan))
        .values(status="terkirim", pesan_id=pesan_id, dikirim_pada=waktu, sewa_sampai=None)
    )
    return hasil.rowcount == 1


async def ulangi(
    conn: AsyncConnection,
    pengingat_id: int,
    saat: datetime,
    galat: str,
    *,
    hitung: bool = True,
    percobaan: int | None = None,
) -> bool:
    """Try again at `saat` (a network error, or Telegram asked us to wait)."""
    nilai: dict[str, Any] = {
        "status": "direncanakan",
        "jatuh_tempo": saat,
        "galat_terakhir": galat,
        "sewa_sampai": None,
    }
    if not hitung:
        nilai["percobaan"] = pengingat.c.percobaan - 1
    hasil = await conn.execute(
        update(pengingat).where(*_milik(pengingat_id, percobaan)).values(**nilai)
    )
    return hasil.rowcount == 1


async def gagal(
    conn: AsyncConnection,
    pengingat_id: int,
    galat: str,
    status: str = "gagal",
    *,
    percobaan: int | None = None,
) -> bool:
    """Give up on a row (or cancel it); it stays visible to the coordinator with its error."""
    hasil = await conn.execute(
        update(pengingat)
        .where(*_milik(pengingat_id, percobaan))
        .values(status=status, galat_terakhir=galat, sewa_sampai=None)
    )
    return hasil.rowcount == 1


async def batalkan(
    conn: AsyncConnection,
    *,
    pengguna_id: int | None = None,
    rujukan: str | None = None,
    awalan_kunci: str | None = None,
    sekolah_id: int | None = None,
) -> int:
    """Cancel waiting rows of a user, about a thing, or under a key prefix; with `sekolah_id`
    only the rows of that school."""
    syarat = [pengingat.c.status == "direncanakan"]
    if pengguna_id is not None:
        syarat.append(pengingat.c.pengguna_id == pengguna_id)
    if sekolah_id is not None:
        syarat.append(pengingat.c.sekolah_id == sekolah_id)
    if rujukan is not None:
        syarat.append(pengingat.c.rujukan == rujukan)
    if awalan_kunci is not None:
        syarat.append(pengingat.c.kunci.startswith(awalan_kunci))
    hasil = await conn.execute(update(pengingat).where(*syarat).values(status="batal"))
    return hasil.rowcount


async def ambil(conn: AsyncConnection, pengingat_id: int) -> Row | None:
    """One row."""
    return (await conn.execute(select(pengingat).where(pengingat.c.id == pengingat_id))).first()


async def gagal_sekolah(conn: AsyncConnection, sekolah_id: int) -> list[Row]:
    """Rows of a school that could not be sent (for the coordinator)."""
    hasil = await conn.execute(
        select(pengingat)
        .where(pengingat.c.sekolah_id == sekolah_id, pengingat.c.status == "gagal")
        .order_by(pengingat.c.id.desc())
    )
    return list(hasil)


async def ada(conn: AsyncConnection, kunci: str) -> bool:
    """Whether a row with this key was ever planned (whatever became of it)."""
    hasil = await conn.execute(select(pengingat.c.id).where(pengingat.c.kunci == kunci))
    return hasil.first() is not None


async def pindah_chat(conn: AsyncConnection, lama: int, baru: int) -> None:
    """Waiting rows of a chat that moved (a group upgraded to a supergroup) follow it; their
    keys name the new chat, so planning them again finds them."""
    baris = await conn.execute(
        select(pengingat.c.id, pengingat.c.kunci).where(
            pengingat.c.pengguna_id == lama, pengingat.c.status == "direncanakan"
        )
    )
    for b in baris.all():
        await conn.execute(
            update(pengingat)
            .where(pengingat.c.id == b.id)
            .values(pengguna_id=baru, kunci=b.kunci.replace(f":{lama}:", f":{baru}:"))
        )
