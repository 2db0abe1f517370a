"""SPME readiness storage: the chosen instrument, butir levels and missing marks, evidence
links, the document checklist, and visit-practice answers. Every write is an upsert on a
unique key, so a doubled press changes nothing twice."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import Row
from sqlalchemy.ext.asyncio import AsyncConnection

from db.tabel import (
    akreditasi_butir,
    akreditasi_dka,
    akreditasi_dokumen,
    akreditasi_latihan,
    akreditasi_pilihan,
    akreditasi_tautan,
    bukti,
    kegiatan,
    komitmen,
    laporan,
    siklus,
)
from db.upsert import sisipkan_sekali, upsert


async def pilihan(conn: AsyncConnection, sekolah_id: int) -> str | None:
    """The instrument code the school prepares for, or None before it chose."""
    hasil = await conn.execute(
        select(akreditasi_pilihan.c.instrumen).where(akreditasi_pilihan.c.sekolah_id == sekolah_id)
    )
    return hasil.scalar_one_or_none()


async def pilih(
    conn: AsyncConnection, sekolah_id: int, instrumen: str, pengguna_id: int, waktu: datetime
) -> None:
    """Record (or change) the school's instrument."""
    await upsert(
        conn,
        akreditasi_pilihan,
        {
            "sekolah_id": sekolah_id,
            "instrumen": instrumen,
            "dipilih_oleh": pengguna_id,
            "dipilih_pada": waktu,
        },
        kunci=("sekolah_id",),
        perbarui=("instrumen", "dipilih_oleh", "dipilih_pada"),
    )


async def simpan_butir(
    conn: AsyncConnection,
    sekolah_id: int,
    instrumen: str,
    butir: str,
    pengguna_id: int,
    waktu: datetime,
    *,
    level: int | None = None,
    kurang: bool | None = None,
    na: bool | None = None,
) -> None:
    """Set a butir's level and/or missing mark, or N/A (which clears the level; a level clears
    N/A); what is not given stays as it was."""
    nilai = {
        "sekolah_id": sekolah_id,
        "instrumen": instrumen,
        "butir": butir,
        "diperbarui_oleh": pengguna_id,
        "diperbarui_pada": waktu,
        "level": level,
        "kurang": bool(kurang),
        "na": bool(na),
    }
    perbarui = ["diperbarui_oleh", "diperbarui_pada"]
    if level is not None or na:
        perbarui += ["level", "na"]
    if kurang is not None:
        perbarui.append("kurang")
    await upsert(
        conn, akreditasi_butir, nilai, kunci=("sekolah_id", "instrumen", "butir"), perbarui=perbarui
    )


async def butir_sekolah(conn: AsyncConnection, sekolah_id: int, instrumen: str) -> list[Row]:
    """Every self-assessed butir row of the school for an instrument."""
    hasil = await conn.execute(
        select(akreditasi_butir).where(
            akreditasi_butir.c.sekolah_id == sekolah_id, akreditasi_butir.c.instrumen == instrumen
        )
    )
    return list(hasil)


async def tautkan(
    conn: AsyncConnection,
    sekolah_id: int,
    instrumen: str,
    butir: str,
    bukti_id: int,
    pengguna_id: int,
    waktu: datetime,
) -> None:
    """Link an evidence file to a butir (once: linking it again changes nothing)."""
    await sisipkan_sekali(
        conn,
        akreditasi_tautan,
        {
            "sekolah_id": sekolah_id,
            "instrumen": instrumen,
            "butir": butir,
            "bukti_id": bukti_id,
            "ditautkan_oleh": pengguna_id,
            "ditautkan_pada": waktu,
        },
        kunci=("sekolah_id", "instrumen", "butir", "bukti_id"),
    )


async def lepas(
    conn: AsyncConnection, sekolah_id: int, instrumen: str, butir: str, bukti_id: int
) -> None:
    """Unlink an evidence file from a butir."""
    await conn.execute(
        delete(akreditasi_tautan).where(
            akreditasi_tautan.c.sekolah_id == sekolah_id,
            akreditasi_tautan.c.instrumen == instrumen,
            akreditasi_tautan.c.butir == butir,
            akreditasi_tautan.c.bukti_id == bukti_id,
        )
    )


async def tautan_sekolah(conn: AsyncConnection, sekolah_id: int, instrumen: str) -> list[Row]:
    """Every (butir, bukti_id) link of the school for an instrument, oldest first."""
    hasil = await conn.execute(
        select(akreditasi_tautan.c.butir, akreditasi_tautan.c.bukti_id)
        .where(
            akreditasi_tautan.c.sekolah_id == sekolah_id,
            akreditasi_tautan.c.instrumen == instrumen,
        )
        .order_by(akreditasi_tautan.c.id)
    )
    return list(hasil)


async def bukti_sekolah(
    conn: AsyncConnection, sekolah_id: int, ids: Collection[int] | None = None
) -> list[Row]:
    """The evidence files of the school (all cycles; only `ids` when given), with the
    indicator of the commitment a stage-3 report was about (`komitmen_indikator`, else None),
    oldest first."""
    if ids is not None and not ids:
        return []
    syarat = [bukti.c.sekolah_id == sekolah_id]
    if ids is not None:
        syarat.append(bukti.c.id.in_(sorted(ids)))
    hasil = await conn.execute(
        select(bukti, komitmen.c.indikator_kode.label("komitmen_indikator"))
        .outerjoin(laporan, laporan.c.bukti_id == bukti.c.id)
        .outerjoin(komitmen, komitmen.c.id == laporan.c.komitmen_id)
        .where(*syarat)
        .order_by(bukti.c.id)
    )
    return list(hasil)


async def bukti_milik(conn: AsyncConnection, sekolah_id: int, bukti_id: int) -> bool:
    """Whether an evidence file belongs to the school."""
    hasil = await conn.execute(
        select(bukti.c.id).where(bukti.c.id == bukti_id, bukti.c.sekolah_id == sekolah_id)
    )
    return hasil.first() is not None


async def simpan_dokumen(
    conn: AsyncConnection,
    sekolah_id: int,
    instrumen: str,
    dokumen: str,
    status: str,
    pengguna_id: int,
    waktu: datetime,
    *,
    bukti_id: int | None = None,
    tautan: str | None = None,
) -> None:
    """Set a checklist document's status (and its file or link when given)."""
    nilai = {
        "sekolah_id": sekolah_id,
        "instrumen": instrumen,
        "dokumen": dokumen,
        "status": status,
        "bukti_id": bukti_id,
        "tautan": tautan,
        "diperbarui_oleh": pengguna_id,
        "diperbarui_pada": waktu,
    }
    perbarui = ["status", "diperbarui_oleh", "diperbarui_pada"]
    if bukti_id is not None:
        perbarui.append("bukti_id")
    if tautan is not None:
        perbarui.append("tautan")
    await upsert(
        conn,
        akreditasi_dokumen,
        nilai,
        kunci=("sekolah_id", "instrumen", "dokumen"),
        perbarui=perbarui,
    )


async def dokumen_sekolah(conn: AsyncConnection, sekolah_id: int, instrumen: str) -> list[Row]:
    """The checklist rows of the school for an instrument."""
    hasil = await conn.execute(
        select(akreditasi_dokumen).where(
            akreditasi_dokumen.c.sekolah_id == sekolah_id,
            akreditasi_dokumen.c.instrumen == instrumen,
        )
    )
    return list(hasil)


async def simpan_latihan(
    conn: AsyncConnection,
    sekolah_id: int,
    instrumen: str,
    jenis: str,
    kode: str,
    pengguna_id: int,
    nilai: str,
    waktu: datetime,
) -> None:
    """Keep one interview answer or observation mark (the latest per person and item)."""
    await upsert(
        conn,
        akreditasi_latihan,
        {
            "sekolah_id": sekolah_id,
            "instrumen": instrumen,
            "jenis": jenis,
            "kode": kode,
            "pengguna_id": pengguna_id,
            "nilai": nilai,
            "dijawab_pada": waktu,
        },
        kunci=("sekolah_id", "instrumen", "jenis", "kode", "pengguna_id"),
        perbarui=("nilai", "dijawab_pada"),
    )


async def latihan_sekolah(conn: AsyncConnection, sekolah_id: int, instrumen: str) -> list[Row]:
    """Every visit-practice answer of the school for an instrument, in the order they were
    given (an answer given again moves to its new time; its row keeps its id)."""
    hasil = await conn.execute(
        select(akreditasi_latihan)
        .where(
            akreditasi_latihan.c.sekolah_id == sekolah_id,
            akreditasi_latihan.c.instrumen == instrumen,
        )
        .order_by(akreditasi_latihan.c.dijawab_pada, akreditasi_latihan.c.id)
    )
    return list(hasil)


async def siklus_terpetakan(conn: AsyncConnection, sekolah_id: int) -> Row | None:
    """The school's newest cycle whose stage 1 is over (past stage 1, or the cycle finished):
    its quality map is the self-evaluation readiness is set against; or None. A stage 1 still
    running has only part of the answers."""
    hasil = await conn.execute(
        select(siklus)
        .where(
            siklus.c.sekolah_id == sekolah_id,
            siklus.c.instrumen_versi.is_not(None),
            or_(siklus.c.tahap >= 2, siklus.c.status == "selesai"),
        )
        .order_by(siklus.c.id.desc())
        .limit(1)
    )
    return hasil.first()


async def konteks_gender(conn: AsyncConnection, sekolah_id: int) -> str | None:
    """The school's IA2024 3.10.3 context (heterogen/homogen), or None before it said."""
    hasil = await conn.execute(
        select(akreditasi_pilihan.c.konteks_gender).where(
            akreditasi_pilihan.c.sekolah_id == sekolah_id
        )
    )
    return hasil.scalar_one_or_none()


async def simpan_konteks_gender(conn: AsyncConnection, sekolah_id: int, konteks: str) -> None:
    """Record the school's 3.10.3 context (the school has chosen an instrument already)."""
    await conn.execute(
        update(akreditasi_pilihan)
        .where(akreditasi_pilihan.c.sekolah_id == sekolah_id)
        .values(konteks_gender=konteks)
    )


async def dka_sekolah(conn: AsyncConnection, sekolah_id: int, instrumen: str) -> dict[str, Row]:
    """The DKA narratives of the school, by butir."""
    hasil = await conn.execute(
        select(akreditasi_dka).where(
            akreditasi_dka.c.sekolah_id == sekolah_id, akreditasi_dka.c.instrumen == instrumen
        )
    )
    return {b.butir: b for b in hasil}


async def simpan_dka(
    conn: AsyncConnection,
    sekolah_id: int,
    instrumen: str,
    butir: str,
    teks: str,
    pengguna_id: int,
    waktu: datetime,
) -> None:
    """Keep a butir's DKA text as a draft (an approved text edited becomes a draft again)."""
    await upsert(
        conn,
        akreditasi_dka,
        {
            "sekolah_id": sekolah_id,
            "instrumen": instrumen,
            "butir": butir,
            "teks": teks,
            "status": "draf",
            "diperbarui_oleh": pengguna_id,
            "diperbarui_pada": waktu,
            "disetujui_oleh": None,
            "disetujui_pada": None,
        },
        kunci=("sekolah_id", "instrumen", "butir"),
        perbarui=(
            "teks", "status", "diperbarui_oleh", "diperbarui_pada", "disetujui_oleh",
            "disetujui_pada",
        ),
    )  # fmt: skip


async def setujui_dka(
    conn: AsyncConnection,
    sekolah_id: int,
    instrumen: str,
    butir: str,
    pengguna_id: int,
    waktu: datetime,
) -> bool:
    """Approve a butir's DKA draft; False when there is no draft to approve."""
    hasil = await conn.execute(
        update(akreditasi_dka)
        .where(
            akreditasi_dka.c.sekolah_id == sekolah_id,
            akreditasi_dka.c.instrumen == instrumen,
            akreditasi_dka.c.butir == butir,
            akreditasi_dka.c.status == "draf",
        )
        .values(status="disetujui", disetujui_oleh=pengguna_id, disetujui_pada=waktu)
    )
    return bool(hasil.rowcount)


async def kegiatan_dan_laporan(conn: AsyncConnection, sekolah_id: int) -> list[Row]:
    """The plan activities the school committed to (all cycles), with the SNP indicator of the
    commitment and each progress report (status, persen, catatan; None without one), oldest
    first: what the DKA draft may cite."""
    hasil = await conn.execute(
        select(
            komitmen.c.id.label("komitmen_id"),
            komitmen.c.indikator_kode,
            kegiatan.c.deskripsi,
            laporan.c.status,
            laporan.c.persen,
            laporan.c.catatan,
        )
        .join(siklus, siklus.c.id == komitmen.c.siklus_id)
        .join(kegiatan, kegiatan.c.kunci == komitmen.c.kegiatan_kunci)
        .outerjoin(laporan, laporan.c.komitmen_id == komitmen.c.id)
        .where(siklus.c.sekolah_id == sekolah_id)
        .order_by(komitmen.c.id, laporan.c.dibuat_pada, laporan.c.id)
    )
    return list(hasil)
