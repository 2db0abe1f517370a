"""Stage 5: targets per standard, carried-over activities, closing a cycle."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import audit, bukti, kegiatan_bawaan, pengguna, pengingat, siklus, target_standar
from db.upsert import upsert

# The audit actions that start stages 2 to 5 (stage 1 starts when the cycle opens).
AKSI_TAHAP = {
    2: "pemetaan.tutup",
    3: "rencana.setujui",
    4: "monev.evaluasi",
    5: "strategi.buka",
}
BIDANG_BAWAAN = (
    "indikator_kode",
    "akar_kategori",
    "akar_penjelasan",
    "program_nama",
    "deskripsi",
    "pic_id",
    "anggaran",
    "indikator_keberhasilan",
    "target_skor",
    "alasan",
    "diperbarui_pada",
)


async def sebelumnya(conn: AsyncConnection, sekolah_id: int, siklus_id: int) -> Row | None:
    """The school's closed cycle just before this one, or None for a first cycle."""
    hasil = await conn.execute(
        select(siklus)
        .where(
            siklus.c.sekolah_id == sekolah_id,
            siklus.c.status == "selesai",
            siklus.c.id < siklus_id,
        )
        .order_by(siklus.c.id.desc())
        .limit(1)
    )
    return hasil.first()


async def selesai_terakhir(conn: AsyncConnection, sekolah_id: int) -> Row | None:
    """The school's most recently closed cycle."""
    hasil = await conn.execute(
        select(siklus)
        .where(siklus.c.sekolah_id == sekolah_id, siklus.c.status == "selesai")
        .order_by(siklus.c.id.desc())
        .limit(1)
    )
    return hasil.first()


async def target(conn: AsyncConnection, siklus_id: int) -> dict[str, Row]:
    """Targets set in this cycle's stage 5, by standard code."""
    hasil = await conn.execute(
        select(target_standar).where(target_standar.c.siklus_id == siklus_id)
    )
    return {b.standar_kode: b for b in hasil}


async def target_untuk(conn: AsyncConnection, siklus_id: int) -> dict[str, float]:
    """The targets a cycle opened with (set by the cycle before it), by standard code."""
    hasil = await conn.execute(
        select(target_standar.c.standar_kode, target_standar.c.target).where(
            target_standar.c.siklus_tujuan_id == siklus_id
        )
    )
    return {kode: nilai for kode, nilai in hasil}


async def simpan_target(
    conn: AsyncConnection,
    *,
    siklus_id: int,
    standar_kode: str,
    skor: float | None,
    nilai: float,
    oleh: int | None,
    waktu: datetime,
    timpa: bool = True,
) -> None:
    """Set (or change) a standard's target; `timpa` False keeps a target already set."""
    await upsert(
        conn,
        target_standar,
        {
            "siklus_id": siklus_id,
            "standar_kode": standar_kode,
            "skor": skor,
            "target": nilai,
            "ditetapkan_oleh": oleh,
            "ditetapkan_pada": waktu,
        },
        kunci=("siklus_id", "standar_kode"),
        perbarui=("skor", "target", "ditetapkan_oleh", "ditetapkan_pada") if timpa else ("skor",),
    )


async def bawaan_asal(conn: AsyncConnection, siklus_id: int) -> dict[str, Row]:
    """The carry-over rows of a cycle (choices and copies), by activity key."""
    hasil = await conn.execute(
        select(kegiatan_bawaan).where(kegiatan_bawaan.c.siklus_asal_id == siklus_id)
    )
    return {b.kegiatan_kunci: b for b in hasil}


async def simpan_bawaan(
    conn: AsyncConnection, nilai: dict[str, Any], *, pilihan: bool | None = None
) -> None:
    """Keep the copy of a candidate activity, and the coordinator's choice when given (a new
    row without a choice carries over)."""
    if pilihan is not None:
        nilai = {**nilai, "dibawa": pilihan}
    await upsert(
        conn,
        kegiatan_bawaan,
        nilai,
        kunci=("siklus_asal_id", "kegiatan_kunci"),
        perbarui=(*BIDANG_BAWAAN, "dibawa") if pilihan is not None else BIDANG_BAWAAN,
        syarat=kegiatan_bawaan.c.siklus_tujuan_id.is_(None),
    )


async def tutup(conn: AsyncConnection, siklus_id: int, waktu: datetime) -> bool:
    """Close a cycle in stage 5; False when it was closed already (a doubled press)."""
    hasil = await conn.execute(
        update(siklus)
        .where(siklus.c.id == siklus_id, siklus.c.status == "terbuka", siklus.c.tahap == 5)
        .values(status="selesai", ditutup_pada=waktu)
    )
    return hasil.rowcount == 1


async def lampirkan(
    conn: AsyncConnection, lama: int, baru: int, kunci_dibawa: list[str]
) -> tuple[int, int]:
    """Attach the targets and the chosen activities of cycle `lama` to cycle `baru`."""
    t = await conn.execute(
        update(target_standar)
        .where(target_standar.c.siklus_id == lama)
        .values(siklus_tujuan_id=baru)
    )
    k = await conn.execute(
        update(kegiatan_bawaan)
        .where(
            kegiatan_bawaan.c.siklus_asal_id == lama,
            kegiatan_bawaan.c.dibawa.is_(True),
            kegiatan_bawaan.c.kegiatan_kunci.in_(kunci_dibawa),
        )
        .values(siklus_tujuan_id=baru)
    )
    return t.rowcount, k.rowcount


async def bawaan_untuk(conn: AsyncConnection, siklus_id: int) -> list[Row]:
    """Activities carried into this cycle, with the old PIC's name, in their order."""
    hasil = await conn.execute(
        select(kegiatan_bawaan, pengguna.c.nama.label("pic_nama"))
        .join(pengguna, pengguna.c.id == kegiatan_bawaan.c.pic_id)
        .where(kegiatan_bawaan.c.siklus_tujuan_id == siklus_id)
        .order_by(kegiatan_bawaan.c.id)
    )
    return list(hasil)


async def putuskan_bawaan(
    conn: AsyncConnection, bawaan_id: int, status: str, waktu: datetime, kunci_baru: str | None
) -> bool:
    """Mark a waiting carried activity as taken into the plan or dropped; False when it was
    decided already."""
    hasil = await conn.execute(
        update(kegiatan_bawaan)
        .where(kegiatan_bawaan.c.id == bawaan_id, kegiatan_bawaan.c.status == "menunggu")
        .values(status=status, kegiatan_kunci_baru=kunci_baru, diputuskan_pada=waktu)
    )
    return hasil.rowcount == 1


async def waktu_tahap(
    conn: AsyncConnection, sekolah_id: int, dari: datetime, sampai: datetime | None
) -> dict[int, datetime]:
    """When stages 2 to 5 of a cycle began, from the audit trail (the first of each action
    between the cycle's opening and its closing)."""
    syarat = [
        audit.c.sekolah_id == sekolah_id,
        audit.c.aksi.in_(AKSI_TAHAP.values()),
        audit.c.waktu >= dari,
    ]
    if sampai is not None:
        syarat.append(audit.c.waktu <= sampai)
    hasil = await conn.execute(
        select(audit.c.aksi, func.min(audit.c.waktu)).where(*syarat).group_by(audit.c.aksi)
    )
    mulai = {aksi: w for aksi, w in hasil}
    return {t: mulai[a] for t, a in AKSI_TAHAP.items() if a in mulai}


async def jumlah_bukti_komitmen(conn: AsyncConnection, siklus_id: int) -> int:
    """Evidence kept with progress reports in a cycle."""
    hasil = await conn.execute(
        select(func.count()).where(
            bukti.c.siklus_id == siklus_id, bukti.c.sumber.like("komitmen:%")
        )
    )
    return int(hasil.scalar_one())


async def batalkan_pengingat(
    conn: AsyncConnection, rujukan: list[str], awalan_kunci: list[str]
) -> int:
    """Cancel the waiting reminders about these things or under these key prefixes."""
    syarat: list[ColumnElement[bool]] = [pengingat.c.rujukan.in_(rujukan)]
    syarat += [pengingat.c.kunci.startswith(a) for a in awalan_kunci]
    hasil = await conn.execute(
        update(pengingat)
        .where(pengingat.c.status == "direncanakan", or_(*syarat))
        .values(status="batal")
    )
    return hasil.rowcount


async def bawaan_untuk_siklus(conn: AsyncConnection, bawaan_id: int, siklus_id: int) -> Row | None:
    """A carried activity waiting in (or taken into) this cycle, by id."""
    hasil = await conn.execute(
        select(kegiatan_bawaan).where(
            kegiatan_bawaan.c.id == bawaan_id, kegiatan_bawaan.c.siklus_tujuan_id == siklus_id
        )
    )
    return hasil.first()
